"""Reads behind the week page, with their prefetches, so query counts stay flat."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from accounts.models import RunnerProfile, User
from accounts.selectors import RaceAhead, next_race
from exercises.models import Cue
from plans.builder import History as SeasonHistory
from plans.builder import WeekDone, build_season
from plans.builder.season import HARD_PURPOSES, MAINTENANCE_WEEKS
from plans.inputs import library_for, monday_of, runner_input
from plans.models import (
    Assignment,
    Phase,
    PlanPause,
    PlanTemplate,
    PlanWeek,
    RunLog,
    Session,
    SessionExercise,
    SessionKind,
    Source,
    Status,
    WeekNote,
)


@dataclass
class DayView:
    date: date
    is_today: bool
    sessions: list[Session] = field(default_factory=list)
    extra_runs: list[RunLog] = field(default_factory=list)
    was_planned: bool = True

    @property
    def is_rest(self) -> bool:
        return self.was_planned and not self.sessions and not self.extra_runs


@dataclass(frozen=True)
class Tally:
    planned: int
    done: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.planned) if self.planned else 0


@dataclass(frozen=True)
class Extra:
    runs: int
    minutes: int


@dataclass
class WeekView:
    week_start: date
    plan: PlanWeek | None
    days: list[DayView]
    coach_note: WeekNote | None = None

    @property
    def sessions(self) -> list[Session]:
        return [session for day in self.days for session in day.sessions]

    @property
    def assigned_template(self) -> PlanTemplate | None:
        """The coach's template this week follows, if any: the builder's notes do not apply."""
        assignments = (s.assignment for s in self.sessions if s.source == Source.TEMPLATE)
        return next((a.template for a in assignments if a is not None), None)

    @property
    def active_assignment(self) -> Assignment | None:
        """The coach's assignment this week follows while it still runs: the runner may end it."""
        assignments = (s.assignment for s in self.sessions if s.source == Source.TEMPLATE)
        return next((a for a in assignments if a is not None and a.ended_at is None), None)

    @property
    def planned_sessions(self) -> list[Session]:
        """What the plan asked for; runs the runner added count as done extra, not as planned."""
        return [session for session in self.sessions if not session.runner_added]

    @property
    def session_tally(self) -> Tally:
        done = sum(session.status == Status.DONE for session in self.planned_sessions)
        return Tally(planned=len(self.planned_sessions), done=done)

    @property
    def minute_tally(self) -> Tally:
        planned = sum(session.minutes for session in self.planned_sessions)
        done = sum(s.minutes for s in self.planned_sessions if s.status == Status.DONE)
        return Tally(planned=planned, done=done)

    @property
    def extra(self) -> Extra:
        """Runs nobody planned, and logs whose session is gone: done on top of the plan."""
        minutes = [s.minutes for s in self.sessions if s.runner_added and s.is_run] + [
            log.duration_seconds // 60 for day in self.days for log in day.extra_runs
        ]
        return Extra(runs=len(minutes), minutes=sum(minutes))

    @property
    def runs_logged(self) -> list[RunLog]:
        linked = [session.run_log for session in self.sessions if session.has_log]
        return linked + [log for day in self.days for log in day.extra_runs]


def week_sessions(runner: User, week_start: date) -> QuerySet[Session]:
    exercises = SessionExercise.objects.select_related("exercise").prefetch_related(
        Prefetch("exercise__cues", queryset=Cue.objects.order_by("position"), to_attr="cue_list")
    )
    return (
        Session.objects.filter(runner=runner, date__range=(week_start, week_start + timedelta(6)))
        .select_related("activity", "run_log", "assignment__template")
        .prefetch_related(Prefetch("exercises", queryset=exercises, to_attr="exercise_list"))
        .order_by("date", "position")
    )


def blocks_under_their_runs(sessions: list[Session]) -> list[Session]:
    """One day's sessions in order, each run's post-run block moved right under that run."""
    run_ids = {session.pk for session in sessions if session.is_run}
    blocks = {s.for_run_id: s for s in sessions if s.for_run_id in run_ids}
    ordered: list[Session] = []
    for session in sessions:
        if session.for_run_id not in run_ids:
            ordered.append(session)
            if session.pk in blocks:
                ordered.append(blocks[session.pk])
    return ordered


