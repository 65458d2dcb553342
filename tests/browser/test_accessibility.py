"""Every page passes axe-core's WCAG 2.1 A and AA checks, for every role that sees it, at
desktop and phone width, in the light and the dark colour scheme.

PAGES names every URL pattern the resolver knows: a page with the roles that see it (and, where
a URL keyword means something other than usual, where its value comes from), or NOT_A_PAGE with
why it has nothing to check. A new URL fails `test_every_url_pattern_has_an_entry` until it is
added here: adding a page is one line."""

import time
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.demo import DEMO_COACH_EMAIL, DEMO_PASSWORD, DEMO_RUNNER_EMAIL
from accounts.models import Goal, User
from accounts.services import invitation_token
from activities.models import BatchState, ImportBatch
from activities.services import activity_import
from plans.coaching.services import (
    ExerciseLine,
    TemplateSessionData,
    plan_assign,
    template_session_add,
)
from plans.models import PlanTemplate, RunLog, Session, Status, WeekNote
from plans.services import monday_of, session_mark
from reminders import links
from reminders.models import Reminder
from tests.accounts.factories import InvitationFactory, RunnerProfileFactory
from tests.activities import samples
from tests.browser.accessibility import Violation, axe_context, every_look
from tests.exercises.factories import ExerciseFactory
from tests.factories import TEST_PASSWORD, CoachingFactory, UserFactory
from tests.test_no_server_errors import _url_names

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANONYMOUS, RUNNER, COACH, NEWCOMER = "anonymous", "runner", "coach", "newcomer"


@dataclass(frozen=True)
class Page:
    roles: tuple[str, ...]
    # URL keyword → the Cast value that fills it, where it is not the keyword's own name.
    kwargs: dict[str, str] = field(default_factory=dict)
    status: int = 200


@dataclass(frozen=True)
class NotAPage:
    reason: str


POST_ONLY = NotAPage("POST only: answers with a redirect, no page of its own")
JSON = NotAPage("JSON for scripts and API clients, no HTML")

