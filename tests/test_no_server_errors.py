"""No input gives a server error: every URL the resolver knows is driven, as a runner, as a
coach, as a new user and without a login, with generated values (huge texts, numbers, dates out
of range, lists where one value belongs) over the forms the page itself shows; a POST that is
refused (anything but a redirect or a 201) writes nothing.

A new URL pattern fails `test_every_url_pattern_is_driven` until it is added to TARGETS."""

import json
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import User
from accounts.services import email_confirm_token, invitation_token
from activities.models import BatchState, ImportBatch
from activities.services import activity_import
from apitokens.services import token_create
from feeds.services import calendar_feed_renew
from plans.coaching.services import (
    ExerciseLine,
    TemplateSessionData,
    plan_assign,
    template_session_add,
)
from plans.models import PlanPause, PlanTemplate
from plans.services import monday_of
from privacy.models import DataExport
from reminders import links
from reminders.models import Reminder
from tests.accounts.factories import InvitationFactory, RaceGoalFactory, RunnerProfileFactory
from tests.activities import samples
from tests.exercises.factories import ExerciseFactory
from tests.factories import UserFactory
from tests.plans.factories import RunLogFactory, SessionFactory

EXAMPLES = 30
ROLES = ("runner", "coach", "newcomer", "anonymous")
# The tables users write to; the admin, sessions and login attempts are not counted.
COUNTED_APPS = ("accounts", "activities", "apitokens", "exercises", "plans", "reminders", "privacy")
# Query parameters pages read besides their forms' fields.
GET_PARAMS = (
    "q", "page", "group", "sort", "archived", "date", "next", "leave", "kind", "weeks", "month"
)  # fmt: skip

HOSTILE_TEXTS = [
    "",
    " ",
    "0",
    "-1",
    "3.5",
    "1e999",
    "NaN",
    "Infinity",
    "9" * 5000,
    "0001-01-01",
    "9999-12-31",
    "9999-12-27",
    "2026-02-30",
    "99:99",
    "\x00",
    "on",
    "[]",
    '{"a": 1}',
    "../../etc/passwd",
    "Europe",
    "x" * 10_000,
    "é" * 301,
]
# Each is also sent in every field of every form at once, before the generated examples.
KILLERS = ["x" * 10_000, "9" * 5000, str(2**63), "0001-01-01", "9999-12-31", "\x00"]
TEXT = st.one_of(
    st.sampled_from(HOSTILE_TEXTS),
    st.text(max_size=30),
    st.integers().map(str),
    st.dates().map(date.isoformat),
    st.text(alphabet=string.ascii_letters + " ", min_size=290, max_size=2100),
)
VALUE = st.one_of(TEXT, st.lists(TEXT, min_size=2, max_size=3))
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@dataclass
class World:
    users: dict[str, User | None]
    kwargs: dict[str, Any] = field(default_factory=dict)
    _cookies: dict[str, SimpleCookie] = field(default_factory=dict)

    def client(self, role: str) -> Client:
        """A client logged in as `role`, with the session cookie of its first login: a logout
        or password change inside a rolled-back example leaves the next example logged in."""
        client = Client(raise_request_exception=False)
        user = self.users[role]
        if user is not None and role not in self._cookies:
            client.force_login(user)
            self._cookies[role] = SimpleCookie(client.cookies)
        client.cookies = SimpleCookie(self._cookies.get(role, {}))
        return client


@dataclass(frozen=True)
class Target:
    roles: tuple[str, ...]
    # URL keyword → the World.kwargs entry that fills it.
    kwargs: dict[str, str] = field(default_factory=dict)
    # For a view with no page of its own (POST only): the fields its form posts.
    fields: dict[str, str] = field(default_factory=dict)


def _k(*names: str) -> dict[str, str]:
    return {name: name for name in names}


