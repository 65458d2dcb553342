import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from accounts.models import User
from tests.browser.conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "striding-along-2026"
RUNNER_EMAIL = "nina@example.com"
BROWSER_ZONE = "Europe/Madrid"


def sign_up(page, base_url: str, *, role: str, name: str, email: str) -> None:
    page.goto(base_url + "/")
    page.get_by_role("link", name="Sign up free").click()
    page.get_by_label("A coach" if role == "coach" else "A runner").check()
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Email").fill(email)
    page.locator("#id_password1").fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()


def link_in(mailoutbox, kind: str, to: str) -> str:
    """The path of the last link of this kind (invitations, email/confirm) mailed to `to`."""
    bodies = [message.body for message in mailoutbox if message.to == [to]]
    paths = re.findall(rf"https?://[^/\s]+(/accounts/{kind}/\S+/)", "\n".join(bodies))
    return paths[-1]


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def onboard_recreational_runner_with_a_10k(page) -> None:
    page.get_by_label("Recreational —").check()
    for day, minutes in {"Monday": 40, "Wednesday": 45, "Friday": 40, "Sunday": 75}.items():
        page.get_by_label(f"I can train on {day}").check()
        page.get_by_label(f"Minutes on {day}").fill(str(minutes))
        page.get_by_label(f"Usual run time on {day}").fill("07:30")
    page.get_by_label("Long run day").select_option(label="Sunday")
    page.get_by_label("Race distance", exact=True).select_option(label="10 km")
    # Ten weeks from the runner's today, which in Madrid is a day ahead of UTC late at night.
    race_day = timezone.localdate(timezone=ZoneInfo(BROWSER_ZONE)) + timedelta(weeks=10)
    page.get_by_label("Race date").fill(race_day.isoformat())
    page.get_by_label("Target time (optional)").fill("0:58:00")
    page.get_by_label("Swimming").check()
    page.get_by_label("Home").check()
    assert not page.get_by_label("I am injured right now").is_checked()
    page.get_by_label("Where").select_option(label="Knee")  # an area alone does not flag an injury


def test_runner_signs_up_onboards_and_accepts_a_coach_that_another_coach_cannot_see(
    live_server, browser, mailoutbox
):
    runner_context, coach_context, other_context = (
        browser.new_context(viewport={"width": 1280, "height": 900}, timezone_id=BROWSER_ZONE)
        for _ in range(3)
    )
    for context in (runner_context, coach_context, other_context):
        context.set_default_timeout(10_000)
    runner_page = runner_context.new_page()
    sign_up(runner_page, live_server.url, role="runner", name="Nina Runner", email=RUNNER_EMAIL)
    runner_page.wait_for_url("**/accounts/onboarding/")
    assert runner_page.get_by_label("Time zone").input_value() == BROWSER_ZONE
    onboard_recreational_runner_with_a_10k(runner_page)
    shot(runner_page, "onboarding")
    runner_page.get_by_role("button", name="Plan my week").click()

    runner_page.wait_for_url("**/week/")
    assert runner_page.get_by_test_id("runner-type").inner_text() == "Recreational runner"
    assert (
        runner_page.get_by_test_id("race-countdown")
        .inner_text()
        .startswith("10 km race in 70 days")
    )
    # ten weeks out a 10 km race is still in its base: it has no taper before race week
    assert runner_page.get_by_test_id("phase").inner_text() == "Base"
    shot(runner_page, "week-first")
    runner = User.objects.get(email=RUNNER_EMAIL)
    assert runner.runner_profile.injured is False
    assert runner.runner_profile.commitments.filter(available=True).count() == 4

    coach_page = coach_context.new_page()
    sign_up(
        coach_page, live_server.url, role="coach", name="Carla Coach", email="carla@example.com"
    )
    coach_page.wait_for_url("**/accounts/athletes/")
    coach_page.get_by_label("Runner's email").fill(RUNNER_EMAIL)
    coach_page.get_by_role("button", name="Send invitation").click()
    assert coach_page.get_by_test_id("pending-invitations").get_by_text(RUNNER_EMAIL).is_visible()

    runner_page.goto(live_server.url + link_in(mailoutbox, "invitations", RUNNER_EMAIL))
    assert (
        runner_page.get_by_test_id("invitation-error")
        .inner_text()
        .startswith("Confirm your email address first")
    )
    runner_page.goto(live_server.url + link_in(mailoutbox, "email/confirm", RUNNER_EMAIL))
    runner_page.wait_for_url("**/accounts/coach/")
    assert runner_page.get_by_text(f"Thank you: {RUNNER_EMAIL} is confirmed.").is_visible()
    runner_page.get_by_role("link", name="Answer").click()
    assert runner_page.get_by_text("Carla Coach would like to coach you.").is_visible()
    shot(runner_page, "invitation")
    runner_page.get_by_role("button", name="Accept").click()
    assert runner_page.get_by_test_id("current-coach").inner_text().startswith("Carla Coach")
    shot(runner_page, "my-coach")

    coach_page.reload()
    athletes = coach_page.get_by_test_id("athletes")
    assert athletes.get_by_role("link", name="Nina Runner").is_visible()
    assert "10 km" in athletes.inner_text()
    shot(coach_page, "athletes-list")

    other_page = other_context.new_page()
    sign_up(other_page, live_server.url, role="coach", name="Olga Other", email="olga@example.com")
    other_page.wait_for_url("**/accounts/athletes/")
    response = other_page.goto(f"{live_server.url}/accounts/athletes/{runner.pk}/")
    assert response.status == 404
    coach_page.get_by_role("link", name="Nina Runner").click()
    assert coach_page.get_by_test_id("profile-summary").get_by_text("Recreational").is_visible()
    for context in (runner_context, coach_context, other_context):
        context.close()
