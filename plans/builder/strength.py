"""Strength work: who may do which move, how long it takes, and how moves are picked for a
post-run block or a longer session. The post-run email uses the same rules."""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

from plans.builder.phases import TAPER_PHASES, phase_for
from plans.builder.types import LibraryEntry, Prescription, RunnerInput, Session

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

BLOCK_MIN, BLOCK_MAX = 10, 20
SESSION_MIN, SESSION_MAX = 30, 45
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
POST_RUN_TITLE = "Strength after your run"


def runner_equipment(runner: RunnerInput) -> frozenset[str]:
    """What the runner can use: their own kit, what their places bring, and bare hands."""
    kit = set(runner.equipment) | {"none"}
    for place in runner.places:
        kit |= PLACE_EQUIPMENT.get(place, frozenset())
    return frozenset(kit)


def can_use(entry: LibraryEntry, runner: RunnerInput, kit: frozenset[str] | None = None) -> bool:
    """Whether the runner has what the entry needs and may be prescribed it at all (`kit`:
    their `runner_equipment`, when already known)."""
    needs_nothing = not entry.equipment or "none" in entry.equipment
    kit = runner_equipment(runner) if kit is None else kit
    has_kit = needs_nothing or bool(entry.equipment & kit)
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


def block_minutes(seconds: int) -> int:
    return max(BLOCK_MIN, math.ceil(seconds / 60))


def session_minutes(seconds: int) -> int:
    """What a longer session takes, warm-up included; never under the half hour it was given."""
    return max(SESSION_MIN, WARM_UP_MINUTES + math.ceil(seconds / 60))


class _Sorted(list[LibraryEntry]):
    """A library sorted by slug; its identity names the library in the picks remembered."""


_SORTED: dict[int, tuple[Sequence[LibraryEntry], _Sorted]] = {}
_SORTED_KEEP = 16


def sorted_library(library: Sequence[LibraryEntry]) -> _Sorted:
    """The library by slug, sorted once per library object: a season builds many weeks from
    one library (the cache holds the library itself, so its id is never reused meanwhile)."""
    if isinstance(library, _Sorted):
        return library
    known = _SORTED.get(id(library))
    if known is not None and known[0] is library and len(known[1]) == len(library):
        return known[1]
    ordered = _Sorted(sorted(library, key=lambda entry: entry.slug))
    if len(_SORTED) >= _SORTED_KEEP:
        _SORTED.pop(next(iter(_SORTED)))
    _SORTED[id(library)] = (library, ordered)
    return ordered


# Blocks and sessions already picked, by everything the pick depends on: a season asks for
# the same block on the same weekday week after week.
_PICKED: dict[tuple[object, ...], Session | None] = {}
_PICKED_KEEP = 20_000


class _Token:
    """Names a sorted library in a remembered key by identity, and keeps it alive while the
    key is kept, so that no other library can take its id meanwhile."""

    __slots__ = ("library",)

    def __init__(self, library: _Sorted) -> None:
        self.library = library

    def __hash__(self) -> int:
        return id(self.library)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Token) and other.library is self.library


