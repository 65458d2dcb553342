"""The template session form in a browser: laid out by kind, holds filled in with seconds, at
desktop and phone width, and still whole with scripts off."""

import pytest

from plans.models import PlanTemplate
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_coach_plans import log_in
from tests.factories import CoachFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def template_url(live_server):
    coach = CoachFactory(email="cora@example.com", display_name="Cora Coach")
    template = PlanTemplate.objects.create(coach=coach, name="Core block", weeks=2)
    return f"{live_server.url}/coach/templates/{template.pk}/"


def visible(page, selector: str) -> bool:
    return page.locator(selector).is_visible()


def shoot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_picking_a_plank_fills_in_its_seconds_and_the_template_reads_them(
    live_server, browser, template_url, size
):
    context = browser.new_context(
        viewport=PHONE if size == "phone" else {"width": 1280, "height": 900}
    )
    page = context.new_page()
    log_in(page, live_server.url, "cora@example.com")
    page.goto(template_url)
    assert visible(page, "#id_purpose") and not visible(page, "#id_exercise_1")
    page.select_option("#id_kind", "strength")
    assert not visible(page, "#id_purpose") and not visible(page, "#id_activity")
    assert visible(page, "#id_exercise_1") and not visible(page, "#id_exercise_2")
    page.select_option("#id_exercise_1", label="Plank")
    assert [page.input_value(f"#id_{name}_1") for name in ("sets", "low", "high")] == [
        "3",
        "20",
        "45",
    ]
    assert page.input_value("#id_counted_in_1") == "seconds"
    page.fill("#id_low_1", "30")
    page.get_by_role("button", name="Add an exercise").click()
    page.select_option("#id_exercise_2", label="Side plank")
    assert page.input_value("#id_counted_in_2") == "seconds_per_side"
    page.get_by_role("button", name="Add an exercise").click()
    page.select_option("#id_exercise_3", label="Lunge")
    assert page.input_value("#id_counted_in_3") == "reps_per_side"
    page.fill("#id_minutes", "25")
    shoot(page, f"template-session-form-{size}")
    page.get_by_role("button", name="Add to template").click()
    page.get_by_text("Added").wait_for()
    week = page.get_by_test_id("template-week-1").inner_text()
    assert "Plank 3 × 30–45 s" in week
    assert "Side plank 2 × 15–30 s per side" in week
    assert "Lunge 3 × 8–10 per leg" in week
    context.close()


def test_with_scripts_off_every_group_shows_and_the_library_fills_the_gaps(
    live_server, browser, template_url
):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    log_in(page, live_server.url, "cora@example.com")
    page.goto(template_url)
    for selector in ("#id_purpose", "#id_activity", "#id_exercise_1", "#id_exercise_8"):
        # waits for it: on a loaded machine the style sheet can come a moment after the page
        page.locator(selector).wait_for(state="visible", timeout=10_000)
    shoot(page, "template-session-form-no-script")
    page.select_option("#id_kind", "strength")
    page.select_option("#id_exercise_1", label="Plank")
    page.fill("#id_minutes", "20")
    page.get_by_role("button", name="Add to template").click()
    assert "Plank 3 × 20–45 s" in page.get_by_test_id("template-week-1").inner_text()
    context.close()


def test_the_coach_changes_an_athletes_strength_session_and_removes_one_after_a_question(
    live_server, page
):
    from datetime import timedelta

    from django.utils import timezone

    from plans.coaching.services import ExerciseLine, coach_session_add
    from plans.models import Session
    from plans.services import monday_of
    from tests.accounts.factories import RunnerProfileFactory
    from tests.factories import CoachingFactory
    from tests.plans.coaching.conftest import slug

    coach = CoachFactory(email="cora@example.com", display_name="Cora Coach")
    ada = RunnerProfileFactory(user__display_name="Ada Ames", time_zone="UTC").user
    CoachingFactory(coach=coach, athlete=ada)
    wednesday = monday_of(timezone.localdate()) + timedelta(days=9)
    core = coach_session_add(
        runner=ada, day=wednesday, kind="strength", title="Core", minutes=20,
        exercises=[ExerciseLine(slug("plank"), sets=3, duration_min=20, duration_max=45)],
    )  # fmt: skip
    log_in(page, live_server.url, coach.email)
    page.goto(f"{live_server.url}/athletes/{ada.pk}/week/{wednesday.isoformat()}/")
    page.get_by_role("link", name="Edit or move Core").click()
    assert page.input_value("#id_counted_in_1") == "seconds"
    page.fill("#id_low_1", "30")
    page.get_by_role("button", name="Add an exercise").click()
    page.select_option("#id_exercise_2", label="Side plank")
    shoot(page, "coach-session-edit-desktop")
    page.get_by_role("button", name="Save changes").click()
    day = page.get_by_test_id(f"day-{wednesday:%a}".lower())
    assert "3 × 30–45 s" in day.inner_text() and "2 × 15–30 s per side" in day.inner_text()

    day.get_by_role("link", name="Remove Core").click()
    assert "Remove Core from Ada Ames’s week?" in page.content()
    shoot(page, "coach-remove-question")
    page.get_by_role("link", name="Keep it").click()
    assert Session.objects.filter(pk=core.pk).exists()
    page.get_by_test_id(f"day-{wednesday:%a}".lower()).get_by_role(
        "link", name="Remove Core"
    ).click()
    page.get_by_role("button", name="Remove session").click()
    page.get_by_text("Core removed from").wait_for()
    assert not Session.objects.filter(pk=core.pk).exists()
