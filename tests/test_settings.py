import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


SERVICE_VARIABLES = {"DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL", "EMAIL_URL", "BEHIND_PROXY"}
PRODUCTION = {
    "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-for-the-check-0123456789",
    "ALLOWED_HOSTS": "runstrong.example.org",
    "DATABASE_URL": "postgres://runstrong:secret@db:5432/runstrong",
    "CELERY_BROKER_URL": "redis://redis:6379/0",
    "REDIS_URL": "redis://redis:6379/1",
    "EMAIL_URL": "smtp+tls://coach:secret@mail.example.org:587",
}
REPORT = """
import json, django
from django.conf import settings
django.setup()
from django.test import RequestFactory
request = RequestFactory().get("/", HTTP_X_FORWARDED_PROTO="https")
print(json.dumps({
    "engine": settings.DATABASES["default"]["ENGINE"],
    "name": str(settings.DATABASES["default"]["NAME"]),
    "broker": settings.CELERY_BROKER_URL,
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": str(settings.CACHES["default"]["LOCATION"]),
    "sessions": settings.SESSION_ENGINE,
    "conn_max_age": settings.DATABASES["default"].get("CONN_MAX_AGE", 0),
    "conn_health_checks": settings.DATABASES["default"].get("CONN_HEALTH_CHECKS", False),
    "email": settings.EMAIL_BACKEND,
    "debug": settings.DEBUG,
    "forwarded_https_trusted": request.is_secure(),
}))
"""


def run_settings(module: str, script: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run a script under a settings module in a clean interpreter: no service variables but
    those passed."""
    clean = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
    clean.update(DJANGO_SETTINGS_MODULE=module, **env)
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def load_settings(module: str, **env: str) -> dict:
    """Import a settings module in a clean interpreter and report what it decided."""
    result = run_settings(module, REPORT, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_local_settings_default_to_sqlite_in_var_and_the_embedded_broker():
    decided = load_settings("config.settings.local")
    assert decided["engine"] == "django.db.backends.sqlite3"
    assert decided["name"].endswith("var/runstrong.sqlite3")
    assert decided["broker"] == "filesystem://"
    assert decided["email"] == "config.mail.ConsoleAndFileBackend"
    assert decided["debug"] is True
    # A cache the web and worker processes share with no server to run.
    assert decided["cache"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert decided["cache_location"].endswith("var/cache")
    assert decided["sessions"] == "django.contrib.sessions.backends.cached_db"


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
    env.update(DJANGO_SETTINGS_MODULE="config.settings.production", **PRODUCTION)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_use_the_services_the_environment_names():
    decided = load_settings("config.settings.production", **PRODUCTION)
    assert decided["engine"] == "django.db.backends.postgresql"
    assert decided["broker"] == "redis://redis:6379/0"
    assert decided["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert decided["debug"] is False
    assert decided["cache"] == "config.redis_cache.RedisCache"
    assert decided["cache_location"] == "redis://redis:6379/1"
    assert decided["sessions"] == "django.contrib.sessions.backends.cached_db"
    assert (decided["conn_max_age"], decided["conn_health_checks"]) == (60, True)


@pytest.mark.parametrize(
    ("unset", "named"),
    [
        ({"DATABASE_URL"}, "DATABASE_URL"),
        ({"CELERY_BROKER_URL", "REDIS_URL"}, "CELERY_BROKER_URL (or REDIS_URL), REDIS_URL"),
        ({"REDIS_URL"}, "REDIS_URL"),
        ({"EMAIL_URL"}, "EMAIL_URL"),
        (
            {"DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL", "EMAIL_URL"},
            "DATABASE_URL, CELERY_BROKER_URL (or REDIS_URL), EMAIL_URL, REDIS_URL",
        ),
    ],
)
def test_production_settings_refuse_to_start_without_a_service_and_name_it(unset, named):
    env = {k: v for k, v in PRODUCTION.items() if k not in unset}
    result = run_settings("config.settings.production", REPORT, **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"Production settings need {named} in the environment." in result.stderr


def test_redis_url_alone_is_enough_for_the_production_broker():
    env = {k: v for k, v in PRODUCTION.items() if k not in ("CELERY_BROKER_URL", "REDIS_URL")}
    decided = load_settings("config.settings.production", REDIS_URL="redis://cache:6379/1", **env)
    assert decided["broker"] == "redis://cache:6379/1"


def test_production_trusts_x_forwarded_proto_only_behind_a_proxy():
    direct = load_settings("config.settings.production", **PRODUCTION)
    assert direct["forwarded_https_trusted"] is False
    proxied = load_settings("config.settings.production", BEHIND_PROXY="true", **PRODUCTION)
    assert proxied["forwarded_https_trusted"] is True


def test_bench_settings_still_start_with_no_service_configured():
    decided = load_settings("config.settings.bench")
    assert decided["engine"] == "django.db.backends.sqlite3"
    assert decided["name"].endswith("var/bench.sqlite3")
    assert decided["email"] == "django.core.mail.backends.locmem.EmailBackend"


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_suite_runs_on_postgresql_when_database_url_says_so():
    assert connection.vendor == "postgresql"
