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
