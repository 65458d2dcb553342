"""Start-up checks: a reminder's lease must outlast the slowest send the SMTP timeout allows,
or a second sender could take over a row whose email is still on its way."""

from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from reminders.services import worst_case_send_seconds


def lease_errors() -> list[checks.Error]:
    worst_case = worst_case_send_seconds()
    if worst_case < settings.REMINDER_LEASE_SECONDS:
        return []
    return [
        checks.Error(
            f"REMINDER_LEASE_SECONDS ({settings.REMINDER_LEASE_SECONDS}) must be longer than "
            f"the slowest send EMAIL_TIMEOUT ({settings.EMAIL_TIMEOUT}) allows: {worst_case:g} s.",
            hint="Raise REMINDER_LEASE_SECONDS or lower EMAIL_TIMEOUT.",
            id="reminders.E001",
        )
    ]


@checks.register(checks.Tags.compatibility)
def reminder_lease_covers_a_send(app_configs: Any = None, **kwargs: Any) -> list[checks.Error]:
    return lease_errors()


def refuse_a_short_lease() -> None:
    """A worker does not start with a lease too short (Celery runs no Django checks)."""
    for error in lease_errors():
        raise ImproperlyConfigured(f"{error.msg} {error.hint}")
