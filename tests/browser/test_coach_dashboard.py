import datetime

import pytest
from django.utils import timezone

from tests.accounts.factories import RunnerProfileFactory
from tests.browser.test_coach_plans import log_in
from tests.factories import CoachFactory, CoachingFactory
from tests.plans.factories import RunLogFactory, SessionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MONDAY = datetime.date(2026, 11, 23)
DAY = datetime.timedelta(days=1)
FRIDAY = MONDAY + 4 * DAY


def athlete_with_a_week(coach, name: str, days: list[tuple[int, int, str]]):
    user = RunnerProfileFactory(user__display_name=name, time_zone="UTC").user
    CoachingFactory(coach=coach, athlete=user)
    for weekday, minutes, status in days:
        SessionFactory(runner=user, date=MONDAY + weekday * DAY, minutes=minutes, status=status)
    return user


def test_on_friday_the_coach_sees_who_is_on_track_at_desktop_and_phone_width(
    live_server, page, screenshot, monkeypatch
):
    friday_noon = datetime.datetime.combine(FRIDAY, datetime.time(12), tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: friday_noon)
    coach = CoachFactory(email="cora@example.com", display_name="Cora Coach")
    on_track = [(0, 30, "done"), (2, 50, "done"), (4, 40, "planned"), (5, 40, "planned"),
                (6, 50, "planned")]  # fmt: skip
    ada = athlete_with_a_week(coach, "Ada Ames", on_track)
    RunLogFactory(runner=ada, date=MONDAY + 2 * DAY)
    athlete_with_a_week(
        coach, "Ben Brook", [(0, 30, "done"), (2, 50, "skipped"), (6, 60, "planned")]
    )

    athlete_with_a_week(coach, "Cleo Cole", [])

    log_in(page, live_server.url, coach.email)
    page.wait_for_url("**/coach/")
    silent = page.get_by_test_id("athlete-row").first
    assert "Cleo Cole" in silent.inner_text() and "No activity yet" in silent.inner_text()
    ada_row = page.get_by_test_id("athlete-row").filter(has_text="Ada Ames")
    assert ada_row.get_by_test_id("band").inner_text() == "100%"
    assert "80 of 80 min due so far" in ada_row.inner_text()
    assert "210 min planned this week" in ada_row.inner_text()
    assert "Wed 25 Nov" in ada_row.inner_text()
    ben_row = page.get_by_test_id("athlete-row").filter(has_text="Ben Brook")
    assert "30 of 80 min due so far" in ben_row.inner_text()
    screenshot("coach-dashboard-friday")

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.get_by_test_id("dashboard-filters").is_visible()
    # The table scrolls inside its own box; the page itself never gets wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot("coach-dashboard-friday-phone")