def week_view(runner: User, week_start: date, today: date) -> WeekView:
    """The seven days of one runner's week with everything the page shows, in six queries."""
    days = [
        DayView(
            date=week_start + timedelta(offset), is_today=week_start + timedelta(offset) == today
        )
        for offset in range(7)
    ]
    by_date = {day.date: day for day in days}
    for session in week_sessions(runner, week_start):
        by_date[session.date].sessions.append(session)
    for day in days:
        day.sessions = blocks_under_their_runs(day.sessions)
    loose_runs = RunLog.objects.filter(
        runner=runner, session__isnull=True, date__range=(week_start, week_start + timedelta(6))
    )
    for run_log in loose_runs:
        by_date[run_log.date].extra_runs.append(run_log)
    plan = PlanWeek.objects.filter(runner=runner, week_start=week_start).first()
    for day in days:
        day.was_planned = plan is not None and day.date >= plan.planned_from
    note = WeekNote.objects.filter(runner=runner, week_start=week_start).first()
    return WeekView(week_start=week_start, plan=plan, days=days, coach_note=note)


def assignment_sessions_ahead(assignment: Assignment, today: date) -> int:
    """How many sessions ending the assignment would remove, as the week counts them: its open
    ones after today and the post-run blocks that go with its runs."""
    going = Session.objects.ending_with([assignment.pk], after=today)
    return Session.objects.filter(Q(pk__in=going) | Q(for_run__in=going)).count()


def runners_needing_weeks(*, now: datetime) -> list[int]:
    """Onboarded runners without this week or next planned, each by their own time zone's
    today, in one query (none at all when everyone is planned).

    Around the Monday rollover some zones are in the new week and others still in the old:
    the runners of the zones already in the new week are asked about the new weeks, the rest
    about the old ones."""
    utc_today = now.astimezone(UTC).date()
    mondays = sorted({monday_of(utc_today + timedelta(days=shift)) for shift in (-1, 0, 1)})
    runners = RunnerProfile.objects.filter(onboarded_at__isnull=False)
    if len(mondays) == 1:
        needing = _missing_this_or_next(mondays[0])
    else:
        old, new = mondays
        in_new_week = [zone for zone in _zones() if monday_of(now.astimezone(zone).date()) == new]
        zones_in_new_week = Q(time_zone__in=[zone.key for zone in in_new_week])
        needing = (zones_in_new_week & _missing_this_or_next(new)) | (
            ~zones_in_new_week & _missing_this_or_next(old)
        )
    return list(runners.filter(needing).order_by("user_id").values_list("user_id", flat=True))


def _missing_this_or_next(monday: date) -> Q:
    def planned(week_start: date) -> Exists:
        return Exists(PlanWeek.objects.filter(runner_id=OuterRef("user_id"), week_start=week_start))

    return ~planned(monday) | ~planned(monday + timedelta(days=7))


@cache
def _zones() -> list[ZoneInfo]:
    return [ZoneInfo(key) for key in sorted(available_timezones())]


SEASON_PAST_WEEKS = 4


@dataclass(frozen=True)
class SeasonRow:
    """One week of the season page: stored when it is planned, a forecast further ahead."""

    week_start: date
    phase: str
    planned: int  # minutes of running
    long_run: int
    done: int | None  # past weeks and this one
    lighter: bool
    why: tuple[str, ...]
    when: str  # "past", "now", "planned" or "forecast"
    paused: bool = False

    @property
    def phase_label(self) -> str:
        return Phase(self.phase).label

    @property
    def is_taper(self) -> bool:
        return self.phase in ("taper", "race_week")


@dataclass(frozen=True)
class SeasonView:
    race: RaceAhead | None
    rows: list[SeasonRow]
    pauses: list[PlanPause]

    @property
    def chart(self) -> dict[str, list[Any]]:
        """What the chart draws, for json_script."""
        return {
            "labels": [f"{row.week_start:%-d %b}" for row in self.rows],
            "planned": [row.planned for row in self.rows],
            "done": [row.done for row in self.rows],
            "long_run": [row.long_run for row in self.rows],
            "lighter": [row.lighter for row in self.rows],
            "taper": [row.is_taper for row in self.rows],
        }


@dataclass
class _StoredWeek:
    planned: int = 0
    done: int = 0
    long_run: int = 0
    longest_done: tuple[date, int] | None = None
    hard_days: set[date] = field(default_factory=set)


def _stored_runs(runner: User, first: date, last: date) -> dict[date, _StoredWeek]:
    """Run minutes planned and done by week (Monday), in one query; a run the runner added
    counts as done, not as planned; a log's measured minutes count when there is one."""
    weeks: dict[date, _StoredWeek] = defaultdict(_StoredWeek)
    rows = Session.objects.filter(
        runner=runner, kind=SessionKind.RUN, date__range=(first, last)
    ).values_list("date", "status", "minutes", "run_log__duration_seconds", "source", "purpose")
    for day, status, minutes, seconds, source, purpose in rows:
        week = weeks[day - timedelta(days=day.weekday())]
        if purpose in HARD_PURPOSES and status != Status.SKIPPED:
            week.hard_days.add(day)
        if source != Source.RUNNER:
            week.planned += minutes
            week.long_run = max(week.long_run, minutes)
        if status == Status.DONE:
            ran = seconds // 60 if seconds else minutes
            week.done += ran
            if week.longest_done is None or ran > week.longest_done[1]:
                week.longest_done = (day, ran)
    return weeks


