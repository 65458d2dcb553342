import datetime

from django.conf import settings

from config.celery import app
from plans.models import PlanWeek
from plans.services import monday_of
from plans.tasks import plan_upcoming_weeks_for_everyone
from tests.accounts.factories import RunnerProfileFactory


def test_the_hourly_task_plans_this_week_and_next_for_every_onboarded_runner_once(db):
    onboarded = RunnerProfileFactory(time_zone="Pacific/Kiritimati")
    RunnerProfileFactory(onboarded_at=None)
    assert plan_upcoming_weeks_for_everyone() == 2
    assert plan_upcoming_weeks_for_everyone() == 0
    weeks = PlanWeek.objects.values_list("runner_id", "week_start")
    assert {runner for runner, _ in weeks} == {onboarded.user_id}
    kiritimati_today = datetime.datetime.now(onboarded.zone).date()
    assert min(start for _, start in weeks) == monday_of(kiritimati_today)


def test_every_beat_entry_names_a_task_the_worker_knows():
    app.loader.import_default_modules()
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert entry["task"] in app.tasks, name
    assert settings.CELERY_BEAT_SCHEDULE["plan-upcoming-weeks"]["schedule"] <= 3600
