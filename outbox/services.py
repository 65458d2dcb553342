"""The one path for every email but the post-run reminders: store it, then send it with retries."""

import logging
import time
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from config import emails
from outbox.models import Email, State

logger = logging.getLogger(__name__)


def email_queue(
    *,
    template: str,
    to: str,
    context: dict[str, Any],
    kind: str = "",
    headers: dict[str, str] | None = None,
    secret: bool = False,
) -> Email:
    """Render templates/emails/<template>/ now, store the email, and send it once the caller's
    transaction commits; if that send fails, the sweep retries with backoff. A `secret` email
    (a reset or sign-in link) has its body wiped once it is sent."""
    rendered = emails.render(template, context)
    now = timezone.now()
    email = Email.objects.create(
        created_at=now,
        next_try_at=now,
        to=to,
        subject=rendered.subject,
        text=rendered.text,
        html=rendered.html,
        headers=headers or {},
        kind=kind or template,
        secret=secret,
    )
    transaction.on_commit(partial(_queue_send, email.pk))
    return email


def email_retry(*, email: Email) -> bool:
    """Try a failed email again now (a person asked to); False if it is not waiting or failed."""
    retried = Email.objects.filter(pk=email.pk, state__in=[State.QUEUED, State.FAILED]).update(
        state=State.QUEUED, next_try_at=timezone.now(), attempts=0
    )
    if retried:
        transaction.on_commit(partial(_queue_send, email.pk))
    return bool(retried)


def email_send(*, email_id: int) -> bool:
    """Send one stored email if it is due and no one else holds it; True if it went out."""
    email = _claim(email_id)
    return email is not None and _deliver(email)


def emails_send_due(*, seconds: float) -> int:
    """Claim and send due emails one at a time for up to `seconds`; how many went out."""
    sent = 0
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        email_id = _next_due_id()
        if email_id is None:
            break
        email = _claim(email_id)
        if email is not None:
            sent += _deliver(email)
    return sent


def emails_due_count() -> int:
    return Email.objects.filter(_claimable(timezone.now())).count()


def _queue_send(email_id: int) -> None:
    from outbox.tasks import send_email

    try:
        send_email.delay(email_id)
    except Exception:  # the broker is down: the next sweep sends it from the database
        logger.warning("could not queue email %s; the sweep will send it", email_id)


def _claimable(now: datetime) -> Q:
    """Due and waiting, or held by a worker whose lease ran out (it died mid-send)."""
    return Q(state=State.QUEUED, next_try_at__lte=now) | Q(
        state=State.SENDING, claimed_until__lt=now
    )


def _next_due_id() -> int | None:
    with transaction.atomic():
        return (
            Email.objects.select_for_update(skip_locked=True)
            .filter(_claimable(timezone.now()))
            .order_by("next_try_at")
            .values_list("pk", flat=True)
            .first()
        )


def _claim(email_id: int) -> Email | None:
    """The conditional UPDATE that makes one worker, and only one, the sender of a row."""
    now = timezone.now()
    claimed = Email.objects.filter(_claimable(now), pk=email_id).update(
        state=State.SENDING,
        claimed_until=now + timedelta(seconds=settings.OUTBOX_LEASE_SECONDS),
        attempts=F("attempts") + 1,
    )
    if not claimed:
        return None
    return Email.objects.get(pk=email_id)


def _deliver(email: Email) -> bool:
    try:
        emails.deliver(
            emails.Rendered(subject=email.subject, text=email.text, html=email.html),
            to=email.to,
            headers=email.headers,
        )
    except Exception as error:  # SMTP refusals, timeouts, a server that is down
        _attempt_failed(email, error)
        return False
    wiped: dict[str, str] = {"text": "", "html": ""} if email.secret else {}
    Email.objects.filter(pk=email.pk).update(
        state=State.SENT, sent_at=timezone.now(), claimed_until=None, last_error="", **wiped
    )
    return True


def _attempt_failed(email: Email, error: Exception) -> None:
    message = f"{type(error).__name__}: {error}"[:500]
    logger.warning("email %s attempt %s failed: %s", email.pk, email.attempts, message)
    if email.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        fields: dict[str, Any] = {"state": State.FAILED}
    else:
        backoff = settings.OUTBOX_RETRY_SECONDS * 2 ** (email.attempts - 1)
        fields = {"state": State.QUEUED, "next_try_at": timezone.now() + timedelta(seconds=backoff)}
    Email.objects.filter(pk=email.pk).update(claimed_until=None, last_error=message, **fields)
