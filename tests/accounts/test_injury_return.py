"""An injury set and cleared on the profile page: the history it leaves and the weeks after it,
as the runner sees them on their week page."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Injury, RunnerProfile
from plans.models import PlanWeek, Session

pytestmark = pytest.mark.django_db

PROFILE = reverse("accounts:profile")
MONDAY = date(2026, 11, 23)
NEXT_MONDAY = MONDAY + timedelta(weeks=1)
TWO_SHORT_RUNS = "at most two short easy runs"


class Clock:
    def __init__(self, day: date) -> None:
        self.moment = datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.moment

    def next_day(self) -> None:
        self.moment += timedelta(days=1)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(MONDAY)
    monkeypatch.setattr(timezone, "now", clock)
    return clock


@pytest.fixture
def onboarded(client, runner, clock, profile_post):
    """The runner, onboarded on MONDAY with this week and the next planned."""
    client.force_login(runner)
    response = client.post(reverse("accounts:onboarding"), profile_post)
    assert response.status_code == 302
    return runner


def injure(client, profile_post, **extra) -> None:
    response = client.post(
        PROFILE, {**profile_post, "injured": "on", "injury_area": "knee", **extra}
    )
    assert response.status_code == 302, response.content.decode()


def clear(client, profile_post, **extra) -> None:
    response = client.post(PROFILE, {**profile_post, **extra})
    assert response.status_code == 302, response.content.decode()


def next_week_page(client) -> str:
    return client.get(reverse("plans:week_of", args=[NEXT_MONDAY])).content.decode()


def planned(runner, week_start: date) -> list[tuple]:
    sessions = Session.objects.filter(
        runner=runner, date__range=(week_start, week_start + timedelta(days=6))
    ).prefetch_related("exercises")
    return [
        (s.date, s.kind, s.purpose, s.minutes, s.title, [e.exercise_id for e in s.exercises.all()])
        for s in sessions
    ]


def test_a_knee_set_and_cleared_the_next_day_keeps_next_weeks_long_run(
    client, onboarded, clock, profile_post
):
    injure(client, profile_post)
    assert "Long run" not in next_week_page(client)  # injury mode: no runs at all

    clock.next_day()
    clear(client, profile_post)

    page = next_week_page(client)
    assert "Long run" in page
    assert TWO_SHORT_RUNS not in page
    assert "no speed or hills" in page  # the one lighter week a day off costs
    next_week = Session.objects.filter(runner=onboarded, date__gte=NEXT_MONDAY)
    assert not next_week.filter(purpose__in=["speed", "hill"]).exists()


def test_a_knee_cleared_as_nothing_leaves_the_plan_as_it_was(
    client, onboarded, clock, profile_post
):
    before = planned(onboarded, NEXT_MONDAY)
    notes_before = PlanWeek.objects.get(runner=onboarded, week_start=NEXT_MONDAY).notes
    injure(client, profile_post)
    assert planned(onboarded, NEXT_MONDAY) != before

    clock.next_day()
    clear(client, profile_post, injury_was_nothing="on")

    assert planned(onboarded, NEXT_MONDAY) == before
    assert PlanWeek.objects.get(runner=onboarded, week_start=NEXT_MONDAY).notes == notes_before
    assert "Back from injury" not in next_week_page(client)


def test_a_five_week_injury_brings_the_full_return(client, onboarded, clock, profile_post):
    injure(client, profile_post, injured_since=(MONDAY - timedelta(weeks=5)).isoformat())

    clock.next_day()
    clear(client, profile_post)

    page = next_week_page(client)
    assert f"Back from injury: this week holds {TWO_SHORT_RUNS}." in page
    runs = Session.objects.filter(runner=onboarded, kind="run", date__gte=NEXT_MONDAY)
    assert 0 < runs.count() <= 2
    assert all(run.purpose == "easy" and run.minutes <= 30 for run in runs)


def test_the_history_keeps_each_injury_with_its_dates_and_how_it_was_cleared(
    client, onboarded, clock, profile_post
):
    injure(client, profile_post, injured_since=(MONDAY - timedelta(days=3)).isoformat())
    clock.next_day()
    clear(client, profile_post, injury_was_nothing="on")
    injure(client, profile_post, injury_area="shin")  # no date given: it started today

    profile = RunnerProfile.objects.get(user=onboarded)
    first, second = profile.injuries.order_by("pk")
    assert (first.area, first.started_on, first.cleared_on) == (
        "knee",
        MONDAY - timedelta(days=3),
        MONDAY + timedelta(days=1),
    )
    assert (first.days, first.was_nothing) == (4, True)
    assert (second.area, second.started_on, second.cleared_on) == (
        "shin",
        MONDAY + timedelta(days=1),
        None,
    )
    assert profile.injured_since == MONDAY + timedelta(days=1)


def test_changing_the_area_of_a_current_injury_changes_its_row(
    client, onboarded, clock, profile_post
):
    injure(client, profile_post)
    injure(client, profile_post, injury_area="shin")

    assert list(Injury.objects.values_list("area", "cleared_on")) == [("shin", None)]


def test_it_was_nothing_offered_only_to_an_injured_runner(client, onboarded, profile_post):
    assert 'data-testid="injury-was-nothing"' not in client.get(PROFILE).content.decode()
    injure(client, profile_post)
    assert "It was nothing: no need to ease back in" in client.get(PROFILE).content.decode()


def test_it_was_nothing_while_still_injured_is_refused_and_changes_nothing(
    client, onboarded, profile_post
):
    injure(client, profile_post)

    response = client.post(
        PROFILE,
        {**profile_post, "injured": "on", "injury_area": "shin", "injury_was_nothing": "on"},
    )

    assert response.status_code == 200
    assert "Untick “I am injured right now” too" in response.content.decode()
    assert list(Injury.objects.values_list("area", "cleared_on")) == [("knee", None)]
    assert "It was nothing" in response.content.decode()  # still offered after the refusal
