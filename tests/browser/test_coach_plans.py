from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import RunnerProfile
from plans.models import Session
from plans.services import monday_of, weeks_ensure
from tests.accounts.factories import RaceGoalFactory, RunnerProfileFactory
from tests.factories import TEST_PASSWORD, CoachFactory, CoachingFactory
from tests.plans.factories import RunLogFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEXT_MONDAY = monday_of(timezone.localdate()) + timedelta(days=7)


def log_in(page, base_url, email):
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()


def log_out(page):
    page.get_by_role("button", name="Log out").click()


def add_session(page, *, week, day, kind, minutes, **fields):
    page.select_option("#id_week", str(week - 1))
    page.select_option("#id_weekday", label=day)
    page.select_option("#id_kind", kind)
    if "purpose" in fields:
        page.select_option("#id_purpose", fields["purpose"])
    if "activity" in fields:
        page.select_option("#id_activity", label=fields["activity"])
    for line, (name, sets, low, high) in enumerate(fields.get("exercises", []), start=1):
        if line > 1:
            page.get_by_role("button", name="Add an exercise").click()
        page.select_option(f"#id_exercise_{line}", label=name)
        page.fill(f"#id_sets_{line}", str(sets))
        page.fill(f"#id_low_{line}", str(low))
        page.fill(f"#id_high_{line}", str(high))
    page.fill("#id_minutes", str(minutes))
    page.get_by_role("button", name="Add to template").click()
    page.get_by_text("Added").wait_for()


def snapshot(runner):
    return list(
        Session.objects.filter(runner=runner).values_list("date", "title", "minutes", "source")
    )


def test_a_coach_builds_a_two_week_template_assigns_it_and_the_athlete_sees_it(
    live_server, page, screenshot
):
    coach = CoachFactory(email="cora@example.com", display_name="Cora Coach")
    athletes = []
    for name in ("Ada Ames", "Ben Brook", "Cleo Cole"):
        profile = RunnerProfileFactory(
            user__display_name=name, user__email=f"{name.split()[0].lower()}@example.com",
            time_zone="UTC",
        )  # fmt: skip
        CoachingFactory(coach=coach, athlete=profile.user)
        weeks_ensure(runner=profile.user, today=timezone.localdate())
        athletes.append(profile.user)
    ada, ben, cleo = athletes
    RaceGoalFactory(profile=ada.runner_profile)
    RunnerProfile.objects.filter(user=ben).update(injured=True, injury_area="achilles")
    RunLogFactory(runner=cleo, date=timezone.localdate())
    cleo_before = snapshot(cleo)

    log_in(page, live_server.url, coach.email)
    page.wait_for_url("**/coach/")
    page.get_by_role("link", name="Plan templates").click()
    page.get_by_role("link", name="New template").click()
    page.get_by_label("Name").fill("Two-week base")
    page.get_by_label("Description").fill("Long run, strength for the back chain, a swim.")
    page.get_by_label("Length in weeks").fill("2")
    page.get_by_role("button", name="Save template").click()
    page.wait_for_url("**/coach/templates/*/")

    add_session(page, week=1, day="Sunday", kind="run", purpose="long", minutes=90)
    add_session(
        page, week=1, day="Tuesday", kind="strength", minutes=30,
        exercises=[("Back extension", 3, 10, 12), ("Stability ball leg curl", 3, 6, 8)],
    )  # fmt: skip
    add_session(
        page, week=2, day="Wednesday", kind="cross_training", activity="Swimming", minutes=40
    )
    week_one = page.get_by_test_id("template-week-1")
    assert "Long run · 90 min" in week_one.inner_text()
    assert "Back extension 3 × 10–12 reps" in week_one.inner_text()
    assert "Stability ball leg curl 3 × 6–8 reps" in week_one.inner_text()
    assert "Swimming · 40 min" in page.get_by_test_id("template-week-2").inner_text()
    screenshot("coach-template")

    page.get_by_role("link", name="Assign to athletes").click()
    page.get_by_label("Start").fill(NEXT_MONDAY.isoformat())
    page.get_by_test_id("select-all").check()
    page.get_by_label("Cleo Cole").uncheck()
    screenshot("coach-assign")
    page.get_by_role("button", name="Assign").click()
    page.wait_for_url("**/coach/")
    assert "assigned to 2 athletes" in page.content()
    assert page.get_by_test_id("athlete-row").count() == 3
    assert page.get_by_test_id("assignments").locator("li").count() == 2
    screenshot("coach-dashboard")

    page.goto(f"{live_server.url}/athletes/{ada.pk}/week/{NEXT_MONDAY.isoformat()}/")
    page.get_by_role("link", name="Edit or move Long run").click()
    page.get_by_label("Note for the athlete").fill("First half slow, last 20 minutes steady.")
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Coach:").first.wait_for()
    page.locator("summary").click()
    page.get_by_label("Note on this week").fill("New block starts: keep the easy days easy.")
    screenshot("coach-week-tools")
    page.get_by_role("button", name="Save note").click()
    page.get_by_text("Note saved.").wait_for()
    screenshot("coach-edits-athlete-week")
    log_out(page)

    log_in(page, live_server.url, ada.email)
    page.wait_for_url("**/week/")
    page.get_by_role("link", name="Next →").click()
    page.wait_for_url(f"**/week/{NEXT_MONDAY.isoformat()}/")
    monday, sunday = page.get_by_test_id("day-mon"), page.get_by_test_id("day-sun")
    assert "Back extension" in monday.inner_text()
    assert "3 × 6–8 reps" in monday.inner_text()
    assert "Moved from Tuesday" in monday.inner_text()
    assert "Long run" in sunday.inner_text()
    assert "First half slow, last 20 minutes steady." in sunday.inner_text()
    assert "keep the easy days easy" in page.get_by_test_id("week-note").inner_text()
    assert "Two-week base" in page.get_by_test_id("assigned-plan").inner_text()
    screenshot("athlete-sees-coach-plan")
    page.get_by_role("link", name="Next →").click()
    assert "Swimming" in page.get_by_test_id("day-wed").inner_text()
    log_out(page)

    log_in(page, live_server.url, cleo.email)
    page.wait_for_url("**/week/")
    page.get_by_role("link", name="Next →").click()
    assert page.get_by_test_id("week-note").count() == 0
    assert page.get_by_test_id("placement-note").count() == 0
    assert page.get_by_test_id("coach-note").count() == 0
    assert snapshot(cleo) == cleo_before
    screenshot("third-athlete-unchanged")
