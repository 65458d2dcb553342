from datetime import time, timedelta

import factory
from django.utils import timezone

from accounts.models import Commitment, Goal, GoalKind, Invitation, RunnerProfile
from tests.factories import CoachFactory, UserFactory


class RunnerProfileFactory(factory.django.DjangoModelFactory[RunnerProfile]):
    """An onboarded profile: Mon, Wed, Fri and Sun free for 45 minutes, long run on Sunday."""

    class Meta:
        model = RunnerProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    runner_type = "recreational"
    time_zone = "Europe/London"
    long_run_day = 6
    onboarded_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def week(obj, create, extracted, **kwargs):
        available = extracted if extracted is not None else (0, 2, 4, 6)
        Commitment.objects.bulk_create(
            Commitment(
                profile=obj,
                weekday=day,
                available=day in available,
                minutes=45 if day in available else 0,
                usual_run_time=time(7, 0) if day in available else None,
            )
            for day in range(7)
        )


class RaceGoalFactory(factory.django.DjangoModelFactory[Goal]):
    class Meta:
        model = Goal

    profile = factory.SubFactory(RunnerProfileFactory)
    kind = GoalKind.RACE
    distance = "10k"
    race_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(weeks=10))


class PersonalBestGoalFactory(factory.django.DjangoModelFactory[Goal]):
    """A 10 km personal best of 50:00: VDOT 40."""

    class Meta:
        model = Goal

    profile = factory.SubFactory(RunnerProfileFactory)
    kind = GoalKind.PERSONAL_BEST
    distance = "10k"
    pb_time = timedelta(minutes=50)


class InvitationFactory(factory.django.DjangoModelFactory[Invitation]):
    class Meta:
        model = Invitation

    coach = factory.SubFactory(CoachFactory)
    email = factory.Sequence(lambda n: f"invited{n}@example.com")
