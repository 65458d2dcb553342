"""Snapshots the pure builder takes, made from the database."""

from collections import defaultdict
from collections.abc import Collection, Mapping
from datetime import date, timedelta
from functools import lru_cache

from django.db.models import F

from accounts.models import Goal, RunnerProfile, User
from accounts.selectors import next_race
from exercises.snapshot import ExerciseEntry, libraries_for, library_entries
from plans.builder import (
    PLACES,
    Commitment,
    LibraryEntry,
    PaceZones,
    RunnerInput,
    WeekDone,
    race_km,
)
from plans.builder import History as SeasonHistory
from plans.builder.season import HARD_PURPOSES
from plans.models import (
    PlanPause,
    PlanWeek,
    RunLog,
    Session,
    SessionExercise,
    SessionKind,
    Source,
    Status,
)

DEFAULT_SETS = 2
RECENT_DAYS = 28
SEASON_HISTORY_WEEKS = 6  # enough to find the peak before a marathon's three-week taper
LONGEST_RUN_DAYS = 30


@lru_cache(maxsize=4096)  # the same entries come back from the process's copy of the library
def library_entry(entry: ExerciseEntry) -> LibraryEntry:
    return LibraryEntry(
        slug=entry.slug,
        name=entry.name,
        kind=entry.kind,
        muscles=entry.muscles,
        equipment=entry.equipment,
        places=entry.places,
        impact=entry.impact,
        plyometric=entry.plyometric,
        running_sport=entry.running_sport,
        suits=entry.suits,
        avoids=entry.avoids,
        rep_min=entry.rep_min,
        rep_max=entry.rep_max,
        duration_min=entry.duration_min_seconds,
        duration_max=entry.duration_max_seconds,
        per_side=entry.per_side,
        default_sets=entry.default_sets or DEFAULT_SETS,
        leg_heavy=entry.leg_heavy,
        family=entry.family,
    )


def library_for(user: User) -> list[LibraryEntry]:
    """The builder's candidates: every exercise the user may be given (it orders them)."""
    return [library_entry(entry) for entry in library_entries(user)]


def libraries_by_runner(runner_ids: Collection[int]) -> dict[int, list[LibraryEntry]]:
    """`library_for` each of these runners, in a fixed number of queries."""
    return {
        pk: [library_entry(entry) for entry in entries]
        for pk, entries in libraries_for(runner_ids).items()
    }


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class History:
    """What runners did lately: activities and moves of their done sessions, by day."""

    def __init__(self, runner_ids: Collection[int], *, first_week: date, last_week: date) -> None:
        """Reads in two queries the days that count for any week from first_week to last_week."""
        done = Session.objects.filter(
            runner_id__in=runner_ids,
            status=Status.DONE,
            date__gte=first_week - timedelta(days=RECENT_DAYS),
            date__lt=last_week,
        )
        activities = done.filter(activity__isnull=False).values_list(
            "runner_id", "date", "activity__slug"
        )
        moves = SessionExercise.objects.filter(session__in=done).values_list(
            "session__runner_id", "session__date", "exercise__slug"
        )
        self.done: dict[int, list[tuple[date, str]]] = defaultdict(list)
        for runner_id, day, slug in [*activities, *moves]:
            self.done[runner_id].append((day, slug))

    def recent(self, runner_id: int, week_start: date) -> frozenset[str]:
        """Done in the four weeks before week_start; anything else counts as new and starts
        small."""
        since = week_start - timedelta(days=RECENT_DAYS)
        return frozenset(slug for day, slug in self.done[runner_id] if since <= day < week_start)


def commitments_by_weekday(profile: RunnerProfile) -> tuple[Commitment, ...]:
    """Mon..Sun; a weekday the runner never filled in counts as unavailable."""
    given = {c.weekday: c for c in profile.commitments.all()}
    return tuple(
        Commitment(available=given[day].available, minutes=given[day].minutes)
        if day in given
        else Commitment(available=False, minutes=0)
        for day in range(7)
    )


def goal_km(goal: Goal) -> float | None:
    """A race goal's distance in km (None for an "other" distance with no km given)."""
    km = float(goal.distance_km) if goal.distance_km is not None else None
    return race_km(goal.distance, km)


def pauses_of(runner_id: int, *, since: date) -> tuple[tuple[date, date], ...]:
    """The runner's pauses that end on or after `since`, as (first day, last day)."""
    return pauses_by_runner([runner_id], since=since)[runner_id]


def pauses_by_runner(
    runner_ids: Collection[int], *, since: date
) -> defaultdict[int, tuple[tuple[date, date], ...]]:
    """`pauses_of` each of these runners, in one query."""
    found: defaultdict[int, list[tuple[date, date]]] = defaultdict(list)
    for runner_id, start, end in (
        PlanPause.objects.filter(runner_id__in=runner_ids, end__gte=since)
        .order_by("runner_id", "start", "end")
        .values_list("runner_id", "start", "end")
    ):
        found[runner_id].append((start, end))
    return defaultdict(tuple, {pk: tuple(pauses) for pk, pauses in found.items()})


def season_history(runner_id: int, week_start: date, today: date) -> SeasonHistory:
    """`season_histories` for one runner's week."""
    return season_histories({runner_id: (week_start, today)})[runner_id]


