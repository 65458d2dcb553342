"""Signed links in the email: each token serves one purpose and cannot be reused for another,
and each stops working after a while."""

from datetime import timedelta

from django.core import signing
from django.urls import reverse

DONE_SALT = "reminders.routine-done"
UNSUBSCRIBE_SALT = "reminders.unsubscribe"
DONE_LINK_LIFETIME = timedelta(days=4)
# An opt-out link must keep working for at least 30 days after the email is sent (CAN-SPAM);
# past that, the profile settings turn the emails off.
UNSUBSCRIBE_LINK_LIFETIME = timedelta(days=30)


def done_path(reminder_id: int) -> str:
    token = signing.TimestampSigner(salt=DONE_SALT).sign(str(reminder_id))
    return reverse("reminders:done", args=[token])


def unsubscribe_path(user_id: int) -> str:
    token = signing.TimestampSigner(salt=UNSUBSCRIBE_SALT).sign(str(user_id))
    return reverse("reminders:unsubscribe", args=[token])


def _signed_id(token: str, salt: str, lifetime: timedelta) -> int | None:
    try:
        return int(signing.TimestampSigner(salt=salt).unsign(token, max_age=lifetime))
    except (signing.BadSignature, ValueError):
        return None


def reminder_id_from(token: str) -> int | None:
    """The reminder a done link names, or None if the link is forged or too old."""
    return _signed_id(token, DONE_SALT, DONE_LINK_LIFETIME)


def user_id_from(token: str) -> int | None:
    """The runner an unsubscribe link names, or None if the link is forged or too old."""
    return _signed_id(token, UNSUBSCRIBE_SALT, UNSUBSCRIBE_LINK_LIFETIME)
