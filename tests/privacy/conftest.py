from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import Injury
from activities.services import activity_import
from plans.models import Session, Status, WeekNote
from plans.services import monday_of, week_generate
from privacy import tasks
from tests.accounts.factories import RaceGoalFactory, RunnerProfileFactory
from tests.activities import samples
from tests.plans.factories import RunLogFactory

HISTORY_WEEKS = 52


@pytest.fixture(autouse=True)
def export_worker(monkeypatch):
    """A worker that builds each queued export at once, as a running one would."""
    monkeypatch.setattr(
        tasks.build_export, "delay", lambda export_id: tasks.build_export(export_id)
    )


@pytest.fixture
def history(runner, coach):
    """`runner` with a year of weeks (past ones done), a race, an injury, a hand-logged run, an
    imported run, and a note from their coach. Returns the imported file's bytes."""
    profile = RunnerProfileFactory(user=runner, time_zone="UTC")
    RaceGoalFactory(profile=profile, race_date=timezone.localdate() + timedelta(weeks=10))
    Injury.objects.create(
        profile=profile,
        area="knee",
        started_on=timezone.localdate() - timedelta(days=200),
        cleared_on=timezone.localdate() - timedelta(days=180),
    )
    this_monday = monday_of(profile.today())
    for weeks_ago in range(HISTORY_WEEKS, -1, -1):
        start = this_monday - timedelta(weeks=weeks_ago)
        week_generate(runner=runner, week_start=start, today=start)
    Session.objects.filter(runner=runner, date__lt=this_monday).update(status=Status.DONE)
    RunLogFactory(runner=runner, date=this_monday - timedelta(days=3))
    WeekNote.objects.create(runner=runner, week_start=this_monday, text="Good week", author=coach)
    original = samples.gpx(samples.track(timezone.now() - timedelta(hours=2)))
    activity_import(runner=runner, uploaded_by=runner, name="morning.gpx", data=original)
    return original


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client
