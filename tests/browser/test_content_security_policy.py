"""Chromium enforces the Content-Security-Policy: every main page, as anonymous, a runner and a
coach, loads with its scripts working and without a single policy violation or console error."""

from datetime import timedelta

import pytest
from django.utils import timezone

from activities import services as activity_services
from plans.models import PlanTemplate
from plans.services import weeks_ensure
from tests.accounts.factories import RunnerProfileFactory
from tests.activities import samples
from tests.exercises.factories import ExerciseFactory
from tests.factories import TEST_PASSWORD, CoachFactory, CoachingFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each document reports what the policy blocked; Chromium also logs it as a console error.
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


class Watcher:
    def __init__(self, browser, *, time_zone: str = "UTC") -> None:
        self.context = browser.new_context(
            viewport={"width": 1280, "height": 900}, timezone_id=time_zone
        )
        self.context.set_default_timeout(10_000)
        self.context.add_init_script(WATCH_VIOLATIONS)
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))

    def _console(self, message) -> None:
        if message.type in {"error", "warning"}:
            self.problems.append(f"console {message.type}: {message.text}")

    def visit(self, url: str) -> None:
        response = self.page.goto(url)
        assert response is not None and response.status == 200, url
        assert "script-src 'self'" in response.headers.get("content-security-policy", ""), url
        assert self.page.url == url, f"{url} went to {self.page.url}"
        self.page.wait_for_load_state("load")
        self.collect(url)

    def collect(self, where: str) -> None:
        violations = self.page.evaluate("window.__violations")
        self.problems.extend(f"{where}: {violation}" for violation in violations)
        self.page.evaluate("window.__violations = []")

    def log_in(self, base_url: str, email: str) -> None:
        self.visit(base_url + "/accounts/login/")
        self.page.get_by_label("Email").fill(email)
        self.page.get_by_label("Password").fill(TEST_PASSWORD)
        self.page.get_by_role("button", name="Log in").click()
        self.page.wait_for_load_state("load")


@pytest.fixture
def cast(monkeypatch):
    monkeypatch.setattr(activity_services, "_queue_batch", lambda batch_id: None)  # stays queued
    coach = CoachFactory(email="cora@example.com", display_name="Cora Coach")
    profile = RunnerProfileFactory(
        user__email="rita@example.com", user__display_name="Rita Runner", time_zone="UTC"
    )
    CoachingFactory(coach=coach, athlete=profile.user)
    weeks_ensure(runner=profile.user, today=timezone.localdate())
    template = PlanTemplate.objects.create(
        coach=coach, name="Base block", runner_type="recreational", weeks=2
    )
    track = samples.track(timezone.now() - timedelta(hours=3), minutes=30)
    activity = activity_services.activity_import(
        runner=profile.user, uploaded_by=profile.user, name="run.gpx", data=samples.gpx(track)
    ).activity
    assert activity is not None
    files = [activity_services.Upload(name=f"{n}.gpx", data=samples.gpx(track)) for n in "ab"]
    batch = activity_services.batch_create(
        runner=profile.user, uploaded_by=profile.user, uploads=files
    )
    return {
        "activity": activity,
        "batch": batch,
        "coach": coach,
        "runner": profile.user,
        "template": template,
        "exercise": ExerciseFactory.create(),
        "newcomer": UserFactory.create(email="nina@example.com"),
    }


def test_no_page_breaks_the_content_security_policy(live_server, browser, cast):
    base = live_server.url
    runner, coach, template = cast["runner"], cast["coach"], cast["template"]
    anonymous = Watcher(browser)
    for path in ("/", "/accounts/login/", "/accounts/signup/", "/accounts/password-reset/"):
        anonymous.visit(base + path)

    newcomer = Watcher(browser, time_zone="Europe/Madrid")
    newcomer.log_in(base, cast["newcomer"].email)
    newcomer.visit(base + "/accounts/onboarding/")
    # profile_form.js, now a static file, still fills in the browser's time zone.
    assert newcomer.page.get_by_label("Time zone").input_value() == "Europe/Madrid"

    runner_pages = Watcher(browser)
    runner_pages.log_in(base, runner.email)
    for path in (
        "/week/",
        "/exercises/",
        f"/exercises/{cast['exercise'].slug}/",
        "/accounts/profile/",
        "/accounts/account/",
        "/runs/new/",
        "/accounts/coach/",
        "/activities/upload/",
        f"/activities/{cast['activity'].pk}/",
    ):
        runner_pages.visit(base + path)
    # batch.js polls the import's status while it waits.
    with runner_pages.page.expect_response(lambda response: "/status/" in response.url):
        runner_pages.visit(base + f"/activities/imports/{cast['batch'].pk}/")
    runner_pages.collect("while the import page polled")

    coach_pages = Watcher(browser)
    coach_pages.log_in(base, coach.email)
    for path in (
        "/coach/",
        "/coach/templates/",
        "/coach/templates/new/",
        f"/coach/templates/{template.pk}/",
        "/accounts/athletes/",
        f"/accounts/athletes/{runner.pk}/",
        f"/accounts/athletes/{runner.pk}/edit/",
        f"/athletes/{runner.pk}/week/",
    ):
        coach_pages.visit(base + path)
    # session_form.js switches the fields with the kind of session.
    coach_pages.visit(base + f"/coach/templates/{template.pk}/")
    coach_pages.page.select_option("#id_kind", "strength")
    assert coach_pages.page.locator("#id_exercise_1").is_visible()
    coach_pages.page.select_option("#id_kind", "run")
    assert not coach_pages.page.locator("#id_exercise_1").is_visible()
    # template_assign.js ticks every athlete at once.
    coach_pages.visit(base + f"/coach/templates/{template.pk}/assign/")
    coach_pages.page.get_by_test_id("select-all").check()
    assert coach_pages.page.locator('input[name="athletes"]').first.is_checked()
    coach_pages.collect("after the scripts ran")

    assert (
        anonymous.problems + newcomer.problems + runner_pages.problems + coach_pages.problems == []
    )


def test_the_watcher_sees_what_the_policy_blocks(live_server, browser):
    watcher = Watcher(browser)
    watcher.visit(live_server.url + "/")
    watcher.page.evaluate(
        """document.body.insertAdjacentHTML("beforeend", '<p style="color: red">injected</p>')"""
    )
    watcher.page.wait_for_function("window.__violations.length > 0")
    watcher.collect("home")
    assert any("style-src" in problem for problem in watcher.problems)
