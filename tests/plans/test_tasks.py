import datetime

from django.conf import settings

from config.celery import app
from plans import tasks
from plans.models import PlanWeek
from plans.services import monday_of
from plans.tasks import plan_upcoming_weeks_for_everyone
from tests.accounts.factories import RunnerProfileFactory


def test_the_hourly_task_plans_this_week_and_next_for_every_onboarded_runner_once(db, monkeypatch):
    chunks = []

    def run_now(runner_ids):
        chunks.append(runner_ids)
        return tasks.plan_weeks_for_runners(runner_ids)

    monkeypatch.setattr(tasks.plan_weeks_for_runners, "delay", run_now)
    onboarded = RunnerProfileFactory(time_zone="Pacific/Kiritimati")
    RunnerProfileFactory(onboarded_at=None)
    assert plan_upcoming_weeks_for_everyone() == 1
    assert chunks == [[onboarded.user_id]]
    assert plan_upcoming_weeks_for_everyone() == 0
    assert PlanWeek.objects.count() == 2
    weeks = PlanWeek.objects.values_list("runner_id", "week_start")
    assert {runner for runner, _ in weeks} == {onboarded.user_id}
    kiritimati_today = datetime.datetime.now(onboarded.zone).date()
    assert min(start for _, start in weeks) == monday_of(kiritimati_today)


def test_every_beat_entry_names_a_task_the_worker_knows():
    app.loader.import_default_modules()
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert entry["task"] in app.tasks, name
    assert settings.CELERY_BEAT_SCHEDULE["plan-upcoming-weeks"]["schedule"] <= 3600
