import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def load_settings(module: str, **env) -> dict:
    """Import a settings module in a clean interpreter and report what it decided."""
    script = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], "
        "'name': str(settings.DATABASES['default']['NAME']), 'broker': settings.CELERY_BROKER_URL, "
        "'debug': settings.DEBUG}))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL"}}
    clean.update(DJANGO_SETTINGS_MODULE=module, **env)
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_local_settings_default_to_sqlite_in_var_and_the_embedded_broker():
    decided = load_settings("config.settings.local")
    assert decided["engine"] == "django.db.backends.sqlite3"
    assert decided["name"].endswith("var/runstrong.sqlite3")
    assert decided["broker"] == "filesystem://"
    assert decided["debug"] is True


def test_database_url_selects_postgresql_and_redis_url_selects_redis():
    decided = load_settings(
        "config.settings.local",
        DATABASE_URL="postgres://root@127.0.0.1:5432/test",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
    )
    assert decided["engine"] == "django.db.backends.postgresql"
    assert decided["name"] == "test"
    assert decided["broker"] == "redis://127.0.0.1:6379/0"


def test_production_settings_refuse_to_start_without_a_secret_key():
    clean = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    clean.update(DJANGO_SETTINGS_MODULE="config.settings.production", ALLOWED_HOSTS="example.org")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_the_deploy_check():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="x" * 20 + "a-long-random-production-secret-for-the-check-0123456789",
        ALLOWED_HOSTS="runstrong.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_suite_runs_on_postgresql_when_database_url_says_so():
    assert connection.vendor == "postgresql"
