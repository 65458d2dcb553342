"""A runner's fitness baseline and the pace zones it gives (the model: plans.builder.paces).

The baseline is the best personal-best goal the runner entered (distance and time). Logged
runs may lift it, carefully:
- only runs of the last 42 days of at least 3 km and 15 minutes count, each read as if it
  were a race (an easy run reads slow, so it never lowers anything);
- a lift needs two such runs: the second best of them sets it, so one wrong log (a watch
  that lost the signal, a typo) changes nothing;
- a lift is at most 2 VDOT points (about 3 % faster paces) above the personal best; more
  than that waits for the runner to enter the new best;
- logs never make a baseline on their own: without a personal best, runs go by effort.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from accounts.models import Goal, GoalKind, RaceDistance, RunnerProfile
from plans.builder import PaceZones, pace_zones, vdot_from_race
from plans.builder.paces import MAX_VDOT, MIN_VDOT
from plans.models import RunLog

RACE_KM = {
    RaceDistance.FIVE_K: 5.0,
    RaceDistance.TEN_K: 10.0,
    RaceDistance.HALF: 21.0975,
    RaceDistance.MARATHON: 42.195,
}
REFRESH_DAYS = 42
LOG_MIN_METRES = 3000
LOG_MIN_SECONDS = 15 * 60
CONFIRMING_RUNS = 2
MAX_LIFT = 2.0


@dataclass(frozen=True)
class Effort:
    """A distance run in a time: a personal best or a logged run."""

    metres: float
    seconds: float

    @property
    def vdot(self) -> float | None:
        """None when the model does not hold for it (a walk, or faster than any human)."""
        if self.metres <= 0 or self.seconds <= 0:
            return None
        vdot = vdot_from_race(self.metres / 1000, self.seconds)
        return vdot if MIN_VDOT <= vdot <= MAX_VDOT else None


def goal_km(goal: Goal) -> float | None:
    if goal.distance == RaceDistance.OTHER:
        return float(goal.distance_km) if goal.distance_km else None
    return RACE_KM.get(RaceDistance(goal.distance)) if goal.distance else None


def best_effort_vdot(goals: Iterable[Goal]) -> float | None:
    """The best VDOT among the runner's personal bests."""
    vdots = [
        Effort(km * 1000, goal.pb_time.total_seconds()).vdot
        for goal in goals
        if goal.kind == GoalKind.PERSONAL_BEST
        and goal.pb_time is not None
        and (km := goal_km(goal)) is not None
    ]
    return max((vdot for vdot in vdots if vdot is not None), default=None)


def refreshed_vdot(best: float | None, logs: Iterable[Effort]) -> float | None:
    """The personal best, lifted by logged runs as the module's rules allow."""
    if best is None:
        return None
    counted = sorted(
        (
            vdot
            for log in logs
            if log.metres >= LOG_MIN_METRES
            and log.seconds >= LOG_MIN_SECONDS
            and (vdot := log.vdot) is not None
        ),
        reverse=True,
    )
    if len(counted) < CONFIRMING_RUNS:
        return best
    return min(max(best, counted[CONFIRMING_RUNS - 1]), best + MAX_LIFT)


def zones_for_vdot(vdot: float | None) -> PaceZones | None:
    return pace_zones(vdot) if vdot is not None else None


def _recent_logs(todays: dict[int, date]) -> dict[int, list[Effort]]:
    """The logs that may lift each runner's baseline, each counted from their own today."""
    if not todays:
        return {}
    logs: dict[int, list[Effort]] = defaultdict(list)
    for runner_id, day, metres, seconds in RunLog.objects.filter(
        runner_id__in=todays,
        date__range=(min(todays.values()) - timedelta(days=REFRESH_DAYS), max(todays.values())),
        distance_m__gte=LOG_MIN_METRES,
        duration_seconds__gte=LOG_MIN_SECONDS,
    ).values_list("runner_id", "date", "distance_m", "duration_seconds"):
        if todays[runner_id] - timedelta(days=REFRESH_DAYS) <= day <= todays[runner_id]:
            logs[runner_id].append(Effort(metres, seconds))
    return logs


def pace_zones_by_runner(profiles: Iterable[RunnerProfile]) -> dict[int, PaceZones | None]:
    """Each runner's zones on their own today, keyed by user id, or None (no personal best).
    Reads the prefetched `profile.goals`, and the recent logs of those with a best in one
    query whatever their number."""
    profiles = list(profiles)
    bests = {profile.user_id: best_effort_vdot(profile.goals.all()) for profile in profiles}
    logs = _recent_logs({p.user_id: p.today() for p in profiles if bests[p.user_id] is not None})
    return {
        pk: zones_for_vdot(refreshed_vdot(best, logs.get(pk, []))) for pk, best in bests.items()
    }


def pace_zones_for(profile: RunnerProfile) -> PaceZones | None:
    """`pace_zones_by_runner` for one runner."""
    return pace_zones_by_runner([profile])[profile.user_id]


def distance_decimal(km: float | None) -> Decimal | None:
    return None if km is None else Decimal(f"{km:.2f}")
