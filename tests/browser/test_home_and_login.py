import pytest

from accounts.demo import DEMO_PASSWORD, DEMO_RUNNER_EMAIL, load_demo_accounts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_is_styled_by_the_local_bootstrap_and_the_demo_runner_logs_in_to_the_week(
    live_server, page, screenshot
):
    load_demo_accounts()
    page.goto(live_server.url + "/")
    navbar_colour = page.eval_on_selector(".navbar", "el => getComputedStyle(el).backgroundColor")
    assert navbar_colour == "rgb(17, 94, 89)"  # the brand teal of app.css: the CSS loaded
    assert page.get_by_role("heading", name="Run stronger, get hurt less.").is_visible()
    screenshot("home")

    page.get_by_role("link", name="Log in").first.click()
    page.get_by_label("Email").fill(DEMO_RUNNER_EMAIL)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_selector("[data-testid=signed-in-as]")
    assert page.url == live_server.url + "/week/"  # an onboarded runner lands on their week
    assert page.get_by_test_id("race-countdown").inner_text().startswith("10 km race in")
    screenshot("week-logged-in")