def _stored_rows(
    plans: dict[date, PlanWeek],
    runs: dict[date, _StoredWeek],
    this_monday: date,
    pauses: list[PlanPause],
) -> list[SeasonRow]:
    rows = []
    for monday, plan in sorted(plans.items()):
        week = runs[monday]
        when = "past" if monday < this_monday else "now" if monday == this_monday else "planned"
        rows.append(
            SeasonRow(
                week_start=monday,
                phase=plan.phase,
                planned=week.planned,
                long_run=week.long_run,
                done=week.done if monday <= this_monday else None,
                lighter=plan.lighter,
                why=tuple(plan.why),
                when=when,
                paused=_overlaps(pauses, monday),
            )
        )
    return rows


def _overlaps(pauses: list[PlanPause], monday: date) -> bool:
    sunday = monday + timedelta(days=6)
    return any(p.start <= sunday and p.end >= monday for p in pauses)


def _history(
    runs: dict[date, _StoredWeek], plans: dict[date, PlanWeek], this_monday: date
) -> SeasonHistory:
    """The weeks so far for the forecast: done as done in the past, as planned from now."""
    weeks = tuple(
        WeekDone(
            monday,
            planned=week.planned,
            done=week.done if monday < this_monday else week.planned,
            partial=monday in plans and plans[monday].planned_from > monday,
        )
        for monday, week in sorted(runs.items())
    )
    longest = [week.longest_done for week in runs.values() if week.longest_done]
    longest += [
        (monday + timedelta(days=6), week.long_run)
        for monday, week in runs.items()
        if monday >= this_monday and week.long_run
    ]
    hard = tuple(sorted(day for week in runs.values() for day in week.hard_days))
    return SeasonHistory(weeks=weeks, runs=tuple(longest), hard_days=hard)


def season_view(runner: User, profile: RunnerProfile, today: date) -> SeasonView:
    """Every week from four weeks ago to race week (a maintenance season without a race):
    the weeks planned as stored, the rest forecast by the builder from them. A fixed number
    of queries whatever the number of weeks; `profile` comes with commitments, goals and
    injuries."""
    this_monday = today - timedelta(days=today.weekday())
    first = this_monday - timedelta(weeks=SEASON_PAST_WEEKS)
    plans = {
        plan.week_start: plan
        for plan in PlanWeek.objects.filter(
            runner=runner, week_start__range=(first, this_monday + timedelta(weeks=1))
        )
    }
    runs = _stored_runs(runner, first, this_monday + timedelta(days=13))
    pauses = list(PlanPause.objects.filter(runner=runner, end__gte=first).order_by("start"))
    rows = _stored_rows(plans, runs, this_monday, pauses)
    race = next_race(profile, today)
    forecast_from = max([this_monday, *plans]) + timedelta(weeks=1)
    history = _history(runs, plans, this_monday)
    rows += _forecast(runner, profile, (forecast_from, this_monday), history, pauses, race)
    return SeasonView(race=race, rows=rows, pauses=[p for p in pauses if p.end >= today])


def _forecast(
    runner: User,
    profile: RunnerProfile,
    starts: tuple[date, date],
    history: SeasonHistory,
    pauses: list[PlanPause],
    race: RaceAhead | None,
) -> list[SeasonRow]:
    """The weeks after those planned, forecast from them (`starts`: the first week to
    forecast and this week)."""
    week_start, this_monday = starts
    week_input = runner_input(
        profile,
        week_start=week_start,
        recent_activities=frozenset(),
        paused=tuple((p.start, p.end) for p in pauses),
    )
    if race is not None and race.goal.race_date is not None:
        weeks = max(0, (race.goal.race_date - week_start).days // 7 + 1)
    else:
        weeks = max(0, MAINTENANCE_WEEKS - (week_start - this_monday).days // 7)
    season = build_season(week_input, library_for(runner), history, weeks=weeks) if weeks else ()
    return [
        SeasonRow(
            week_start=item.week.week_start,
            phase=item.week.phase,
            planned=item.run_minutes,
            long_run=item.long_run,
            done=None,
            lighter=item.target.lighter,
            why=item.target.why,
            when="forecast",
            paused=_overlaps(pauses, item.week.week_start),
        )
        for item in season
    ]