LOGGED_IN = ("runner", "coach")
TEMPLATE_SESSION = {"template_id": "template_id", "session_id": "template_session_id"}
EVERYONE = ROLES
TARGETS: dict[str, Target] = {
    "home": Target(EVERYONE),
    "healthz": Target(("anonymous",)),
    "accounts:login": Target(("anonymous",)),
    "accounts:logout": Target(LOGGED_IN),
    "accounts:signup": Target(("anonymous",)),
    "accounts:onboarding": Target(("newcomer", "runner")),
    "accounts:profile": Target(("runner", "coach", "newcomer")),
    "accounts:account": Target(LOGGED_IN),
    "accounts:my_coach": Target(LOGGED_IN),
    "accounts:athletes": Target(LOGGED_IN, fields={"email": "new@example.com"}),
    "accounts:athlete": Target(LOGGED_IN, _k("athlete_id")),
    "accounts:athlete_edit": Target(LOGGED_IN, _k("athlete_id")),
    "accounts:athlete_remove": Target(LOGGED_IN, _k("athlete_id")),
    "accounts:goal_new": Target(LOGGED_IN, _k("athlete_id")),
    "accounts:goal_edit": Target(LOGGED_IN, _k("athlete_id", "goal_id")),
    "accounts:goal_delete": Target(LOGGED_IN, _k("athlete_id", "goal_id")),
    "accounts:invitation_revoke": Target(LOGGED_IN, _k("invitation_id")),
    "accounts:invitation_resend": Target(LOGGED_IN, _k("invitation_id")),
    "accounts:invitation": Target(("newcomer", "anonymous"), _k("token"), {"answer": "accept"}),
    "accounts:email_confirm": Target(LOGGED_IN, {"token": "email_token"}),
    "accounts:email_confirm_resend": Target(LOGGED_IN),
    "accounts:password_change": Target(LOGGED_IN),
    "accounts:password_change_done": Target(LOGGED_IN),
    "accounts:password_reset": Target(("anonymous",)),
    "accounts:password_reset_done": Target(("anonymous",)),
    "accounts:password_reset_confirm": Target(
        ("anonymous",), {"uidb64": "uidb64", "token": "reset_token"}
    ),
    "accounts:password_reset_complete": Target(("anonymous",)),
    "exercises:list": Target(LOGGED_IN),
    "exercises:create": Target(LOGGED_IN),
    "exercises:detail": Target(LOGGED_IN, _k("slug")),
    "exercises:edit": Target(LOGGED_IN, _k("slug")),
    "plans:week": Target(LOGGED_IN),
    "plans:week_of": Target(LOGGED_IN, _k("week_start")),
    "plans:athlete_week": Target(LOGGED_IN, _k("athlete_id")),
    "plans:athlete_week_of": Target(LOGGED_IN, _k("athlete_id", "week_start")),
    "plans:session_status": Target(
        LOGGED_IN, _k("session_id"), {"status": "skipped", "note": "Tired"}
    ),
    "plans:session_move": Target(LOGGED_IN, _k("session_id"), {"day": "2026-01-01"}),
    "plans:run_log_new": Target(LOGGED_IN),
    "plans:season": Target(LOGGED_IN),
    "plans:athlete_season": Target(LOGGED_IN, _k("athlete_id")),
    "plans:pause_add": Target(LOGGED_IN),
    "plans:pause_end": Target(LOGGED_IN, _k("pause_id")),
    "plans:run_log_delete": Target(LOGGED_IN, _k("run_log_id")),
    "plans:plan_preview": Target(LOGGED_IN),
    "plans:api_assignments": Target(LOGGED_IN),
    "plans:coach_dashboard": Target(LOGGED_IN),
    "plans:athlete_group": Target(LOGGED_IN, _k("athlete_id"), {"name": "Tuesday group"}),
    "plans:template_list": Target(LOGGED_IN),
    "plans:template_new": Target(LOGGED_IN),
    "plans:template_detail": Target(LOGGED_IN, _k("template_id")),
    "plans:template_edit": Target(LOGGED_IN, _k("template_id")),
    "plans:template_session_edit": Target(LOGGED_IN, TEMPLATE_SESSION),
    "plans:template_session_delete": Target(LOGGED_IN, TEMPLATE_SESSION),
    "plans:template_duplicate": Target(LOGGED_IN, _k("template_id")),
    "plans:template_archive": Target(LOGGED_IN, _k("template_id")),
    "plans:template_assign": Target(LOGGED_IN, _k("template_id")),
    "plans:assignment_end": Target(LOGGED_IN, _k("assignment_id")),
    "plans:assignment_leave": Target(LOGGED_IN, _k("assignment_id")),
    "plans:week_session_add": Target(LOGGED_IN, _k("athlete_id", "week_start")),
    "plans:week_note": Target(LOGGED_IN, _k("athlete_id", "week_start"), {"text": "Easy week"}),
    "plans:week_save_as_template": Target(
        LOGGED_IN, _k("athlete_id", "week_start"), {"name": "Copied week", "weeks": "1"}
    ),
    "plans:progress": Target(LOGGED_IN),
    "plans:athlete_progress": Target(LOGGED_IN, _k("athlete_id")),
    "plans:calendar": Target(LOGGED_IN),
    "plans:athlete_calendar": Target(LOGGED_IN, _k("athlete_id")),
    "plans:squad": Target(LOGGED_IN),
    "plans:session_edit": Target(LOGGED_IN, _k("session_id")),
    "plans:session_delete": Target(LOGGED_IN, _k("session_id")),
    "activities:upload": Target(LOGGED_IN),
    "activities:athlete_upload": Target(LOGGED_IN, _k("athlete_id")),
    "activities:batch": Target(LOGGED_IN, _k("batch_id")),
    "activities:batch_status": Target(LOGGED_IN, _k("batch_id")),
    "activities:detail": Target(LOGGED_IN, _k("activity_id")),
    "activities:delete": Target(LOGGED_IN, _k("activity_id")),
    "activities:api_activities": Target(LOGGED_IN),
    "feeds:calendar_feed": Target(EVERYONE, {"token": "feed_token"}),
    "feeds:feed_renew": Target(LOGGED_IN, {"kind": "feed_kind"}),
    "feeds:workout": Target(LOGGED_IN, _k("session_id")),
    "apitokens:new": Target(LOGGED_IN, fields={"name": "Script", "scope": "read"}),
    "apitokens:revoke": Target(LOGGED_IN, _k("token_id")),
    "api:schema": Target(EVERYONE),
    "api:docs": Target(EVERYONE),
    "api:profile": Target(EVERYONE),
    "api:week_current": Target(EVERYONE),
    "api:week": Target(EVERYONE, _k("week_start")),
    "api:session": Target(EVERYONE, _k("session_id")),
    "api:session_done": Target(EVERYONE, _k("session_id")),
    "api:session_skip": Target(EVERYONE, _k("session_id")),
    "api:session_undo": Target(EVERYONE, _k("session_id")),
    "api:runs": Target(EVERYONE),
    "api:run": Target(EVERYONE, _k("run_log_id")),
    "api:exercises": Target(EVERYONE),
    "api:exercise": Target(EVERYONE, _k("slug")),
    "api:athletes": Target(EVERYONE),
    "api:athlete_week_current": Target(EVERYONE, _k("athlete_id")),
    "api:athlete_week": Target(EVERYONE, _k("athlete_id", "week_start")),
    "api:athlete_sessions": Target(EVERYONE, _k("athlete_id")),
    "api:athlete_session": Target(EVERYONE, _k("athlete_id", "session_id")),
    "api:export": Target(EVERYONE),
    "api:export_download": Target(EVERYONE, _k("export_id")),
    "api:account": Target(EVERYONE),
    "api:templates": Target(EVERYONE),
    "api:template": Target(EVERYONE, _k("template_id")),
    "privacy:data": Target(LOGGED_IN),
    "privacy:export_request": Target(LOGGED_IN),
    "privacy:export_status": Target(LOGGED_IN, _k("export_id")),
    "privacy:export_download": Target(LOGGED_IN, _k("export_id")),
    "privacy:account_delete": Target(LOGGED_IN),
    "reminders:done": Target(("anonymous",), {"token": "done_token"}),
    "reminders:unsubscribe": Target(("anonymous",), {"token": "unsubscribe_token"}),
}


