"""Thin tasks over the outbox; the database, not the broker, holds what is still to send."""

from celery import shared_task
from django.conf import settings

from outbox import services


@shared_task
def sweep() -> int:
    """Beat, every few seconds: start senders when emails are due. Losing this is harmless."""
    due = services.emails_due_count()
    for _ in range(min(due, settings.OUTBOX_SENDERS)):
        send_due.delay()
    return due


@shared_task
def send_due() -> int:
    return services.emails_send_due(seconds=settings.OUTBOX_DRAIN_SECONDS)


@shared_task
def send_email(email_id: int) -> bool:
    return services.email_send(email_id=email_id)
