"""Who may touch which plan: the one place the plans rules live. Anything else is a 404."""

from django.http import Http404

from accounts.models import User
from plans.models import Assignment, PlanPause, PlanTemplate, RunLog, Session


def session_for(user: User, session_id: int) -> Session:
    """A session the user may mark: their own."""
    session = Session.objects.filter(pk=session_id, runner_id=user.pk).first()
    if session is None:
        raise Http404("No such session.")
    return session


def run_log_for(user: User, run_log_id: int) -> RunLog:
    run_log = RunLog.objects.select_related("session").filter(pk=run_log_id, runner_id=user.pk)
    if not run_log:
        raise Http404("No such run.")
    return run_log[0]


def template_for(user: User, template_id: int) -> PlanTemplate:
    """A template the user may see and change: one they built as a coach."""
    template = PlanTemplate.objects.filter(pk=template_id, coach_id=user.pk).first()
    if template is None or not user.is_coach:
        raise Http404("No such template.")
    return template


def coached_session_for(user: User, session_id: int) -> Session:
    """A session the user may edit as the runner's current coach."""
    session = (
        Session.objects.select_related("runner")
        .filter(
            pk=session_id,
            runner__coachings__coach_id=user.pk,
            runner__coachings__ended_at__isnull=True,
        )
        .first()
    )
    if session is None or not user.is_coach:
        raise Http404("No such session.")
    return session


def assignment_for(user: User, assignment_id: int) -> Assignment:
    """An assignment still running that the user made, for an athlete they still coach."""
    assignment = (
        Assignment.objects.active()
        .select_related("athlete", "template")
        .filter(
            pk=assignment_id,
            coach_id=user.pk,
            athlete__coachings__coach_id=user.pk,
            athlete__coachings__ended_at__isnull=True,
        )
        .first()
    )
    if assignment is None:
        raise Http404("No such assignment.")
    return assignment


def own_assignment_for(user: User, assignment_id: int) -> Assignment:
    """An assignment still running on the user's own plan, for them to end."""
    assignment = (
        Assignment.objects.active()
        .select_related("template", "coach")
        .filter(pk=assignment_id, athlete_id=user.pk)
        .first()
    )
    if assignment is None:
        raise Http404("No such assignment.")
    return assignment


def pause_for(user: User, pause_id: int) -> PlanPause:
    """A pause of the user's own plan."""
    pause = PlanPause.objects.select_related("runner").filter(pk=pause_id, runner_id=user.pk)
    if not pause:
        raise Http404("No such pause.")
    return pause[0]