def _url_names(patterns: list[Any], namespace: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":  # staff only; covered by the admin's own tests
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}"


def test_every_url_pattern_is_driven():
    assert set(_url_names(get_resolver().url_patterns)) == set(TARGETS)


class FormFields(HTMLParser):
    """The fields of a page's POST forms and the values the page fills them with."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, list[str]] = {}
        self.names: set[str] = set()
        self._in_post_form = False
        self._select: str | None = None
        self._first_option: dict[str, str] = {}
        self._textarea: str | None = None

    def _add(self, name: str, value: str) -> None:
        self.values.setdefault(name, []).append(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form":
            self._in_post_form = a.get("method", "").lower() == "post"
        if not self._in_post_form or (tag != "option" and "name" not in a):
            return
        name = a.get("name", "")
        if name == "csrfmiddlewaretoken":
            return
        if tag in ("input", "select", "textarea"):
            self.names.add(name)
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._add(name, a.get("value", "on"))
            elif kind not in ("submit", "button"):
                self._add(name, a.get("value", ""))
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if "selected" in a:
                self._add(self._select, value)
            elif value:
                self._first_option.setdefault(self._select, value)
        elif tag == "textarea":
            self._textarea = name
            self._add(name, "")

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self.values[self._textarea][-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_post_form = False
        elif tag == "select":
            if self._select is not None and self._select not in self.values:
                first = self._first_option.get(self._select)
                if first is not None:
                    self._add(self._select, first)
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def row_counts() -> dict[str, int]:
    """Rows per counted table, in one query (this runs twice per generated request)."""
    tables = sorted(
        model._meta.db_table
        for name in COUNTED_APPS
        for model in apps.get_app_config(name).get_models()
    )
    quote = connection.ops.quote_name
    counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        return dict(zip(tables, cursor.fetchone(), strict=True))


def _status(response: HttpResponse) -> int:
    return response.status_code


@pytest.fixture
def world(runner, coach) -> World:
    """Something behind every URL: the runner's week (generated by a visit), a run log, a
    template with sessions assigned to the runner, a coach's own exercise, an invitation."""
    profile = RunnerProfileFactory.create(user=runner, time_zone="UTC")
    goal = RaceGoalFactory.create(profile=profile)
    newcomer = UserFactory.create(display_name="Nina New")
    visit = Client()
    visit.force_login(runner)
    assert visit.get(reverse("plans:week")).status_code == 200
    today = date.today()
    session = SessionFactory.create(runner=runner, date=today + timedelta(days=1))
    reminder = Reminder.objects.filter(session__runner=runner).first() or Reminder.objects.create(
        session=session
    )
    template = PlanTemplate.objects.create(coach=coach, name="Base", weeks=2)
    exercise = ExerciseFactory.create(owner=coach)
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
        start=monday_of(today) + timedelta(days=7),
        coach=coach,
    )
    invitation = InvitationFactory.create(coach=coach, email=newcomer.email)
    activity = activity_import(
        runner=runner,
        uploaded_by=runner,
        name="run.gpx",
        data=samples.gpx(samples.track(timezone.now() - timedelta(hours=2))),
    ).activity
    batch = ImportBatch.objects.create(runner=runner, uploaded_by=runner, state=BatchState.DONE)
    done_token = links.done_path(reminder.pk).rstrip("/").rsplit("/", 1)[-1]
    unsubscribe_token = links.unsubscribe_path(runner.pk).rstrip("/").rsplit("/", 1)[-1]
    world = World(
        users={"runner": runner, "coach": coach, "newcomer": newcomer, "anonymous": None},
        kwargs={
            "athlete_id": runner.pk,
            "week_start": monday_of(today),
            "session_id": session.pk,
            "run_log_id": RunLogFactory.create(runner=runner).pk,
            "pause_id": PlanPause.objects.create(
                runner=runner, start=today + timedelta(days=20), end=today + timedelta(days=24)
            ).pk,
            "template_id": template.pk,
            "template_session_id": template_session.pk,
            "assignment_id": assignment.pk,
            "slug": exercise.slug,
            "activity_id": activity.pk,
            "goal_id": goal.pk,
            "batch_id": batch.pk,
            "export_id": DataExport.objects.create(user=runner).pk,
            "invitation_id": invitation.pk,
            "token_id": token_create(user=runner, name="Script", scope="write")[0].pk,
            "token": invitation_token(invitation),
            "uidb64": urlsafe_base64_encode(force_bytes(runner.pk)),
            "reset_token": default_token_generator.make_token(runner),
            "email_token": email_confirm_token(user=runner, email="rita.new@example.com"),
            "done_token": done_token,
            "unsubscribe_token": unsubscribe_token,
            "feed_token": calendar_feed_renew(owner=runner, kind="runner"),
            "feed_kind": "runner",
        },
    )
    for role in ROLES:
        world.client(role)  # logs in once, outside the examples' rolled-back transactions
    return world


