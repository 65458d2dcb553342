"""Day placement: which days run, which cross-train, which rest, and what each holds."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta

from plans.builder.phases import (
    MIN_LONG_RUN,
    MIN_RUN,
    TAPER_PHASES,
    is_injured,
    phase_for,
    phase_note,
    quality_purposes,
    return_note,
    return_stage,
    run_target,
)
from plans.builder.strength import (
    BLOCK_MAX,
    BLOCK_MIN,
    SESSION_MIN,
    StrengthRules,
    can_use,
    sorted_library,
)
from plans.builder.types import Day, LibraryEntry, RunnerInput, Session, Week
from plans.builder.vocabulary import DAY_NAMES

# (fewest, most) runs and cross-training days a week.
MIX = {
    "recreational": ((3, 4), (2, 3)),
    "competitive": ((4, 6), (1, 2)),
}
IMPACT_RANK = {"none": 0, "low": 1, "high": 2}
BUFFER_SHARE = 0.10
BUFFER_MIN = 5
MAX_TRAINING_DAYS = 6
MIN_ACTIVITY = 20
NEW_ACTIVITY_MAX = 20
RUN_DAY_MIN = MIN_RUN + BLOCK_MIN
LONG_DAY_MIN = MIN_LONG_RUN + BLOCK_MIN
STRENGTH_SESSIONS = 2
ACTIVITY_MINUTES = {"in_season": 30, "off_season": 45}
RUN_TITLES = {"easy": "Easy run", "long": "Long run", "speed": "Speed run", "hill": "Hill run"}
HARD_PURPOSES = ("speed", "hill", "threshold")
HARD_SHARE_MAX = 0.25  # at least three easy minutes of running to one hard
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven")


def day_budget(minutes: int) -> int:
    """The minutes a plan may use on a day, keeping the buffer free."""
    if minutes <= 0:
        return 0
    spare = max(BUFFER_MIN, math.ceil(minutes * BUFFER_SHARE))
    return max(0, (minutes - spare) // 5 * 5)


@dataclass
class _DraftDay:
    index: int
    budget: int
    sessions: list[Session] = field(default_factory=list)

    @property
    def spare(self) -> int:
        return self.budget - sum(session.minutes for session in self.sessions)


class Planner:
    def __init__(self, runner: RunnerInput, library: Sequence[LibraryEntry]) -> None:
        self.runner = runner
        self.library = sorted_library(library)
        self.by_slug = {entry.slug: entry for entry in self.library}
        self.phase = phase_for(runner.week_start, runner.race_date, runner.race_km)
        self.tapering = self.phase in TAPER_PHASES
        self.injured = is_injured(runner)
        self.return_stage = return_stage(runner)
        self.strength = StrengthRules(runner, self.library, tapering=self.tapering)
        self.notes: list[str] = []
        self.drafts = [
            _DraftDay(i, day_budget(c.minutes) if self._free(i) else 0)
            for i, c in enumerate(runner.days)
        ]
        self._keep_race_eve_free()
        self.purposes: dict[int, str] = {}
        self.run_caps: dict[int, int] = {}
        self.lead_notes = 0

    def _free(self, index: int) -> bool:
        return (
            index >= self.runner.first_day
            and self.runner.days[index].available
            and not self._paused(index)
        )

    def _paused(self, index: int) -> bool:
        if not self.runner.paused:
            return False
        day = self.runner.week_start + timedelta(days=index)
        return any(first <= day <= last for first, last in self.runner.paused)

    @property
    def _part_week(self) -> bool:
        return self.runner.first_day > 0

    def _share(self, count: int, *, at_least: int = 0) -> int:
        """A part week gets its share of the week's runs, cross-training and strength days."""
        if not self._part_week:
            return count
        return max(at_least, round(count * (7 - self.runner.first_day) / 7))

    def _mix(self) -> tuple[tuple[int, int], tuple[int, int]]:
        (fewest_runs, most_runs), (fewest_cross, most_cross) = MIX[self.runner.runner_type]
        return (
            (self._share(fewest_runs, at_least=1), self._share(most_runs, at_least=1)),
            (self._share(fewest_cross), self._share(most_cross)),
        )

    def _keep_race_eve_free(self) -> None:
        if self.phase != "race_week" or self.runner.race_date is None:
            return
        race_index = (self.runner.race_date - self.runner.week_start).days
        for draft in self.drafts[max(0, race_index - 1) :]:
            draft.budget = 0

    # The shape of the week: which days run, which cross-train, which rest.

    def week(self) -> Week:
        self.notes.append(phase_note(self.phase, self.runner.week_start, self.runner.race_date))
        if self._part_week:
            self.notes.append(
                f"This week is planned from {DAY_NAMES[self.runner.first_day]}: the days left "
                "get their share of a week's runs, cross-training and strength."
            )
        if self.return_stage:
            self.notes.append(return_note(self.return_stage))
        if self.runner.target is not None:
            self.notes.extend(self.runner.target.why)
        paused = [DAY_NAMES[i] for i in range(7) if self._paused(i)]
        if paused:
            days = "Every day" if len(paused) == 7 else _join(paused)
            self.notes.append(f"{days}: your plan is paused, so nothing is planned.")
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
        if self.runner.target is not None and not self.injured:
            run_days = self._fit_runs_to_target(run_days)
        cross_days = sorted(
            (i for i in usable if i not in run_days),
            key=lambda i: (-self.drafts[i].budget, i),
        )[:cross]
        if self.injured:
            self._fill_injured(run_days, cross_days)
        else:
            for index in sorted(run_days, key=self._run_order):
                self._fill_run_day(index)
            if self.runner.target is not None:
                self._keep_easy_share()
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
        (fewest_runs, most_runs), (fewest_cross, most_cross) = self._mix()
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
                    "No day left this week has room for a long run, so every run is short."
                    if self._part_week
                    else "No day has room for a long run this week, so every run is short."
                )
            return None
        chosen = min(roomy, key=lambda i: (-self.drafts[i].budget, abs(i - preferred), i))
        if not self.injured:
            self.notes.append(self._long_run_moved_note(preferred, chosen))
        return chosen

    def _long_run_moved_note(self, preferred: int, chosen: int) -> str:
        if preferred < self.runner.first_day:
            return (
                f"This week is planned from {DAY_NAMES[self.runner.first_day]}, after your "
                f"usual long-run day, so this week's long run is on {DAY_NAMES[chosen]}."
            )
        why = "too short" if self.runner.days[preferred].available else "not free"
        return (
            f"{DAY_NAMES[preferred]} is {why} for your long run this week, "
            f"so it moves to {DAY_NAMES[chosen]}."
        )

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
        quality = quality_purposes(self.phase, self.return_stage)
        room = max(0, len(run_days) - 2) if len(run_days) >= 3 else 0
        placed = [long_day] if long_day is not None else []
        for purpose in quality[:room]:
            free = [i for i in run_days if i not in placed and not self._next_to_hard(i)]
            picked = self._spread(free, len(placed) + 1, placed)
            new = [i for i in picked if i not in placed]
            if not new:
                break
            self.purposes[new[0]] = purpose
            placed.append(new[0])

    def _next_to_hard(self, index: int) -> bool:
        """Two hard runs never sit on consecutive days (nor on Monday after a hard Sunday)."""
        if index == 0 and self.runner.hard_day_before:
            return True
        return any(self.purposes.get(index + step) in HARD_PURPOSES for step in (-1, 1))

    def _fit_runs_to_target(self, run_days: list[int]) -> list[int]:
        """Share the season's minutes for the week among its runs: no run longer than the
        target's longest, hard runs at most a quarter of the running (a hard run that cannot
        get 20 minutes of it becomes easy), and runs dropped, easy ones first, when the
        week's minutes cannot give each its shortest length. The long run is sized first."""
        target = self.runner.target
        assert target is not None
        long_day = next((i for i in run_days if self.purposes[i] == "long"), None)
        if long_day is not None and target.run_minutes < MIN_LONG_RUN:
            self.purposes[long_day] = "easy"
        runs = sorted(run_days, key=self._run_order)
        while runs and sum(self._shortest(i) for i in runs) > target.run_minutes:
            runs.remove(self._first_to_drop(runs))
        for index in set(run_days) - set(runs):
            del self.purposes[index]
        caps = {i: self._cap(i, target.longest_run) for i in runs}
        hard = [i for i in runs if self.purposes[i] in HARD_PURPOSES]
        best = self._share_out(runs, hard, caps, target.run_minutes)
        while hard:
            # A hard run kept at its shortest may cost the week more minutes than it is worth.
            hard = hard[:-1]
            fewer = self._share_out(runs, hard, caps, target.run_minutes)
            if sum(fewer.values()) > sum(best.values()):
                best = fewer
        for index in runs:
            if self.purposes[index] in HARD_PURPOSES and index not in best.hard:
                self.purposes[index] = "easy"
        self.run_caps = dict(best)
        return sorted(runs)

    def _share_out(
        self, runs: list[int], hard: list[int], caps: dict[int, int], total: int
    ) -> _Shares:
        """Minutes for each run with these hard runs (fewer when they would pass a quarter
        of the running), the rest easy, none past its cap, `total` at most together."""
        hard = list(hard)
        easy = [i for i in runs if i not in hard]
        alloc = _Shares({i: self._shortest(i) for i in runs})
        while True:
            easy_sum = _water_fill(alloc, caps, easy, total - MIN_RUN * len(hard))
            if MIN_RUN * len(hard) * (1 / HARD_SHARE_MAX - 1) <= easy_sum or not hard:
                break
            easy.append(hard.pop())
        hard_room = min(total - easy_sum, int(easy_sum * HARD_SHARE_MAX / (1 - HARD_SHARE_MAX)))
        _water_fill(alloc, caps, hard, hard_room)
        _water_fill(alloc, caps, easy, total - sum(alloc[i] for i in hard))
        alloc.hard = tuple(hard)
        return alloc

    def _keep_easy_share(self) -> None:
        """A strength block may have shortened an easy run: shorten the hard runs (or make
        the last one easy) until three in four minutes of running are easy again."""
        while self._easy_to_spare() < 0:
            hard = [d for d in self.drafts if d.sessions and d.sessions[0].purpose in HARD_PURPOSES]
            draft = max(hard, key=lambda d: (d.sessions[0].minutes, d.index))
            run = draft.sessions[0]
            if run.minutes - 5 >= MIN_RUN:
                draft.sessions[0] = replace(run, minutes=run.minutes - 5)
            else:
                draft.sessions[0] = replace(run, purpose="easy", title=RUN_TITLES["easy"])
                self.purposes[draft.index] = "easy"

    def _shortest(self, index: int) -> int:
        """A long run is at least 40 minutes, unless the season's longest run is shorter
        yet: then it is that long, and grows with it week by week."""
        if self.purposes.get(index) != "long":
            return MIN_RUN
        target = self.runner.target
        if target is None:
            return MIN_LONG_RUN
        return max(MIN_RUN, min(MIN_LONG_RUN, target.longest_run))

    def _cap(self, index: int, longest: int) -> int:
        plain = self._run_target(self.purposes[index])
        room = self.drafts[index].budget - BLOCK_MIN
        return max(self._shortest(index), min(min(plain, room) // 5 * 5, longest))

    def _first_to_drop(self, runs: list[int]) -> int:
        """Easy runs go first (the latest), then hard ones; the long run goes last."""
        rank = {"easy": 0, "speed": 1, "hill": 1, "threshold": 1, "long": 2}
        return min(runs, key=lambda i: (rank[self.purposes[i]], -i))

    def _run_order(self, index: int) -> tuple[int, int]:
        # The long run is sized first so that no other run outgrows it.
        return (self.purposes[index] != "long", index)

    # Runs and their strength blocks.

    def _fill_run_day(self, index: int) -> None:
        draft = self.drafts[index]
        purpose = self.purposes[index]
        shortest = self._shortest(index)
        block = self._post_run_block(index, min(BLOCK_MAX, draft.budget - shortest))
        wanted = self.run_caps.get(index, self._run_target(purpose))
        run_minutes = min(wanted, draft.budget - block.minutes)
        if not block.exercises:
            note = "No strength move fits what you have, so runs that need one are left out."
            if note not in self.notes:
                self.notes.append(note)
            return
        if purpose != "long" and "long" in self.purposes.values():
            run_minutes = min(run_minutes, self._long_minutes())
        if run_minutes != wanted:  # cut by the day or the long run: back to whole fives
            run_minutes = run_minutes // 5 * 5
        run_minutes = max(shortest, run_minutes)
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
        return run_target(self.runner.runner_type, purpose, self.phase, self.return_stage)

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

    def _avoid_legs(self, index: int) -> bool:
        return self._hard_tomorrow(index) or self._heavy_legs_next_door(index)

    def _post_run_block(self, index: int, max_minutes: int) -> Session:
        return self.strength.post_run_block(
            avoid_legs=self._avoid_legs(index), max_minutes=max_minutes, offset=index
        )

    # Cross-training days and the two longer strength sessions.

    def _fill_cross_days(self, cross_days: list[int]) -> None:
        strength_left = 0 if self.phase == "race_week" else self._strength_wanted
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
            draft = self.drafts[index]
            # Asked again: an earlier day's trim may have used the easy minutes this one had.
            room = draft.spare + self._trimmable(draft) >= SESSION_MIN
            if (
                room
                and strength_left
                and self.strength.candidates(avoid_legs=self._avoid_legs(index))
            ):
                self._trim_run(draft, SESSION_MIN - draft.spare)
                strength_left -= self._add_strength(index)
        self._strength_note(strength_left)

    @property
    def _strength_wanted(self) -> int:
        return self._share(STRENGTH_SESSIONS, at_least=1)

    def _strength_note(self, strength_left: int) -> None:
        if self.phase == "race_week" or not strength_left:
            return
        days = "the days left this week" if self._part_week else "this week"
        if self._strength_wanted == 1:
            self.notes.append(f"No longer strength session fits {days}.")
        else:
            placed = "Neither" if strength_left == STRENGTH_SESSIONS else "Only one"
            self.notes.append(f"{placed} of the two longer strength sessions fits {days}.")

    def _trimmable(self, draft: _DraftDay) -> int:
        """Minutes an easy or hill run can give up to make room for a strength session."""
        first = draft.sessions[0]
        if first.kind != "run" or first.purpose not in ("easy", "hill"):
            return 0
        if self.runner.target is not None and first.purpose == "easy":
            return max(0, min(first.minutes - MIN_RUN, self._easy_to_spare()) // 5 * 5)
        return first.minutes - MIN_RUN

    def _easy_to_spare(self) -> int:
        """Easy minutes the week can give up and still hold three easy minutes to a hard one."""
        runs = [s for d in self.drafts for s in d.sessions if s.kind == "run"]
        hard = sum(s.minutes for s in runs if s.purpose in HARD_PURPOSES)
        easy = sum(s.minutes for s in runs) - hard
        return easy - math.ceil(hard * (1 - HARD_SHARE_MAX) / HARD_SHARE_MAX)

    def _trim_run(self, draft: _DraftDay, minutes: int) -> None:
        if minutes <= 0:
            return
        run = draft.sessions[0]
        draft.sessions[0] = replace(run, minutes=run.minutes - math.ceil(minutes / 5) * 5)

    def _add_strength(self, index: int) -> bool:
        draft = self.drafts[index]
        if draft.spare < SESSION_MIN:
            return False
        session = self.strength.longer_session(
            avoid_legs=self._avoid_legs(index), max_minutes=draft.spare, offset=index
        )
        if session is None:
            return False
        draft.sessions.append(session)
        return True

    def _activity_choices(self, *, injury_only: bool) -> list[str]:
        """Activities to rotate through: the liked ones if any fit, else the gentlest."""
        area = self.runner.injury
        fitting = [
            e
            for e in self.library
            if e.kind == "cross_training"
            and can_use(e, self.runner, self.strength.kit)
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

    def _mix_note(self, usable: int) -> None:
        if self.injured or self.return_stage or self.phase == "race_week":
            return
        (fewest_runs, _), (fewest_cross, _) = self._mix()
        kinds = [{s.kind for s in d.sessions} for d in self.drafts]
        runs = sum("run" in day for day in kinds)
        cross = sum(bool(day) and "run" not in day for day in kinds)
        if runs >= fewest_runs and cross >= fewest_cross:
            return
        this_week = f"this week has {_count(runs, 'run')} and {_count(cross, 'cross-training day')}"
        if usable == 0:
            note = "No day has enough free time for training, so this week is rest."
        elif usable < fewest_runs + fewest_cross and self._part_week:
            verb = "has" if usable == 1 else "have"
            note = (
                f"Only {_count(usable, 'day')} left this week {verb} enough time, so {this_week}."
            )
        elif usable < fewest_runs + fewest_cross:
            days = _count(usable, "training day")
            note = f"You have only {days} with enough time, so {this_week}."
        else:
            note = f"Your free days are short, so {this_week}."
        self.notes.insert(self.lead_notes, note)


class _Shares(dict[int, int]):
    """Minutes by run day, and which of those runs stay hard."""

    hard: tuple[int, ...] = ()


def _water_fill(alloc: dict[int, int], caps: dict[int, int], runs: list[int], room: int) -> int:
    """Add five minutes at a time (less to reach a cap) to each of `runs` in turn, none past
    its cap, until they hold `room` minutes together; the minutes they hold."""
    held = sum(alloc[i] for i in runs)
    growing = [i for i in runs if alloc[i] < caps[i]]
    while growing and held + 1 <= room:
        for index in list(growing):
            step = min(5, caps[index] - alloc[index])
            if held + step > room:
                growing.remove(index)
                continue
            alloc[index] += step
            held += step
            if alloc[index] >= caps[index]:
                growing.remove(index)
    return held


def _count(number: int, noun: str) -> str:
    word = NUMBER_WORDS[number] if number < len(NUMBER_WORDS) else str(number)
    return f"{word} {noun}{'' if number == 1 else 's'}"


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
