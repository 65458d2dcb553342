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


def block_minutes(seconds: int) -> int:
    return max(BLOCK_MIN, math.ceil(seconds / 60))


def session_minutes(seconds: int) -> int:
    """What a longer session takes, warm-up included; never under the half hour it was given."""
    return max(SESSION_MIN, WARM_UP_MINUTES + math.ceil(seconds / 60))


class StrengthRules:
    """Picks strength moves for one runner and week."""

    def __init__(
        self, runner: RunnerInput, library: Sequence[LibraryEntry], *, tapering: bool
    ) -> None:
        self.runner = runner
        self.library = sorted(library, key=lambda entry: entry.slug)
        self.tapering = tapering
        self.practised_families = {
            entry.family_key for entry in self.library if entry.slug in runner.recent_activities
        }

    @classmethod
    def for_week(cls, runner: RunnerInput, library: Sequence[LibraryEntry]) -> StrengthRules:
        """The rules of the runner's week as the planner applies them: lighter in the taper."""
        tapering = phase_for(runner.week_start, runner.race_date, runner.race_km) in TAPER_PHASES
        return cls(runner, library, tapering=tapering)

    def candidates(self, *, avoid_legs: bool) -> list[LibraryEntry]:
        """Strength moves the runner may be given: their kit, no move their injury must avoid,
        a harder variation only once they have done its family lately."""
        injury = self.runner.injury
        return [
            entry
            for entry in self.library
            if entry.kind == "strength"
            and can_use(entry, self.runner)
            and (injury is None or injury not in entry.avoids)
            and not (avoid_legs and entry.leg_heavy)
            and (not entry.is_progression or entry.family_key in self.practised_families)
        ]

    def post_run_block(self, *, avoid_legs: bool, max_minutes: int, offset: int) -> Session:
        """3-5 running-muscle moves of at most two sets that fit in max_minutes."""
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
        costs = {
            e.slug: estimated_seconds(e, self.sets(e, block=block), block=block) for e in moves
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