class StrengthRules:
    """Picks strength moves for one runner and week."""

    def __init__(
        self, runner: RunnerInput, library: Sequence[LibraryEntry], *, tapering: bool
    ) -> None:
        self.runner = runner
        self.library = sorted_library(library)
        self.tapering = tapering
        self.kit = runner_equipment(runner)
        self.practised_families = {
            entry.family_key for entry in self.library if entry.slug in runner.recent_activities
        }
        self._candidates: dict[bool, list[LibraryEntry]] = {}
        self._costs: dict[tuple[str, bool], int] = {}

    @classmethod
    def for_week(cls, runner: RunnerInput, library: Sequence[LibraryEntry]) -> StrengthRules:
        """The rules of the runner's week as the planner applies them: lighter in the taper."""
        tapering = phase_for(runner.week_start, runner.race_date, runner.race_km) in TAPER_PHASES
        return cls(runner, library, tapering=tapering)

    def candidates(self, *, avoid_legs: bool) -> list[LibraryEntry]:
        """Strength moves the runner may be given: their kit, no move their injury must avoid,
        a harder variation only once they have done its family lately."""
        if avoid_legs not in self._candidates:
            injury = self.runner.injury
            self._candidates[avoid_legs] = [
                entry
                for entry in self.library
                if entry.kind == "strength"
                and can_use(entry, self.runner, self.kit)
                and (injury is None or injury not in entry.avoids)
                and not (avoid_legs and entry.leg_heavy)
                and (not entry.is_progression or entry.family_key in self.practised_families)
            ]
        return list(self._candidates[avoid_legs])

    def _remembered(self, *parts: object) -> tuple[tuple[object, ...], bool]:
        runner = self.runner
        key = (
            _Token(self.library),
            runner.equipment,
            runner.places,
            runner.allow_plyometrics,
            runner.injury,
            runner.recent_activities,
            self.tapering,
            *parts,
        )
        if len(_PICKED) >= _PICKED_KEEP:
            _PICKED.clear()
        return key, key in _PICKED

    def post_run_block(self, *, avoid_legs: bool, max_minutes: int, offset: int) -> Session:
        """3-5 running-muscle moves of at most two sets that fit in max_minutes."""
        key, known = self._remembered("block", avoid_legs, max_minutes, offset)
        if not known:
            _PICKED[key] = self._post_run_block(avoid_legs, max_minutes, offset)
        block = _PICKED[key]
        assert block is not None
        return block

    def _post_run_block(self, avoid_legs: bool, max_minutes: int, offset: int) -> Session:
        moves = [
            e
            for e in self.candidates(avoid_legs=avoid_legs)
            if e.muscles & RUNNING_MUSCLES and portable(e, self.runner)
        ]
        fewest, most = BLOCK_MOVES
        # A coach who allows plyometrics wants jumps after runs, so one leads the block.
        jumps = [e for e in moves if e.plyometric][:1]
        picked = self.pick(
            jumps + [e for e in moves if e not in jumps],
            lead=bool(jumps),
            block=True,
            fewest=fewest,
            most=TAPER_BLOCK_MOVES if self.tapering else most,
            max_seconds=max_minutes * 60,
            wanted=(RUNNING_MUSCLES,),
            offset=offset,
        )
        return self.session("post_run_strength", POST_RUN_TITLE, picked, block=True)

    def longer_session(self, *, avoid_legs: bool, max_minutes: int, offset: int) -> Session | None:
        """Up to 8 moves mixing running muscles with back, core and shoulders."""
        key, known = self._remembered("session", avoid_legs, max_minutes, offset)
        if not known:
            _PICKED[key] = self._longer_session(avoid_legs, max_minutes, offset)
        return _PICKED[key]

    def _longer_session(self, avoid_legs: bool, max_minutes: int, offset: int) -> Session | None:
        moves = self.pick(
            self.candidates(avoid_legs=avoid_legs),
            block=False,
            fewest=1,
            most=TAPER_SESSION_MOVES if self.tapering else SESSION_MOVES,
            max_seconds=(min(SESSION_MAX, max_minutes) - WARM_UP_MINUTES) * 60,
            wanted=(RUNNING_MUSCLES - GENERAL_MUSCLES, GENERAL_MUSCLES),
            offset=offset,
        )
        if not moves:
            return None
        return self.session("strength", "Strength session", moves, block=False)

    def pick(
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
        costs = {e.slug: self.cost(e, block=block) for e in moves}
        picked: list[LibraryEntry] = []
        picked_slugs: set[str] = set()
        covered: set[str] = set()
        seconds = 0
        by_cost = sorted((costs[e.slug], e.slug) for e in moves)
        while len(picked) < most:
            group = wanted[len(picked) % len(wanted)]
            best: tuple[int, int, int] | None = None
            families = {e.family_key for e in picked}
            needed = max(0, fewest - len(picked) - 1)
            # The cheapest moves still open: time is kept for `needed` of them besides the
            # candidate (the next cheapest stands in when the candidate is one of them).
            cheapest = [pair for pair in by_cost if pair[1] not in picked_slugs][: needed + 1]
            kept_for = {slug for _, slug in cheapest[:needed]}
            reserve = sum(cost for cost, _ in cheapest[:needed])
            reserve_without = sum(cost for cost, _ in cheapest) if needed else 0
            for position, entry in enumerate(moves):
                slug = entry.slug
                if slug in picked_slugs or entry.family_key in families:
                    continue
                cost = costs[slug]
                held = reserve_without - cost if slug in kept_for else reserve
                if seconds + cost + held > max_seconds:
                    continue
                if lead and not picked:
                    score = (position, 0)
                else:
                    fresh = entry.muscles - covered
                    score = (-len(fresh & group), -len(fresh))
                if best is None or (*score, position) < best:
                    best = (*score, position)
            if best is None:
                break
            entry = moves[best[2]]
            picked.append(entry)
            picked_slugs.add(entry.slug)
            covered |= entry.muscles
            seconds += costs[entry.slug]
        return picked

    def cost(self, entry: LibraryEntry, *, block: bool) -> int:
        key = (entry.slug, block)
        if key not in self._costs:
            sets = self.sets(entry, block=block)
            self._costs[key] = estimated_seconds(entry, sets, block=block)
        return self._costs[key]

    def sets(self, entry: LibraryEntry, *, block: bool) -> int:
        is_new = entry.slug not in self.runner.recent_activities
        return strength_sets(entry, is_new=is_new, tapering=self.tapering, block=block)

    def session(
        self, kind: str, title: str, moves: Collection[LibraryEntry], *, block: bool
    ) -> Session:
        sets = {e.slug: self.sets(e, block=block) for e in moves}
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
            minutes=block_minutes(seconds) if block else session_minutes(seconds),
            title=title,
            exercises=prescriptions,
            is_new_activity=any(e.slug not in self.runner.recent_activities for e in moves),
        )
