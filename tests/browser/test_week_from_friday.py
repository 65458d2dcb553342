"""Issue 19 in Chromium: a runner who onboards on a Friday sees a week that is true for Friday."""

from datetime import UTC, datetime

import pytest
from django.utils import timezone

from tests.accounts.factories import RunnerProfileFactory
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_runner_onboarded_on_a_friday_sees_only_true_notes_and_no_done_ahead(
    live_server, page, screenshot, monkeypatch
):
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 11, 27, 10, 0, tzinfo=UTC))
    profile = RunnerProfileFactory(week=range(7))  # every day free for 45 minutes
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(profile.user.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/week/")

    notes = page.get_by_test_id("plan-note").all_inner_texts()
    assert any("This week is planned from Friday" in note for note in notes)
    assert page.get_by_test_id("not-planned").count() == 4  # Monday to Thursday
    sunday = page.get_by_test_id("day-sun")
    assert sunday.get_by_role("button", name="Done").count() == 0
    assert sunday.get_by_role("link", name="Log run").count() == 0
    assert page.get_by_test_id("day-fri").get_by_role("button", name="Done").count() >= 1
    screenshot("week-onboarded-friday")

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    screenshot("week-onboarded-friday-phone")
    assert page.locator(".today").is_visible()
