"""Factories shared by every app's tests; app-specific ones live beside their tests."""

import factory
from django.utils import timezone

from accounts.models import Coaching, User

TEST_PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    email_verified_at = factory.LazyFunction(timezone.now)
    display_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save(update_fields=["password"])


class CoachFactory(UserFactory):
    is_coach = True
    display_name = factory.Sequence(lambda n: f"Coach {n}")


class CoachingFactory(factory.django.DjangoModelFactory[Coaching]):
    class Meta:
        model = Coaching

    coach = factory.SubFactory(CoachFactory)
    athlete = factory.SubFactory(UserFactory)
