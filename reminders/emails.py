"""The post-run email: today's strength routine with its done and unsubscribe links."""

from django.conf import settings
from django.urls import reverse

from accounts.models import DistanceUnit, RunnerProfile
from config import emails
from plans.runs import compact_line, distance_text
from reminders import links
from reminders.models import Reminder
from reminders.routine import Routine


def post_run_email_send(*, reminder: Reminder, routine: Routine) -> None:
    run = reminder.session
    runner = run.runner
    unsubscribe_url = settings.SITE_URL + links.unsubscribe_path(runner.pk)
    unit = (
        RunnerProfile.objects.filter(user=runner).values_list("distance_unit", flat=True).first()
        or DistanceUnit.KM
    )
    emails.send(
        "post_run",
        to=runner.email,
        context={
            "runner": runner,
            "run": run,
            "routine": routine,
            "run_line": compact_line(run.structure, unit) if run.structure else "",
            "run_distance": distance_text(run.distance_km, unit),
            "done_url": settings.SITE_URL + links.done_path(reminder.pk),
            "week_url": settings.SITE_URL + reverse("plans:week"),
            "unsubscribe_url": unsubscribe_url,
            "done_link_days": links.DONE_LINK_LIFETIME.days,
        },
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "X-RunStrong-Reminder": str(reminder.pk),
        },
    )
