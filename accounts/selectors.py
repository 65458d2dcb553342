"""Reads that join several tables, shaped for the pages that show them."""

from typing import TypedDict

from django.db.models import Prefetch
from django.utils import timezone

from accounts.models import Coaching, Goal, GoalKind, RunnerProfile, User


class AthleteRow(TypedDict):
    athlete: User
    profile: RunnerProfile | None
    race: Goal | None
    weeks: int | None


def athlete_rows(coach: User) -> list[AthleteRow]:
    """The coach's current athletes with their profile and next race, in two queries."""
    today = timezone.localdate()
    coachings = (
        Coaching.objects.current()
        .filter(coach=coach)
        .select_related("athlete__runner_profile")
        .prefetch_related(
            Prefetch(
                "athlete__runner_profile__goals",
                queryset=Goal.objects.filter(kind=GoalKind.RACE, race_date__gte=today),
            )
        )
        .order_by("athlete__display_name", "athlete__email")
    )
    rows: list[AthleteRow] = []
    for coaching in coachings:
        profile = getattr(coaching.athlete, "runner_profile", None)
        race = profile.race(today) if profile else None
        rows.append(
            {
                "athlete": coaching.athlete,
                "profile": profile,
                "race": race,
                "weeks": race.weeks_to_race(today) if race else None,
            }
        )
    return rows
