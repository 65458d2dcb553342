"""The week page, as the runner and as their coach see it: shared by the runner's and the
coach's views, so that a refused form can show the page again with what was typed."""

from datetime import date
from typing import Any

from django.http import HttpResponse
from django.shortcuts import render

from accounts.access import AuthenticatedHttpRequest
from accounts.models import RunnerProfile, User
from accounts.selectors import next_race
from plans import services
from plans.builder import phase_for
from plans.coaching.forms import CoachSessionForm, SaveWeeksForm
from plans.comeback import comeback_in_week
from plans.models import AthleteGroup, Phase
from plans.selectors import week_view


def onboarded_profile(user: User) -> RunnerProfile | None:
    return (
        RunnerProfile.objects.prefetch_related("goals")
        .filter(user=user, onboarded_at__isnull=False)
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
    """The week page. `typed`: what a refused form on it held, shown back to correct."""
    today = profile.today()
    services.weeks_ensure(runner=runner, today=today)
    week = week_view(runner, services.monday_of(week_start or today), today)
    race_ahead = next_race(profile, week.week_start)
    return render(
        request,
        "plans/week.html",
        {
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
            **(coach_week_context(request.user, runner, week.week_start) if coach_edits else {}),
            **(typed or {}),
        },
    )


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
