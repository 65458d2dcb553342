"""A real Celery worker process runs a task; no eager mode."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from kombu import Connection

from config.celery import app
from config.settings.base import embedded_broker_options

ROOT = Path(__file__).resolve().parent.parent


def start_worker(env_overrides: dict) -> subprocess.Popen:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.test", **env_overrides)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--beat",
            "-c",
            "1",
            "--loglevel",
            "WARNING",
            "-s",
            env_overrides.get("BEAT_FILE", "/tmp/rs-beat"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def wait_for(path: Path, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists():
            return path.read_text()
        time.sleep(0.2)
    return ""


def run_task_through_worker(connection: Connection, env_overrides: dict, marker: Path) -> str:
    worker = start_worker(env_overrides)
    try:
        app.send_task("config.tasks.write_marker", args=[str(marker), "ran"], connection=connection)
        return wait_for(marker)
    finally:
        worker.terminate()
        output, _ = worker.communicate(timeout=30)
        if not marker.exists():
            print(output.decode(errors="replace"))


@pytest.mark.celery_worker
def test_a_worker_on_the_embedded_broker_runs_a_task(tmp_path):
    broker_dir = tmp_path / "broker"
    options = embedded_broker_options(broker_dir)
    for folder in ("queue", "control", "processed"):
        (broker_dir / folder).mkdir(parents=True)
    marker = tmp_path / "marker.txt"
    with Connection("filesystem://", transport_options=options) as connection:
        text = run_task_through_worker(
            connection,
            {
                "CELERY_BROKER_URL": "",
                "REDIS_URL": "",
                "RUNSTRONG_BROKER_DIR": str(broker_dir),
                "BEAT_FILE": str(tmp_path / "beat"),
            },
            marker,
        )
    assert text == "ran"


@pytest.mark.redis
@pytest.mark.celery_worker
def test_a_worker_on_redis_runs_a_task(tmp_path):
    url = os.environ["CELERY_BROKER_URL"]
    marker = tmp_path / "marker.txt"
    with Connection(url) as connection:
        text = run_task_through_worker(
            connection, {"CELERY_BROKER_URL": url, "BEAT_FILE": str(tmp_path / "beat")}, marker
        )
    assert text == "ran"
