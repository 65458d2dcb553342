"""Reads for the calendar feeds: which feed a token opens, and the events it holds."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.urls import reverse

from accounts.models import Coaching, Commitment, Goal, GoalKind, RunnerProfile, User
from exercises.models import dose_text
from feeds import steps
from feeds.models import CalendarFeed
from feeds.tokens import digest_of
from plans.models import RunPurpose, Session, SessionExercise, SessionKind, Source, Status

DAYS_BACK, DAYS_AHEAD = 14, 56  # two weeks back, eight weeks ahead
KEY_PURPOSES = (RunPurpose.LONG, RunPurpose.SPEED, RunPurpose.HILL)
TOKEN_LENGTHS = range(20, 101)
STATUS_WORDS = {Status.DONE: "Done", Status.SKIPPED: "Skipped", Status.PLANNED: "Planned"}


@dataclass(frozen=True)
class FeedEvent:
    uid: str
    sequence: int
    stamp: datetime
    summary: str
    description: str
    day: date
    start: datetime | None  # None: an all-day event on `day`
    minutes: int


def feed_by_token(token: str) -> CalendarFeed | None:
    """The feed this token opens, with its owner and their profile; None for any other text."""
    if len(token) not in TOKEN_LENGTHS:
        return None
    return (
        CalendarFeed.objects.select_related("owner__runner_profile")
        .filter(digest=digest_of(token))
        .first()
    )


def feed_of(owner: User, kind: str) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(owner=owner, kind=kind).first()


def feed_window(today: date) -> tuple[date, date]:
    return today - timedelta(days=DAYS_BACK), today + timedelta(days=DAYS_AHEAD)


def profile_of(user: User) -> RunnerProfile:
    """The user's profile, or the one a new profile starts with (UTC, no run times)."""
    return getattr(user, "runner_profile", None) or RunnerProfile(user=user)


def _usual_times(profile_ids: Iterable[int]) -> dict[tuple[int, int], time]:
    """(profile id, weekday) → the usual run time, where the runner gave one."""
    rows = Commitment.objects.filter(
        profile_id__in=list(profile_ids), usual_run_time__isnull=False
    ).values_list("profile_id", "weekday", "usual_run_time")
    return {
        (profile_id, weekday): moment
        for profile_id, weekday, moment in rows
        if moment is not None  # filtered above; the row's type does not know it
    }


def _planned_sessions(runner_ids: Sequence[int], window: tuple[date, date]) -> list[Session]:
    """The planned sessions on these days: a run the runner added is not part of the plan."""
    return list(
        Session.objects.filter(runner_id__in=runner_ids, date__range=window)
        .exclude(source=Source.RUNNER)
        .order_by("runner_id", "date", "position")
    )


def _exercise_lines(session_ids: Iterable[int]) -> dict[int, list[str]]:
    """Session id → "- Calf raise: 2 × 12–15 reps" lines, in order; rows, not models, since a
    feed holds hundreds of them and needs only their words."""
    rows = (
        SessionExercise.objects.filter(session_id__in=list(session_ids))
        .order_by("session_id", "position")
        .values_list(
            "session_id", "exercise__name", "exercise__kind", "sets", "rep_min", "rep_max",
            "per_side", "duration_min", "duration_max",
        )
    )  # fmt: skip
    lines: dict[int, list[str]] = defaultdict(list)
    for session_id, name, kind, sets, rep_min, rep_max, per_side, low, high in rows:
        amount = dose_text(
            kind=kind, rep_min=rep_min, rep_max=rep_max, per_side=per_side,
            duration_min=low, duration_max=high,
        )  # fmt: skip
        lines[session_id].append(f"- {name}: {sets} × {amount}")
    return lines


@dataclass(frozen=True)
class _Context:
    domain: str
    site_url: str
    unit: str
    zone: ZoneInfo
    usual: time | None
    who: str  # "" in the runner's own feed, their name in their coach's
    exercises: dict[int, list[str]]
    # (runner id, Monday) → the week page's path; one reverse() a week, not one an event.
    week_paths: dict[tuple[int, date], str] = field(default_factory=dict)


def runner_events(
    *, runner: User, profile: RunnerProfile, today: date, domain: str, site_url: str
) -> list[FeedEvent]:
    """The runner's planned sessions from two weeks back to eight weeks ahead, each at the
    usual run time of its weekday (one after another on a day with several)."""
    window = feed_window(today)
    usual = _usual_times([profile.pk]) if profile.pk else {}
    sessions = _planned_sessions([runner.pk], window)
    exercises = _exercise_lines(session.pk for session in sessions)
    paths: dict[tuple[int, date], str] = {}
    events: list[FeedEvent] = []
    for day, day_sessions in _by_day(sessions).items():
        context = _Context(
            domain, site_url, profile.distance_unit, profile.zone,
            usual.get((profile.pk, day.weekday())), who="", exercises=exercises,
            week_paths=paths,
        )  # fmt: skip
        events.extend(_day_events(day, day_sessions, context))
    return events


