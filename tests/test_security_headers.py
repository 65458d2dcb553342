"""Every page carries the Content-Security-Policy and the Permissions-Policy, and no page holds
what that policy would block: an inline script, an inline event handler or a style attribute."""

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from accounts.models import User
from activities.services import Upload, activity_import, batch_create
from apitokens.services import token_create
from plans.models import PlanPause, PlanTemplate
from privacy.models import DataExport
from tests.accounts.factories import RaceGoalFactory, RunnerProfileFactory
from tests.activities import samples
from tests.exercises.factories import ExerciseFactory
from tests.plans.factories import RunLogFactory, SessionFactory

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)
PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")


def routes(patterns: list[URLPattern | URLResolver], prefix: str = "") -> Iterator[str]:
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if route != "admin/":  # the admin's many routes: its login page stands for them
                yield from routes(pattern.url_patterns, route)
        else:
            yield route


def every_page(values: dict[str, object]) -> list[str]:
    """Every route with its parameters filled in from `values`: a new parameter name stops the
    test (KeyError) until it is given a value there."""

    def fill(route: str) -> str:
        return "/" + PARAMETER.sub(lambda match: str(values[match.group(1)]), route)

    pages = [fill(route) for route in routes(get_resolver().url_patterns)]
    return [*pages, "/admin/login/", "/no-such-page/"]


@pytest.fixture
def values(runner: User, coach: User) -> dict[str, object]:
    profile = RunnerProfileFactory(user=runner)
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    template = PlanTemplate.objects.create(
        coach=coach, name="Block", runner_type="recreational", weeks=2
    )
    track = samples.track(timezone.now() - timedelta(hours=3), minutes=30)
    activity = activity_import(
        runner=runner, uploaded_by=runner, name="run.gpx", data=samples.gpx(track)
    ).activity
    assert activity is not None
    files = [Upload(name=name, data=samples.gpx(track)) for name in ("a.gpx", "b.gpx")]
    batch = batch_create(runner=runner, uploaded_by=runner, uploads=files)  # still running
    return {
        "athlete_id": runner.pk,
        "activity_id": activity.pk,
        "batch_id": batch.pk,
        "export_id": DataExport.objects.create(user=runner).pk,
        "week_start": monday.isoformat(),
        "template_id": template.pk,
        "session_id": SessionFactory.create(runner=runner, date=monday).pk,
        "run_log_id": RunLogFactory.create(runner=runner, date=monday).pk,
        "pause_id": PlanPause.objects.create(
            runner=runner, start=monday + timedelta(weeks=3), end=monday + timedelta(weeks=4)
        ).pk,
        "assignment_id": 1,
        "goal_id": RaceGoalFactory.create(profile=profile).pk,
        "invitation_id": 1,
        "token_id": token_create(user=runner, name="Script", scope="read")[0].pk,
        "slug": ExerciseFactory().slug,
        "token": "not-a-token",
        "kind": "runner",
        "uidb64": "MQ",
    }


def test_the_page_list_covers_the_main_pages(values):
    pages = every_page(values)
    assert {"/", "/accounts/login/", "/week/", "/exercises/", "/coach/templates/"} <= set(pages)
    assert f"/coach/templates/{values['template_id']}/assign/" in pages


@pytest.mark.parametrize(("who", "readable"), [("anonymous", 8), ("runner", 20), ("coach", 30)])
def test_every_page_sends_the_security_policies_and_holds_nothing_inline(
    client, runner, coach, values, who, readable
):
    if who != "anonymous":
        client.force_login(runner if who == "runner" else coach)
    shown = 0
    for page in every_page(values):
        response = client.get(page)
        policy = response.headers.get("Content-Security-Policy", "")
        assert "default-src 'self'" in policy, page
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, page
        assert "frame-ancestors 'none'" in policy and "form-action 'self'" in policy, page
        assert "object-src 'none'" in policy and "base-uri 'none'" in policy, page
        assert "camera=()" in response.headers.get("Permissions-Policy", ""), page
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            html = response.content.decode()
            assert not INLINE_SCRIPT.search(html), page
            assert not INLINE_HANDLER.search(html), page
            assert not STYLE_ATTRIBUTE.search(html), page
            shown += 1
    assert shown >= readable  # the checks above read real pages, not only refusals


def test_the_inline_checks_catch_what_the_policy_would_block():
    assert INLINE_SCRIPT.search("<p>x</p><script>alert(1)</script>")
    assert INLINE_HANDLER.search('<input type="checkbox" onchange="go()">')
    assert STYLE_ATTRIBUTE.search('<div class="a" style="width: 5%">')
    allowed = '<script src="/static/js/a.js" defer></script><p class="one">Done on time</p>'
    assert not (
        INLINE_SCRIPT.search(allowed)
        or INLINE_HANDLER.search(allowed)
        or STYLE_ATTRIBUTE.search(allowed)
    )
