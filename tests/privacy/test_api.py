import io
import zipfile

import pytest
from django.urls import reverse

from accounts.models import User
from privacy import services
from privacy.models import DataExport
from tests.api.conftest import bearer

PASSWORD = "a long password 123"


def _api(client, user, method, name, args=(), **body):
    call = getattr(client, method)
    return call(
        reverse(name, args=args),
        data=body or None,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {bearer(user)}",
    )


def test_a_token_asks_for_an_export_then_downloads_it(
    client, runner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # a worker builds it at once
        asked = _api(client, runner, "post", "api:export")

    assert asked.status_code == 202 and asked.json()["state"] == "queued"
    latest = _api(client, runner, "get", "api:export").json()
    download = client.get(latest["download"], HTTP_AUTHORIZATION=f"Bearer {bearer(runner)}")
    assert download.status_code == 200
    assert "account.csv" in zipfile.ZipFile(io.BytesIO(download.content)).namelist()


def test_a_second_export_while_one_waits_is_a_conflict(client, runner, monkeypatch):
    from privacy import tasks

    monkeypatch.setattr(tasks.build_export, "delay", lambda export_id: None)  # a busy worker
    assert _api(client, runner, "post", "api:export").status_code == 202

    assert _api(client, runner, "post", "api:export").status_code == 409
    assert DataExport.objects.count() == 1


def test_nobody_else_downloads_an_export(client, runner, other_runner, coach, other_coach):
    export = services.export_request(user=runner)
    services.export_build(export_id=export.pk)

    for stranger in (other_runner, coach, other_coach):
        answer = _api(client, stranger, "get", "api:export_download", [export.pk])
        assert answer.status_code == 404
    assert _api(client, runner, "get", "api:export_download", [export.pk]).status_code == 200
    assert client.get(reverse("api:export")).status_code == 401


@pytest.mark.parametrize(
    ("password", "confirm", "field"),
    [("wrong", "delete my account", "password"), (PASSWORD, "yes", "confirm")],
)
def test_deleting_needs_the_password_and_the_words(client, runner, password, confirm, field):
    runner.set_password(PASSWORD)
    runner.save()

    answer = _api(client, runner, "delete", "api:account", password=password, confirm=confirm)

    assert answer.status_code == 400 and field in answer.json()["errors"]
    assert User.objects.filter(pk=runner.pk).exists()


def test_a_token_deletes_its_account(client, runner):
    runner.set_password(PASSWORD)
    runner.save()

    answer = _api(
        client, runner, "delete", "api:account", password=PASSWORD, confirm="delete my account"
    )

    assert answer.status_code == 204
    assert not User.objects.filter(pk=runner.pk).exists()
