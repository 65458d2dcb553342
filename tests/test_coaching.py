import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import Coaching
from tests.factories import CoachFactory, CoachingFactory


@pytest.mark.django_db
def test_an_athlete_cannot_have_two_current_coaches(runner, coach):
    with pytest.raises(IntegrityError), transaction.atomic():
        CoachingFactory(coach=CoachFactory(), athlete=runner)


@pytest.mark.django_db
def test_an_ended_coaching_frees_the_athlete_for_a_new_coach(runner, coach):
    Coaching.objects.filter(athlete=runner).update(ended_at=timezone.now())
    CoachingFactory(coach=CoachFactory(), athlete=runner)
    assert Coaching.objects.current().filter(athlete=runner).count() == 1
    assert Coaching.objects.filter(athlete=runner).count() == 2
