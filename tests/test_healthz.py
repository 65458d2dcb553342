import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_healthz_reports_ok_when_database_and_broker_answer(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok"}


@pytest.mark.django_db
def test_healthz_is_503_and_names_the_broker_when_it_is_down(client, monkeypatch):
    from kombu import Connection

    from config import views

    # Nothing listens on port 1: a real connection attempt that fails.
    monkeypatch.setattr(
        views.celery_app, "connection_for_write", lambda: Connection("redis://127.0.0.1:1/0")
    )
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "broker": "failed"}
