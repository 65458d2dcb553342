import csv
import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from privacy import services
from privacy.archive import columns
from privacy.inventory import TABLES
from privacy.models import DataExport, ExportState
from tests.privacy.conftest import logged_in


def _request_export(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:export_request"))
    assert response.status_code == 302
    return DataExport.objects.get()


def _zip(export: DataExport) -> zipfile.ZipFile:
    archive = DataExport.objects.values_list("archive", flat=True).get(pk=export.pk)
    return zipfile.ZipFile(io.BytesIO(bytes(archive)))


def test_a_year_of_history_is_exported_row_for_row(
    runner, history, django_capture_on_commit_callbacks
):
    export = _request_export(logged_in(runner), django_capture_on_commit_callbacks)

    export.refresh_from_db()
    assert export.state == ExportState.READY and export.progress == 100
    archive = _zip(export)
    data = json.loads(archive.read("data.json"))
    for table in TABLES:
        expected = table.rows(runner).count()
        lines = list(csv.reader(io.StringIO(archive.read(f"{table.name}.csv").decode())))
        assert lines[0] == columns(table), table.name
        assert len(lines) - 1 == expected, table.name
        assert len(data[table.name]) == expected, table.name
    assert len(data["sessions"]) > 52 * 5  # a year of weeks, not a sample of them
    assert data["account"][0]["email"] == runner.email


def test_the_export_holds_each_imported_file_as_uploaded(
    runner, history, django_capture_on_commit_callbacks
):
    export = _request_export(logged_in(runner), django_capture_on_commit_callbacks)

    archive = _zip(export)
    (path,) = [name for name in archive.namelist() if name.startswith("activities/")]
    assert path.endswith("-morning.gpx")
    assert archive.read(path) == history


def test_the_export_never_holds_the_password_hash(runner, django_capture_on_commit_callbacks):
    export = _request_export(logged_in(runner), django_capture_on_commit_callbacks)

    archive = _zip(export)
    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert runner.password.encode() not in everything
    assert runner.email.encode() in everything


def test_the_owner_is_emailed_a_link_to_the_page(runner, django_capture_on_commit_callbacks):
    _request_export(logged_in(runner), django_capture_on_commit_callbacks)

    (message,) = [m for m in mail.outbox if m.to == [runner.email]]
    assert "ready" in message.subject
    assert reverse("privacy:data") in message.body


def test_the_page_offers_the_download_once_ready(runner, django_capture_on_commit_callbacks):
    client = logged_in(runner)
    _request_export(client, django_capture_on_commit_callbacks)

    page = client.get(reverse("privacy:data")).content.decode()
    export = DataExport.objects.get()
    assert reverse("privacy:export_download", args=[export.pk]) in page
    download = client.get(reverse("privacy:export_download", args=[export.pk]))
    assert download["Content-Type"] == "application/zip"
    assert "attachment" in download["Content-Disposition"]


def test_a_second_request_while_one_is_built_is_refused(runner):
    first = services.export_request(user=runner)  # not built: no commit in this test

    with pytest.raises(services.ExportRunning):
        services.export_request(user=runner)
    response = logged_in(runner).post(reverse("privacy:export_request"), follow=True)
    assert "already being gathered" in response.content.decode()
    assert list(DataExport.objects.values_list("pk", flat=True)) == [first.pk]


def test_a_waiting_export_shows_its_progress(runner):
    export = services.export_request(user=runner)
    client = logged_in(runner)

    page = client.get(reverse("privacy:data")).content.decode()
    assert "Gathering your data" in page
    status = client.get(reverse("privacy:export_status", args=[export.pk])).json()
    assert status == {"state": "queued", "progress": 0}


def test_an_export_not_ready_cannot_be_downloaded(runner):
    export = services.export_request(user=runner)

    response = logged_in(runner).get(reverse("privacy:export_download", args=[export.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("who", ["other_runner", "coach", "other_coach"])
@pytest.mark.parametrize("page", ["privacy:export_status", "privacy:export_download"])
def test_nobody_else_reaches_an_export(who, page, request, runner):
    export = services.export_request(user=runner)
    services.export_build(export_id=export.pk)

    stranger = request.getfixturevalue(who)
    assert logged_in(stranger).get(reverse(page, args=[export.pk])).status_code == 404
    assert logged_in(runner).get(reverse(page, args=[export.pk])).status_code == 200


@pytest.mark.parametrize(
    "page", ["privacy:data", "privacy:export_status", "privacy:export_download"]
)
def test_anonymous_visitors_are_sent_to_log_in(page, client, runner):
    export = services.export_request(user=runner)
    args = [] if page == "privacy:data" else [export.pk]

    response = client.get(reverse(page, args=args))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_two_builders_never_both_build_one_export(runner):
    export = services.export_request(user=runner)

    assert services.export_build(export_id=export.pk) is True
    assert services.export_build(export_id=export.pk) is False


def test_the_sweep_restarts_a_lost_export_and_gives_up_after_three_tries(runner, frozen_now):
    export = services.export_request(user=runner)
    later = timezone.now() + timedelta(minutes=5)
    frozen_now(later)
    assert services.exports_stalled() == [export.pk]

    DataExport.objects.filter(pk=export.pk).update(
        state=ExportState.RUNNING, attempts=3, claimed_until=later - timedelta(seconds=1)
    )
    assert services.exports_stalled() == []
    services.exports_tidy()
    export.refresh_from_db()
    assert export.state == ExportState.FAILED


def test_zips_older_than_a_week_are_deleted(runner, frozen_now):
    kept = services.export_request(user=runner)
    services.export_build(export_id=kept.pk)
    old = services.export_request(user=runner)
    services.export_build(export_id=old.pk)
    DataExport.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(days=8))

    services.exports_tidy()
    assert list(DataExport.objects.values_list("pk", flat=True)) == [kept.pk]
