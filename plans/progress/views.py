"""The progress page, the month calendar (for the runner, and for their coach per athlete) and
the coach's squad compliance."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from accounts.access import AuthenticatedHttpRequest, athlete_for, coach_or_404
from accounts.models import EARLIEST_DATE, LATEST_DATE, RunnerProfile, User
from plans.progress import charts
from plans.progress.calendar import month_from, month_view
from plans.progress.selectors import WEEK_CHOICES, runner_progress, squad_weeks, week_count

SQUAD_WEEKS = 12
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _profile(user: User) -> RunnerProfile | None:
    return RunnerProfile.objects.filter(user=user, onboarded_at__isnull=False).first()


def _athlete_profile(user: User, athlete_id: int) -> tuple[User, RunnerProfile]:
    """The athlete (the user themselves or one they coach now) and their profile, else 404."""
    athlete = athlete_for(user, athlete_id)
    profile = _profile(athlete)
    if profile is None:
        raise Http404("This athlete has not set up their profile yet.")
    return athlete, profile


def _not_a_runner(user: User) -> HttpResponse:
    return redirect("plans:coach_dashboard" if user.is_coach else "accounts:onboarding")


# Progress


@login_required
def progress(request: AuthenticatedHttpRequest) -> HttpResponse:
    profile = _profile(request.user)
    if profile is None:
        return _not_a_runner(request.user)
    return _render_progress(request, request.user, profile, own=True)


@login_required
def athlete_progress(request: AuthenticatedHttpRequest, athlete_id: int) -> HttpResponse:
    athlete, profile = _athlete_profile(request.user, athlete_id)
    return _render_progress(request, athlete, profile, own=athlete.pk == request.user.pk)


def _progress_url(runner: User, own: bool) -> str:
    return reverse("plans:progress") if own else reverse("plans:athlete_progress", args=[runner.pk])


def _render_progress(
    request: AuthenticatedHttpRequest, runner: User, profile: RunnerProfile, *, own: bool
) -> HttpResponse:
    asked = request.GET.get("weeks")
    weeks = week_count(asked)
    today = profile.today()
    progress = runner_progress(
        runner, today=today, weeks=weeks or WEEK_CHOICES[0], unit=profile.distance_unit
    )
    return render(
        request,
        "plans/progress.html",
        {
            "runner": runner,
            "own": own,
            "progress": progress,
            "weeks": weeks or WEEK_CHOICES[0],
            "week_choices": WEEK_CHOICES,
            "weeks_refused": asked is not None and weeks is None,
            "unit_label": profile.get_distance_unit_display().lower(),
            "unit": profile.distance_unit,
            "page_url": _progress_url(runner, own),
            "calendar_url": _calendar_url(runner, own),
            "chart_data": charts.progress_data(progress),
            "today": today,
        },
    )


# Squad


@login_required
def squad(request: AuthenticatedHttpRequest) -> HttpResponse:
    coach = coach_or_404(request.user)
    today = coach.today()
    weeks, athletes = squad_weeks(coach, today=today, weeks=SQUAD_WEEKS)
    return render(
        request,
        "plans/coach/squad.html",
        {
            "weeks": weeks,
            "athletes": athletes,
            "chart_data": charts.squad_data(weeks),
            "week_count": SQUAD_WEEKS,
        },
    )


# Calendar


@login_required
def month_calendar(request: AuthenticatedHttpRequest) -> HttpResponse:
    profile = _profile(request.user)
    if profile is None:
        return _not_a_runner(request.user)
    return _render_calendar(request, request.user, profile, own=True)


@login_required
def athlete_calendar(request: AuthenticatedHttpRequest, athlete_id: int) -> HttpResponse:
    athlete, profile = _athlete_profile(request.user, athlete_id)
    return _render_calendar(request, athlete, profile, own=athlete.pk == request.user.pk)


def _calendar_url(runner: User, own: bool) -> str:
    return reverse("plans:calendar") if own else reverse("plans:athlete_calendar", args=[runner.pk])


def _render_calendar(
    request: AuthenticatedHttpRequest, runner: User, profile: RunnerProfile, *, own: bool
) -> HttpResponse:
    today = profile.today()
    asked = request.GET.get("month")
    first = month_from(asked)
    month = month_view(runner, first or today.replace(day=1), today)
    context: dict[str, Any] = {
        "runner": runner,
        "own": own,
        "month": month,
        "month_refused": asked is not None and first is None,
        "page_url": _calendar_url(runner, own),
        "progress_url": _progress_url(runner, own),
        "this_month": today.replace(day=1),
        "weekday_names": WEEKDAY_NAMES,
        "earliest_year": EARLIEST_DATE.year,
        "latest_year": LATEST_DATE.year,
    }
    return render(request, "plans/calendar.html", context)
