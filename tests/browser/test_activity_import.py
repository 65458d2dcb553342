"""A runner drops a .zip from three kinds of watch on the upload page and finds the runs done on
their week; a corrupt fourth file is refused with a plain message."""

import re
import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from activities import services, tasks
from tests.accounts.factories import RunnerProfileFactory
from tests.activities import samples
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NOW = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)  # a Wednesday afternoon


@pytest.fixture
def worker(monkeypatch):
    """The import runs a moment after the upload, in another thread, as a worker would."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    monkeypatch.setattr(
        services,
        "_queue_batch",
        lambda batch_id: threading.Timer(1.0, tasks.import_batch, args=[batch_id]).start(),
    )


def three_watches_and_a_broken_file(tmp_path):
    runs = {
        "monday.fit": samples.fit(samples.track(NOW - timedelta(days=2, hours=6), minutes=40)),
        "tuesday.gpx": samples.gpx(samples.track(NOW - timedelta(days=1, hours=6), minutes=30)),
        "wednesday.tcx": samples.tcx(samples.track(NOW - timedelta(hours=6), minutes=35)),
    }
    runs["broken.fit"] = runs["monday.fit"][:-400]
    path = tmp_path / "watch-export.zip"
    path.write_bytes(samples.zipped(runs))
    return path


def test_a_zip_from_three_watches_lands_on_the_week_and_a_broken_file_is_refused(
    live_server, page, screenshot, worker, tmp_path
):
    profile = RunnerProfileFactory(time_zone="UTC")
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(profile.user.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/week/")

    page.get_by_role("link", name="Import from a watch").click()
    page.wait_for_url("**/activities/upload/")
    page.set_input_files("#id_files", str(three_watches_and_a_broken_file(tmp_path)))
    screenshot("activities-upload")
    page.get_by_role("button", name="Import").click()
    page.wait_for_url("**/activities/imports/*/")
    page.locator("[data-testid=item-refused]").wait_for(timeout=30_000)  # after the reload
    assert page.locator("[data-testid=item-imported]").count() == 3
    assert "This FIT file is cut short" in page.locator("[data-testid=item-refused]").inner_text()
    screenshot("activities-import-finished")

    page.get_by_role("link", name="Go to my week").click()
    page.wait_for_url("**/week/")
    for day in ("mon", "tue", "wed"):
        day_card = page.get_by_test_id(f"day-{day}")
        assert day_card.get_by_test_id("status").first.inner_text() == "Done"
        assert day_card.get_by_test_id("activity-link").count() == 1
    screenshot("activities-week")

    page.get_by_test_id("day-tue").get_by_test_id("activity-link").click()
    page.wait_for_url(re.compile(r".*/activities/\d+/$"))
    assert page.get_by_test_id("route").is_visible()
    assert page.get_by_test_id("splits").is_visible()
    screenshot("activities-run")


def test_a_file_dropped_on_the_page_is_imported_and_opens_its_run(
    live_server, page, worker, tmp_path
):
    import base64

    profile = RunnerProfileFactory(time_zone="UTC")
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(profile.user.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/week/")
    page.goto(live_server.url + "/activities/upload/")
    fit = samples.fit(samples.track(NOW - timedelta(hours=3), minutes=25))
    dropped = page.evaluate_handle(
        """(encoded) => {
            const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], "morning.fit"));
            return transfer;
        }""",
        base64.b64encode(fit).decode(),
    )
    page.dispatch_event("#drop-zone", "drop", {"dataTransfer": dropped})
    page.wait_for_url(re.compile(r".*/activities/\d+/$"))
    assert "Imported. Matched to" in page.content()  # Wednesday has a planned run
    assert page.get_by_test_id("numbers").is_visible()
