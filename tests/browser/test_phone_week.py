"""Issue 13 in Chromium: on a 390-pixel-wide phone the week opens at today, past days are one
line each (opened by keyboard too), exercises wait behind a button and "Done" spans the card.
Screenshots go to /tmp/feeds-shots/."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.utils import timezone

from plans import services
from plans.models import Session, Status
from tests.accounts.factories import RunnerProfileFactory
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path("/tmp/feeds-shots")
PHONE = {"width": 390, "height": 844}
MONDAY = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
THURSDAY = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


@pytest.fixture
def runner_week(monkeypatch):
    """A runner planned from Monday (every day, 45 minutes) who did everything up to
    Wednesday; now it is Thursday."""
    monday = MONDAY.date()
    monkeypatch.setattr(timezone, "now", lambda: MONDAY)
    profile = RunnerProfileFactory(week=range(7), time_zone="UTC")
    services.weeks_ensure(runner=profile.user, today=monday)
    monkeypatch.setattr(timezone, "now", lambda: THURSDAY)
    past = Session.objects.filter(runner=profile.user, date__lt=THURSDAY.date())
    assert past.exists()
    for session in past:
        services.session_mark(session=session, status=Status.DONE)
    return profile


def _log_in(page, live_server, email):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/week/")


def _shot(page, name, full_page=False):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def test_the_phone_week_opens_at_today_with_past_days_folded(browser, live_server, runner_week):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    _log_in(page, live_server, runner_week.user.email)
    page.wait_for_load_state("load")
    for _ in range(40):  # the deferred script scrolls once the page is parsed
        if page.evaluate("window.scrollY") > 0:
            break
        page.wait_for_timeout(50)
    _shot(page, "phone-week-opens-at-today")

    today = page.locator("#today")
    box = today.bounding_box()
    assert box is not None and 0 <= box["y"] < PHONE["height"] / 3  # today's card at the top
    assert today.get_attribute("data-testid") == "day-thu"
    assert page.get_by_test_id("jump-today").is_visible()

    folds = page.get_by_test_id("day-fold")
    assert folds.count() == 3  # Monday to Wednesday
    lines = " ".join(folds.all_inner_texts())
    assert " done" in lines and "not done" not in lines
    monday = page.get_by_test_id("day-mon")
    assert not monday.locator(".card-body").is_visible()
    assert monday.get_by_test_id("day-fold").get_attribute("aria-expanded") == "false"
    assert page.get_by_test_id("day-fri").locator(".card-body").is_visible()  # ahead: open

    # The exercises of today's strength work wait behind one button.
    show = today.get_by_test_id("show-exercises").first
    if show.count():
        exercises = page.locator("#" + show.get_attribute("aria-controls"))
        assert not exercises.is_visible()
        show.click()
        exercises.wait_for(state="visible")
        assert show.get_attribute("aria-expanded") == "true"

    # "Done" spans its session's card, below everything else in it.
    done = today.get_by_role("button", name="Done").first
    card = today.locator(".session").first.bounding_box()
    done_box = done.bounding_box()
    assert card is not None and done_box is not None
    assert done_box["width"] > card["width"] * 0.85
    _shot(page, "phone-week-today-open")

    # A past day opens from the keyboard.
    monday.get_by_test_id("day-fold").focus()
    page.keyboard.press("Enter")
    monday.locator(".card-body").wait_for(state="visible")
    assert monday.get_by_test_id("day-fold").get_attribute("aria-expanded") == "true"
    monday.scroll_into_view_if_needed()
    _shot(page, "phone-week-monday-opened")
    page.evaluate("window.scrollTo(0, 0)")
    _shot(page, "phone-week-top")
    context.close()


def test_the_desktop_week_keeps_every_day_open(browser, live_server, runner_week):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    _log_in(page, live_server, runner_week.user.email)

    assert page.evaluate("window.scrollY") == 0  # no jump on a wide screen
    assert not page.get_by_test_id("jump-today").is_visible()
    assert not page.get_by_test_id("day-fold").first.is_visible()
    for day in ("mon", "tue", "wed", "thu"):
        assert page.get_by_test_id(f"day-{day}").locator(".card-body").is_visible()
    assert page.locator(".phone-fold").first.is_visible()
    done = page.get_by_role("button", name="Done").first
    box = done.bounding_box()
    assert box is not None and box["width"] < 200
    _shot(page, "desktop-week", full_page=True)
    context.close()