def squad_events(*, coach: User, today: date, domain: str, site_url: str) -> list[FeedEvent]:
    """The coach's current athletes' long, speed and hill runs and their races, in the same
    window around the coach's today, each at its athlete's usual run time."""
    window = feed_window(today)
    athletes = [
        coaching.athlete
        for coaching in Coaching.objects.current()
        .filter(coach=coach)
        .select_related("athlete__runner_profile")
    ]
    profiles = {athlete.pk: profile_of(athlete) for athlete in athletes}
    names = {athlete.pk: str(athlete) for athlete in athletes}
    usual = _usual_times(profile.pk for profile in profiles.values() if profile.pk)
    runs = [
        session
        for session in _planned_sessions(list(profiles), window)
        if session.kind == SessionKind.RUN and session.purpose in KEY_PURPOSES
    ]
    paths: dict[tuple[int, date], str] = {}
    events: list[FeedEvent] = []
    for (runner_id, day), day_runs in _by_runner_day(runs).items():
        profile = profiles[runner_id]
        context = _Context(
            domain, site_url, profile.distance_unit, profile.zone,
            usual.get((profile.pk, day.weekday())), who=names[runner_id], exercises={},
            week_paths=paths,
        )  # fmt: skip
        events.extend(_day_events(day, day_runs, context))
    events.extend(_race_events(profiles, names, window, domain))
    return events


def _by_day(sessions: Iterable[Session]) -> dict[date, list[Session]]:
    days: dict[date, list[Session]] = defaultdict(list)
    for session in sessions:
        days[session.date].append(session)
    return days


def _by_runner_day(sessions: Iterable[Session]) -> dict[tuple[int, date], list[Session]]:
    days: dict[tuple[int, date], list[Session]] = defaultdict(list)
    for session in sessions:
        days[(session.runner_id, session.date)].append(session)
    return days


def _day_events(day: date, sessions: list[Session], context: _Context) -> list[FeedEvent]:
    """One event a session; a run's post-run block on the same day is part of the run's
    event, since the runner does it straight after. Sessions follow one another from the
    usual run time."""
    ids = {session.pk for session in sessions}
    blocks = {s.for_run_id: s for s in sessions if s.for_run_id in ids}
    start = datetime.combine(day, context.usual, context.zone) if context.usual else None
    events = []
    for session in sessions:
        if session.for_run_id in ids:
            continue
        event = _event(session, blocks.get(session.pk), start, context)
        events.append(event)
        if start is not None:
            start += timedelta(minutes=event.minutes)
    return events


def _event(
    session: Session, block: Session | None, start: datetime | None, context: _Context
) -> FeedEvent:
    parts = [session, block] if block else [session]
    minutes = sum(part.minutes for part in parts)
    return FeedEvent(
        uid=f"session-{session.pk}@{context.domain}",
        sequence=sum(part.revision for part in parts),
        stamp=max(part.changed_at for part in parts),
        summary=_summary(session, block, context.who),
        description=_description(session, block, context),
        day=session.date,
        start=start,
        minutes=minutes,
    )


def _summary(session: Session, block: Session | None, who: str) -> str:
    title = f"{session.title}, {session.minutes} min"
    if block:
        title += " + strength"
    if session.status != Status.PLANNED:
        title = f"{STATUS_WORDS[Status(session.status)]}: {title}"
    return f"{who}: {title}" if who else title


def _description(session: Session, block: Session | None, context: _Context) -> str:
    lines = [_status_line(session)]
    if session.is_run:
        if session.distance_km is not None:
            lines.append(_distance_line(session, context.unit))
        lines += ["", "Steps:"]
        lines += [
            f"- {line}" for line in steps.step_lines(steps.step_groups(session), context.unit)
        ]
    lines += context.exercises.get(session.pk, [])
    if block:
        lines += ["", f"{block.title} ({block.minutes} min), straight after the run:"]
        lines += [_status_line(block)]
        lines += context.exercises.get(block.pk, [])
    if session.coach_note:
        lines += ["", f"Note from the coach: {session.coach_note}"]
    lines += ["", f"The week: {context.site_url}{_week_path(session, context)}"]
    return "\n".join(lines)


def _week_path(session: Session, context: _Context) -> str:
    week = session.date - timedelta(days=session.date.weekday())
    key = (session.runner_id, week)
    if key not in context.week_paths:
        context.week_paths[key] = (
            reverse("plans:athlete_week_of", args=[session.runner_id, week])
            if context.who
            else reverse("plans:week_of", args=[week])
        )
    return context.week_paths[key]


def _status_line(session: Session) -> str:
    line = f"{STATUS_WORDS[Status(session.status)]} · {session.minutes} min"
    return f"{line} · {session.status_note}" if session.status_note else line


def _distance_line(session: Session, unit: str) -> str:
    km = float(session.distance_km or 0)
    value = km / steps.KM_PER_MILE if unit == "mi" else km
    return f"About {value:.1f} {unit}"


def _race_events(
    profiles: dict[int, RunnerProfile],
    names: dict[int, str],
    window: tuple[date, date],
    domain: str,
) -> list[FeedEvent]:
    """Each athlete's races in the window, all day. The race day is part of the UID, so a
    race moved to another day is a new event and the old one leaves the feed."""
    by_profile = {profile.pk: names[profile.user_id] for profile in profiles.values() if profile.pk}
    goals = Goal.objects.filter(
        profile_id__in=list(by_profile), kind=GoalKind.RACE, race_date__range=window
    )
    return [
        FeedEvent(
            uid=f"race-{goal.pk}-{goal.race_date:%Y%m%d}@{domain}",
            sequence=0,
            stamp=datetime.combine(goal.race_date, time(), ZoneInfo("UTC")),
            summary=f"{by_profile[goal.profile_id]}: {goal.distance_label} race",
            description=f"{by_profile[goal.profile_id]} races {goal.distance_label}.",
            day=goal.race_date,
            start=None,
            minutes=0,
        )
        for goal in goals
        if goal.race_date is not None
    ]
