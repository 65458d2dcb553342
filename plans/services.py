"""Writes across the plans models; each function is one transaction."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.db.models import Max, QuerySet
from django.utils import timezone

from accounts.models import RunnerProfile, User
from exercises.models import Exercise
from plans import builder
from plans.blocks import planned_blocks
from plans.cache import week_changed, weeks_changed
from plans.inputs import (
    History,
    libraries_by_runner,
    pauses_by_runner,
    runner_input,
    season_histories,
)
from plans.inputs import monday_of as monday_of  # re-exported: other modules import it from here
from plans.models import (
    MAX_SESSION_MINUTES,
    Assignment,
    PlanPause,
    PlanWeek,
    RunLog,
    RunPurpose,
    Session,
    SessionExercise,
    SessionKind,
    Source,
    Status,
)
from plans.paces import distance_decimal, pace_zones_by_runner
from plans.runs import structure_json
from plans.signals import run_changed, runs_created

ONE_WEEK = timedelta(days=7)


class NotYetError(ValueError):
    """A day still ahead for the runner: its sessions can be skipped, not done or logged."""


def refuse_if_ahead(*, runner_id: int, day: date) -> None:
    """Raise NotYetError when `day` is after the runner's today (in their time zone)."""
    profile = RunnerProfile.objects.filter(user_id=runner_id).first()
    today = profile.today() if profile else timezone.localdate()
    if day > today:
        raise NotYetError(f"{day:%A %-d %B} is still ahead: it can be done once it has come.")


def next_position(day_sessions: QuerySet[Any]) -> int:
    """The position of a session added to a day (or a template day): after those on it."""
    last = day_sessions.aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


def announce_new_runs(sessions: list[Session]) -> None:
    runs = [session for session in sessions if session.is_run]
    if runs:
        runs_created.send(sender=Session, sessions=runs)


def announce_if_run(session: Session) -> None:
    if session.is_run:
        run_changed.send(sender=Session, session=session)


def blocks_link(sessions: Sequence[Session]) -> list[Session]:
    """Link each post-run block among these new sessions (in day order) to the run before it
    on its day that has none yet, one block per run; the runs left without one."""
    waiting: dict[tuple[int, date], list[Session]] = defaultdict(list)
    linked: list[Session] = []
    for session in sessions:
        day = (session.runner_id, session.date)
        if session.is_run:
            waiting[day].append(session)
        elif session.post_run and session.for_run_id is None and waiting[day]:
            session.for_run = waiting[day].pop()
            linked.append(session)
    Session.objects.bulk_update(linked, ["for_run"])
    return [run for runs in waiting.values() for run in runs]


def blocks_link_unsaved(sessions: Sequence[Session]) -> None:
    """`blocks_link` for sessions not saved yet: each post-run block (in day order) gets the
    run before it on its day that has none yet, to be saved after the runs."""
    waiting: dict[date, list[Session]] = defaultdict(list)
    for session in sessions:
        if session.is_run:
            waiting[session.date].append(session)
        elif session.post_run and waiting[session.date]:
            session.for_run = waiting[session.date].pop()


