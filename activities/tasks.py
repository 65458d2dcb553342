"""Thin tasks over the import services; the database holds what is left to do."""

from celery import shared_task

from activities import services


@shared_task(soft_time_limit=20 * 60, time_limit=25 * 60)
def import_batch(batch_id: int) -> int:
    return services.batch_run(batch_id=batch_id)


@shared_task
def sweep() -> int:
    """Beat, every minute: start batches whose task was lost or whose worker died."""
    stalled = services.batches_stalled()
    for batch_id in stalled:
        import_batch.delay(batch_id)
    return len(stalled)
