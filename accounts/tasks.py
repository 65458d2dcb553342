"""Thin tasks over the accounts services."""

from celery import shared_task

from accounts import services


@shared_task
def password_reset_handle(request_id: int) -> int:
    return services.password_reset_handle(request_id=request_id)


@shared_task
def password_resets_sweep() -> int:
    """Beat: handle requests whose task was lost (the broker was down). Harmless to lose."""
    return services.password_resets_handle_waiting()
