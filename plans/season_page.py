"""The season page, as the runner and as their coach see it."""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render

from accounts.access import AuthenticatedHttpRequest
from accounts.models import RunnerProfile, User
from plans import services
from plans.forms import PauseForm
from plans.selectors import season_view


def planning_profile(user: User) -> RunnerProfile | None:
    """The onboarded runner's profile with what planning reads (commitments, goals,
    injuries), or None."""
    return (
        RunnerProfile.objects.prefetch_related("commitments", "goals", "injuries")
        .filter(user=user, onboarded_at__isnull=False)
        .first()
    )


def render_season(
    request: AuthenticatedHttpRequest,
    *,
    runner: User,
    profile: RunnerProfile,
    own: bool,
    pause_form: PauseForm | None = None,
) -> HttpResponse:
    today = profile.today()
    services.weeks_ensure(runner=runner, today=today)
    season = season_view(runner, profile, today)
    context: dict[str, Any] = {
        "runner": runner,
        "profile": profile,
        "own": own,
        "today": today,
        "season": season,
        "pause_form": pause_form or PauseForm(runner_id=runner.pk, today=today),
    }
    return render(request, "plans/season.html", context, status=400 if pause_form else 200)
