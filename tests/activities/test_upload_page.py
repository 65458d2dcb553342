"""`/activities/upload/` and `/athletes/<id>/activities/upload/`: who may use them, one file
imported while the runner waits, several files or a .zip handed to a task."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from activities.models import Activity, ImportBatch, ImportItem
from plans.models import Session, Status
from tests.activities import samples
from tests.activities.conftest import this_morning
from tests.plans.factories import SessionFactory

pytestmark = pytest.mark.django_db
UPLOAD = reverse("activities:upload")


def _file(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(UPLOAD)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_runner_sees_the_upload_page(client, runner, profile):
    client.force_login(runner)
    response = client.get(UPLOAD)
    assert response.status_code == 200
    assert b'data-testid="drop-zone"' in response.content
    assert b"multiple" in response.content


def test_a_coach_may_upload_for_their_athlete_and_nobody_else_may(
    client, runner, profile, coach, other_coach, other_runner, run_files
):
    url = reverse("activities:athlete_upload", args=[runner.pk])
    for stranger in (other_coach, other_runner):
        client.force_login(stranger)
        assert client.get(url).status_code == 404
        assert (
            client.post(url, {"files": _file("run.fit", run_files["run.fit"])}).status_code == 404
        )
    assert not Activity.objects.exists()
    client.force_login(coach)
    assert client.get(url).status_code == 200
    response = client.post(url, {"files": _file("run.fit", run_files["run.fit"])})
    activity = Activity.objects.get()
    assert (activity.runner, activity.uploaded_by) == (runner, coach)
    assert response["Location"] == reverse("activities:detail", args=[activity.pk])


def test_one_file_is_imported_at_once_and_marks_the_planned_run_done(
    client, runner, profile, today, run_files
):
    run = SessionFactory(runner=runner, date=today, title="Easy run")
    client.force_login(runner)
    response = client.post(UPLOAD, {"files": _file("run.gpx", run_files["run.gpx"])}, follow=True)
    activity = Activity.objects.get()
    run.refresh_from_db()
    assert run.status == Status.DONE
    assert response.redirect_chain[-1][0] == reverse("activities:detail", args=[activity.pk])
    assert "Imported. Matched to Easy run; marked done." in response.content.decode()


def test_uploading_the_same_run_again_says_already_imported_and_links_to_it(
    client, runner, profile, run_files
):
    client.force_login(runner)
    client.post(UPLOAD, {"files": _file("run.fit", run_files["run.fit"])})
    response = client.post(UPLOAD, {"files": _file("run.tcx", run_files["run.tcx"])}, follow=True)
    activity = Activity.objects.get()
    assert response.redirect_chain[-1][0] == reverse("activities:detail", args=[activity.pk])
    assert "Already imported" in response.content.decode()
    assert Session.objects.filter(kind="run").count() == 1


def test_several_files_go_to_a_task_and_the_page_shows_its_progress(
    client, runner, profile, run_files, django_capture_on_commit_callbacks, monkeypatch
):
    queued = []
    monkeypatch.setattr("activities.tasks.import_batch.delay", queued.append)
    client.force_login(runner)
    ride_track = samples.track(this_morning(hours_ago=3), minutes=20, metres_per_second=7)
    ride = samples.fit(ride_track, sport="ride")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            UPLOAD,
            {"files": [_file("run.gpx", run_files["run.gpx"]), _file("ride.fit", ride)]},
        )
    batch = ImportBatch.objects.get()
    assert queued == [batch.pk]
    assert response["Location"] == reverse("activities:batch", args=[batch.pk])
    assert not Activity.objects.exists()  # nothing parsed in the request
    page = client.get(response["Location"]).content.decode()
    assert 'progress-done">0</span> of 2 files handled…' in page and 'data-testid="refresh"' in page
    assert client.get(reverse("activities:batch_status", args=[batch.pk])).json() == {
        "state": "queued", "total": 2, "done": 0,
    }  # fmt: skip


def test_a_zip_is_stored_for_the_task_with_one_item_per_file(client, runner, profile, run_files):
    client.force_login(runner)
    data = samples.zipped({"watch/run.fit": run_files["run.fit"], "__MACOSX/._run.fit": b"x"})
    client.post(UPLOAD, {"files": _file("export.zip", data)})
    batch = ImportBatch.objects.get()
    assert bytes(batch.archive) == data
    assert list(ImportItem.objects.values_list("name", "in_archive")) == [("watch/run.fit", True)]


def test_a_zip_with_other_files_is_refused_and_nothing_is_kept(client, runner, profile, run_files):
    client.force_login(runner)
    response = client.post(
        UPLOAD,
        {
            "files": [
                _file("a.zip", samples.zipped(run_files)),
                _file("run.fit", run_files["run.fit"]),
            ]
        },
    )
    assert response.status_code == 400
    assert "Upload one .zip on its own" in response.content.decode()
    assert not ImportBatch.objects.exists() and not Activity.objects.exists()


def test_the_page_lists_the_runners_latest_imports_and_not_others(
    client, runner, other_runner, profile, run_files
):
    client.force_login(other_runner)
    client.post(UPLOAD, {"files": _file("run.fit", run_files["run.fit"])})
    client.force_login(runner)
    assert "Nothing imported yet." in client.get(UPLOAD).content.decode()
    client.post(UPLOAD, {"files": _file("run.gpx", run_files["run.gpx"])})
    assert "Run · 5.4 km" in client.get(UPLOAD).content.decode()
