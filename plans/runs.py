"""A run's steps as stored (`Session.structure`, the plan-preview API's shape) and as read.

Stored: [{"part", "minutes", "repeat", "zone", "pace_per_km": ["m:ss", "m:ss"] | None}].
Read: one compact line ("10 min easy · 5 × 3 min @ 4:36–4:47/km, 2 min jog · 10 min easy")
and one line a step, in the runner's unit, with effort words and RPE where there is no pace.
"""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from plans.builder import PaceZones, Step, estimated_km, phase_for, run_structure
from plans.builder.paces import KM_PER_MILE, clock_text, range_text
from plans.builder.workouts import EFFORTS

ZONE_WORDS = {
    "easy": "easy",
    "long": "easy",
    "marathon": "at marathon pace",
    "threshold": "at threshold",
    "interval": "at interval pace",
    "repetition": "fast",
    "hill": "uphill",
    "recovery": "jog",
}
PART_WORDS = {
    "warm-up": "Warm up",
    "main": "Main set",
    "recovery": "Recover",
    "cool-down": "Cool down",
}


def step_json(step: Step) -> dict[str, Any]:
    return {
        "part": step.part,
        "minutes": step.minutes,
        "repeat": step.repeat,
        "zone": step.zone,
        "pace_per_km": [clock_text(step.pace[0]), clock_text(step.pace[1])] if step.pace else None,
    }


def structure_json(steps: Sequence[Step]) -> list[dict[str, Any]]:
    return [step_json(step) for step in steps]


def run_fields(
    *,
    purpose: str,
    minutes: int,
    day: date,
    race_date: date | None,
    paces: PaceZones | None,
    race_km: float | None = None,
) -> dict[str, Any]:
    """`structure` and `distance_km` for a run a coach, a template or the runner sets: its
    steps by purpose and by the phase its day falls in (the race's distance sets how long the
    taper is)."""
    phase = phase_for(_monday(day), race_date, race_km)
    steps = run_structure(purpose or "easy", minutes, phase, paces)
    km = estimated_km(steps, paces)
    return {
        "structure": structure_json(steps),
        "distance_km": None if km is None else Decimal(f"{km:.2f}"),
    }


def _monday(day: date) -> date:
    return date.fromordinal(day.toordinal() - day.weekday())


def _seconds(text: str) -> int:
    minutes, seconds = text.split(":")
    return int(minutes) * 60 + int(seconds)


def _pace(step: dict[str, Any], unit: str) -> str | None:
    pace = step.get("pace_per_km")
    if not pace:
        return None
    return range_text((_seconds(pace[0]), _seconds(pace[1])), unit)


def _minutes(step: dict[str, Any]) -> str:
    repeat = step.get("repeat", 1)
    return f"{repeat} × {step['minutes']} min" if repeat > 1 else f"{step['minutes']} min"


def _work_text(step: dict[str, Any], unit: str) -> str:
    pace = _pace(step, unit)
    if pace:
        easy = " easy" if step["zone"] in ("easy", "long") else ""
        return f"{_minutes(step)}{easy} @ {pace}"
    return f"{_minutes(step)} {ZONE_WORDS[step['zone']]} ({EFFORTS[step['zone']]})"


def compact_line(structure: Sequence[dict[str, Any]], unit: str) -> str:
    """The run in one line: easy warm-ups, jogs and cool-downs in words, the main set with its
    paces (or effort)."""
    pieces: list[str] = []
    for step in structure:
        if step["part"] == "recovery" and pieces:
            pieces[-1] += f", {step['minutes']} min jog"
        elif step["part"] == "main":
            pieces.append(_work_text(step, unit))
        else:
            pieces.append(f"{_minutes(step)} {ZONE_WORDS[step['zone']]}")
    return " · ".join(pieces)


def step_lines(structure: Sequence[dict[str, Any]], unit: str) -> list[str]:
    """One line a step: "Warm up: 10 min easy, 5:55–6:34/km (conversational, RPE 3–4)"."""
    lines = []
    for step in structure:
        pace = _pace(step, unit)
        effort = EFFORTS[step["zone"]]
        lines.append(
            f"{PART_WORDS[step['part']]}: {_minutes(step)} {ZONE_WORDS[step['zone']]}, "
            + (f"{pace} ({effort})" if pace else effort)
        )
    return lines


def distance_text(km: Decimal | float | None, unit: str) -> str:
    """≈ 8.2 km, or ≈ 5.1 mi; "" without a distance."""
    if km is None:
        return ""
    value = float(km) / KM_PER_MILE if unit == "mi" else float(km)
    return f"≈ {value:.1f} {unit}"


ZONE_USES = {
    "easy": "Easy and long runs, warm-ups",
    "marathon": "Steady finishes of long runs",
    "threshold": "Tempo runs: comfortably hard",
    "interval": "Intervals of 2-5 minutes: hard",
    "repetition": "Short fast repeats",
}


def pace_zone_rows(zones: PaceZones, unit: str) -> list[tuple[str, str, str]]:
    """(zone, its paces in the runner's unit, what it is for), easiest first."""
    return [
        (zone.capitalize(), range_text(zones.of(zone), unit), use)
        for zone, use in ZONE_USES.items()
    ]
