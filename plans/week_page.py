"""The week page, as the runner and as their coach see it: shared by the runner's and the
coach's views, so that a refused form can show the page again with what was typed.

The page's body is cached (plans/cache.py): a GET that finds it costs the profile's query and
one cache read; the navigation, the messages and the CSRF tokens are added per request."""

from datetime import date
from typing import Any

from django.db.models import IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.db.models.query import prefetch_related_objects
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from accounts.access import AuthenticatedHttpRequest
from accounts.models import RunnerProfile, User
from accounts.selectors import next_race
from exercises.revision import library_revision
from plans import cache, services
from plans.builder import phase_for
from plans.coaching.forms import CoachSessionForm, SaveWeeksForm
from plans.comeback import comeback_in_week
from plans.models import AthleteGroup, Phase, WeekVersion
from plans.selectors import week_view


def onboarded_profile(user: User) -> RunnerProfile | None:
    """The runner's profile once onboarded, with their week version (`week_version`) read in
    the same query; goals are not loaded."""
    version = WeekVersion.objects.filter(runner=OuterRef("user_id")).values("number")[:1]
    return (
        RunnerProfile.objects.filter(user=user, onboarded_at__isnull=False)
        .annotate(week_version=Coalesce(Subquery(version), Value(0), output_field=IntegerField()))
        .first()
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
        html = _week_body(request.user, runner, profile, monday, today, own, coach_edits, typed)
    else:
        html = _cached_week_body(request.user, runner, profile, monday, today, own, coach_edits)
    html = html.replace(cache.csrf_placeholder(), get_token(request))
    return render(
        request, "plans/week.html", {"runner": runner, "own": own, "week_html": mark_safe(html)}
    )


def _cached_week_body(
    viewer: User,
    runner: User,
    profile: RunnerProfile,
    monday: date,
    today: date,
    own: bool,
    coach_edits: bool,
) -> str:
    version = getattr(profile, "week_version", None)
    if version is None:
        version = cache.week_version(runner.pk)
    key_parts: dict[str, Any] = {
        "runner_id": runner.pk,
        "since": f"{profile.onboarded_at:%Y%m%d%H%M%S%f}",
        "library": library_revision(),
        "week_start": monday,
        "today": today,
        "viewer": f"coach-{viewer.pk}" if coach_edits else "runner",
    }
    html = cache.cached_week(cache.week_page_key(version=version, **key_parts))
    if html is not None:
        return html
    # The first view of the day may plan this week and the next; the version moves with it.
    if services.weeks_ensure(runner=runner, today=today):
        version = cache.week_version(runner.pk)
    html = _week_body(viewer, runner, profile, monday, today, own, coach_edits, None)
    cache.week_store(cache.week_page_key(version=version, **key_parts), html)
    return html


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
            phase_for(week.week_start, race_ahead.goal.race_date if race_ahead else None)
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