PAGES: dict[str, Page | NotAPage] = {
    "home": Page((ANONYMOUS, RUNNER, COACH)),
    "healthz": NotAPage("plain-text health check for the load balancer"),
    "accounts:login": Page((ANONYMOUS,)),
    "accounts:logout": POST_ONLY,
    "accounts:signup": Page((ANONYMOUS,)),
    "accounts:onboarding": Page((NEWCOMER,)),
    "accounts:profile": Page((RUNNER, COACH)),
    "accounts:account": Page((RUNNER, COACH)),
    # A good link redirects to the week with a message; the page itself says what is wrong.
    "accounts:email_confirm": Page((RUNNER,), {"token": "bad_token"}, status=400),
    "accounts:email_confirm_resend": POST_ONLY,
    "accounts:my_coach": Page((RUNNER,)),
    "accounts:athletes": Page((COACH,)),
    "accounts:athlete": Page((COACH,)),
    "accounts:athlete_edit": Page((COACH,)),
    "accounts:athlete_remove": Page((COACH,)),
    "accounts:goal_new": Page((COACH,)),
    "accounts:goal_edit": Page((COACH,)),
    "accounts:goal_delete": Page((COACH,)),
    "accounts:invitation_revoke": POST_ONLY,
    "accounts:invitation_resend": POST_ONLY,
    "accounts:invitation": Page((ANONYMOUS, NEWCOMER), {"token": "invitation_token"}),
    "accounts:password_change": Page((RUNNER,)),
    "accounts:password_change_done": Page((RUNNER,)),
    "accounts:password_reset": Page((ANONYMOUS,)),
    "accounts:password_reset_done": Page((ANONYMOUS,)),
    "accounts:password_reset_confirm": Page((ANONYMOUS,), {"token": "reset_token"}),
    "accounts:password_reset_complete": Page((ANONYMOUS,)),
    "exercises:list": Page((RUNNER, COACH)),
    "exercises:create": Page((COACH,)),
    "exercises:detail": Page((RUNNER, COACH)),
    "exercises:edit": Page((COACH,)),
    "plans:week": Page((RUNNER,)),
    "plans:week_of": Page((RUNNER,), {"week_start": "next_week"}),
    "plans:athlete_week": Page((COACH,)),
    "plans:athlete_week_of": Page((COACH,), {"week_start": "next_week"}),
    "plans:session_status": POST_ONLY,
    "plans:session_move": POST_ONLY,
    "plans:run_log_new": Page((RUNNER,)),
    "plans:run_log_delete": Page((RUNNER,)),
    "plans:plan_preview": JSON,
    "plans:api_assignments": JSON,
    "plans:coach_dashboard": Page((COACH,)),
    "plans:athlete_group": POST_ONLY,
    "plans:template_list": Page((COACH,)),
    "plans:template_new": Page((COACH,)),
    "plans:template_detail": Page((COACH,)),
    "plans:template_edit": Page((COACH,)),
    "plans:template_session_edit": Page((COACH,), {"session_id": "template_session_id"}),
    "plans:template_session_delete": Page((COACH,), {"session_id": "template_session_id"}),
    "plans:template_duplicate": POST_ONLY,
    "plans:template_archive": POST_ONLY,
    "plans:template_assign": Page((COACH,)),
    "plans:assignment_end": POST_ONLY,
    "plans:assignment_leave": Page((RUNNER,)),
    "plans:week_session_add": Page((COACH,)),
    "plans:week_note": POST_ONLY,
    "plans:week_save_as_template": POST_ONLY,
    "plans:session_edit": Page((COACH,)),
    "plans:session_delete": Page((COACH,)),
    "activities:upload": Page((RUNNER,)),
    "activities:athlete_upload": Page((COACH,)),
    "activities:batch": Page((RUNNER,)),
    "activities:batch_status": JSON,
    "activities:detail": Page((RUNNER, COACH)),
    "activities:delete": POST_ONLY,
    "activities:api_activities": JSON,
    "privacy:data": Page((RUNNER, COACH)),
    "privacy:export_request": POST_ONLY,
    "privacy:export_status": JSON,
    "privacy:export_download": NotAPage("a zip file to download"),
    "privacy:account_delete": Page((RUNNER, COACH)),
    "plans:progress": Page((RUNNER,)),
    "plans:athlete_progress": Page((COACH,)),
    "plans:calendar": Page((RUNNER,)),
    "plans:athlete_calendar": Page((COACH,)),
    "plans:squad": Page((COACH,)),
    "plans:season": Page((RUNNER,)),
    "plans:athlete_season": Page((COACH,)),
    "plans:pause_add": POST_ONLY,
    "plans:pause_end": POST_ONLY,
    "feeds:calendar_feed": NotAPage("a calendar file for calendar apps"),
    "feeds:feed_renew": POST_ONLY,
    "feeds:workout": NotAPage("a FIT workout file for a watch"),
    "apitokens:new": POST_ONLY,
    "apitokens:revoke": POST_ONLY,
    "api:docs": Page((ANONYMOUS,)),
    "api:schema": NotAPage("the OpenAPI schema, YAML"),
    **{
        f"api:{name}": JSON
        for name in (
            "profile",
            "week_current",
            "week",
            "session",
            "session_done",
            "session_skip",
            "session_undo",
            "runs",
            "run",
            "exercises",
            "exercise",
            "athletes",
            "athlete_week_current",
            "athlete_week",
            "athlete_sessions",
            "athlete_session",
            "templates",
            "template",
            "export",
            "export_download",
            "account",
        )
    },  # fmt: skip
    "reminders:done": Page((ANONYMOUS,), {"token": "done_token"}),
    "reminders:unsubscribe": Page((ANONYMOUS,), {"token": "unsubscribe_token"}),
}
# The other states of some pages, and pages no URL pattern names: path (filled in from the
# cast) → who sees it and its status.
OTHER_PAGES = {
    "/no-such-page/": ((ANONYMOUS, RUNNER), 404),
    "/reminders/done/not-a-token/": ((ANONYMOUS,), 400),
    "/reminders/done/{ahead_done_token}/": ((ANONYMOUS,), 409),
}
ROLES = (ANONYMOUS, RUNNER, COACH, NEWCOMER)


def test_every_url_pattern_has_an_entry():
    from django.urls import get_resolver

    assert sorted(set(_url_names(get_resolver().url_patterns)) - set(PAGES)) == []
    assert sorted(set(PAGES) - set(_url_names(get_resolver().url_patterns))) == []


