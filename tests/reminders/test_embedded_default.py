"""`make run` with nothing installed: a logged run's reminder shows in the terminal and in
var/mail/, through the same worker command scripts/run_dev.py starts."""

import importlib.util
import os
import subprocess
import sys
import time

import pytest

from tests.reminders.real_parts import ROOT

pytestmark = pytest.mark.celery_worker

LOG_A_RUN = """
from django.utils import timezone
from accounts.demo import DEMO_RUNNER_EMAIL
from accounts.models import User
from plans.models import Session
from plans.services import run_log_create
from plans.signals import run_changed

runner = User.objects.get(email=DEMO_RUNNER_EMAIL)
runner.runner_profile.reminder_delay_minutes = 0
runner.runner_profile.save()
today = timezone.localdate()
run = Session.objects.create(runner=runner, date=today, kind="run", title="Easy run", minutes=30)
run_changed.send(sender=Session, session=run)
run_log_create(runner=runner, run_date=run.date, distance_m=5000, duration_seconds=1800, effort=4)
"""


def run_dev_worker_command() -> list[str]:
    spec = importlib.util.spec_from_file_location("run_dev", ROOT / "scripts" / "run_dev.py")
    assert spec is not None and spec.loader is not None
    run_dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run_dev)
    return run_dev.COMMANDS["worker"]


def test_a_logged_runs_reminder_appears_in_the_terminal_and_in_var_mail(tmp_path):
    services = ("DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL", "EMAIL_URL")
    env = {name: value for name, value in os.environ.items() if name not in services}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.local", RUNSTRONG_VAR_DIR=str(tmp_path))
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["load_demo"]):
        subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True, capture_output=True)
    terminal = tmp_path / "terminal.log"
    with terminal.open("wb") as output:
        worker = subprocess.Popen(
            run_dev_worker_command(), cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        subprocess.run([*manage, "shell", "-c", LOG_A_RUN], cwd=ROOT, env=env, check=True)
        mails = []
        deadline = time.monotonic() + 60
        while not mails and time.monotonic() < deadline:
            time.sleep(0.5)
            mails = list((tmp_path / "mail").glob("*.eml"))
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    assert len(mails) == 1, terminal.read_text(errors="replace")[-3000:]
    assert "strength routine after today's run" in mails[0].read_text()
    assert "runner@demo.runstrong.local" in terminal.read_text()
