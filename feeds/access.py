"""Who may do what with feeds and workout files: the one place these rules live. Anything
else is a 404."""

from django.db.models import Q
from django.http import Http404

from accounts.models import RunnerProfile, User
from feeds.models import FeedKind
from plans.models import Session, SessionKind


def feed_kind_for(user: User, kind: str) -> FeedKind:
    """A feed the user may have: their own plan once they have a runner profile, their
    athletes' key sessions when they coach."""
    if kind == FeedKind.RUNNER and RunnerProfile.objects.filter(user=user).exists():
        return FeedKind.RUNNER
    if kind == FeedKind.SQUAD and user.is_coach:
        return FeedKind.SQUAD
    raise Http404("No such calendar.")


def workout_run_for(user: User, session_id: int) -> Session:
    """A run the user may take to their watch: their own, or their current athlete's."""
    coached = Q(runner__coachings__coach_id=user.pk, runner__coachings__ended_at__isnull=True)
    mine = Q(runner_id=user.pk)
    session = (
        Session.objects.select_related("runner__runner_profile")
        .filter(mine | coached if user.is_coach else mine, pk=session_id, kind=SessionKind.RUN)
        .first()
    )
    if session is None:
        raise Http404("No such run.")
    return session