def _url(name: str, world: World) -> str:
    kwargs = {key: world.kwargs[source] for key, source in TARGETS[name].kwargs.items()}
    return reverse(name, kwargs=kwargs)


def _page_fields(client: Client, url: str, fallback: dict[str, str]) -> dict[str, list[str]]:
    """The page's own form, filled in as the page fills it; else the view's known fields."""
    response = client.get(url)
    parser = FormFields()
    if response.status_code == 200 and "html" in response.get("Content-Type", ""):
        parser.feed(response.content.decode())
    values = {name: parser.values.get(name, []) for name in parser.names}
    return values or {name: [value] for name, value in fallback.items()}


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_no_input_gives_a_server_error(name, world):
    target = TARGETS[name]
    url = _url(name, world)
    pages = {}
    for role in target.roles:
        with transaction.atomic():  # a visit may write (a week generated): not counted here
            pages[role] = _page_fields(world.client(role), url, target.fields)
            transaction.set_rollback(True)

    for role in target.roles:
        for killer in KILLERS:
            with transaction.atomic():
                before = row_counts()
                fields = {name: killer for name in pages[role] or ["value"]}
                response = world.client(role).post(url, fields)
                assert _status(response) < 500, f"{role} POST {url} every field {killer[:20]!r}"
                if _status(response) not in (201, 202, 301, 302, 303):
                    assert row_counts() == before, f"{role} POST {url} was refused yet wrote"
                transaction.set_rollback(True)

    @FUZZ_SETTINGS
    @given(st.data())
    def drive(data: st.DataObject) -> None:
        role = data.draw(st.sampled_from(target.roles), label="role")
        fields = pages[role]
        names = sorted(fields) or ["value"]
        method = data.draw(st.sampled_from(["post", "post", "get"]), label="method")
        if method == "get":
            names = sorted({*names, *GET_PARAMS})
        changes = data.draw(
            st.dictionaries(st.sampled_from(names), VALUE, min_size=1, max_size=4),
            label="changes",
        )
        with transaction.atomic():
            client = world.client(role)
            before = row_counts()
            if method == "get":
                response = client.get(url, changes)
            else:
                response = client.post(url, {**fields, **changes})
            status = _status(response)
            assert status < 500, f"{role} {method.upper()} {url} {changes!r:.300}: {status}"
            if method == "post" and status not in (201, 202, 301, 302, 303):
                assert row_counts() == before, f"{role} POST {url} was refused yet wrote"
            transaction.set_rollback(True)

    drive()


