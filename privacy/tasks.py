"""Thin tasks over the export services; the database holds what is left to do."""

from celery import shared_task

from privacy import services


@shared_task(soft_time_limit=8 * 60, time_limit=9 * 60)
def build_export(export_id: int) -> bool:
    return services.export_build(export_id=export_id)


@shared_task
def sweep() -> int:
    """Beat, every minute: restart exports whose task was lost, retire old zips."""
    stalled = services.exports_stalled()
    for export_id in stalled:
        build_export.delay(export_id)
    services.exports_tidy()
    return len(stalled)
