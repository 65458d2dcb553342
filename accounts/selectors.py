"""Reads that join several tables, shaped for the pages that show them."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import TypedDict

from accounts.models import Coaching, Goal, GoalKind, Invitation, RunnerProfile, User


@dataclass(frozen=True)
class RaceAhead:
    """A runner's nearest race still ahead, and how far it is from their today."""

    goal: Goal
    days: int  # 0 on race day

    @property
    def weeks(self) -> int:
        return self.days // 7


def _nearest(goals: Iterable[Goal], today: date) -> RaceAhead | None:
    ahead = [
        (goal.race_date, goal)
        for goal in goals
        if goal.kind == GoalKind.RACE and goal.race_date is not None and goal.race_date >= today
    ]
    if not ahead:
        return None
    race_date, goal = min(ahead, key=itemgetter(0))
    return RaceAhead(goal=goal, days=(race_date - today).days)


def next_race(profile: RunnerProfile, today: date | None = None) -> RaceAhead | None:
    """The race the runner's season is planned around, counted from their own today (or from
    `today`: the Monday of a week being planned, say). Reads `profile.goals`: prefetch them."""
    return _nearest(profile.goals.all(), profile.today() if today is None else today)


def next_races(profiles: Iterable[RunnerProfile]) -> dict[int, RaceAhead]:
    """`next_race` for many runners at once, each from their own today, keyed by user id: one
    query whatever their number."""
    profiles = list(profiles)
    if not profiles:
        return {}
    todays = {profile.pk: profile.today() for profile in profiles}
    user_ids = {profile.pk: profile.user_id for profile in profiles}
    goals: dict[int, list[Goal]] = defaultdict(list)
    for goal in Goal.objects.filter(
        profile_id__in=todays, kind=GoalKind.RACE, race_date__gte=min(todays.values())
    ):
        goals[goal.profile_id].append(goal)
    races = {pk: _nearest(goals[pk], today) for pk, today in todays.items()}
    return {user_ids[pk]: race for pk, race in races.items() if race is not None}


class AthleteRow(TypedDict):
    athlete: User
    profile: RunnerProfile | None
    race: RaceAhead | None


def athlete_rows(coach: User) -> list[AthleteRow]:
    """The coach's current athletes with their profile and next race, in two queries."""
    coachings = list(
        Coaching.objects.current()
        .filter(coach=coach)
        .select_related("athlete__runner_profile")
        .order_by("athlete__display_name", "athlete__email")
    )
    profiles = [getattr(c.athlete, "runner_profile", None) for c in coachings]
    races = next_races(profile for profile in profiles if profile is not None)
    return [
        {"athlete": coaching.athlete, "profile": profile, "race": races.get(coaching.athlete_id)}
        for coaching, profile in zip(coachings, profiles, strict=True)
    ]


def pending_invitations(user: User) -> list[Invitation]:
    """Coaches' invitations waiting for this user's address, once they have proved it is theirs:
    an address typed in but not confirmed gets to see nobody's invitations."""
    if not user.email_verified:
        return []
    return list(
        Invitation.objects.pending().select_related("coach").filter(email__iexact=user.email)
    )
