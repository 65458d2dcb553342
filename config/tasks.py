from pathlib import Path

from celery import shared_task


@shared_task
def write_marker(path: str, text: str) -> None:
    """A task with an effect outside the worker, so a test can see a real worker ran it."""
    Path(path).write_text(text)
