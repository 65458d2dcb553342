from celery import shared_task

from limits import services


@shared_task
def prune() -> int:
    """Beat, hourly: forget attempts older than any window."""
    return services.hits_prune()
