"""The month calendar: every day of the weeks that hold a month (Monday first), each with its
sessions as chips; a run's post-run block is folded into the run's chip."""

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from accounts.models import EARLIEST_DATE, LATEST_DATE, User
from plans.models import RunLog, Session, SessionKind, Status

MONTH = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True)
class Chip:
    """One session on the calendar. `routine`: the status of the post-run routine after a run
    ("" when the run has none)."""

    kind: str
    purpose: str
    title: str
    minutes: int
    status: str
    post_run: bool = False
    routine: str = ""
    extra: bool = False

    @property
    def css(self) -> str:
        return f"chip-{self.purpose or self.kind}"


@dataclass
class CalendarDay:
    date: date
    in_month: bool
    is_today: bool
    chips: list[Chip] = field(default_factory=list)


@dataclass(frozen=True)
class Month:
    first: date
    weeks: list[list[CalendarDay]]

    @property
    def previous(self) -> date | None:
        day = (self.first - timedelta(days=1)).replace(day=1)
        return day if day >= EARLIEST_DATE else None

    @property
    def next(self) -> date | None:
        day = (self.first + timedelta(days=31)).replace(day=1)
        return day if day <= LATEST_DATE else None

    @property
    def days(self) -> list[CalendarDay]:
        """The month's own days, for the list a phone shows."""
        return [day for week in self.weeks for day in week if day.in_month]


def month_from(asked: str | None) -> date | None:
    """The first of the month a `YYYY-MM` parameter names, within the dates the product
    knows; None when it names none."""
    match = MONTH.fullmatch(asked or "")
    if match is None:
        return None
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12 or not EARLIEST_DATE.year <= year <= LATEST_DATE.year:
        return None
    return date(year, month, 1)


def _grid(first: date) -> tuple[date, date]:
    """The Monday on or before the 1st and the Sunday on or after the month's last day."""
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first - timedelta(days=first.weekday()), last + timedelta(days=6 - last.weekday())


def _chips(sessions: list[Session]) -> list[Chip]:
    """One day's sessions in order, each run's block folded into the run's chip."""
    run_ids = {session.pk for session in sessions if session.kind == SessionKind.RUN}
    routines = {
        s.for_run_id: s.status for s in sessions if s.for_run_id in run_ids and s.for_run_id
    }
    chips = []
    for session in sessions:
        if session.for_run_id in run_ids:
            continue
        routine = routines.get(session.pk, "")
        if session.routine_done_at is not None:
            routine = Status.DONE
        chips.append(
            Chip(
                kind=session.kind,
                purpose=session.purpose,
                title=session.title,
                minutes=session.minutes,
                status=session.status,
                post_run=session.post_run,
                routine=routine,
                extra=session.runner_added,
            )
        )
    return chips


def month_view(runner: User, first: date, today: date) -> Month:
    """The weeks that hold the month of `first`, in two queries whatever the sessions."""
    start, end = _grid(first)
    by_date: dict[date, list[Session]] = {}
    sessions = (
        Session.objects.filter(runner=runner, date__range=(start, end))
        .only(
            "date", "position", "kind", "purpose", "title", "minutes", "status", "post_run",
            "for_run_id", "routine_done_at", "source",
        )
        .order_by("date", "position")
    )  # fmt: skip
    for session in sessions:
        by_date.setdefault(session.date, []).append(session)
    loose = RunLog.objects.filter(runner=runner, session__isnull=True, date__range=(start, end))
    logged: dict[date, list[Chip]] = {}
    for log in loose.only("date", "duration_seconds"):
        chip = Chip(
            kind=SessionKind.RUN,
            purpose="",
            title="Run logged",
            minutes=log.duration_seconds // 60,
            status=Status.DONE,
            extra=True,
        )
        logged.setdefault(log.date, []).append(chip)
    days = [
        CalendarDay(
            date=day,
            in_month=day.month == first.month,
            is_today=day == today,
            chips=_chips(by_date.get(day, [])) + logged.get(day, []),
        )
        for day in (start + timedelta(days=n) for n in range((end - start).days + 1))
    ]
    return Month(first=first, weeks=[days[n : n + 7] for n in range(0, len(days), 7)])
