from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.access import AuthenticatedHttpRequest, athlete_for
from accounts.models import RunnerProfile
from plans import services
from plans.access import own_assignment_for, pause_for, run_log_for, session_for
from plans.coaching import services as coaching
from plans.forms import PauseForm, RunLogForm, SessionMoveForm, SessionStatusForm
from plans.models import RunLog, Session, Status
from plans.season_page import planning_profile, render_season
from plans.selectors import assignment_sessions_ahead
from plans.week_page import onboarded_profile, render_week

STATUS_MESSAGES = {
    Status.DONE: "Nice work — marked as done.",
    Status.SKIPPED: "Marked as skipped. The rest of your week stays as planned.",
    Status.PLANNED: "Undone: it is back on your plan.",
}


def _week_url(runner_date: date) -> str:
    return reverse("plans:week_of", args=[services.monday_of(runner_date)])


@login_required
def week(request, week_start: date | None = None):
    profile = onboarded_profile(request.user)
    if profile is None:
        return redirect("plans:coach_dashboard" if request.user.is_coach else "accounts:onboarding")
    return render_week(
        request, runner=request.user, profile=profile, week_start=week_start, own=True
    )


@login_required
def athlete_week(request, athlete_id: int, week_start: date | None = None):
    athlete = athlete_for(request.user, athlete_id)
    profile = onboarded_profile(athlete)
    if profile is None:
        raise Http404("This athlete has not set up their profile yet.")
    own = athlete.pk == request.user.pk
    return render_week(
        request,
        runner=athlete,
        profile=profile,
        week_start=week_start,
        own=own,
        coach_edits=not own,  # athlete_for lets in only the athlete and their current coach
    )


@login_required
@require_POST
def session_status(request: AuthenticatedHttpRequest, session_id: int) -> HttpResponse:
    session = session_for(request.user, session_id)
    today = request.user.runner_profile.today()
    form = SessionStatusForm(request.POST, day=session.date, today=today)
    if not form.is_valid():
        problems = (
            form.non_field_errors()
            or form.errors.get("note")
            or ["That change was not understood."]
        )
        return _week_with_refused_note(request, session, f"{problems[0]} Nothing was saved.")
    if session.has_log and form.cleaned_data["status"] != Status.DONE:
        messages.error(request, "This run has a log: undo the log to change it.")
        return redirect(_week_url(session.date))
    services.session_mark(
        session=session, status=form.cleaned_data["status"], note=form.cleaned_data["note"]
    )
    messages.success(request, STATUS_MESSAGES[form.cleaned_data["status"]])
    return redirect(_week_url(session.date))


def _week_with_refused_note(
    request: AuthenticatedHttpRequest, session: Session, message: str
) -> HttpResponse:
    """The week again with the note the runner typed still in its box, to correct."""
    messages.error(request, message)
    profile = onboarded_profile(request.user)
    if profile is None:
        return redirect("accounts:onboarding")
    typed = {"refused_status": {"session_id": session.pk, "note": request.POST.get("note", "")}}
    return render_week(
        request, runner=request.user, profile=profile, week_start=session.date, own=True,
        typed=typed,
    )  # fmt: skip


@login_required
@require_POST
def session_move(request: AuthenticatedHttpRequest, session_id: int) -> HttpResponse:
    session = session_for(request.user, session_id)
    today = request.user.runner_profile.today()
    form = SessionMoveForm(request.POST, session=session, today=today)
    if not form.is_valid():
        problems = form.non_field_errors() or ["Pick a day to move it to; nothing was moved."]
        messages.error(request, str(problems[0]))
        return redirect(_week_url(session.date))
    services.session_move(session=session, day=form.cleaned_data["day"])
    messages.success(request, f"{session.title} moved to {session.date:%A %-d %b}.")
    return redirect(_week_url(session.date))


@login_required
def run_log_new(request):
    profile = onboarded_profile(request.user)
    if profile is None:
        return redirect("accounts:onboarding")
    today = profile.today()
    form = RunLogForm(
        request.POST or None,
        unit=profile.distance_unit,
        today=today,
        initial={"run_date": _asked_run_date(request.GET.get("date"), today)},
    )
    if request.method == "POST" and form.is_valid():
        run_log, merged = services.run_log_add_by_hand(
            runner=request.user,
            run_date=form.cleaned_data["run_date"],
            distance_m=form.distance_m,
            duration_seconds=int(form.cleaned_data["duration"].total_seconds()),
            effort=form.cleaned_data["effort"],
            notes=form.cleaned_data["notes"],
        )
        if merged:
            messages.success(
                request,
                "This run was already recorded by your watch: your effort and notes were added "
                "to it, and its measured distance and time were kept.",
            )
        else:
            messages.success(request, _logged_message(run_log))
        return redirect(_week_url(run_log.date))
    return render(request, "plans/run_log_form.html", {"form": form, "profile": profile})


