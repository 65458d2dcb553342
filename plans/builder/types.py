"""The builder's input and output: frozen dataclasses, no Django."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from plans.builder.paces import PaceZones
from plans.builder.vocabulary import PLACES
from plans.builder.workouts import Step


@dataclass(frozen=True)
class LibraryEntry:
    slug: str
    name: str
    kind: str
    muscles: frozenset[str] = frozenset()
    equipment: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    impact: str = "low"
    plyometric: bool = False
    running_sport: bool = False
    suits: frozenset[str] = frozenset()
    avoids: frozenset[str] = frozenset()
    rep_min: int | None = None
    rep_max: int | None = None
    duration_min: int | None = None
    duration_max: int | None = None
    per_side: bool = False
    default_sets: int = 3
    leg_heavy: bool = False
    family: str = ""  # variations of one move share it: never two of them in one session

    @property
    def family_key(self) -> str:
        return self.family or self.slug

    @property
    def is_progression(self) -> bool:
        """A harder variation: a move of a family other than its easiest one."""
        return self.family_key != self.slug


@dataclass(frozen=True)
class Commitment:
    available: bool
    minutes: int


@dataclass(frozen=True)
class WeekTarget:
    """What the season asks of one week's running (see `plans.builder.season`)."""

    run_minutes: int  # the most minutes of running the week may hold
    longest_run: int  # no single run longer than this
    lighter: bool = False
    why: tuple[str, ...] = ()


@dataclass(frozen=True)
class RunnerInput:
    runner_type: str
    week_start: date
    days: tuple[Commitment, ...]
    long_run_day: int = 6
    race_date: date | None = None
    injury: str | None = None
    injury_cleared_on: date | None = None
    injury_days: int | None = None  # how long the cleared injury lasted; None when unknown
    injury_was_nothing: bool = False  # cleared as "it was nothing": no return to ease into
    likes: frozenset[str] = frozenset()
    equipment: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset(PLACES)
    allow_plyometrics: bool = False
    recent_activities: frozenset[str] = frozenset()
    # The first day planned (0 = Monday): a runner who joins mid-week gets the days left, and
    # the notes speak of those days only.
    first_day: int = 0
    race_km: float | None = None  # the race's distance; None: unknown (a half's taper)
    target: WeekTarget | None = None  # None: the week as the runner type and phase give it
    paused: tuple[tuple[date, date], ...] = ()  # the plan rests on these days (first, last)
    hard_day_before: bool = False  # a hard run on the Sunday before: none on Monday then
    # From the runner's best effort (plans.paces); None: no baseline, runs go by effort.
    paces: PaceZones | None = None


@dataclass(frozen=True)
class Prescription:
    slug: str
    name: str
    sets: int
    rep_min: int | None
    rep_max: int | None
    per_side: bool
    duration_min: int | None
    duration_max: int | None


@dataclass(frozen=True)
class Session:
    kind: str
    minutes: int
    title: str
    purpose: str | None = None
    activity: str | None = None
    exercises: tuple[Prescription, ...] = ()
    is_new_activity: bool = False
    structure: tuple[Step, ...] = ()  # a run's steps (plans.builder.workouts)
    distance_km: float | None = None  # a run's estimated distance; None without paces


@dataclass(frozen=True)
class Day:
    date: date
    sessions: tuple[Session, ...] = ()

    @property
    def is_rest(self) -> bool:
        return not self.sessions

    @property
    def minutes(self) -> int:
        return sum(session.minutes for session in self.sessions)


@dataclass(frozen=True)
class Week:
    week_start: date
    phase: str
    days: tuple[Day, ...]
    notes: tuple[str, ...] = ()
