from celery import shared_task

from accounts.models import RunnerProfile
from plans.services import weeks_ensure


@shared_task
def plan_upcoming_weeks_for_everyone() -> int:
    """Hourly: every onboarded runner has this week and next planned, in their own time zone,
    so planned-run reminders exist even for runners who have not opened the site."""
    profiles = RunnerProfile.objects.filter(onboarded_at__isnull=False).select_related("user")
    return sum(
        weeks_ensure(runner=profile.user, today=profile.today())
        for profile in profiles.iterator(chunk_size=500)
    )


@shared_task
def dashboard_lines_refresh() -> int:
    """Every 15 minutes: athletes whose day ended get their coach's dashboard line recomputed
    before the coach looks (a write recomputes its own line on the next read)."""
    from plans.coaching.selectors import summaries_refresh_due

    return summaries_refresh_due()
