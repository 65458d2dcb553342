"""Signed links in the email: each token serves one purpose and cannot be reused for another."""

from datetime import timedelta

from django.core import signing
from django.urls import reverse

DONE_SALT = "reminders.routine-done"
UNSUBSCRIBE_SALT = "reminders.unsubscribe"
DONE_LINK_LIFETIME = timedelta(days=4)


def done_path(reminder_id: int) -> str:
    token = signing.TimestampSigner(salt=DONE_SALT).sign(str(reminder_id))
    return reverse("reminders:done", args=[token])


def unsubscribe_path(user_id: int) -> str:
    token = signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(user_id))
    return reverse("reminders:unsubscribe", args=[token])


def reminder_id_from(token: str) -> int | None:
    """The reminder a done link names, or None if the link is forged or too old."""
    try:
        value = signing.TimestampSigner(salt=DONE_SALT).unsign(token, max_age=DONE_LINK_LIFETIME)
    except signing.BadSignature:
        return None
    return int(value)


def user_id_from(token: str) -> int | None:
    try:
        return int(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))
    except signing.BadSignature:
        return None
