"""Reads behind the progress pages: a runner's weeks planned against done, and the squad's
compliance for their coach. The database sums each day (per kind of session); Python groups
the days into weeks (Monday first), which stays the same on SQLite and PostgreSQL. Query
counts are flat in weeks, sessions and athletes.

How a run counts: a planned run counts as planned (minutes, and distance where it has an
estimate); once done it counts as done with the logged time when a run was logged against it,
else its planned minutes. An extra run (logged on a day that planned none) counts as done,
never as planned, as on the coach dashboard. Done distance is what the runner logged (by hand
or from a watch), planned distance what the plan estimated."""

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import (
    Case,
    Count,
    DateField,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from accounts.models import Coaching, DistanceUnit, RunnerProfile, User
from plans.coaching.selectors import SoFar, band, compliance_counts, so_far
from plans.models import PlanWeek, RunLog, RunPurpose, Session, SessionKind, Source, Status
from plans.services import monday_of

WEEK_CHOICES = (12, 52)
METRES_PER = {DistanceUnit.KM: 1000.0, DistanceUnit.MI: 1609.344}
BANDS = ("green", "amber", "red", "none")

PLANNED = ~Q(source=Source.RUNNER)
RUN = Q(kind=SessionKind.RUN)
DONE = Q(status=Status.DONE)
# A run followed by its routine: ticked on the run, or its post-run block marked done.
ROUTINE = Q(routine_done_at__isnull=False) | Q(post_run_block__status=Status.DONE)
# A done run's time: what was logged against it, else what was planned (counted for runs).
RUN_SECONDS = Coalesce(
    F("run_log__duration_seconds"), F("minutes") * 60, output_field=IntegerField()
)


@dataclass(frozen=True)
class ProgressWeek:
    """One week of a runner's progress; minutes whole, distances in the runner's unit."""

    monday: date
    started: bool  # False: the runner's plan began after this week
    current: bool
    run_minutes_planned: int
    run_minutes_done: int
    distance_planned: float | None  # None: no planned run had an estimate
    runs_without_estimate: int  # planned runs the plan gave no distance
    distance_done: float
    long_minutes_planned: int
    long_minutes_done: int
    strength_done: int
    runs_done: int
    routines_done: int
    compliance: SoFar

    @property
    def band(self) -> str:
        return band(self.compliance)


@dataclass(frozen=True)
class Progress:
    weeks: list[ProgressWeek]
    unit: str
    first_day: date | None  # the runner's first planned day; nothing before it counts
    streak: int  # done runs in a row followed by their routine, up to today

    @property
    def shown(self) -> list[ProgressWeek]:
        return [week for week in self.weeks if week.started]


def week_count(asked: str | None) -> int | None:
    """12 or 52 from the `weeks` parameter; None for anything else."""
    return int(asked) if asked in {str(n) for n in WEEK_CHOICES} else None


def first_weeks(today: date, weeks: int) -> list[date]:
    """The Mondays of the `weeks` weeks that end with the week of `today`."""
    this_monday = monday_of(today)
    return [this_monday - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]


def _first_week(runner: OuterRef) -> Subquery:
    """The start of a runner's first planned week; with `_first_session`, what `earliest`
    makes the first day their plan covered."""
    weeks = PlanWeek.objects.filter(runner=runner).order_by("planned_from")
    return Subquery(weeks.values("planned_from")[:1])


def _first_session(runner: OuterRef) -> Subquery:
    """A runner's first planned session: a coach's template can come before any generated
    week."""
    sessions = Session.objects.filter(runner=runner).filter(PLANNED).order_by("date")
    return Subquery(sessions.values("date")[:1])


def earliest(*days: date | None) -> date | None:
    known = [day for day in days if day is not None]
    return min(known) if known else None


def first_planned_day(runner: User) -> date | None:
    """The first day the runner's plan covered; nothing before it counts."""
    first_week, first_session = (
        User.objects.filter(pk=runner.pk)
        .annotate(
            first_week=_first_week(OuterRef("pk")), first_session=_first_session(OuterRef("pk"))
        )
        .values_list("first_week", "first_session")
        .get()
    )
    return earliest(first_week, first_session)


def _session_groups(runner: User, first: date, last: date) -> list[dict[str, Any]]:
    """The sessions between two days, summed per day and per kind of session (purpose, status,
    who planned it, whether a run was followed by its routine), with the dashboard's compliance
    counts: a few plain sums the database does fast; `_week` picks what each figure needs."""
    return list(
        Session.objects.filter(runner=runner, date__range=(first, last))
        .annotate(routine=Case(When(ROUTINE, then=True), default=False))
        .order_by()
        .values("date", "kind", "purpose", "status", "source", "post_run", "routine")
        .annotate(
            **compliance_counts(),
            sessions=Count("pk"),
            total_minutes=Sum("minutes"),
            seconds=Sum(RUN_SECONDS),
            km=Sum("distance_km"),
            with_estimate=Count("distance_km"),
        )
    )


def _log_days(runner: User, first: date, last: date) -> list[dict[str, Any]]:
    """Per day with runs logged: the distance, and the time of logs whose session is gone
    (counted nowhere else)."""
    return list(
        RunLog.objects.filter(runner=runner, date__range=(first, last))
        .order_by()
        .values("date")
        .annotate(
            metres=Sum("distance_m"),
            loose_seconds=Coalesce(Sum("duration_seconds", filter=Q(session__isnull=True)), 0),
        )
    )


def routine_streak(runner: User, today: date) -> int:
    """Done runs, most recent first, each followed by its routine, until the first without
    one; a run done today whose routine is still to come does not break it."""
    done_runs = Session.objects.filter(runner=runner).filter(RUN & DONE)
    breaks = (
        done_runs.filter(date__lt=today, routine_done_at__isnull=True)
        .exclude(post_run_block__status=Status.DONE)
        .order_by("-date")
        .values("date")[:1]
    )
    since = Coalesce(Subquery(breaks), Value(date.min), output_field=DateField())
    result = done_runs.aggregate(streak=Count("pk", filter=ROUTINE & Q(date__gt=since)))
    return int(result["streak"])


def _by_week(rows: Iterable[dict[str, Any]]) -> dict[date, list[dict[str, Any]]]:
    weeks: dict[date, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        weeks[monday_of(row["date"])].append(row)
    return weeks


def _minutes(seconds: int) -> int:
    return round(seconds / 60)


def _in_unit(metres: float, unit: str) -> float:
    return round(metres / METRES_PER[DistanceUnit(unit)], 1)


def _is_run(group: dict[str, Any]) -> bool:
    return bool(group["kind"] == SessionKind.RUN)


def _planned(group: dict[str, Any]) -> bool:
    """As `PLANNED`: a run the runner added was done, not planned."""
    return bool(group["source"] != Source.RUNNER)


def _done(group: dict[str, Any]) -> bool:
    return bool(group["status"] == Status.DONE)


def _long(group: dict[str, Any]) -> bool:
    return bool(group["purpose"] == RunPurpose.LONG)


def _sum(groups: Iterable[dict[str, Any]], key: str) -> Any:
    return sum((group[key] or 0 for group in groups), start=0)


def _week(
    monday: date,
    groups: list[dict[str, Any]],
    logs: list[dict[str, Any]],
    *,
    first_day: date | None,
    today: date,
    unit: str,
) -> ProgressWeek:
    runs = [group for group in groups if _is_run(group)]
    planned = [run for run in runs if _planned(run)]
    done = [run for run in runs if _done(run)]
    strength = [g for g in groups if g["kind"] == SessionKind.STRENGTH and not g["post_run"]]
    estimated = _sum(planned, "with_estimate")
    return ProgressWeek(
        monday=monday,
        started=_started(first_day, monday),
        current=monday == monday_of(today),
        run_minutes_planned=_sum(planned, "total_minutes"),
        run_minutes_done=_minutes(_sum(done, "seconds") + _sum(logs, "loose_seconds")),
        distance_planned=_in_unit(float(_sum(planned, "km")) * 1000, unit) if estimated else None,
        runs_without_estimate=_sum(planned, "sessions") - estimated,
        distance_done=_in_unit(_sum(logs, "metres"), unit),
        long_minutes_planned=_sum(filter(_long, planned), "total_minutes"),
        long_minutes_done=_minutes(_sum(filter(_long, done), "seconds")),
        strength_done=_sum(filter(_done, strength), "sessions"),
        runs_done=_sum(done, "sessions"),
        routines_done=_sum((run for run in done if run["routine"]), "sessions"),
        compliance=so_far(groups, monday, today, "minutes_"),
    )


def runner_progress(runner: User, *, today: date, weeks: int, unit: str) -> Progress:
    """The last `weeks` weeks of one runner up to the week of `today` (their today), in four
    queries whatever the weeks and sessions. Days before their first planned day count for
    nothing: a week before it is shown as not started, never as missed."""
    mondays = first_weeks(today, weeks)
    first_day = first_planned_day(runner)
    start = max(mondays[0], first_day or today)
    last = mondays[-1] + timedelta(days=6)
    sessions = _by_week(_session_groups(runner, start, last))
    logs = _by_week(_log_days(runner, start, last))
    return Progress(
        weeks=[
            _week(
                monday,
                sessions.get(monday, []),
                logs.get(monday, []),
                first_day=first_day,
                today=today,
                unit=unit,
            )
            for monday in mondays
        ],
        unit=unit,
        first_day=first_day,
        streak=routine_streak(runner, today),
    )


@dataclass(frozen=True)
class SquadWeek:
    """One week across a coach's athletes: each athlete's minutes done against due, in the
    dashboard's bands; `mean` the mean percent of those with something due."""

    monday: date
    bands: dict[str, int]
    mean: int | None
    not_started: int  # athletes whose plan began after this week: in no band

    @property
    def due(self) -> int:
        return sum(count for name, count in self.bands.items() if name != "none")


def squad_weeks(coach: User, *, today: date, weeks: int) -> tuple[list[SquadWeek], int]:
    """The last `weeks` weeks of the coach's current athletes up to the week of `today` (the
    coach's date), each athlete counted by their own today and from their first planned day;
    and how many athletes. Two queries whatever the athletes, weeks and sessions."""
    mondays = first_weeks(today, weeks)
    athletes = {
        pk: (_today_in(zone), earliest(first_week, first_session))
        for pk, zone, first_week, first_session in Coaching.objects.current()
        .filter(coach=coach)
        .annotate(
            first_week=_first_week(OuterRef("athlete_id")),
            first_session=_first_session(OuterRef("athlete_id")),
        )
        .values_list(
            "athlete_id", "athlete__runner_profile__time_zone", "first_week", "first_session"
        )
    }
    rows = (
        Session.objects.filter(
            runner_id__in=Coaching.objects.current().filter(coach=coach).values("athlete_id"),
            date__range=(mondays[0], mondays[-1] + timedelta(days=6)),
        )
        .order_by()
        .values("runner_id", "date")
        .annotate(**compliance_counts())
    )
    weeks_of: dict[tuple[int, date], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        _, first_day = athletes.get(row["runner_id"], (today, None))
        if first_day is not None and row["date"] >= first_day:
            weeks_of[row["runner_id"], monday_of(row["date"])].append(row)
    squad = [
        _squad_week(
            monday,
            [
                so_far(weeks_of.get((pk, monday), []), monday, their_today, "minutes_")
                for pk, (their_today, first_day) in athletes.items()
                if _started(first_day, monday)
            ],
            not_started=sum(not _started(first_day, monday) for _, first_day in athletes.values()),
        )
        for monday in mondays
    ]
    return squad, len(athletes)


def _today_in(zone: str | None) -> date:
    """An athlete's today by their profile's time zone, or by a new profile's (as
    `User.today`)."""
    return (RunnerProfile(time_zone=zone) if zone else RunnerProfile()).today()


def _started(first_day: date | None, monday: date) -> bool:
    """Whether a plan that began on `first_day` had begun by the end of the week."""
    return first_day is not None and first_day <= monday + timedelta(days=6)


def _squad_week(monday: date, athletes: list[SoFar], *, not_started: int) -> SquadWeek:
    counts = dict.fromkeys(BANDS, 0)
    for progress in athletes:
        counts[band(progress)] += 1
    percents = [progress.percent for progress in athletes if progress.due]
    return SquadWeek(
        monday=monday,
        bands=counts,
        mean=round(statistics.mean(percents)) if percents else None,
        not_started=not_started,
    )
