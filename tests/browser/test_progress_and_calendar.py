import pytest
from django.core.management import call_command

from accounts.demo import DEMO_COACH_EMAIL, DEMO_PASSWORD, DEMO_RUNNER_EMAIL

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# For each chart: whether Chart.js holds a number above zero for it, and how much longer its
# canvas's PNG is than that of a blank canvas of the same size (a drawn chart is far longer).
CHARTS_DRAWN = """() => Array.from(document.querySelectorAll("canvas[data-chart]")).map((c) => {
  const canvas = c;
  const chart = Chart.getChart(canvas);
  const blank = document.createElement('canvas');
  blank.width = canvas.width; blank.height = canvas.height;
  return {
    name: canvas.dataset.chart,
    numbers: !!chart && chart.data.datasets.some((set) => set.data.some((value) => value > 0)),
    extra: canvas.toDataURL().length - blank.toDataURL().length,
  };
})"""


def log_in(page, base_url, email):
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def test_the_demo_runner_sees_their_charts_drawn_and_walks_the_calendar(
    live_server, page, screenshot
):
    call_command("load_demo")
    log_in(page, live_server.url, DEMO_RUNNER_EMAIL)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.get_by_role("link", name="Progress").first.click()
    page.wait_for_url("**/progress/")
    assert page.get_by_role("heading", name="My progress").is_visible()
    charts = page.evaluate(CHARTS_DRAWN)
    assert {chart["name"] for chart in charts} == {
        "minutes", "distance", "strength", "long", "compliance"
    }  # fmt: skip
    for chart in charts:
        assert chart["extra"] > 2000, chart
    assert all(chart["numbers"] for chart in charts if chart["name"] != "long"), charts
    assert page.get_by_test_id("table-minutes").is_visible()
    screenshot("progress-demo")

    page.get_by_test_id("weeks-52").click()
    page.wait_for_url("**/progress/?weeks=52")
    assert "The last 52 weeks" in page.get_by_test_id("progress-range").inner_text()
    assert all(chart["extra"] > 2000 for chart in page.evaluate(CHARTS_DRAWN))

    page.get_by_role("link", name="Calendar").first.click()
    page.wait_for_url("**/calendar/")
    this_month = page.get_by_test_id("month-title").inner_text()
    assert page.locator(".calendar-today").count() == 1
    assert page.locator("[data-testid=chip]").count() >= 4
    assert page.locator(".calendar-today").first.is_visible()
    screenshot("calendar-demo")
    page.get_by_test_id("next-month").click()
    page.wait_for_url("**/calendar/?month=*")
    assert page.get_by_test_id("month-title").inner_text() != this_month
    page.get_by_test_id("previous-month").click()
    page.wait_for_url("**/calendar/?month=*")
    assert page.get_by_test_id("month-title").inner_text() == this_month

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.locator(".calendar-outside").first.is_hidden()
    screenshot("calendar-phone")
    page.locator(".calendar-today .calendar-date").click()
    page.wait_for_url("**/week/*/")
    assert page.locator(".today").count() == 1
    assert errors == []


def test_the_demo_coach_sees_the_squad_chart_drawn(live_server, page, screenshot):
    call_command("load_demo")
    log_in(page, live_server.url, DEMO_COACH_EMAIL)
    page.goto(live_server.url + "/coach/")
    page.get_by_test_id("squad-link").click()
    page.wait_for_url("**/coach/squad/")
    (chart,) = page.evaluate(CHARTS_DRAWN)
    assert chart["name"] == "squad" and chart["numbers"] and chart["extra"] > 2000
    assert page.get_by_test_id("table-squad").is_visible()
    screenshot("squad-demo")
