"""The rules an exercise must keep, whichever way it comes in: a coach's form, the admin or the
library loader. Pure functions over plain values; each caller shows the problems its own way.
The database constraints on the rep and time ranges stay as the last line of defence."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from exercises.vocabulary import Kind

MAX_CUE_LENGTH = 300  # the cue column's width

# Each range as (low field, high field, what the low end is called).
RANGES = (
    ("rep_min", "rep_max", "fewest reps"),
    ("hold_seconds_min", "hold_seconds_max", "shortest hold"),
    ("duration_min_seconds", "duration_max_seconds", "shortest time"),
)


@dataclass(frozen=True)
class Problem:
    """One broken rule: `message` is for the person filling in `field`; `rule` names the rule
    in a few words, for a report that is not next to the field."""

    field: str
    message: str
    rule: str


def exercise_problems(values: Mapping[str, Any]) -> list[Problem]:
    """Every rule `values` (an exercise's fields, with `cues` as a list of texts) break."""
    return [
        *cue_problems(kind=values.get("kind"), cues=values.get("cues", ())),
        *range_problems(values),
    ]


def range_problems(values: Mapping[str, Any]) -> list[Problem]:
    """Each range that starts above its end; a range with a missing end breaks nothing."""
    problems = []
    for low_field, high_field, low_name in RANGES:
        low, high = values.get(low_field), values.get(high_field)
        if low is not None and high is not None and low > high:
            problems.append(
                Problem(
                    field=high_field,
                    message=f"The {low_name} ({low}) is more than this ({high}): "
                    "a range must go from low to high.",
                    rule=f"a range starts above its end ({low} > {high})",
                )
            )
    return problems


def cue_problems(*, kind: str | None, cues: Sequence[str]) -> list[Problem]:
    """A strength move is taught step by step, so it needs at least one form cue; each cue is
    one short step."""
    problems = []
    if kind == Kind.STRENGTH and not cues:
        problems.append(
            Problem(
                field="cues",
                message="A strength move needs at least one form cue.",
                rule="a strength move needs at least one cue",
            )
        )
    for number, cue in enumerate(cues, start=1):
        if len(cue) > MAX_CUE_LENGTH:
            problems.append(
                Problem(
                    field="cues",
                    message=f"Cue {number} has {len(cue)} characters: keep each cue to "
                    f"{MAX_CUE_LENGTH} or split it over more lines.",
                    rule=f"cue {number} is longer than {MAX_CUE_LENGTH} characters",
                )
            )
    return problems
