"""Who may see whom: the one place the accounts rules live. Anything not allowed is a 404."""

from django.http import Http404, HttpRequest

from accounts.models import Coaching, Goal, RunnerProfile, User


class AuthenticatedHttpRequest(HttpRequest):
    """The request a `login_required` view gets: its user has signed in."""

    user: User


def current_coaching(user: User) -> Coaching | None:
    return Coaching.objects.current().select_related("coach").filter(athlete=user).first()


def athlete_for(user: User, athlete_id: int) -> User:
    """The athlete, if `user` is that athlete or their current coach."""
    if user.is_authenticated and user.pk == athlete_id:
        return user
    if user.is_authenticated and user.is_coach:
        return coaching_of_coach(user, athlete_id).athlete
    raise Http404("No such athlete.")


def coaching_of_coach(coach: User, athlete_id: int) -> Coaching:
    """The current link between this coach and this athlete, for the coach to end."""
    coaching = (
        Coaching.objects.current()
        .select_related("athlete")
        .filter(coach=coach, athlete_id=athlete_id)
        .first()
    )
    if coaching is None:
        raise Http404("No such athlete.")
    return coaching


def coach_or_404(user: User) -> User:
    if not user.is_coach:
        raise Http404("Coach pages are for coaches.")
    return user


def goals_profile_for(user: User, athlete_id: int) -> RunnerProfile:
    """The onboarded profile whose goals the user may edit: their own, or their athlete's."""
    athlete = athlete_for(user, athlete_id)
    profile = RunnerProfile.objects.filter(user=athlete, onboarded_at__isnull=False).first()
    if profile is None:
        raise Http404("No runner profile yet.")
    return profile


def goal_for(user: User, athlete_id: int, goal_id: int) -> Goal:
    """One goal of a profile the user may edit (see `goals_profile_for`)."""
    profile = goals_profile_for(user, athlete_id)
    goal = Goal.objects.filter(pk=goal_id, profile=profile).first()
    if goal is None:
        raise Http404("No such goal.")
    goal.profile = profile
    return goal