def season_histories(weeks: Mapping[int, tuple[date, date]]) -> dict[int, SeasonHistory]:
    """For each runner id's (week start, today): what the runner planned and ran in the weeks
    before that week, and their longest run of the 30 days before it, in three queries
    whatever their number. A run's done minutes are its log's when it has one (what the watch
    measured), else the session's; a run still ahead of `today` and planned counts as done as
    planned (the Monday re-plan puts the truth in)."""
    if not weeks:
        return {}
    firsts = {pk: start - timedelta(weeks=SEASON_HISTORY_WEEKS) for pk, (start, _) in weeks.items()}
    sinces = {
        pk: min(firsts[pk], start - timedelta(days=LONGEST_RUN_DAYS))
        for pk, (start, _) in weeks.items()
    }
    last = max(start for start, _ in weeks.values())
    rows = Session.objects.filter(
        runner_id__in=weeks, kind=SessionKind.RUN, date__gte=min(sinces.values()), date__lt=last
    ).values_list(
        "runner_id", "date", "status", "minutes", "run_log__duration_seconds", "source", "purpose"
    )
    runs_of: defaultdict[int, list[tuple[date, str, int, int | None, str, str]]] = defaultdict(list)
    for runner_id, day, status, minutes, seconds, source, purpose in rows:
        if sinces[runner_id] <= day < weeks[runner_id][0]:
            runs_of[runner_id].append((day, status, minutes, seconds, source, purpose))
    loose: dict[int, tuple[int, date]] = {}
    for runner_id, day, seconds in RunLog.objects.filter(
        runner_id__in=weeks,
        session__isnull=True,
        date__gte=min(start for start, _ in weeks.values()) - timedelta(days=LONGEST_RUN_DAYS),
        date__lt=last,
    ).values_list("runner_id", "date", "duration_seconds"):
        start = weeks[runner_id][0]
        if start - timedelta(days=LONGEST_RUN_DAYS) <= day < start:
            # the longest, and of equally long ones the earliest
            loose[runner_id] = min(loose.get(runner_id, (-seconds, day)), (-seconds, day))
    partial: defaultdict[int, set[date]] = defaultdict(set)
    for runner_id, monday in PlanWeek.objects.filter(
        runner_id__in=weeks,
        week_start__gte=min(firsts.values()),
        planned_from__gt=F("week_start"),
    ).values_list("runner_id", "week_start"):
        if monday >= firsts[runner_id]:
            partial[runner_id].add(monday)
    return {
        pk: _season_history(
            runs_of[pk],
            loose.get(pk),
            partial[pk],
            week_start=start,
            today=today,
            first=firsts[pk],
        )
        for pk, (start, today) in weeks.items()
    }


def _season_history(
    rows: list[tuple[date, str, int, int | None, str, str]],
    loose: tuple[int, date] | None,
    partial: set[date],
    *,
    week_start: date,
    today: date,
    first: date,
) -> SeasonHistory:
    planned: dict[date, int] = defaultdict(int)
    done: dict[date, int] = defaultdict(int)
    longest: tuple[date, int] | None = None
    hard: set[date] = set()
    for day, status, minutes, seconds, source, purpose in sorted(rows, key=lambda row: row[0]):
        if purpose in HARD_PURPOSES and status != Status.SKIPPED:
            hard.add(day)
        ran = seconds // 60 if seconds else minutes
        monday = monday_of(day)
        if source != Source.RUNNER:  # a run the runner added was never asked of them
            planned[monday] += minutes
        if status == Status.DONE or (status == Status.PLANNED and day >= today):
            done[monday] += ran
            if day >= week_start - timedelta(days=LONGEST_RUN_DAYS):
                longest = max(longest or (day, 0), (day, ran), key=lambda pair: pair[1])
    runs = [longest] if longest else []
    if loose:
        runs.append((loose[1], -loose[0] // 60))
    weeks = tuple(
        WeekDone(monday, planned=planned[monday], done=done[monday], partial=monday in partial)
        for monday in sorted(set(planned) | set(done))
        if monday >= first
    )
    return SeasonHistory(weeks=weeks, runs=tuple(runs), hard_days=tuple(sorted(hard)))


def runner_input(
    profile: RunnerProfile,
    *,
    week_start: date,
    recent_activities: frozenset[str],
    first_day: int = 0,
    paused: tuple[tuple[date, date], ...] = (),
    paces: PaceZones | None = None,
) -> RunnerInput:
    """The builder's view of a runner for one week (from weekday `first_day` on); `profile`
    comes with commitments, goals and injuries. `paces`: the runner's zones
    (`plans.paces.pace_zones_for`), for runs with target paces."""
    race = next_race(profile, week_start)
    healed = None if profile.injured else profile.last_cleared_injury()
    return RunnerInput(
        runner_type=profile.runner_type,
        week_start=week_start,
        days=commitments_by_weekday(profile),
        long_run_day=6 if profile.long_run_day is None else profile.long_run_day,
        race_date=race.goal.race_date if race else None,
        race_km=goal_km(race.goal) if race else None,
        paused=paused,
        injury=(profile.injury_area or None) if profile.injured else None,
        injury_cleared_on=healed.cleared_on if healed else None,
        injury_days=healed.days if healed else None,
        injury_was_nothing=healed.was_nothing if healed else False,
        likes=frozenset(profile.liked_activities),
        equipment=frozenset(profile.equipment),
        places=frozenset(profile.places) or frozenset(PLACES),
        recent_activities=recent_activities,
        first_day=first_day,
        paces=paces,
    )
