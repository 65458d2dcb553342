"""Thin tasks over the reminder services; the database, not the broker, holds the schedule."""

from celery import shared_task
from django.conf import settings

from reminders import services


@shared_task
def sweep() -> int:
    """Beat, every few seconds: start senders when reminders are due. Losing this is harmless."""
    due = services.reminders_due_count()
    for _ in range(min(due, settings.REMINDER_SENDERS)):
        send_due.delay()
    return due


@shared_task
def send_due() -> int:
    return services.reminders_send_due(seconds=settings.REMINDER_DRAIN_SECONDS)


@shared_task
def send_reminder(reminder_id: int) -> bool:
    return services.reminder_send(reminder_id=reminder_id)