def post_run_blocks_add(*, runs: Sequence[Session]) -> list[Session]:
    """Give each run the block the builder's rules choose for it, right after the run and set
    by whoever set the run; a run no move fits goes without (the email still finds one)."""
    planned = planned_blocks(runs)
    slugs = {item.slug for block in planned.values() for item in block.exercises}
    ids = dict(Exercise.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    chosen = [(run, planned[run.pk]) for run in runs if run.pk in planned]
    blocks = Session.objects.bulk_create([_block_row(run, block) for run, block in chosen])
    SessionExercise.objects.bulk_create(
        row
        for block, (_, planned_block) in zip(blocks, chosen, strict=True)
        for row in _exercise_rows(block, planned_block, ids)
    )
    return blocks


def _block_row(run: Session, planned: builder.Session) -> Session:
    return Session(
        runner_id=run.runner_id,
        date=run.date,
        position=run.position + 1,
        kind=SessionKind.STRENGTH,
        post_run=True,
        for_run=run,
        title=planned.title,
        minutes=planned.minutes,
        is_new_activity=planned.is_new_activity,
        source=run.source,
        assignment_id=run.assignment_id,
    )


def run_delete(*, run: Session) -> None:
    """A run goes with its block, unless the runner already did or skipped the block."""
    block = run.block
    if block is not None and block.status != Status.PLANNED:
        block.for_run = None
        block.save(update_fields=["for_run"])
    run.delete()


def _block_move_with(run: Session, day: date) -> None:
    """A run's block goes with it, unless the runner already did or skipped the block."""
    block = run.block
    if block is not None and block.status == Status.PLANNED:
        block.date, block.position = day, run.position + 1
        block.placement_note, block.needs_attention = "", False
        block.save(update_fields=["date", "position", "placement_note", "needs_attention"])


def session_place_on(session: Session, day: date) -> None:
    """Put a session last on another day, its block with it. A note about where an
    assignment placed it, or a flag that it needed a day, no longer applies. The caller
    saves the session."""
    session.position = next_position(Session.objects.filter(runner_id=session.runner_id, date=day))
    session.placement_note, session.needs_attention = "", False
    _block_move_with(session, day)
    session.date = day


@transaction.atomic
def session_move(*, session: Session, day: date) -> Session:
    """The runner moves a session still ahead to another day; a run takes its block along.
    Re-planning then leaves both days as the runner left them."""
    original = session.moved_from or session.date
    session.moved_from = None if day == original else original
    session_place_on(session, day)
    session.save(
        update_fields=["date", "position", "moved_from", "placement_note", "needs_attention"]
    )
    week_changed(session.runner_id)
    announce_if_run(session)
    return session


@transaction.atomic
def session_mark(*, session: Session, status: str, note: str = "") -> Session:
    """Mark a session done, skipped or back to planned (undo), with an optional note; a
    session on a day still ahead may be skipped, never done (NotYetError)."""
    if status == Status.DONE:
        refuse_if_ahead(runner_id=session.runner_id, day=session.date)
    session.status = status
    session.status_note = note if status != Status.PLANNED else ""
    session.status_changed_at = timezone.now() if status != Status.PLANNED else None
    session.save(update_fields=["status", "status_note", "status_changed_at"])
    week_changed(session.runner_id)
    announce_if_run(session)
    return session


@transaction.atomic
def run_routine_done(*, run: Session) -> None:
    """The runner did the strength routine after this run; the first tick is the one kept."""
    if run.routine_done_at is None:
        run.routine_done_at = timezone.now()
        run.save(update_fields=["routine_done_at"])
        week_changed(run.runner_id)


@transaction.atomic
def run_log_create(
    *,
    runner: User,
    run_date: date,
    distance_m: int,
    duration_seconds: int,
    effort: int | None,
    notes: str = "",
    session: Session | None = None,
) -> RunLog:
    """Record a run: it marks that day's planned run (or the one given) done; a run nobody
    planned becomes a session of its own, so it counts and gets its strength reminder too.
    A run on a day still ahead raises NotYetError."""
    refuse_if_ahead(runner_id=runner.pk, day=run_date)
    session = session or _planned_run_on(runner, run_date)
    if session is None:
        session = _added_run(runner, run_date, duration_seconds)
        post_run_blocks_add(runs=[session])
    run_log = RunLog.objects.create(
        runner=runner,
        session=session,
        date=run_date,
        distance_m=distance_m,
        duration_seconds=duration_seconds,
        effort=effort,
        notes=notes,
    )
    session_mark(session=session, status=Status.DONE)
    return run_log


SAME_RUN_SHARE = 0.10  # a typed distance is rounder than a recorded one


def unrated_log_like(*, runner: User, run_date: date, distance_m: int) -> RunLog | None:
    """A run already recorded that day without an effort (imported from a watch) and within
    10 % of this distance: the same run, so a hand log completes it rather than doubling it."""
    logs = RunLog.objects.filter(runner=runner, date=run_date, effort__isnull=True)
    close = [log for log in logs if abs(log.distance_m - distance_m) <= SAME_RUN_SHARE * distance_m]
    return min(close, key=lambda log: abs(log.distance_m - distance_m), default=None)


@transaction.atomic
def run_log_add_by_hand(
    *,
    runner: User,
    run_date: date,
    distance_m: int,
    duration_seconds: int,
    effort: int,
    notes: str = "",
) -> tuple[RunLog, bool]:
    """A run the runner typed in; if their watch already brought it, the effort and notes are
    added to that one instead (True), and its measured distance and time are kept."""
    recorded = unrated_log_like(runner=runner, run_date=run_date, distance_m=distance_m)
    if recorded is None:
        run_log = run_log_create(
            runner=runner,
            run_date=run_date,
            distance_m=distance_m,
            duration_seconds=duration_seconds,
            effort=effort,
            notes=notes,
        )
        return run_log, False
    recorded.effort, recorded.notes = effort, notes
    recorded.save(update_fields=["effort", "notes"])
    week_changed(runner.pk)
    return recorded, True


@transaction.atomic
def run_log_delete(*, run_log: RunLog) -> None:
    """Undo a logged run: the log goes and its session is planned again, or goes too when
    the runner had added it."""
    session = run_log.session
    week_changed(run_log.runner_id)
    run_log.delete()
    if session is None:
        return
    if session.runner_added:
        run_delete(run=session)
    else:
        session_mark(session=session, status=Status.PLANNED)


def _added_run(runner: User, run_date: date, duration_seconds: int) -> Session:
    return Session.objects.create(
        runner=runner,
        date=run_date,
        position=next_position(Session.objects.filter(runner=runner, date=run_date)),
        kind=SessionKind.RUN,
        purpose=RunPurpose.EASY,
        title="Extra run",
        minutes=min(MAX_SESSION_MINUTES, max(1, duration_seconds // 60)),
        source=Source.RUNNER,
    )


def _planned_run_on(runner: User, run_date: date) -> Session | None:
    """The day's run still without a log; one already ticked done gets the log too."""
    return (
        Session.objects.filter(
            runner=runner,
            date=run_date,
            kind=SessionKind.RUN,
            status__in=[Status.PLANNED, Status.DONE],
            run_log__isnull=True,
        )
        .order_by("status", "position")  # "done" sorts before "planned"
        .first()
    )


@dataclass(frozen=True)
class WeekJob:
    """One runner's week to (re)build, as of their `today`."""

    runner_id: int
    week_start: date
    today: date

    @property
    def dates(self) -> list[date]:
        return [self.week_start + timedelta(days=offset) for offset in range(7)]


ExerciseValues = tuple[int | bool | None, ...]  # a SessionExercise's columns, as inserted


@dataclass(frozen=True)
class BuiltWeek:
    """A week built in memory: its rows, not saved yet, and the untouched sessions it replaces.
    `exercises` runs alongside `sessions` (each session's moves)."""

    job: WeekJob
    known: PlanWeek | None
    planned_from: date
    plan: builder.Week
    target: builder.WeekTarget
    sessions: list[Session]
    exercises: list[list[ExerciseValues]]
    stale: list[int]


def _days_to_keep(jobs: Sequence[WeekJob]) -> dict[int, tuple[set[date], list[int]]]:
    """For each runner's week: the days to keep — past days, days the runner or a coach
    touched (a session moved touches the day it left too), days an assigned template covers,
    and today once it holds anything — and the untouched sessions on the other days. Three
    queries whatever the number of runners."""
    weeks = {job.runner_id: job for job in jobs}
    first = min(job.week_start for job in jobs)
    last = max(job.week_start for job in jobs) + timedelta(days=6)
    in_weeks = Session.objects.filter(runner_id__in=weeks, date__range=(first, last))
    untouched = set(in_weeks.untouched().values_list("pk", flat=True))
    keep = {pk: {day for day in job.dates if day < job.today} for pk, job in weeks.items()}
    held: dict[int, list[tuple[int, date]]] = defaultdict(list)
    for pk, runner_id, day, moved_from in in_weeks.values_list(
        "pk", "runner_id", "date", "moved_from"
    ):
        job = weeks[runner_id]
        if not job.week_start <= day <= job.week_start + timedelta(days=6):
            continue
        held[runner_id].append((pk, day))
        if pk not in untouched:
            keep[runner_id].add(day)
        if moved_from is not None:
            keep[runner_id].add(moved_from)
        if day == job.today:
            keep[runner_id].add(day)
    for athlete_id, start, end in (
        Assignment.objects.active()
        .filter(athlete_id__in=weeks, start__lte=last, end__gte=first)
        .values_list("athlete_id", "start", "end")
    ):
        keep[athlete_id] |= {day for day in weeks[athlete_id].dates if start <= day <= end}
    return {
        runner_id: (
            keep[runner_id],
            [pk for pk, day in held[runner_id] if pk in untouched and day not in keep[runner_id]],
        )
        for runner_id in weeks
    }


def weeks_build(jobs: Sequence[WeekJob]) -> list[BuiltWeek]:
    """Build these weeks (at most one per runner) in memory from what the database holds, read
    in a fixed number of queries whatever the number of runners; nothing is written.

    A week first planned mid-week (a new runner) is built from that day on, so its notes
    speak of the days the runner sees, not of days that were never planned. The season's
    target for the week comes from the weeks before it (planned and done) and the race."""
    if not jobs:
        return []
    ids = [job.runner_id for job in jobs]
    profiles = {
        profile.user_id: profile
        for profile in RunnerProfile.objects.filter(user_id__in=ids).prefetch_related(
            "commitments", "goals", "injuries"
        )
    }
    known = {
        (week.runner_id, week.week_start): week
        for week in PlanWeek.objects.filter(
            runner_id__in=ids, week_start__in={job.week_start for job in jobs}
        )
    }
    first = min(job.week_start for job in jobs)
    recent = History(ids, first_week=first, last_week=max(job.week_start for job in jobs))
    pauses = pauses_by_runner(ids, since=first - ONE_WEEK)
    paces = pace_zones_by_runner(profiles.values())
    histories = season_histories({job.runner_id: (job.week_start, job.today) for job in jobs})
    libraries = libraries_by_runner(ids)
    to_keep = _days_to_keep(jobs)
    plans = []
    for job in jobs:
        profile = profiles[job.runner_id]
        week = known.get((job.runner_id, job.week_start))
        planned_from = week.planned_from if week else max(job.week_start, job.today)
        week_input = runner_input(
            profile,
            week_start=job.week_start,
            recent_activities=recent.recent(job.runner_id, job.week_start),
            first_day=(planned_from - job.week_start).days,
            paused=tuple(
                pause for pause in pauses[job.runner_id] if pause[1] >= job.week_start - ONE_WEEK
            ),
            paces=paces[job.runner_id],
        )
        history = histories[job.runner_id]
        target = builder.week_target(week_input, history)
        hard_sunday = job.week_start - timedelta(days=1) in history.hard_days
        plan = builder.build_week(
            replace(week_input, target=target, hard_day_before=hard_sunday),
            libraries[job.runner_id],
        )
        plans.append((job, week, planned_from, plan, target))
    items = [item for *_, plan, _ in plans for day in plan.days for item in day.sessions]
    slugs = {move.slug for item in items for move in item.exercises} | {
        item.activity for item in items if item.activity
    }
    exercise_ids = dict(Exercise.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    built = []
    for job, week, planned_from, plan, target in plans:
        keep, stale = to_keep[job.runner_id]
        planned = [
            (day, position, item)
            for day in plan.days
            if day.date not in keep
            for position, item in enumerate(day.sessions)
        ]
        sessions = [_session_row(job.runner_id, *row, exercise_ids) for row in planned]
        blocks_link_unsaved(sessions)
        built.append(
            BuiltWeek(
                job=job,
                known=week,
                planned_from=planned_from,
                plan=plan,
                target=target,
                sessions=sessions,
                exercises=[_exercise_values(item, exercise_ids) for *_, item in planned],
                stale=stale,
            )
        )
    return built


def weeks_write(built: Sequence[BuiltWeek]) -> dict[int, PlanWeek]:
    """Write weeks built by `weeks_build`, in bulk: the untouched sessions of their fresh days
    go, the new sessions, their moves, blocks' links and reminders come, the week versions
    move; each runner's PlanWeek, by runner id. Call it in a transaction."""
    if not built:
        return {}
    stale = [pk for week in built for pk in week.stale]
    if stale:
        Session.objects.untouched().filter(pk__in=stale).delete()
    sessions = [session for week in built for session in week.sessions]
    # Runs first, so that the blocks after them go in with their links.
    Session.objects.bulk_create([session for session in sessions if session.for_run is None])
    Session.objects.bulk_create([session for session in sessions if session.for_run is not None])
    _exercises_insert(
        [
            (session.pk, *values)
            for week in built
            for session, rows in zip(week.sessions, week.exercises, strict=True)
            for values in rows
        ]
    )
    announce_new_runs(sessions)
    weeks_changed(week.job.runner_id for week in built)
    now = timezone.now()
    weeks: dict[int, PlanWeek] = {}
    created = []
    for week in built:
        season = {
            "phase": week.plan.phase,
            "notes": list(week.plan.notes),
            "run_target": week.target.run_minutes,
            "lighter": week.target.lighter,
            "why": list(week.target.why),
            "generated_on": week.job.today,
        }
        if week.known is None:
            weeks[week.job.runner_id] = PlanWeek(
                runner_id=week.job.runner_id,
                week_start=week.job.week_start,
                planned_from=week.planned_from,
                **season,
            )
            created.append(weeks[week.job.runner_id])
        else:
            for name, value in {**season, "generated_at": now}.items():
                setattr(week.known, name, value)
            week.known.save(update_fields=[*season, "generated_at"])
            weeks[week.job.runner_id] = week.known
    PlanWeek.objects.bulk_create(created)
    return weeks


@transaction.atomic
def week_generate(*, runner: User, week_start: date, today: date) -> PlanWeek:
    """(Re)build one week; past, touched and already-started days are left as they are. The
    hourly planning builds and writes the same way for many runners at once."""
    job = WeekJob(runner_id=runner.pk, week_start=week_start, today=today)
    return weeks_write(weeks_build([job]))[runner.pk]


def _session_row(
    runner_id: int, day: builder.Day, position: int, planned: builder.Session, ids: dict[str, int]
) -> Session:
    return Session(
        runner_id=runner_id,
        date=day.date,
        position=position,
        kind=SessionKind.STRENGTH if planned.kind == "post_run_strength" else planned.kind,
        post_run=planned.kind == "post_run_strength",
        purpose=planned.purpose or "",
        title=planned.title,
        minutes=planned.minutes,
        activity_id=ids.get(planned.activity) if planned.activity else None,
        is_new_activity=planned.is_new_activity,
        structure=structure_json(planned.structure),
        distance_km=distance_decimal(planned.distance_km),
    )


_EXERCISE_FIELDS = (
    "exercise_id",
    "position",
    "sets",
    "rep_min",
    "rep_max",
    "per_side",
    "duration_min",
    "duration_max",
)


def _exercise_values(
    planned: builder.Session, exercise_ids: dict[str, int]
) -> list[ExerciseValues]:
    """`_exercise_rows` as plain values in `_EXERCISE_FIELDS` order, for `_exercises_insert`."""
    return [
        (
            exercise_ids[item.slug],
            position,
            item.sets,
            item.rep_min,
            item.rep_max,
            item.per_side,
            item.duration_min,
            item.duration_max,
        )
        for position, item in enumerate(planned.exercises)
    ]


def _exercises_insert(rows: list[ExerciseValues]) -> None:
    """Insert (session id, *values) rows in one statement run many times: the chunk's moves
    are most of its rows, and building a model and compiling a value for each of their
    columns was about a quarter of a chunk's time (and of its hold on SQLite's write lock)."""
    if not rows:
        return
    table = SessionExercise._meta.db_table
    columns = ["session_id", *_EXERCISE_FIELDS]
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    placeholders = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES ({placeholders})",
            rows,
        )


def _exercise_rows(
    session: Session, planned: builder.Session, exercise_ids: dict[str, int]
) -> list[SessionExercise]:
    return [
        SessionExercise(
            session=session,
            exercise_id=exercise_ids[item.slug],
            position=position,
            sets=item.sets,
            rep_min=item.rep_min,
            rep_max=item.rep_max,
            per_side=item.per_side,
            duration_min=item.duration_min,
            duration_max=item.duration_max,
        )
        for position, item in enumerate(planned.exercises)
    ]


def _run_minutes(runner: User, week_start: date) -> int:
    runs = Session.objects.filter(
        runner=runner,
        kind=SessionKind.RUN,
        date__range=(week_start, week_start + timedelta(days=6)),
    )
    return sum(runs.values_list("minutes", flat=True))


@transaction.atomic
def week_replan_after_last(*, runner: User, week_start: date, today: date) -> PlanWeek:
    """A week planned before the one before it ended is planned again with how that week
    went: its untouched sessions change, what the runner or a coach touched stays, and a
    note says what changed and why."""
    before = _run_minutes(runner, week_start)
    week = week_generate(runner=runner, week_start=week_start, today=today)
    after = _run_minutes(runner, week_start)
    if after != before:
        why = f" {week.why[0]}" if week.why else ""
        week.notes.append(
            f"Re-planned with last week's running: this week now holds {after} minutes of "
            f"running (it was {before}).{why}"
        )
        week.save(update_fields=["notes"])
    return week


def upcoming_week_starts(today: date) -> list[date]:
    return [monday_of(today), monday_of(today) + timedelta(days=7)]


def weeks_ensure(*, runner: User, today: date) -> int:
    """Generate the current and next week if they were never generated, and plan this week
    again when it was planned before last week ended; how many weeks were (re)planned."""
    starts = upcoming_week_starts(today)
    existing = dict(
        PlanWeek.objects.filter(runner=runner, week_start__in=starts).values_list(
            "week_start", "generated_on"
        )
    )
    missing = [start for start in starts if start not in existing]
    for week_start in missing:
        week_generate(runner=runner, week_start=week_start, today=today)
    this_week = starts[0]
    generated_on = existing.get(this_week)
    if generated_on is not None and generated_on < this_week:
        week_replan_after_last(runner=runner, week_start=this_week, today=today)
        return len(missing) + 1
    return len(missing)


def weeks_regenerate(*, runner: User, today: date) -> None:
    """After a change of commitments, goal or injury: rebuild the untouched days ahead."""
    for week_start in upcoming_week_starts(today):
        week_generate(runner=runner, week_start=week_start, today=today)


CHUNK_ATTEMPTS = 3


def weeks_ensure_for(*, runner_ids: Sequence[int]) -> int:
    """`weeks_ensure` for a chunk of runners, with the same weeks as a runner's own visit
    would plan (both go through `weeks_build` and `weeks_write`), in a number of queries that
    does not grow with the chunk: this week for all who miss it, then next week (built on
    this week's runs), each read at once and built in memory outside the transaction (so that
    workers build side by side while SQLite lets one write at a time), then written in bulk
    in a transaction of its own. How many weeks were planned.

    Two planners may take the same runner: the writer checks which weeks meanwhile appeared
    and leaves those runners out; on PostgreSQL, where the check can race, PlanWeek's unique
    constraint rolls that write back whole and the chunk starts again without them."""
    for attempt in range(CHUNK_ATTEMPTS):
        try:
            return _weeks_ensure_chunk(runner_ids)
        except IntegrityError:
            if attempt == CHUNK_ATTEMPTS - 1:
                raise
    return 0


def _weeks_ensure_chunk(runner_ids: Sequence[int]) -> int:
    todays = {
        profile.user_id: profile.today()
        for profile in RunnerProfile.objects.filter(
            user_id__in=runner_ids, onboarded_at__isnull=False
        ).only("user_id", "time_zone")
    }
    starts = {pk: upcoming_week_starts(today) for pk, today in todays.items()}
    existing = _weeks_of(starts)
    # A week planned before the week before it ended is planned again runner by runner: rare
    # (a runner away from the site since), and its note compares the week before and after.
    replans = [
        pk
        for pk, (this_week, _) in starts.items()
        if (generated_on := existing.get((pk, this_week))) is not None and generated_on < this_week
    ]
    planned = 0
    if replans:
        for runner in User.objects.filter(pk__in=replans):
            planned += weeks_ensure(runner=runner, today=todays[runner.pk])
    for which in (0, 1):
        jobs = [
            WeekJob(runner_id=pk, week_start=weeks[which], today=todays[pk])
            for pk, weeks in starts.items()
            if pk not in replans and (pk, weeks[which]) not in existing
        ]
        if not jobs:
            continue
        built = weeks_build(jobs)
        with transaction.atomic():
            taken = _weeks_of({job.runner_id: [job.week_start] for job in jobs})
            fresh = [
                week for week in built if (week.job.runner_id, week.job.week_start) not in taken
            ]
            planned += len(weeks_write(fresh))
    return planned


def _weeks_of(starts: dict[int, list[date]]) -> dict[tuple[int, date], date | None]:
    """Which of these runners' weeks are planned, and on which day they were."""
    if not starts:
        return {}
    rows = PlanWeek.objects.filter(
        runner_id__in=starts, week_start__in={day for days in starts.values() for day in days}
    ).values_list("runner_id", "week_start", "generated_on")
    return {(pk, week_start): on for pk, week_start, on in rows if week_start in starts[pk]}


def _pause_clear(runner: User, first: date, last: date) -> int:
    """Remove the untouched sessions of these days (a block goes only with its run); what
    the runner or a coach touched stays. How many went."""
    touched_runs = Session.objects.filter(runner=runner).touched()
    removed, _ = (
        Session.objects.untouched()
        .filter(runner=runner, date__range=(first, last))
        .exclude(for_run__in=touched_runs)
        .delete()
    )
    return removed


@transaction.atomic
def plan_pause_add(
    *, runner: User, start: date, end: date, today: date, reason: str = ""
) -> PlanPause:
    """Pause the plan from `start` to `end` (both kept free); the weeks ahead are planned
    again around it, from where the runner is. The form checked the dates."""
    pause = PlanPause.objects.create(runner=runner, start=start, end=end, reason=reason)
    _pause_clear(runner, max(start, today), end)
    weeks_regenerate(runner=runner, today=today)
    return pause


@transaction.atomic
def plan_pause_end(*, pause: PlanPause, today: date) -> PlanPause | None:
    """End a pause today: the plan starts again from today (a pause that had not begun
    goes); the weeks ahead are planned again. The pause as it is kept, or None."""
    if pause.start >= today:
        pause.delete()
        kept = None
    else:
        pause.end = min(pause.end, today - timedelta(days=1))
        pause.save(update_fields=["end"])
        kept = pause
    weeks_regenerate(runner=pause.runner, today=today)
    return kept
