import os
from pathlib import Path

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("runstrong")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def ensure_broker_folders(conf=app.conf) -> None:
    """The filesystem transport needs its folders before it can connect."""
    for folder in (conf.broker_transport_options or {}).values():
        if isinstance(folder, str) and folder.startswith("/"):
            Path(folder).mkdir(parents=True, exist_ok=True)


@worker_init.connect
def _create_broker_folders(**kwargs):
    ensure_broker_folders()


@worker_init.connect
def _refuse_a_reminder_lease_shorter_than_a_send(**kwargs):
    from django.core.exceptions import ImproperlyConfigured

    from reminders.checks import refuse_a_short_lease

    try:
        refuse_a_short_lease()
    except ImproperlyConfigured as error:  # Celery logs and ignores a handler's exceptions
        raise SystemExit(f"The worker did not start: {error}") from error
