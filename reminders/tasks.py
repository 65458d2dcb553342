"""Thin tasks over the reminder services; the database, not the broker, holds the schedule."""

from celery import shared_task
from django.conf import settings

from reminders import services


@shared_task
def sweep() -> int:
    """Beat, every few seconds: start senders when reminders are due, as many as there are
    free sender slots (none while enough are running). Losing this is harmless."""
    due = services.reminders_due_count()
    if due:
        for slot, token in services.sender_slots_book(wanted=due):
            send_due.delay(slot, token)
    return due


@shared_task
def send_due(slot: int, token: str) -> int:
    return services.slot_send_due(slot=slot, token=token, seconds=settings.REMINDER_DRAIN_SECONDS)


@shared_task
def send_reminder(reminder_id: int) -> bool:
    return services.reminder_send(reminder_id=reminder_id)