def _cast() -> dict[str, object]:
    """The demo runner (a week from Monday, the days before today done) coached by the demo
    coach, and something behind every URL keyword."""
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    runner = User.objects.get(email=DEMO_RUNNER_EMAIL)
    coach = User.objects.get(email=DEMO_COACH_EMAIL)
    newcomer = UserFactory.create(display_name="Nina New", email="nina@example.com")
    today = runner.runner_profile.today()
    exercise = ExerciseFactory.create(owner=coach)
    template = PlanTemplate.objects.create(coach=coach, name="Base block", weeks=2)
    template_session = template_session_add(
        template=template,
        data=TemplateSessionData(
            week_index=0,
            weekday=1,
            kind="strength",
            title="Strength",
            minutes=20,
            exercises=[ExerciseLine(exercise_id=exercise.pk, sets=2, rep_min=8, rep_max=10)],
        ),
    )
    (assignment,) = plan_assign(
        template=template,
        athletes=[runner],
        start=monday_of(today) + timedelta(days=14),
        coach=coach,
    )
    invitation = InvitationFactory.create(coach=coach, email=newcomer.email)
    quiet = RunnerProfileFactory.create(user__display_name="Quinn Quiet", time_zone="UTC").user
    CoachingFactory.create(coach=coach, athlete=quiet)  # a highlighted row: no activity yet
    activity = activity_import(
        runner=runner,
        uploaded_by=runner,
        name="run.gpx",
        data=samples.gpx(samples.track(timezone.now() - timedelta(hours=2))),
    ).activity
    batch = ImportBatch.objects.create(runner=runner, uploaded_by=runner, state=BatchState.DONE)
    reminders = Reminder.objects.filter(session__runner=runner).order_by("session__date")
    reminder, ahead = reminders.filter(session__date__lt=today).last(), reminders.last()
    assert reminder is not None and ahead is not None and ahead.session.date > today
    assert activity is not None
    open_session = Session.objects.filter(runner=runner, status=Status.PLANNED).earliest("date")
    _every_state_of_a_session(runner, coach, today)
    return {
        "users": {RUNNER: runner, COACH: coach, NEWCOMER: newcomer},
        "athlete_id": runner.pk,
        "week_start": monday_of(today),
        "next_week": monday_of(today) + timedelta(days=7),
        "session_id": open_session.pk,
        "run_log_id": RunLog.objects.filter(runner=runner).latest("date").pk,
        "template_id": template.pk,
        "template_session_id": template_session.pk,
        "assignment_id": assignment.pk,
        "slug": exercise.slug,
        "activity_id": activity.pk,
        "goal_id": Goal.objects.get(profile__user=runner).pk,
        "batch_id": batch.pk,
        "invitation_token": invitation_token(invitation),
        "uidb64": urlsafe_base64_encode(force_bytes(runner.pk)),
        "reset_token": default_token_generator.make_token(runner),
        "bad_token": "not-a-token",
        "done_token": links.done_path(reminder.pk).rstrip("/").rsplit("/", 1)[-1],
        "ahead_done_token": links.done_path(ahead.pk).rstrip("/").rsplit("/", 1)[-1],
        "unsubscribe_token": links.unsubscribe_path(runner.pk).rstrip("/").rsplit("/", 1)[-1],
    }


def _every_state_of_a_session(runner: User, coach: User, today) -> None:
    """This week shows each thing a session can carry: skipped with a note, a coach's note, a
    new activity, one moved and one waiting for a day; and the coach's note on the week."""
    ahead = list(
        Session.objects.filter(runner=runner, date__gt=today, post_run=False).order_by("date")
    )
    skipped, noted, *_ = ahead
    session_mark(session=skipped, status=Status.SKIPPED, note="Sore calves")
    Session.objects.filter(pk=noted.pk).update(
        coach_note="Keep it easy, chat pace.",
        is_new_activity=True,
        moved_from=noted.date - timedelta(days=1),
        placement_note="No free day fits it this week.",
        needs_attention=True,
    )
    WeekNote.objects.create(
        runner=runner, week_start=monday_of(today), text="A lighter week.", author=coach
    )


def _path(name: str, page: Page, cast: dict[str, object]) -> str:
    kwargs = {key: cast[page.kwargs.get(key, key)] for key in _url_keywords(name)}
    return reverse(name, kwargs=kwargs)


def _url_keywords(name: str) -> list[str]:
    from django.urls import get_resolver

    resolver = get_resolver()
    *namespaces, view = name.split(":")
    for namespace in namespaces:
        resolver = resolver.namespace_dict[namespace][1]
    ((_format, params),) = resolver.reverse_dict.getlist(view)[0][0]
    return params


def _log_in(page, base_url: str, user: User) -> None:
    page.goto(base_url + reverse("accounts:login"))
    page.get_by_label("Email").fill(user.email)
    password = DEMO_PASSWORD if user.email.endswith("demo.runstrong.local") else TEST_PASSWORD
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state("load")
    assert "/accounts/login/" not in page.url, f"{user.email} could not log in"


@pytest.mark.parametrize("role", ROLES)
def test_every_page_passes_axe_for_every_role_width_and_scheme(role, live_server, browser):
    started = time.monotonic()
    cast = _cast()
    paths = {
        _path(name, entry, cast): entry.status
        for name, entry in PAGES.items()
        if isinstance(entry, Page) and role in entry.roles
    }
    paths |= {
        path.format(**cast): status
        for path, (roles, status) in OTHER_PAGES.items()
        if role in roles
    }
    context = axe_context(browser)
    page = context.new_page()
    if role != ANONYMOUS:
        _log_in(page, live_server.url, cast["users"][role])
    failures: dict[Violation, list[str]] = {}
    scheme = "light"
    for path, status in paths.items():
        response = page.goto(live_server.url + path)
        assert response is not None and response.status == status, f"{role} {path}: {status}"
        for look, violation in every_look(page, scheme, f"{role} {path}"):
            failures.setdefault(violation, []).append(f"{path} ({look})")
        scheme = "dark" if scheme == "light" else "light"
    context.close()
    print(f"{role}: {len(paths)} pages × 2 widths × 2 schemes in {time.monotonic() - started:.0f}s")
    report = [violation.describe(role, wheres) for violation, wheres in failures.items()]
    assert not report, f"{len(report)} axe failures as {role}:\n" + "\n".join(report)
