from celery import shared_task
from django.conf import settings
from django.utils import timezone

from plans.selectors import runners_needing_weeks
from plans.services import weeks_ensure_for


@shared_task
def plan_upcoming_weeks_for_everyone() -> int:
    """Hourly: every onboarded runner has this week and next planned, in their own time zone,
    so planned-run reminders exist even for runners who have not opened the site. Finds who
    needs a week in one query and hands them to the workers a chunk at a time; how many
    runners it handed out."""
    runner_ids = runners_needing_weeks(now=timezone.now())
    size = settings.PLANNING_CHUNK_SIZE
    for start in range(0, len(runner_ids), size):
        plan_weeks_for_runners.delay(runner_ids[start : start + size])
    return len(runner_ids)


@shared_task
def plan_weeks_for_runners(runner_ids: list[int]) -> int:
    """One chunk of the hourly planning; how many weeks it planned."""
    return weeks_ensure_for(runner_ids=runner_ids)


@shared_task
def dashboard_lines_refresh() -> int:
    """Every 15 minutes: athletes whose day ended get their coach's dashboard line recomputed
    before the coach looks (a write recomputes its own line on the next read)."""
    from plans.coaching.selectors import summaries_refresh_due

    return summaries_refresh_due()
