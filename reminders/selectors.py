"""Reads about reminders for other pages: the week page badge and the runner's settings."""

from collections.abc import Iterable

from accounts.models import User
from plans.models import Session
from reminders.models import Reminder, State


def statuses_for(sessions: Iterable[Session]) -> dict[int, str]:
    """Each run's reminder state (a `State` value) by session id, in one query."""
    return dict(
        Reminder.objects.filter(session__in=[session.pk for session in sessions]).values_list(
            "session_id", "state"
        )
    )


def failed_for(user: User, limit: int = 5) -> list[Reminder]:
    """The latest reminders that could not be sent to `user`, newest run first."""
    return list(
        Reminder.objects.filter(session__runner=user, state=State.FAILED)
        .select_related("session")
        .order_by("-session__date")[:limit]
    )
