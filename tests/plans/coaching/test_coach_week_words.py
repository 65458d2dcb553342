"""The coach's copy of an athlete's week speaks about the athlete; the athlete's speaks to them."""

import datetime
import re

from django.urls import reverse

from plans.models import PlanWeek, Session
from plans.services import weeks_ensure
from tests.plans.coaching.conftest import NEXT_MONDAY, TODAY


def text(client, url) -> str:
    body = client.get(url).content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


def test_the_coach_reads_their_legs_and_the_athlete_reads_your_legs(client, profile, coach):
    weeks_ensure(runner=profile.user, today=TODAY)
    client.force_login(coach)
    coachs = text(client, reverse("plans:athlete_week_of", args=[profile.user.pk, NEXT_MONDAY]))
    assert "on purpose: their legs get stronger while they rest." in coachs
    assert "your legs get stronger" not in coachs
    client.force_login(profile.user)
    own = text(client, reverse("plans:week_of", args=[NEXT_MONDAY]))
    assert "on purpose: your legs get stronger while they rest." in own


def test_the_coach_sees_the_plans_notes_as_what_the_athlete_is_told(client, profile, coach):
    weeks_ensure(runner=profile.user, today=TODAY)
    PlanWeek.objects.filter(runner=profile.user, week_start=NEXT_MONDAY).update(
        notes=["You have only 2 days with enough time, so this week holds 2 runs."]
    )
    client.force_login(coach)
    coachs = text(client, reverse("plans:athlete_week_of", args=[profile.user.pk, NEXT_MONDAY]))
    assert "The plan tells Rita Runner: “You have only 2 days" in coachs
    client.force_login(profile.user)
    own = text(client, reverse("plans:week_of", args=[NEXT_MONDAY]))
    assert "You have only 2 days" in own and "The plan tells" not in own


def test_days_before_the_plan_began_say_when_their_plan_starts(client, profile, coach):
    weeks_ensure(runner=profile.user, today=TODAY)
    wednesday = NEXT_MONDAY + datetime.timedelta(days=2)
    PlanWeek.objects.filter(runner=profile.user, week_start=NEXT_MONDAY).update(
        planned_from=wednesday
    )
    Session.objects.filter(runner=profile.user, date__lt=wednesday).delete()
    client.force_login(coach)
    coachs = text(client, reverse("plans:athlete_week_of", args=[profile.user.pk, NEXT_MONDAY]))
    assert f"Not planned: their plan starts {wednesday:%A %-d %b}." in coachs
    client.force_login(profile.user)
    own = text(client, reverse("plans:week_of", args=[NEXT_MONDAY]))
    assert f"Not planned: your plan starts {wednesday:%A %-d %b}." in own
