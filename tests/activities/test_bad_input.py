"""Every bad input gets its own plain message, writes nothing, and never stops the other files
of the same upload."""

import io
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from activities import archive, tasks
from activities.models import Activity, ImportBatch, Outcome
from activities.parsing import MAX_FILE_BYTES, FileRefused
from plans.models import RunLog, Session
from tests.activities import samples
from tests.activities.conftest import NOW, this_morning

pytestmark = pytest.mark.django_db
UPLOAD = reverse("activities:upload")

XXE = (
    b'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    b'<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>&secret;</name>'
    b"</trk></gpx>"
)
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10)
        for n in range(1, 10)
    )
    + b']><gpx version="1.1"><trk><name>&lol9;</name></trk></gpx>'
)


def _good_run() -> bytes:
    return samples.fit(samples.track(this_morning(), minutes=30))


def _corrupt_fit() -> bytes:
    data = bytearray(_good_run())
    data[len(data) // 2] ^= 0xFF
    return bytes(data)


def _bad_files() -> dict[str, tuple[bytes, str]]:
    track = samples.track(this_morning(), minutes=20)
    future = samples.track(NOW + timedelta(days=1), minutes=20)
    return {
        "notes.txt": (b"just some words", "is not a file we can read: upload GPX, TCX or FIT"),
        "cut.fit": (_good_run()[:-500], "This FIT file is cut short"),
        "flipped.fit": (_corrupt_fit(), "This FIT file is damaged: its checksum does not match."),
        "empty.fit": (b"", "“empty.fit” is empty."),
        "cut.gpx": (samples.gpx(track)[:-40], "This GPX file is not well-formed XML"),
        "cut.tcx": (samples.tcx(track)[:3000], "This TCX file is not well-formed XML"),
        "xxe.gpx": (XXE, "declares its own XML entities or document type"),
        "laughs.gpx": (LAUGHS, "declares its own XML entities or document type"),
        "route.gpx": (samples.gpx(track, times=False), "has no times in it"),
        "future.gpx": (samples.gpx(future), "This recording ends in the future"),
        "future.tcx": (samples.tcx(future), "This recording ends in the future"),
        "notgpx.gpx": (b"<html><body>hello</body></html>", "This file is XML but not a GPX file."),
        "unset-clock.gpx": (
            samples.gpx(samples.track(datetime(1985, 6, 1, 7, tzinfo=UTC), minutes=20)),
            "This recording starts in 1985",
        ),
        "three-days.gpx": (
            samples.gpx(samples.track(NOW - timedelta(days=4), minutes=3 * 24 * 60, every=600)),
            "This recording lasts over two days",
        ),
    }


def _unchanged():
    return (
        Activity.objects.count(),
        Session.objects.filter(kind="run").count(),
        RunLog.objects.count(),
    )


@pytest.mark.parametrize("name", list(_bad_files()))
def test_each_bad_file_alone_is_refused_with_its_message_and_nothing_is_written(
    client, runner, profile, name
):
    data, message = _bad_files()[name]
    client.force_login(runner)
    before = _unchanged()
    response = client.post(UPLOAD, {"files": SimpleUploadedFile(name, data)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _unchanged() == before and not ImportBatch.objects.exists()


def test_heart_rates_no_body_reaches_are_left_out_and_the_run_still_imports(
    client, runner, profile
):
    glitched = samples.gpx(samples.track(this_morning(), minutes=30))
    glitched = glitched.replace(b"<gpxtpx:hr>", b"<gpxtpx:hr>-")
    client.force_login(runner)
    response = client.post(UPLOAD, {"files": SimpleUploadedFile("glitch.gpx", glitched)})
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert activity.avg_hr is None and activity.max_hr is None
    assert activity.distance_m > 0


def test_a_good_file_alone_is_accepted(client, runner, profile):
    client.force_login(runner)
    client.post(UPLOAD, {"files": SimpleUploadedFile("good.fit", _good_run())})
    assert Activity.objects.count() == 1


def test_bad_files_in_a_zip_each_get_their_message_and_the_good_one_still_imports(
    client, runner, profile
):
    bad = _bad_files()
    files = {name: data for name, (data, _) in bad.items()} | {"good.fit": _good_run()}
    client.force_login(runner)
    client.post(UPLOAD, {"files": SimpleUploadedFile("all.zip", samples.zipped(files))})
    batch = ImportBatch.objects.get()
    tasks.import_batch(batch.pk)
    results = {item.label: item for item in batch.items.all()}
    assert results["good.fit"].outcome == Outcome.IMPORTED
    for name, (_, message) in bad.items():
        assert results[name].outcome == Outcome.REFUSED, name
        assert message in results[name].message, name
    assert _unchanged() == (1, 1, 1)


def test_a_file_over_25_mb_is_refused_before_it_is_read(client, runner, profile):
    client.force_login(runner)
    big = SimpleUploadedFile("huge.gpx", b"x" * (MAX_FILE_BYTES + 1))
    response = client.post(UPLOAD, {"files": big})
    assert response.status_code == 400
    assert "“huge.gpx” is over 25 MB" in response.content.decode()
    big.seek(0)
    good = SimpleUploadedFile("good.fit", _good_run())
    client.post(UPLOAD, {"files": [big, good]})  # with another file: refused on its own
    batch = ImportBatch.objects.get()
    assert batch.items.get(name="huge.gpx").outcome == Outcome.REFUSED
    assert bytes(batch.items.get(name="huge.gpx").content) == b""
    tasks.import_batch(batch.pk)
    assert batch.items.get(name="good.fit").outcome == Outcome.IMPORTED


def test_the_api_refuses_a_file_over_25_mb(client, runner, profile):
    client.force_login(runner)
    response = client.post(
        reverse("activities:api_activities"),
        {"file": SimpleUploadedFile("huge.fit", b"x" * (MAX_FILE_BYTES + 1))},
    )
    assert response.status_code == 400 and "over 25 MB" in response.json()["errors"]["file"][0]


def test_a_zip_of_more_than_200_files_is_refused_whole(client, runner, profile):
    client.force_login(runner)
    files = {f"{n}.gpx": b"<gpx/>" for n in range(201)}
    response = client.post(UPLOAD, {"files": SimpleUploadedFile("many.zip", samples.zipped(files))})
    assert response.status_code == 400
    assert "holds 201 files; a .zip may hold 200 at most" in response.content.decode()
    assert not ImportBatch.objects.exists()
    files.pop("0.gpx")
    client.post(UPLOAD, {"files": SimpleUploadedFile("ok.zip", samples.zipped(files))})
    assert ImportBatch.objects.get().items.count() == 200


def test_a_zip_that_would_unpack_to_over_200_mb_is_refused_whole(client, runner, profile):
    zeros = bytes(10 * 1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        for n in range(21):
            bomb.writestr(f"{n}.fit", zeros)
    client.force_login(runner)
    response = client.post(UPLOAD, {"files": SimpleUploadedFile("bomb.zip", buffer.getvalue())})
    assert response.status_code == 400
    assert "would unpack to more than 200 MB" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_a_damaged_zip_is_refused(client, runner, profile):
    client.force_login(runner)
    response = client.post(UPLOAD, {"files": SimpleUploadedFile("bad.zip", b"PK\x03\x04broken")})
    assert response.status_code == 400
    assert "This .zip is damaged or not a zip file." in response.content.decode()


def test_reading_stops_at_the_unpacked_limit_whatever_the_archive_declares(monkeypatch):
    monkeypatch.setattr(archive, "MAX_UNPACKED_BYTES", 2 * 1024 * 1024)
    data = samples.zipped({"a.fit": bytes(1024 * 1024), "b.fit": bytes(1024 * 1024 + 1)})
    reader = archive.Reader(data)
    assert len(reader.read("a.fit")) == 1024 * 1024
    with pytest.raises(FileRefused, match="the .zip unpacks to more than 200 MB"):
        reader.read("b.fit")


def test_a_member_over_25_mb_is_refused_without_reading_it(monkeypatch):
    monkeypatch.setattr(archive, "MAX_FILE_BYTES", 1024)
    reader = archive.Reader(samples.zipped({"big.fit": bytes(2048), "small.fit": bytes(100)}))
    with pytest.raises(FileRefused, match="“big.fit” is over 25 MB"):
        reader.read("big.fit")
    assert reader.read("small.fit") == bytes(100)


def test_several_files_adding_up_to_over_the_limit_are_refused_together(
    client, runner, profile, monkeypatch
):
    monkeypatch.setattr(archive, "MAX_UNPACKED_BYTES", 1000)
    client.force_login(runner)
    files = [SimpleUploadedFile(f"{n}.gpx", b"x" * 600) for n in range(2)]
    response = client.post(UPLOAD, {"files": files})
    assert response.status_code == 400
    assert "These files add up to more than 200 MB" in response.content.decode()
    assert not ImportBatch.objects.exists()
    smaller = [SimpleUploadedFile(f"{n}.gpx", b"x" * 400) for n in range(2)]
    client.post(UPLOAD, {"files": smaller})
    assert ImportBatch.objects.get().items.count() == 2
