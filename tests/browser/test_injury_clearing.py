import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import Injury
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_runner_week import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def injury_section(page):
    return page.locator("section", has=page.get_by_role("heading", name="Injury", exact=True))


def test_the_demo_runner_clears_a_knee_injury_as_nothing_and_keeps_their_plan(live_server, page):
    call_command("load_demo")
    log_in(page, live_server.url)
    page.goto(live_server.url + reverse("accounts:profile"))
    assert not page.get_by_label("It was nothing").count()  # not injured: nothing to clear
    page.get_by_label("I am injured right now").check()
    page.get_by_label("Where").select_option(label="Knee")
    page.get_by_role("button", name="Save my profile").click()
    page.wait_for_url("**" + reverse("accounts:profile"))

    page.get_by_label("I am injured right now").uncheck()
    page.get_by_label("It was nothing: no need to ease back in").check()
    SCREENSHOTS.mkdir(exist_ok=True)
    section = injury_section(page)
    section.scroll_into_view_if_needed()
    section.screenshot(path=str(SCREENSHOTS / "injury-clearing-desktop.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    section.scroll_into_view_if_needed()
    section.screenshot(path=str(SCREENSHOTS / "injury-clearing-phone.png"))
    page.get_by_role("button", name="Save my profile").click()
    page.wait_for_url("**" + reverse("accounts:profile"))

    assert Injury.objects.get().was_nothing
    page.goto(live_server.url + "/week/")
    assert "Back from injury" not in page.content()
    assert "Injury mode" not in page.content()