def _asked_run_date(asked: str | None, today: date) -> date:
    """The day the "Log run" button came from, or today when it is missing, bad or ahead."""
    try:
        day = date.fromisoformat(asked or "")
    except ValueError:
        return today
    return day if day <= today else today


def _logged_message(run_log: RunLog) -> str:
    session = run_log.session
    day = f"{run_log.date:%A %-d %b}"
    if session is None or session.runner_added:
        return f"Run saved as an extra run on {day}."
    return f"Run saved: your {session.title.lower()} on {day} is done."


@login_required
def run_log_delete(request: AuthenticatedHttpRequest, run_log_id: int) -> HttpResponse:
    """Asks first (GET), then removes the log (POST): a run's numbers cannot be brought back."""
    run_log = run_log_for(request.user, run_log_id)
    if request.method != "POST":
        return render(request, "plans/run_log_delete.html", {"run_log": run_log})
    message = _removed_message(run_log)
    services.run_log_delete(run_log=run_log)
    messages.success(request, message)
    return redirect(_week_url(run_log.date))


def _removed_message(run_log: RunLog) -> str:
    session = run_log.session
    day = f"{run_log.date:%A %-d %b}"
    if session is None or session.runner_added:
        return f"The run you logged on {day} is removed."
    return f"Log removed: your {session.title.lower()} on {day} is planned again."


@login_required
def assignment_leave(request: AuthenticatedHttpRequest, assignment_id: int) -> HttpResponse:
    """The runner ends their coach's plan: GET says what goes, POST ends it."""
    assignment = own_assignment_for(request.user, assignment_id)
    today = (onboarded_profile(request.user) or RunnerProfile()).today()
    if request.method == "POST":
        coaching.assignment_end(assignment=assignment)
        messages.success(
            request,
            f"“{assignment.template.name}” has ended: the days ahead are planned for you again.",
        )
        return redirect(_week_url(today))
    return render(
        request,
        "plans/assignment_end.html",
        {"assignment": assignment, "going": assignment_sessions_ahead(assignment, today)},
    )


@login_required
def season(request: AuthenticatedHttpRequest) -> HttpResponse:
    profile = planning_profile(request.user)
    if profile is None:
        return redirect("plans:coach_dashboard" if request.user.is_coach else "accounts:onboarding")
    return render_season(request, runner=request.user, profile=profile, own=True)


@login_required
def athlete_season(request: AuthenticatedHttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    profile = planning_profile(athlete)
    if profile is None:
        raise Http404("This athlete has not set up their profile yet.")
    return render_season(
        request, runner=athlete, profile=profile, own=athlete.pk == request.user.pk
    )


@login_required
@require_POST
def pause_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    profile = planning_profile(request.user)
    if profile is None:
        return redirect("accounts:onboarding")
    today = profile.today()
    form = PauseForm(request.POST, runner_id=request.user.pk, today=today)
    if not form.is_valid():
        messages.error(request, "The pause was not saved: see below.")
        return render_season(
            request, runner=request.user, profile=profile, own=True, pause_form=form
        )
    data = form.cleaned_data
    services.plan_pause_add(
        runner=request.user, start=data["start"], end=data["end"], today=today,
        reason=data["reason"],
    )  # fmt: skip
    messages.success(
        request,
        f"Plan paused from {data['start']:%a %-d %b} to {data['end']:%a %-d %b}. Those days "
        "stay free, and the weeks after start again from where you are.",
    )
    return redirect("plans:season")


@login_required
@require_POST
def pause_end(request: AuthenticatedHttpRequest, pause_id: int) -> HttpResponse:
    pause = pause_for(request.user, pause_id)
    today = request.user.runner_profile.today()
    if pause.end < today:
        messages.error(request, "That pause is already over.")
        return redirect("plans:season")
    kept = services.plan_pause_end(pause=pause, today=today)
    messages.success(
        request,
        "Pause ended: your plan starts again today." if kept else "Pause called off.",
    )
    return redirect("plans:season")
