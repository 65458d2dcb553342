"""The post-run email: today's strength routine with its done and unsubscribe links."""

from django.conf import settings
from django.urls import reverse

from config import emails
from reminders import links
from reminders.models import Reminder
from reminders.routine import Routine


def post_run_email_send(*, reminder: Reminder, routine: Routine) -> None:
    run = reminder.session
    runner = run.runner
    unsubscribe_url = settings.SITE_URL + links.unsubscribe_path(runner.pk)
    emails.send(
        "post_run",
        to=runner.email,
        context={
            "runner": runner,
            "run": run,
            "routine": routine,
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