JSON_URLS = {"plans:plan_preview": "runner", "plans:api_assignments": "coach"}
PREVIEW_BODY: dict[str, Any] = {
    "runner_type": "recreational",
    "week_start": "2026-11-23",
    "days": {key: {"available": True, "minutes": 45} for key in ("mon", "wed", "fri", "sun")}
    | {key: {"available": False, "minutes": 0} for key in ("tue", "thu", "sat")},
    "long_run_day": "sun",
    "race_date": "2027-03-07",
    "injury": None,
    "likes": ["swimming"],
    "equipment": ["stability_ball"],
    "places": ["home"],
}


def _valid_body(name: str, world: World) -> dict[str, Any]:
    if name == "plans:plan_preview":
        return json.loads(json.dumps(PREVIEW_BODY))
    start = monday_of(date.today()) + timedelta(days=14)
    return {
        "template": world.kwargs["template_id"],
        "athletes": [world.kwargs["athlete_id"]],
        "start": start.isoformat(),
        "override_return": False,
    }


@pytest.mark.parametrize("name", sorted(JSON_URLS))
def test_no_json_body_gives_a_server_error(name, world):
    """Valid bodies with one or two values swapped for any JSON (a number, true, a list or an
    object where a date belongs…), and bodies that are any JSON at all."""
    url, role = _url(name, world), JSON_URLS[name]
    body = _valid_body(name, world)
    keys = sorted(body) + ["unknown"] + ["days.mon", "days.tue"] * ("days" in body)

    @FUZZ_SETTINGS
    @given(st.data())
    def drive(data: st.DataObject) -> None:
        if data.draw(st.integers(0, 3), label="whole body") == 0:
            sent = data.draw(JSON_VALUE, label="body")
        else:
            sent = json.loads(json.dumps(body))
            for key, value in data.draw(
                st.dictionaries(st.sampled_from(keys), JSON_VALUE, min_size=1, max_size=2),
                label="changes",
            ).items():
                if key.startswith("days."):
                    if isinstance(sent.get("days"), dict):
                        sent["days"][key.removeprefix("days.")] = value
                else:
                    sent[key] = value
        with transaction.atomic():
            client = world.client(role)
            before = row_counts()
            response = client.post(url, json.dumps(sent), content_type="application/json")
            status = _status(response)
            assert status < 500, f"POST {url} {sent!r:.300}: {status}"
            assert response["Content-Type"] == "application/json"
            if status != 201:
                assert row_counts() == before
            transaction.set_rollback(True)

    drive()


@pytest.mark.parametrize(
    "name", ["plans:week_of", "plans:athlete_week_of", "plans:week_note", "plans:week_session_add"]
)
def test_no_week_url_date_gives_a_server_error(name, world):
    """Any year from 1 to 9999 in a week URL: a page or a 404, never a 500."""
    role = "runner" if name == "plans:week_of" else "coach"

    edges = [date.min, date(1, 1, 8), date(9999, 12, 27), date.max]

    @FUZZ_SETTINGS
    @given(st.one_of(st.sampled_from(edges), st.dates()))
    def drive(day: date) -> None:
        kwargs = {"week_start": day}
        if name != "plans:week_of":
            kwargs["athlete_id"] = world.kwargs["athlete_id"]
        with transaction.atomic():
            client = world.client(role)
            response = client.post(reverse(name, kwargs=kwargs), {"text": "Easy"})
            if name in ("plans:week_of", "plans:athlete_week_of"):
                response = client.get(reverse(name, kwargs=kwargs))
            assert response.status_code < 500, f"{day}: {response.status_code}"
            transaction.set_rollback(True)

    drive()
