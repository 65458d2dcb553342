"""docker-compose.yml and deploy/nginx.conf: gunicorn trusts X-Forwarded-Proto only where no one
but the proxy, which sets that header itself, can reach it."""

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent


def compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def published(service: dict[str, Any]) -> bool:
    return bool(service.get("ports"))


def trusts_forwarded_proto(service: dict[str, Any]) -> bool:
    return str(service.get("environment", {}).get("BEHIND_PROXY", "")).lower() == "true"


def test_no_service_that_trusts_x_forwarded_proto_is_published():
    services = compose()["services"]
    trusting = [name for name, service in services.items() if trusts_forwarded_proto(service)]
    assert "web" in trusting
    assert [name for name in trusting if published(services[name])] == []


def test_only_the_proxy_is_published_and_it_forwards_to_gunicorn():
    services = compose()["services"]
    assert [name for name, service in services.items() if published(service)] == ["proxy"]
    mounted = " ".join(services["proxy"]["volumes"])
    assert "./deploy/nginx.conf:" in mounted
    config = (ROOT / "deploy" / "nginx.conf").read_text()
    assert "proxy_pass http://web:8000;" in config
    # Its own scheme, never the client's header passed along.
    assert re.search(r"proxy_set_header X-Forwarded-Proto \$scheme;", config)


def test_production_services_have_no_silent_defaults_in_compose():
    environment = compose()["x-app"]["environment"]
    assert environment["EMAIL_URL"].startswith("${EMAIL_URL:?")
    assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert environment["CELERY_BROKER_URL"].startswith("redis://")
    assert environment["REDIS_URL"].startswith("redis://")  # the cache
