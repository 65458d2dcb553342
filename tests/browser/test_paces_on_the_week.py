"""A new runner enters a 10 km best of 50:00 and finds paces in every run of their week; on a
phone the steps wait behind a toggle."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from tests.browser.test_signup_and_coaching import BROWSER_ZONE, shot, sign_up

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def onboard_with_a_10k_best(page) -> None:
    page.get_by_label("Recreational —").check()
    for day, minutes in {"Tuesday": 60, "Thursday": 60, "Saturday": 60, "Sunday": 90}.items():
        page.get_by_label(f"I can train on {day}").check()
        page.get_by_label(f"Minutes on {day}").fill(str(minutes))
    page.get_by_label("Long run day").select_option(label="Sunday")
    page.get_by_label("Race distance", exact=True).select_option(label="Half marathon")
    race_day = timezone.localdate(timezone=ZoneInfo(BROWSER_ZONE)) + timedelta(weeks=16)
    page.get_by_label("Race date").fill(race_day.isoformat())
    page.get_by_label("Personal best to beat").select_option(label="10 km")
    page.get_by_label("Current best time").fill("0:50:00")
    page.get_by_label("Home").check()


def test_a_new_runner_with_a_10k_best_sees_paces_on_their_week(live_server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, timezone_id=BROWSER_ZONE)
    context.set_default_timeout(10_000)
    page = context.new_page()
    sign_up(page, live_server.url, role="runner", name="Pia Pacer", email="pia@example.com")
    page.wait_for_url("**/accounts/onboarding/")
    onboard_with_a_10k_best(page)
    page.get_by_role("button", name="Plan my week").click()
    page.wait_for_url("**/week/")

    next_week = timezone.localdate(timezone=ZoneInfo(BROWSER_ZONE)) + timedelta(weeks=1)
    page.goto(f"{live_server.url}/week/{next_week.isoformat()}/")  # planned in full
    lines = page.get_by_test_id("run-structure")
    assert lines.count() >= 3
    texts = lines.all_inner_texts()
    assert all("≈" in text and text.endswith(" km") for text in texts), texts
    assert any("5:55–6:34/km" in text for text in texts)  # easy pace of a 50:00 10 km
    shot(page, "week-with-paces")

    page.goto(live_server.url + "/accounts/profile/")
    zones = page.get_by_test_id("pace-zones")
    assert "5:03–5:08/km" in zones.inner_text()
    context.close()
