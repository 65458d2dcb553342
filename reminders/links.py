"""Signed links in the email: each token serves one purpose and cannot be reused for another,
and each stops working after a while."""

from datetime import datetime, timedelta

from django.core import signing
from django.urls import reverse

DONE_SALT = "reminders.routine-done"
UNSUBSCRIBE_SALT = "reminders.unsubscribe"
DONE_LINK_LIFETIME = timedelta(days=4)
# An opt-out link must keep working for at least 30 days after the email is sent (CAN-SPAM);
# past that, the profile settings turn the emails off.
UNSUBSCRIBE_LINK_LIFETIME = timedelta(days=30)


class _SignerAt(signing.TimestampSigner):
    """Signs as if at `moment`: the same moment gives the same link, so a resent email carries
    the link the first one did."""

    def __init__(self, moment: datetime, **kwargs):
        super().__init__(**kwargs)
        self.moment = moment

    def timestamp(self) -> str:
        return signing.b62_encode(int(self.moment.timestamp()))


def _signer(salt: str, issued_at: datetime | None) -> signing.TimestampSigner:
    if issued_at is None:
        return signing.TimestampSigner(salt=salt)
    return _SignerAt(issued_at, salt=salt)


def done_path(reminder_id: int, issued_at: datetime | None = None) -> str:
    """The done link of a reminder; its lifetime counts from `issued_at` (now if not given)."""
    token = _signer(DONE_SALT, issued_at).sign(str(reminder_id))
    return reverse("reminders:done", args=[token])


def unsubscribe_path(user_id: int, issued_at: datetime | None = None) -> str:
    token = _signer(UNSUBSCRIBE_SALT, issued_at).sign(str(user_id))
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
