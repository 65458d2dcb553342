"""The week page, as the runner and as their coach see it: shared by the runner's and the
coach's views, so that a refused form can show the page again with what was typed.

The page's body is cached (plans/cache.py): a GET that finds it costs the profile's query and
one cache read; the navigation, the messages and the CSRF tokens are added per request."""

import functools
from datetime import date
from typing import Any

from django.contrib import messages
from django.db import connection
from django.db.models.query import prefetch_related_objects
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from accounts.access import AuthenticatedHttpRequest
from accounts.models import RunnerProfile, User
from accounts.selectors import next_race
from exercises.models import LibraryVersion
from plans import cache, services
from plans.builder import phase_for
from plans.coaching.forms import CoachSessionForm, SaveWeeksForm
from plans.comeback import comeback_in_week
from plans.inputs import goal_km
from plans.models import AthleteGroup, Phase, WeekVersion
from plans.selectors import week_view


def onboarded_profile(user: User) -> RunnerProfile | None:
    """The runner's profile once onboarded, with what the cached week page is keyed by read in
    the same query: their week version (`week_version`, 0 before any write) and the library's
    stamp (`library_stamp`); goals are not loaded.

    Written as SQL because it runs on every week page, where building the ORM query cost more
    than a cached page's every other step together."""
    rows = RunnerProfile.objects.raw(_onboarded_profile_sql(), [user.pk])
    profile = next(iter(rows), None)
    if profile is not None:
        # columns the SQL adds to the profile's own (None when their row was never written)
        profile.week_version = profile.week_version or 0  # type: ignore[attr-defined]
        profile.library_stamp = profile.library_stamp or ""  # type: ignore[attr-defined]
    return profile


@functools.cache
def _onboarded_profile_sql() -> str:
    quote = connection.ops.quote_name
    profiles, versions = RunnerProfile._meta.db_table, WeekVersion._meta.db_table
    library = LibraryVersion._meta.db_table
    return (
        f"SELECT p.*, v.{quote('number')} AS week_version, l.stamp AS library_stamp "
        f"FROM {quote(profiles)} p "
        f"LEFT JOIN {quote(versions)} v ON v.runner_id = p.user_id "
        f"LEFT JOIN {quote(library)} l ON l.id = 1 "
        "WHERE p.user_id = %s AND p.onboarded_at IS NOT NULL"
    )


def render_week(
    request: AuthenticatedHttpRequest,
    *,
    runner: User,
    profile: RunnerProfile,
    week_start: date | None,
    own: bool,
    coach_edits: bool = False,
    typed: dict[str, Any] | None = None,
) -> HttpResponse:
    """The week page. `typed`: what a refused form on it held, shown back to correct (such a
    page is rendered afresh, never cached)."""
    today = profile.today()
    monday = services.monday_of(week_start or today)
    if typed:
        services.weeks_ensure(runner=runner, today=today)
        body = _week_body(request.user, runner, profile, monday, today, own, coach_edits, typed)
        return _page_around(request, body, runner=runner, own=own)
    page = _cached_week_page(request, runner, profile, monday, today, own, coach_edits)
    if len(messages.get_messages(request)):
        # Messages are never cached: the page is put together around the cached body.
        return _page_around(request, page.body, runner=runner, own=own)
    html = page.head + page.body + page.tail
    return HttpResponse(html.replace(cache.csrf_placeholder(), get_token(request)))


def _page_around(
    request: AuthenticatedHttpRequest, body: str, *, runner: User, own: bool
) -> HttpResponse:
    body = body.replace(cache.csrf_placeholder(), get_token(request))
    context = {"runner": runner, "own": own, "week_html": mark_safe(body)}
    return render(request, "plans/week.html", context)


def _cached_week_page(
    request: AuthenticatedHttpRequest,
    runner: User,
    profile: RunnerProfile,
    monday: date,
    today: date,
    own: bool,
    coach_edits: bool,
) -> cache.WeekPage:
    viewer = request.user
    version = profile.week_version  # type: ignore[attr-defined]  # annotated by onboarded_profile
    key_parts: dict[str, Any] = {
        "runner_id": runner.pk,
        "since": f"{profile.onboarded_at:%Y%m%d%H%M%S%f}",
        "library": profile.library_stamp,  # type: ignore[attr-defined]
        "week_start": monday,
        "today": today,
        # The navigation around the week names the viewer and marks the page's own link.
        "viewer": cache.viewer_part(
            viewer_id=viewer.pk,
            coach_edits=coach_edits,
            shown=(request.path, viewer.get_short_name(), viewer.is_coach),
        ),
    }
    page = cache.cached_week(cache.week_page_key(version=version, **key_parts))
    if page is not None:
        return page
    # The first view of the day may plan this week and the next; the version moves with it.
    if services.weeks_ensure(runner=runner, today=today):
        version = cache.week_version(runner.pk)
    body = _week_body(viewer, runner, profile, monday, today, own, coach_edits, None)
    page = _week_shell(request, body, runner=runner, own=own)
    cache.week_store(cache.week_page_key(version=version, **key_parts), page)
    return page


def _week_shell(
    request: AuthenticatedHttpRequest, body: str, *, runner: User, own: bool
) -> cache.WeekPage:
    """The page around the body, rendered without messages and with the CSRF placeholder."""
    marker = cache.csrf_placeholder() + "-body"
    context = {
        "runner": runner,
        "own": own,
        "week_html": marker,
        "user": request.user,
        "request": request,  # the navigation reads its path
        "messages": [],
        "csrf_token": cache.csrf_placeholder(),
    }
    head, tail = render_to_string("plans/week.html", context).split(marker)
    return cache.WeekPage(head=head, body=body, tail=tail)


def _week_body(
    viewer: User,
    runner: User,
    profile: RunnerProfile,
    monday: date,
    today: date,
    own: bool,
    coach_edits: bool,
    typed: dict[str, Any] | None,
) -> str:
    """The page's content, with the CSRF placeholder in its forms. Rendered without the
    request, so nothing of the viewer's session can end up in the cache."""
    prefetch_related_objects([profile], "goals")
    week = week_view(runner, monday, today)
    race_ahead = next_race(profile, week.week_start)
    context = {
        # From the race date as it is now, even if the week was planned before it changed.
        "phase": Phase(
            phase_for(
                week.week_start,
                race_ahead.goal.race_date if race_ahead else None,
                goal_km(race_ahead.goal) if race_ahead else None,
            )
        ),
        "runner": runner,
        "profile": profile,
        "own": own,
        "week": week,
        "today": today,
        "race": next_race(profile, today),
        "previous_week": week.week_start - services.ONE_WEEK,
        "next_week": week.week_start + services.ONE_WEEK,
        "coach_edits": coach_edits,
        "move_days": [day.date for day in week.days if day.date >= today],
        "csrf_token": cache.csrf_placeholder(),
        **(coach_week_context(viewer, runner, week.week_start) if coach_edits else {}),
        **(typed or {}),
    }
    return render_to_string("plans/_week.html", context)


def coach_week_context(coach: User, athlete: User, week_start: date) -> dict[str, Any]:
    """The forms the coach's copy of an athlete's week page shows, and the return from injury
    when this week is part of it."""
    group = AthleteGroup.objects.filter(coach=coach, athlete=athlete).first()
    return {
        "comeback": comeback_in_week(athlete, week_start),
        "group_name": group.name if group else "",
        "session_form": CoachSessionForm(coach=coach, week_start=week_start),
        "save_weeks_form": SaveWeeksForm(),
    }
