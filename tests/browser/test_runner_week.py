import re

import pytest
from django.core.management import call_command

from accounts.demo import DEMO_PASSWORD, DEMO_RUNNER_EMAIL

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, base_url):
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Email").fill(DEMO_RUNNER_EMAIL)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/week/")


def test_the_demo_runner_sees_a_full_week_logs_a_run_and_sees_it_counted(
    live_server, page, screenshot
):
    call_command("load_demo")
    log_in(page, live_server.url)

    assert page.get_by_role("heading", name="My week").is_visible()
    assert page.locator(".today").count() == 1
    # ten weeks out a 10 km race is still in its base: it has no taper before race week
    assert page.get_by_test_id("phase").inner_text() == "Base"
    assert page.locator("[data-testid=session-run]").count() >= 2
    assert (
        page.locator("[data-testid=session-strength-post-run]").count()
        == page.locator("[data-testid=session-run]").count()
    )
    assert page.locator("[data-testid=rest-day]").count() >= 1
    first_dose = page.locator("[data-testid=dose]").first.inner_text()
    assert re.fullmatch(r"\d × \d+(–\d+)? (reps|per leg|per side|s|min)", first_dose)
    cue_toggle = page.get_by_role("button", name="How to do it").first
    cue_toggle.click()
    page.locator("ol.collapse.show li").first.wait_for()
    screenshot("week-demo")
    logged_before = int(
        page.get_by_test_id("week-summary").inner_text().split(" run")[0].split()[-1]
    )

    page.get_by_role("link", name="Log a run").first.click()
    page.get_by_label("Distance (km)").fill("6.5")
    page.get_by_label("Duration").fill("38:10")
    page.get_by_label("Effort").fill("7")
    screenshot("log-run")
    page.get_by_role("button", name="Save run").click()
    page.wait_for_url("**/week/**")

    assert "Run saved" in page.content()
    summary = page.get_by_test_id("week-summary").inner_text()
    assert f"{logged_before + 1} runs logged" in summary
    assert "6.5 km in 38:10, effort 7/10" in page.content()
    screenshot("week-after-log")

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    screenshot("week-phone")
    assert page.locator(".today").is_visible()
