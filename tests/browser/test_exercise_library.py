import pytest
from django.core.management import call_command

from accounts.demo import DEMO_COACH_EMAIL, DEMO_PASSWORD, DEMO_RUNNER_EMAIL
from tests.exercises.domain import DOMAIN_EXERCISES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INJURY_MODE = [
    "Deep-water running",
    "Swimming",
    "Cycling or spinning",
    "Elliptical trainer",
    "Ice skating",
]


def _result_names(page) -> list[str]:
    return page.locator("[data-testid=results] .fw-semibold").all_inner_texts()


def test_the_demo_runner_filters_the_library_for_a_knee_injury_and_reads_back_extension(
    live_server, page, screenshot
):
    call_command("load_demo")  # what `make run` does after `migrate`
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(DEMO_RUNNER_EMAIL)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.get_by_role("link", name="Library").click()
    assert page.get_by_role("heading", name="Exercise library").is_visible()
    names = _result_names(page)
    assert set(DOMAIN_EXERCISES) <= set(names)
    screenshot("library")

    page.get_by_label("Safe for").select_option(label="Knee injury")
    page.get_by_label("Impact").select_option(label="Low or no impact")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**safe_for=knee**")
    names = _result_names(page)
    assert set(INJURY_MODE) <= set(names)
    assert "Soccer" not in names and "Lunge" not in names
    screenshot("library-knee-low-impact")

    page.get_by_role("link", name="Back extension").first.click()
    assert page.get_by_role("heading", name="Back extension").is_visible()
    cues = page.locator("[data-testid=cues] li")
    assert cues.count() == 4
    assert "belly over the ball" in cues.first.inner_text()
    assert "10–12 reps" in page.locator("[data-testid=dose]").inner_text()
    screenshot("back-extension")


def test_a_coach_adds_an_exercise_and_reads_it_back(live_server, page, screenshot):
    call_command("load_demo")
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(DEMO_COACH_EMAIL)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Library").click()
    page.get_by_role("link", name="Add an exercise").click()

    page.get_by_label("Name").fill("Hip hike")
    page.get_by_label("Kind").select_option(label="Strength")
    page.get_by_label("Description").fill("Stand on a step and lift the free hip.")
    page.get_by_label("Fewest reps").fill("12")
    page.get_by_label("Most reps").fill("10")
    page.get_by_role("button", name="Save exercise").click()
    assert page.get_by_text("A strength move needs at least one form cue.").is_visible()
    assert page.get_by_text("The fewest reps (12) is more than this (10)").is_visible()
    screenshot("exercise-form-errors")

    page.get_by_label("Form cues").fill(
        "Stand sideways on a step.\nDrop the free hip, then lift it."
    )
    page.get_by_label("Most reps").fill("15")
    page.get_by_label("Glutes").first.check()
    page.get_by_role("button", name="Save exercise").click()
    assert page.get_by_role("heading", name="Hip hike").is_visible()
    assert "12–15 reps" in page.locator("[data-testid=dose]").inner_text()
    assert page.locator("[data-testid=cues] li").count() == 2
    screenshot("exercise-coach-own")
