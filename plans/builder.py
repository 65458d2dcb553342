"""The weekly plan builder: a runner's snapshot and library entries in, one week out.

Pure Python: no Django, no clock, no randomness. Every tie is broken by an explicit order
(day index, then library slug), so the same inputs always give the same week.

Rules this module decides:
- Buffer: each day keeps at least 10 % of its minutes (and at least 5) free; what is left is
  rounded down to 5 minutes. Sessions never use more than that budget.
- Shortest useful sessions: a run is at least 20 minutes and always carries its 10-20 minute
  strength block, so a run day needs a 30-minute budget; a long run is at least 40 minutes;
  a cross-training activity is at least 20 minutes; a longer strength session 30-45 minutes.
- Mix: runs are placed first, on the days with room, spread apart, the long run on the
  preferred day (or, when that day is too short, on the roomiest day, with a note). One day is
  always left empty, so at most six days hold sessions. Cross-training days come from what is
  left. In-season a runner gets the most runs of their mix and the fewest cross-training days;
  off-season the fewest runs and the most cross-training days (race week and the second
  fortnight back from injury also take the fewest runs). When days run short the week holds
  fewer sessions and a note says so.
- Purposes: one long run (from two runs up, not in race week), then by phase: off-season none,
  base a hill run, build and peak a speed and a hill run (peak has the longest long run),
  taper one speed run, race week easy runs only. A week of three or more runs keeps at least
  one easy run.
- Post-run block after every run: 3-5 running-muscle strength moves of at most two sets,
  10-20 minutes estimated from sets x (reps x 3 s or the hold, both sides when per side) plus
  30 s rest per set.
- Two longer strength sessions (none in race week), mixing runner-specific moves with general
  ones (back, core, shoulders); they take the first and third cross-training days (an activity
  takes the second), then, outside the taper, any day with 30 spare minutes after its other
  sessions (an easy or hill run may be shortened, never below 20 minutes, to make room). A
  session holds up to 8 moves and is timed as a 5-minute warm-up, then its sets with 60 s of
  rest each (30-45 minutes).
- Leg-heavy moves and activities (downhill skiing) never sit on the day before a long or speed
  run (within the week), nor leg-heavy moves in a longer strength session the day after or
  before another one that has them.
- New activities (not in recent_activities) start small: a new cross-training activity lasts at
  most 20 minutes, a new strength move gets one set fewer. A harder variation (any move of a
  family but its easiest) waits until the runner has done a move of that family lately. The
  taper and race week take one set off every move and hold fewer moves (3 per block, 4 per
  session): strength only goes down.
- Injury mode (an injury not yet cleared by week_start): no runs; each run becomes low- or
  no-impact cross-training that suits the injured area and does not strain it (so does every
  other cross-training session); strength skips moves that strain it.
- Return to running (from injury_cleared_on): the first two weeks hold at most two easy runs
  of up to 30 minutes; weeks three and four no speed or hill work, at most the fewest runs of
  the mix and a long run of up to 60 minutes.
- Plyometrics only when a coach allowed them; then one jump leads each post-run block that
  may hold leg-heavy work.
- Never: running-focused sports, equipment or places the runner lacks. Equipment and places on
  an entry are alternatives (any one will do; empty or "none" needs nothing; everyone has a
  home). A gym brings its machines, weights, balls, mats and bands; a pool its kickboards.
  Liked activities come first, then the lowest impact.
- Race week: the day before the race, the race day and the days after it stay free.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

# Mirrors of exercises.vocabulary (a test keeps them equal).
KINDS = ("strength", "cross_training", "yoga", "mobility")
MUSCLES = (
    "calves",
    "quads",
    "hamstrings",
    "glutes",
    "inner_thighs",
    "core",
    "back",
    "shoulders",
    "full_body",
)
EQUIPMENT = (
    "none",
    "stability_ball",
    "dumbbells",
    "barbell",
    "leg_press_machine",
    "resistance_band",
    "kickboard",
    "rowing_machine",
    "bike",
    "elliptical",
    "skis",
    "skates",
    "mat",
)
PLACES = ("home", "gym", "pool", "outdoors")
IMPACTS = ("none", "low", "high")
INJURY_AREAS = ("knee", "achilles", "shin", "hip", "back", "ankle")
ACTIVITIES = (
    "swimming",
    "deep-water-running",
    "rowing",
    "cycling",
    "elliptical",
    "cross-country-skiing",
    "downhill-skiing",
    "yoga",
    "ice-skating",
    "speed-walking",
    "tennis",
    "pilates",
    "barre",
)

RUNNER_TYPES = ("recreational", "competitive")
DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# (fewest, most) runs and cross-training days a week.
MIX = {
    "recreational": ((3, 4), (2, 3)),
    "competitive": ((4, 6), (1, 2)),
}
RUNNING_MUSCLES = frozenset({"calves", "quads", "hamstrings", "glutes", "inner_thighs", "core"})
GENERAL_MUSCLES = frozenset({"back", "core", "shoulders", "full_body"})
PLACE_EQUIPMENT = {
    "gym": frozenset(
        {
            "dumbbells",
            "barbell",
            "leg_press_machine",
            "rowing_machine",
            "bike",
            "elliptical",
            "stability_ball",
            "mat",
            "resistance_band",
        }
    ),
    "pool": frozenset({"kickboard"}),
}
IMPACT_RANK = {"none": 0, "low": 1, "high": 2}

BUFFER_SHARE = 0.10
BUFFER_MIN = 5
MAX_TRAINING_DAYS = 6
MIN_RUN = 20
MIN_LONG_RUN = 40
MIN_ACTIVITY = 20
NEW_ACTIVITY_MAX = 20
BLOCK_MIN, BLOCK_MAX = 10, 20
SESSION_MIN, SESSION_MAX = 30, 45
RUN_DAY_MIN = MIN_RUN + BLOCK_MIN
LONG_DAY_MIN = MIN_LONG_RUN + BLOCK_MIN
STRENGTH_SESSIONS = 2
SECONDS_PER_REP = 3
REST_SECONDS = 30  # between sets of the quick circuit after a run
SESSION_REST_SECONDS = 60  # the longer sessions work harder and rest longer
WARM_UP_MINUTES = 5
BLOCK_SETS = 2
BLOCK_MOVES = (3, 5)
TAPER_BLOCK_MOVES = 3
SESSION_MOVES = 8
TAPER_SESSION_MOVES = 4
UNTIMED_WORK_SECONDS = 40
RETURN_EASY_DAYS = 14
RETURN_STEADY_DAYS = 28
RETURN_EASY_RUN_MAX = 30
RETURN_LONG_RUN_MAX = 60

QUALITY_BY_PHASE = {
    "off_season": (),
    "base": ("hill",),
    "build": ("speed", "hill"),
    "peak": ("speed", "hill"),
    "taper": ("speed",),
    "race_week": (),
}
# Minutes of running by purpose; the long run grows with the phase.
RUN_MINUTES = {
    "recreational": {"easy": 30, "speed": 35, "hill": 35},
    "competitive": {"easy": 40, "speed": 45, "hill": 45},
}
LONG_RUN_MINUTES = {
    "recreational": {"off_season": 50, "base": 60, "build": 75, "peak": 90, "taper": 60},
    "competitive": {"off_season": 60, "base": 75, "build": 90, "peak": 105, "taper": 75},
}
TAPER_RUN_SHARE = 0.75
RACE_WEEK_RUN_MAX = 25
ACTIVITY_MINUTES = {"in_season": 30, "off_season": 45}
RUN_TITLES = {"easy": "Easy run", "long": "Long run", "speed": "Speed run", "hill": "Hill run"}
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven")


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
class RunnerInput:
    runner_type: str
    week_start: date
    days: tuple[Commitment, ...]
    long_run_day: int = 6
    race_date: date | None = None
    injury: str | None = None
    injury_cleared_on: date | None = None
    likes: frozenset[str] = frozenset()
    equipment: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset(PLACES)
    allow_plyometrics: bool = False
    recent_activities: frozenset[str] = frozenset()


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


def phase_for(week_start: date, race_date: date | None) -> str:
    """The season phase of the week starting on week_start, counted back from the race."""
    if race_date is None or race_date < week_start:
        return "off_season"
    days_to_race = (race_date - week_start).days
    if days_to_race < 7:
        return "race_week"
    if days_to_race < 21:
        return "taper"
    if days_to_race < 42:
        return "peak"
    if days_to_race < 84:
        return "build"
    return "base"


def day_budget(minutes: int) -> int:
    """The minutes a plan may use on a day, keeping the buffer free."""
    if minutes <= 0:
        return 0
    spare = max(BUFFER_MIN, math.ceil(minutes * BUFFER_SHARE))
    return max(0, (minutes - spare) // 5 * 5)


def runner_equipment(runner: RunnerInput) -> frozenset[str]:
    """What the runner can use: their own kit, what their places bring, and bare hands."""
    kit = set(runner.equipment) | {"none"}
    for place in runner.places:
        kit |= PLACE_EQUIPMENT.get(place, frozenset())
    return frozenset(kit)


def can_use(entry: LibraryEntry, runner: RunnerInput) -> bool:
    """Whether the runner has what the entry needs and may be prescribed it at all."""
    needs_nothing = not entry.equipment or "none" in entry.equipment
    has_kit = needs_nothing or bool(entry.equipment & runner_equipment(runner))
    has_place = not entry.places or bool(entry.places & (runner.places | {"home"}))
    allowed = not entry.running_sport and (runner.allow_plyometrics or not entry.plyometric)
    return has_kit and has_place and allowed


def portable(entry: LibraryEntry, runner: RunnerInput) -> bool:
    """Doable straight after a run wherever it ended: bare hands or the runner's own kit,
    never a gym machine or a barbell."""
    needs_nothing = not entry.equipment or "none" in entry.equipment
    return needs_nothing or bool(entry.equipment & runner.equipment)


def strength_sets(entry: LibraryEntry, *, is_new: bool, tapering: bool, block: bool) -> int:
    """Sets for a move: one fewer when new, one fewer in the taper, at most two after a run."""
    sets = min(BLOCK_SETS, entry.default_sets) if block else entry.default_sets
    return max(1, sets - int(is_new) - int(tapering))


def estimated_seconds(entry: LibraryEntry, sets: int, *, block: bool) -> int:
    if entry.rep_max:
        work = entry.rep_max * SECONDS_PER_REP
    elif entry.duration_max:
        work = entry.duration_max
    else:
        work = UNTIMED_WORK_SECONDS
    if entry.per_side:
        work *= 2
    return sets * (work + (REST_SECONDS if block else SESSION_REST_SECONDS))


def _block_minutes(seconds: int) -> int:
    return max(BLOCK_MIN, math.ceil(seconds / 60))


def _session_minutes(seconds: int) -> int:
    """What a longer session takes, warm-up included; never under the half hour it was given."""
    return max(SESSION_MIN, WARM_UP_MINUTES + math.ceil(seconds / 60))


def build_week(runner: RunnerInput, library: Sequence[LibraryEntry]) -> Week:
    """Plan the week starting on runner.week_start."""
    _validate(runner)
    return _Planner(runner, library).week()


def _validate(runner: RunnerInput) -> None:
    problems = []
    if runner.runner_type not in RUNNER_TYPES:
        problems.append(f"Runner type must be one of {', '.join(RUNNER_TYPES)}.")
    if runner.week_start.weekday() != 0:
        problems.append("The week must start on a Monday.")
    if len(runner.days) != 7:
        problems.append("Give exactly seven days, Monday to Sunday.")
    elif any(not 0 <= day.minutes <= 24 * 60 for day in runner.days):
        problems.append("Minutes a day must be between 0 and 1440.")
    if not 0 <= runner.long_run_day <= 6:
        problems.append("The long-run day must be a weekday from 0 (Monday) to 6 (Sunday).")
    if runner.injury is not None and runner.injury not in INJURY_AREAS:
        problems.append(f"Injury must be one of {', '.join(INJURY_AREAS)}.")
    _check_words(problems, "liked activity", runner.likes, ACTIVITIES)
    _check_words(problems, "equipment", runner.equipment, EQUIPMENT)
    _check_words(problems, "place", runner.places, PLACES)
    if problems:
        raise ValueError(" ".join(problems))


def _check_words(
    problems: list[str], label: str, given: Iterable[str], known: tuple[str, ...]
) -> None:
    unknown = sorted(set(given) - set(known))
    if unknown:
        problems.append(f"Unknown {label}: {', '.join(unknown)}.")


@dataclass
class _DraftDay:
    index: int
    budget: int
    sessions: list[Session] = field(default_factory=list)

    @property
    def spare(self) -> int:
        return self.budget - sum(session.minutes for session in self.sessions)


class _Planner:
    def __init__(self, runner: RunnerInput, library: Sequence[LibraryEntry]) -> None:
        self.runner = runner
        self.library = sorted(library, key=lambda entry: entry.slug)
        self.by_slug = {entry.slug: entry for entry in self.library}
        self.phase = phase_for(runner.week_start, runner.race_date)
        self.tapering = self.phase in ("taper", "race_week")
        self.injured = runner.injury is not None and (
            runner.injury_cleared_on is None or runner.injury_cleared_on > runner.week_start
        )
        self.return_stage = self._return_stage()
        self.notes: list[str] = []
        self.drafts = [
            _DraftDay(i, day_budget(c.minutes) if c.available else 0)
            for i, c in enumerate(runner.days)
        ]
        self._keep_race_eve_free()
        self.purposes: dict[int, str] = {}
        self.lead_notes = 0
        self.practised_families = {
            entry.family_key for entry in self.library if entry.slug in runner.recent_activities
        }

    def _return_stage(self) -> int:
        cleared = self.runner.injury_cleared_on
        if self.injured or cleared is None:
            return 0
        days_back = (self.runner.week_start - cleared).days
        if days_back < RETURN_EASY_DAYS:
            return 1
        return 2 if days_back < RETURN_STEADY_DAYS else 0

    def _keep_race_eve_free(self) -> None:
        if self.phase != "race_week":
            return
        race_index = (self.runner.race_date - self.runner.week_start).days
        for draft in self.drafts[max(0, race_index - 1) :]:
            draft.budget = 0

    # The shape of the week: which days run, which cross-train, which rest.

    def week(self) -> Week:
        self._phase_note()
        if self.return_stage:
            self._return_note()
        self.lead_notes = len(self.notes)
        usable = [d.index for d in self.drafts if d.budget >= MIN_ACTIVITY]
        run_capable = [i for i in usable if self.drafts[i].budget >= RUN_DAY_MIN]
        runs, cross = self._counts(len(usable), len(run_capable))
        long_day = self._long_run_day(run_capable) if runs >= 2 else None
        if len(usable) == 7:
            rest = ((long_day if long_day is not None else self.runner.long_run_day) + 1) % 7
            usable.remove(rest)
            if rest in run_capable:
                run_capable.remove(rest)
        run_days = self._spread(run_capable, runs, [long_day] if long_day is not None else [])
        self._assign_purposes(run_days, long_day)
        cross_days = sorted(
            (i for i in usable if i not in run_days),
            key=lambda i: (-self.drafts[i].budget, i),
        )[:cross]
        if self.injured:
            self._fill_injured(run_days, cross_days)
        else:
            for index in sorted(run_days, key=self._run_order):
                self._fill_run_day(index)
            self._fill_cross_days(cross_days)
        self._mix_note(len(usable))
        return Week(
            week_start=self.runner.week_start,
            phase=self.phase,
            days=tuple(
                Day(
                    date=self.runner.week_start + timedelta(days=d.index),
                    sessions=tuple(d.sessions),
                )
                for d in self.drafts
            ),
            notes=tuple(self.notes),
        )

    def _counts(self, usable: int, run_capable: int) -> tuple[int, int]:
        (fewest_runs, most_runs), (fewest_cross, most_cross) = MIX[self.runner.runner_type]
        training_days = min(usable, MAX_TRAINING_DAYS)
        light = self.phase in ("off_season", "race_week") or self.return_stage == 2
        wanted = fewest_runs if light else most_runs
        if self.return_stage == 1:
            wanted = 2
        runs = max(min(wanted, training_days - fewest_cross), min(fewest_runs, training_days))
        runs = min(runs, wanted, run_capable)
        more_cross = self.phase == "off_season" or self.return_stage or self.injured
        cross = min(most_cross if more_cross else fewest_cross, training_days - runs)
        return runs, cross

    def _long_run_day(self, run_capable: list[int]) -> int | None:
        if self.phase == "race_week" or self.return_stage == 1:
            return None
        preferred = self.runner.long_run_day
        roomy = [i for i in run_capable if self.drafts[i].budget >= LONG_DAY_MIN]
        if preferred in roomy:
            return preferred
        if not roomy:
            if not self.injured:
                self.notes.append(
                    "No day has room for a long run this week, so every run is short."
                )
            return None
        chosen = min(roomy, key=lambda i: (-self.drafts[i].budget, abs(i - preferred), i))
        if not self.injured:
            why = "too short" if self.runner.days[preferred].available else "not free"
            self.notes.append(
                f"{DAY_NAMES[preferred]} is {why} for your long run this week, "
                f"so it moves to {DAY_NAMES[chosen]}."
            )
        return chosen

    def _spread(self, candidates: list[int], count: int, chosen: list[int]) -> list[int]:
        """Pick days far from those already chosen; ties go to the roomier, then earlier day."""
        chosen = list(chosen)
        while len(chosen) < count:
            left = [i for i in candidates if i not in chosen]
            if not left:
                break
            chosen.append(
                min(
                    left,
                    key=lambda i: (
                        -min((abs(i - c) for c in chosen), default=7),
                        -sum(abs(i - c) for c in chosen),
                        -self.drafts[i].budget,
                        i,
                    ),
                )
            )
        return sorted(chosen)

    def _assign_purposes(self, run_days: list[int], long_day: int | None) -> None:
        for index in run_days:
            self.purposes[index] = "easy"
        if long_day is not None:
            self.purposes[long_day] = "long"
        quality = QUALITY_BY_PHASE[self.phase]
        if self.return_stage == 1:
            quality = ()
        elif self.return_stage == 2:
            quality = tuple(p for p in quality if p not in ("speed", "hill"))
        room = max(0, len(run_days) - 2) if len(run_days) >= 3 else 0
        placed = [long_day] if long_day is not None else []
        for purpose in quality[:room]:
            free = [i for i in run_days if i not in placed]
            picked = self._spread(free, len(placed) + 1, placed)
            new = [i for i in picked if i not in placed]
            if not new:
                break
            self.purposes[new[0]] = purpose
            placed.append(new[0])

    def _run_order(self, index: int) -> tuple[int, int]:
        # The long run is sized first so that no other run outgrows it.
        return (self.purposes[index] != "long", index)

    # Runs and their strength blocks.

    def _fill_run_day(self, index: int) -> None:
        draft = self.drafts[index]
        purpose = self.purposes[index]
        shortest = MIN_LONG_RUN if purpose == "long" else MIN_RUN
        block = self._post_run_block(index, min(BLOCK_MAX, draft.budget - shortest))
        run_minutes = min(self._run_target(purpose), draft.budget - block.minutes)
        if not block.exercises:
            note = "No strength move fits what you have, so runs that need one are left out."
            if note not in self.notes:
                self.notes.append(note)
            return
        if purpose != "long" and "long" in self.purposes.values():
            run_minutes = min(run_minutes, self._long_minutes())
        run_minutes = max(shortest, run_minutes // 5 * 5)
        draft.sessions += [
            Session(kind="run", minutes=run_minutes, title=RUN_TITLES[purpose], purpose=purpose),
            block,
        ]

    def _long_minutes(self) -> int:
        for index, purpose in self.purposes.items():
            if purpose == "long" and self.drafts[index].sessions:
                return self.drafts[index].sessions[0].minutes
        return self._run_target("long")

    def _run_target(self, purpose: str) -> int:
        kind = self.runner.runner_type
        if purpose == "long":
            target = LONG_RUN_MINUTES[kind].get(self.phase, LONG_RUN_MINUTES[kind]["base"])
        else:
            target = RUN_MINUTES[kind][purpose]
        if self.phase == "taper":
            target = int(target * TAPER_RUN_SHARE)
        elif self.phase == "race_week":
            target = min(target, RACE_WEEK_RUN_MAX)
        if self.return_stage == 1:
            target = min(target, RETURN_EASY_RUN_MAX)
        elif self.return_stage == 2 and purpose == "long":
            target = min(target, RETURN_LONG_RUN_MAX)
        return max(MIN_LONG_RUN if purpose == "long" else MIN_RUN, target // 5 * 5)

    def _hard_tomorrow(self, index: int) -> bool:
        return self.purposes.get(index + 1) in ("long", "speed") and not self.injured

    def _heavy_legs_next_door(self, index: int) -> bool:
        """A longer strength session with leg-heavy moves the day before or after: the legs
        get 48 hours, so this day's session works the back, core and shoulders instead."""
        return any(
            session.kind == "strength"
            and any(self.by_slug[p.slug].leg_heavy for p in session.exercises)
            for neighbour in (index - 1, index + 1)
            if 0 <= neighbour < len(self.drafts)
            for session in self.drafts[neighbour].sessions
        )

    def _strength_moves(self, index: int) -> list[LibraryEntry]:
        avoid_legs = self._hard_tomorrow(index) or self._heavy_legs_next_door(index)
        return [
            entry
            for entry in self.library
            if entry.kind == "strength"
            and can_use(entry, self.runner)
            and (self.runner.injury is None or self.runner.injury not in entry.avoids)
            and not (avoid_legs and entry.leg_heavy)
            and (not entry.is_progression or entry.family_key in self.practised_families)
        ]

    def _post_run_block(self, index: int, max_minutes: int) -> Session:
        moves = [
            e
            for e in self._strength_moves(index)
            if e.muscles & RUNNING_MUSCLES and portable(e, self.runner)
        ]
        fewest, most = BLOCK_MOVES
        # A coach who allows plyometrics wants jumps after runs, so one leads the block.
        jumps = [e for e in moves if e.plyometric][:1]
        picked = self._pick(
            jumps + [e for e in moves if e not in jumps],
            lead=bool(jumps),
            block=True,
            fewest=fewest,
            most=TAPER_BLOCK_MOVES if self.tapering else most,
            max_seconds=max_minutes * 60,
            wanted=(RUNNING_MUSCLES,),
            offset=index,
        )
        return self._strength_session(
            "post_run_strength", "Strength after your run", picked, block=True
        )

    def _pick(
        self,
        moves: list[LibraryEntry],
        *,
        lead: bool = False,
        block: bool,
        fewest: int,
        most: int,
        max_seconds: int,
        wanted: tuple[frozenset[str], ...],
        offset: int,
    ) -> list[LibraryEntry]:
        """Greedily pick moves that cover new muscles, alternating between the wanted groups,
        while keeping time for the cheapest moves still needed to reach `fewest`. With `lead`,
        the first move is tried first."""
        if moves and not lead:
            shift = (offset * 2) % len(moves)
            moves = moves[shift:] + moves[:shift]
        costs = {
            e.slug: estimated_seconds(e, self._sets(e, block=block), block=block) for e in moves
        }
        picked: list[LibraryEntry] = []
        covered: set[str] = set()
        seconds = 0
        while len(picked) < most:
            group = wanted[len(picked) % len(wanted)]
            best: tuple[int, int, int] | None = None
            families = {e.family_key for e in picked}
            needed = max(0, fewest - len(picked) - 1)
            # The cheapest moves still open, one spare in case the candidate is among them.
            cheapest = sorted((costs[e.slug], e.slug) for e in moves if e not in picked)
            cheapest = cheapest[: needed + 1]
            for position, entry in enumerate(moves):
                if entry in picked or entry.family_key in families:
                    continue
                others = [cost for cost, slug in cheapest if slug != entry.slug]
                reserve = sum(others[:needed])
                if seconds + costs[entry.slug] + reserve > max_seconds:
                    continue
                score = (-len(entry.muscles & group - covered), -len(entry.muscles - covered))
                if lead and not picked:
                    score = (position, 0)
                if best is None or (*score, position) < best:
                    best = (*score, position)
            if best is None:
                break
            entry = moves[best[2]]
            picked.append(entry)
            covered |= entry.muscles
            seconds += costs[entry.slug]
        return picked

    def _sets(self, entry: LibraryEntry, *, block: bool) -> int:
        is_new = entry.slug not in self.runner.recent_activities
        return strength_sets(entry, is_new=is_new, tapering=self.tapering, block=block)

    def _strength_session(
        self, kind: str, title: str, moves: list[LibraryEntry], *, block: bool
    ) -> Session:
        sets = {e.slug: self._sets(e, block=block) for e in moves}
        seconds = sum(estimated_seconds(e, sets[e.slug], block=block) for e in moves)
        prescriptions = tuple(
            Prescription(
                slug=e.slug,
                name=e.name,
                sets=sets[e.slug],
                rep_min=e.rep_min,
                rep_max=e.rep_max,
                per_side=e.per_side,
                duration_min=e.duration_min,
                duration_max=e.duration_max,
            )
            for e in moves
        )
        return Session(
            kind=kind,
            minutes=_block_minutes(seconds) if block else _session_minutes(seconds),
            title=title,
            exercises=prescriptions,
            is_new_activity=any(e.slug not in self.runner.recent_activities for e in moves),
        )

    # Cross-training days and the two longer strength sessions.

    def _fill_cross_days(self, cross_days: list[int]) -> None:
        strength_left = 0 if self.phase == "race_week" else STRENGTH_SESSIONS
        activities = self._activity_choices(injury_only=self.injured)
        activity_turn = 0
        idle: list[str] = []
        for position, index in enumerate(cross_days):
            draft = self.drafts[index]
            if strength_left and position % 2 == 0 and self._add_strength(index):
                strength_left -= 1
                continue
            slug = self._activity_in_turn(activities, activity_turn, index)
            if slug is not None:
                activity_turn += 1
                self._add_activity(index, slug, self._activity_target())
            elif strength_left and self._add_strength(index):
                strength_left -= 1
            elif not draft.sessions:
                idle.append(DAY_NAMES[index])
        if idle:
            self.notes.append(
                "No cross-training activity fits the equipment and places you have, "
                f"so {_join(idle)} {'is a rest day' if len(idle) == 1 else 'are rest days'}."
            )
        self._place_remaining_strength(strength_left)
        if activities:
            self._new_activity_notes()

    def _place_remaining_strength(self, strength_left: int) -> None:
        if self.tapering:
            return self._strength_note(strength_left)
        roomy = sorted(
            (
                d.index
                for d in self.drafts
                if d.sessions
                and not any(s.kind == "strength" for s in d.sessions)
                and d.spare + self._trimmable(d) >= SESSION_MIN
            ),
            key=lambda i: (self.drafts[i].spare < SESSION_MIN, -self.drafts[i].spare, i),
        )
        for index in roomy:
            if strength_left and self._strength_moves(index):
                self._trim_run(self.drafts[index], SESSION_MIN - self.drafts[index].spare)
                strength_left -= self._add_strength(index)
        self._strength_note(strength_left)

    def _strength_note(self, strength_left: int) -> None:
        if self.phase == "race_week":
            return
        if strength_left == STRENGTH_SESSIONS:
            self.notes.append("Neither of the two longer strength sessions fits this week.")
        elif strength_left:
            self.notes.append("Only one of the two longer strength sessions fits this week.")

    def _trimmable(self, draft: _DraftDay) -> int:
        """Minutes an easy or hill run can give up to make room for a strength session."""
        first = draft.sessions[0]
        if first.kind != "run" or first.purpose not in ("easy", "hill"):
            return 0
        return first.minutes - MIN_RUN

    def _trim_run(self, draft: _DraftDay, minutes: int) -> None:
        if minutes <= 0:
            return
        run = draft.sessions[0]
        draft.sessions[0] = replace(run, minutes=run.minutes - math.ceil(minutes / 5) * 5)

    def _add_strength(self, index: int) -> bool:
        draft = self.drafts[index]
        if draft.spare < SESSION_MIN:
            return False
        moves = self._pick(
            self._strength_moves(index),
            block=False,
            fewest=1,
            most=TAPER_SESSION_MOVES if self.tapering else SESSION_MOVES,
            max_seconds=(min(SESSION_MAX, draft.spare) - WARM_UP_MINUTES) * 60,
            wanted=(RUNNING_MUSCLES - GENERAL_MUSCLES, GENERAL_MUSCLES),
            offset=index,
        )
        if not moves:
            return False
        draft.sessions.append(
            self._strength_session("strength", "Strength session", moves, block=False)
        )
        return True

    def _activity_choices(self, *, injury_only: bool) -> list[str]:
        """Activities to rotate through: the liked ones if any fit, else the gentlest."""
        area = self.runner.injury
        fitting = [
            e
            for e in self.library
            if e.kind == "cross_training"
            and can_use(e, self.runner)
            and (area is None or area not in e.avoids)
            and (not injury_only or (area in e.suits and e.impact in ("none", "low")))
        ]
        liked = [e for e in fitting if e.slug in self.runner.likes]
        pool = liked or fitting
        if not pool:
            return []
        gentlest = min(IMPACT_RANK.get(e.impact, 2) for e in pool)
        ranked = [e for e in pool if liked or IMPACT_RANK.get(e.impact, 2) == gentlest]
        ranked.sort(key=lambda e: (IMPACT_RANK.get(e.impact, 2), e.slug))
        return [e.slug for e in ranked]

    def _activity_in_turn(self, activities: list[str], turn: int, index: int) -> str | None:
        """The next activity in the rotation, passing over leg-heavy ones (downhill skiing) the
        day before a long or speed run."""
        for offset in range(len(activities)):
            slug = activities[(turn + offset) % len(activities)]
            if not (self._hard_tomorrow(index) and self.by_slug[slug].leg_heavy):
                return slug
        return None

    def _activity_target(self) -> int:
        if self.phase == "race_week":
            return MIN_ACTIVITY
        return ACTIVITY_MINUTES["off_season" if self.phase == "off_season" else "in_season"]

    def _add_activity(self, index: int, slug: str, target: int) -> None:
        draft = self.drafts[index]
        is_new = slug not in self.runner.recent_activities
        if is_new:
            target = min(target, NEW_ACTIVITY_MAX)
        minutes = min(target, draft.spare) // 5 * 5
        if minutes < MIN_ACTIVITY:
            return
        entry = self.by_slug[slug]
        draft.sessions.append(
            Session(
                kind="cross_training",
                minutes=minutes,
                title=entry.name,
                activity=slug,
                is_new_activity=is_new,
            )
        )

    def _new_activity_notes(self) -> None:
        names = sorted(
            {
                s.title
                for d in self.drafts
                for s in d.sessions
                if s.kind == "cross_training" and s.is_new_activity
            }
        )
        if names:
            self.notes.append(
                f"New to you: {', '.join(names)}. New activities start short "
                f"(at most {NEW_ACTIVITY_MAX} minutes) while your body adapts."
            )

    # Injury mode.

    def _fill_injured(self, run_days: list[int], cross_days: list[int]) -> None:
        area = "Achilles" if self.runner.injury == "achilles" else self.runner.injury
        gentle = self._activity_choices(injury_only=True)
        if gentle:
            self.notes.append(
                f"While your {area} heals there are no runs: each run is replaced by "
                "low-impact cross-training that spares it."
            )
        else:
            self.notes.append(
                f"While your {area} heals there are no runs, and none of the gentle activities "
                "that spare it fits your equipment and places, so this week holds strength "
                "work only."
            )
        for turn, index in enumerate(run_days if gentle else []):
            minutes = self._run_target(self.purposes[index])
            self._add_activity(index, gentle[turn % len(gentle)], minutes)
        self.purposes = {}
        self._fill_cross_days(cross_days + [i for i in run_days if not self.drafts[i].sessions])

    # Notes.

    def _phase_note(self) -> None:
        race = self.runner.race_date
        if self.phase == "off_season":
            if race is not None:
                self.notes.append("Your race is behind you: off-season, with more cross-training.")
            else:
                self.notes.append("Off-season (no race planned): more cross-training this week.")
            return
        days_away = (race - self.runner.week_start).days
        if self.phase == "race_week":
            self.notes.append(
                f"Race week: your race is on {DAY_NAMES[race.weekday()]}. Runs are short and "
                "easy, strength is light, and nothing is planned from the day before the race."
            )
        elif self.phase == "taper":
            self.notes.append(
                f"Taper: your race is {days_away} days away. Runs are shorter and strength work "
                "is lighter."
            )
        else:
            label = self.phase.capitalize()
            self.notes.append(f"{label} phase: {days_away // 7} weeks to your race.")

    def _return_note(self) -> None:
        if self.return_stage == 1:
            self.notes.append("Back from injury: this week holds at most two short easy runs.")
        else:
            self.notes.append(
                "Back from injury: easy and long runs only for now, no speed or hills."
            )

    def _mix_note(self, usable: int) -> None:
        if self.injured or self.return_stage or self.phase == "race_week":
            return
        (fewest_runs, _), (fewest_cross, _) = MIX[self.runner.runner_type]
        kinds = [{s.kind for s in d.sessions} for d in self.drafts]
        runs = sum("run" in day for day in kinds)
        cross = sum(bool(day) and "run" not in day for day in kinds)
        if runs >= fewest_runs and cross >= fewest_cross:
            return
        this_week = f"this week has {_count(runs, 'run')} and {_count(cross, 'cross-training day')}"
        if usable == 0:
            note = "No day has enough free time for training, so this week is rest."
        elif usable < fewest_runs + fewest_cross:
            days = _count(usable, "training day")
            note = f"You have only {days} with enough time, so {this_week}."
        else:
            note = f"Your free days are short, so {this_week}."
        self.notes.insert(self.lead_notes, note)


def _count(number: int, noun: str) -> str:
    word = NUMBER_WORDS[number] if number < len(NUMBER_WORDS) else str(number)
    return f"{word} {noun}{'' if number == 1 else 's'}"


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
