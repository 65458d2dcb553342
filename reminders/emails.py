"""The post-run email: today's strength routine with its done and unsubscribe links.

A reminder's email is the same message however often it is sent: its Message-ID is made from
the reminder's id and its done link from the moment of the first try, so a server (or the
runner's mail program) can tell a resend for what it is."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse

from accounts.models import DistanceUnit, RunnerProfile
from config import emails
from plans.runs import compact_line, distance_text
from reminders import links
from reminders.models import Reminder
from reminders.routine import Routine


def message_id(reminder_id: int) -> str:
    return f"<reminder-{reminder_id}@{urlsplit(settings.SITE_URL).hostname or 'localhost'}>"


def post_run_email(*, reminder: Reminder, routine: Routine) -> EmailMultiAlternatives:
    run = reminder.session
    runner = run.runner
    issued_at = reminder.first_try_at
    unsubscribe_url = settings.SITE_URL + links.unsubscribe_path(runner.pk, issued_at)
    done_path = links.done_path(reminder.pk, issued_at)
    profile: RunnerProfile | None = getattr(runner, "runner_profile", None)  # read with the claim
    unit = profile.distance_unit if profile else DistanceUnit.KM
    rendered = emails.render(
        "post_run",
        context={
            "runner": runner,
            "run": run,
            "routine": routine,
            "run_line": compact_line(run.structure, unit) if run.structure else "",
            "run_distance": distance_text(run.distance_km, unit),
            "done_url": settings.SITE_URL + done_path,
            "week_url": settings.SITE_URL + reverse("plans:week"),
            "unsubscribe_url": unsubscribe_url,
            "done_link_days": links.DONE_LINK_LIFETIME.days,
        },
    )
    return emails.message(
        rendered,
        to=runner.email,
        headers={
            "Message-ID": message_id(reminder.pk),
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "X-RunStrong-Reminder": str(reminder.pk),
        },
    )
