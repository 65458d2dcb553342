"""A run's steps read from `Session.structure`, for the calendar's words and the watch's file.

The structure is written by the planner, but anything read from a JSON column is checked: a
step that is not in the documented shape makes the run one steady step of its minutes, as a
run without a structure is."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from plans.models import RunPurpose, Session

KM_PER_MILE = 1.609344
PARTS = {"warm-up": "Warm up", "main": "Run", "recovery": "Jog", "cool-down": "Cool down"}
ZONES = {
    "easy": "easy",
    "long": "easy",
    "marathon": "marathon pace",
    "threshold": "threshold",
    "interval": "interval pace",
    "repetition": "fast",
    "hill": "uphill",
    "recovery": "jog",
}
PURPOSE_ZONES: dict[str, str] = {
    RunPurpose.EASY: "easy",
    RunPurpose.LONG: "long",
    RunPurpose.SPEED: "interval",
    RunPurpose.HILL: "hill",
}
MAX_REPEAT = 50


@dataclass(frozen=True)
class Step:
    part: str
    minutes: int
    zone: str
    # Seconds per km, fastest first; None for a step run by feel.
    pace: tuple[int, int] | None

    @property
    def words(self) -> str:
        if self.zone == "recovery":
            return f"{self.minutes} min"
        return f"{self.minutes} min {ZONES[self.zone]}"


@dataclass(frozen=True)
class StepGroup:
    """Steps done `repeat` times in turn: a main set and its jog, or one step once."""

    repeat: int
    steps: tuple[Step, ...]


def _seconds(text: Any) -> int | None:
    if not isinstance(text, str) or text.count(":") != 1:
        return None
    minutes, seconds = text.split(":")
    if not (minutes.isdigit() and seconds.isdigit() and len(seconds) == 2 and len(minutes) < 3):
        return None
    total = int(minutes) * 60 + int(seconds)
    return total if 60 <= total < 60 * 30 and int(seconds) < 60 else None


class NotAPace(ValueError):
    pass


def _pace(value: Any) -> tuple[int, int] | None:
    """The pace range in seconds per km, fastest first; None for none."""
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != 2:
        raise NotAPace(value)
    low, high = (_seconds(item) for item in value)
    if low is None or high is None:
        raise NotAPace(value)
    return (min(low, high), max(low, high))


def _step(raw: Any) -> tuple[int, Step] | None:
    if not isinstance(raw, dict):
        return None
    part, minutes, repeat, zone = (raw.get(key) for key in ("part", "minutes", "repeat", "zone"))
    try:
        pace = _pace(raw.get("pace_per_km"))
    except NotAPace:
        return None
    if (
        part not in PARTS
        or zone not in ZONES
        or not isinstance(minutes, int)
        or not isinstance(repeat, int)
        or isinstance(minutes, bool)
        or isinstance(repeat, bool)
        or not 1 <= minutes <= 300
        or not 1 <= repeat <= MAX_REPEAT
    ):
        return None
    return repeat, Step(part=part, minutes=minutes, zone=zone, pace=pace)


def step_groups(session: Session) -> list[StepGroup]:
    """The run's steps, neighbours repeated the same number of times grouped (a main set
    of 5 × 3 min and its 5 × 2 min jog make one group: run, jog, run, jog...)."""
    parsed = (
        [_step(raw) for raw in session.structure] if isinstance(session.structure, list) else []
    )
    if not parsed or any(item is None for item in parsed):
        zone = PURPOSE_ZONES.get(session.purpose, "easy")
        return [StepGroup(1, (Step(part="main", minutes=session.minutes, zone=zone, pace=None),))]
    groups: list[StepGroup] = []
    for item in parsed:
        assert item is not None  # checked above
        repeat, step = item
        if groups and repeat > 1 and groups[-1].repeat == repeat:
            groups[-1] = StepGroup(repeat, (*groups[-1].steps, step))
        else:
            groups.append(StepGroup(repeat, (step,)))
    return groups


def steps_in_order(groups: Sequence[StepGroup]) -> list[tuple[Step, int, int]]:
    """Every step as it is run, with its round and the group's number of rounds."""
    return [
        (step, round_, group.repeat)
        for group in groups
        for round_ in range(1, group.repeat + 1)
        for step in group.steps
    ]


def clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def pace_text(pace: tuple[int, int], unit: str) -> str:
    """4:40–4:50 /km, or per mile for a runner who counts in miles."""
    if unit == "mi":
        fast, slow = (round(seconds * KM_PER_MILE) for seconds in pace)
        return f"{clock(fast)}–{clock(slow)} /mi"
    return f"{clock(pace[0])}–{clock(pace[1])} /km"


def step_text(step: Step, unit: str) -> str:
    pace = f" at {pace_text(step.pace, unit)}" if step.pace else ""
    return f"{step.words}{pace}"


def step_lines(groups: Sequence[StepGroup], unit: str) -> list[str]:
    """ "Warm up: 10 min easy at 5:55–6:34 /km", "5 times: run 3 min interval pace at ...,
    then jog 2 min"."""
    lines: list[str] = []
    for group in groups:
        if group.repeat == 1:
            lines.extend(f"{PARTS[step.part]}: {step_text(step, unit)}" for step in group.steps)
        else:
            parts = ", then ".join(
                f"{PARTS[step.part].lower()} {step_text(step, unit)}" for step in group.steps
            )
            lines.append(f"{group.repeat} times: {parts}")
    return lines
