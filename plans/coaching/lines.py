"""The exercise lines of a coach's strength session: one exercise, its sets, and a range counted
in reps or seconds, per side or not. Shared by the template, add and edit forms.

A line whose amounts are left empty takes the library's dose for that exercise, so a coach
without JavaScript who picks a plank gets the plank's seconds, never a count of reps.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from django import forms

from exercises.models import Exercise
from plans.builder.strength import SESSION_MOVES
from plans.coaching.services import ExerciseLine

# As many lines as the builder's own longer sessions hold; empty lines are ignored.
EXERCISE_LINES = SESSION_MOVES
LINE_FIELDS = ("exercise", "sets", "low", "high", "counted_in")
COUNTED_IN = [
    ("", "as the library"),
    ("reps", "reps"),
    ("reps_per_side", "reps per side"),
    ("seconds", "seconds"),
    ("seconds_per_side", "seconds per side"),
]
PER_SIDE = "_per_side"
# Sensible bounds for one set: reps, or the seconds of a hold.
LIMITS = {"reps": (1, 100), "seconds": (5, 600)}


class StoredDose(Protocol):
    """A stored line: a TemplateExercise or a SessionExercise."""

    exercise_id: int
    sets: int
    rep_min: int | None
    rep_max: int | None
    per_side: bool
    duration_min: int | None
    duration_max: int | None


@dataclass(frozen=True)
class Dose:
    """How much of an exercise, as the form shows it: `counted_in` is one of COUNTED_IN's
    values ("" when nothing says), `low`–`high` the range (`high` None for one number)."""

    sets: int | None
    counted_in: str
    low: int | None
    high: int | None

    @property
    def unit(self) -> str:
        return self.counted_in.removesuffix(PER_SIDE)


def _dose(sets: int | None, per_side: bool, reps: tuple, seconds: tuple) -> Dose:
    side = PER_SIDE if per_side else ""
    for unit, (low, high) in (("reps", reps), ("seconds", seconds)):
        if low or high:
            return Dose(sets, unit + side, low or high, high if low and high else None)
    return Dose(sets, "", None, None)


def library_dose(exercise: Exercise) -> Dose:
    """The library's dose: seconds for a hold (plank, side plank), reps for the rest."""
    return _dose(
        exercise.default_sets,
        exercise.per_side,
        (exercise.rep_min, exercise.rep_max),
        (exercise.duration_min_seconds, exercise.duration_max_seconds),
    )


def stored_dose(item: StoredDose) -> Dose:
    return _dose(
        item.sets,
        item.per_side,
        (item.rep_min, item.rep_max),
        (item.duration_min, item.duration_max),
    )


class ExerciseSelect(forms.Select):
    """Each option carries the library's dose, which the page's script copies into the line
    when the coach picks the exercise."""

    def __init__(self, doses: dict[int, Dose], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.doses = doses

    def create_option(
        self,
        name: str,
        value: Any,
        label: int | str,
        selected: bool,
        index: int,
        subindex: int | None = None,
        attrs: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        dose = self.doses.get(value) if value else None
        if dose is not None:
            option["attrs"].update(
                {
                    "data-sets": dose.sets or "",
                    "data-counted-in": dose.counted_in,
                    "data-low": dose.low or "",
                    "data-high": dose.high or "",
                }
            )
        return option


@dataclass(frozen=True)
class LineFields:
    """One line of bound fields, in the order the page lays them out."""

    number: int
    exercise: forms.BoundField
    sets: forms.BoundField
    low: forms.BoundField
    high: forms.BoundField
    counted_in: forms.BoundField

    @property
    def fields(self) -> list[forms.BoundField]:
        return [self.exercise, self.sets, self.low, self.high, self.counted_in]

    @property
    def errors(self) -> list[str]:
        return [str(error) for field in self.fields for error in field.errors]

    @property
    def is_empty(self) -> bool:
        return not any(field.value() for field in self.fields)


class ExerciseLines:
    """The line fields of one form and the rules that turn them into `ExerciseLine`s."""

    def __init__(self, form: forms.Form, moves: Iterable[Exercise], count: int) -> None:
        self.form = form
        self.moves = {move.pk: move for move in moves}
        self.count = count
        doses = {pk: library_dose(move) for pk, move in self.moves.items()}
        choices = [("", "—")] + [(pk, move.name) for pk, move in self.moves.items()]
        for n in range(1, self.count + 1):
            form.fields[f"exercise_{n}"] = forms.TypedChoiceField(
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                label=f"Exercise {n}",
                widget=ExerciseSelect(doses, attrs={"data-exercise": ""}),
            )
            form.fields[f"sets_{n}"] = forms.IntegerField(
                min_value=1, max_value=10, required=False, label="Sets"
            )
            form.fields[f"low_{n}"] = forms.IntegerField(
                min_value=1, max_value=600, required=False, label="From"
            )
            form.fields[f"high_{n}"] = forms.IntegerField(
                min_value=1, max_value=600, required=False, label="to"
            )
            form.fields[f"counted_in_{n}"] = forms.ChoiceField(
                choices=COUNTED_IN, required=False, label="Counted in"
            )

    @staticmethod
    def count_for(items: Sequence[StoredDose]) -> int:
        """Room for the builder's longest session, and for every line a session holds."""
        return max(EXERCISE_LINES, len(items))

    @staticmethod
    def initial(items: Sequence[StoredDose]) -> dict[str, Any]:
        """The stored lines as the form's initial values: a plank in seconds, a lunge per side."""
        initial: dict[str, Any] = {}
        for n, item in enumerate(items, start=1):
            dose = stored_dose(item)
            initial |= {
                f"exercise_{n}": item.exercise_id,
                f"sets_{n}": dose.sets,
                f"low_{n}": dose.low,
                f"high_{n}": dose.high,
                f"counted_in_{n}": dose.counted_in,
            }
        return initial

    @property
    def bound(self) -> list[LineFields]:
        return [
            LineFields(n, *(self.form[f"{name}_{n}"] for name in LINE_FIELDS))
            for n in range(1, self.count + 1)
        ]

    def clean(self) -> list[ExerciseLine]:
        """The filled lines in order; a line with a problem gets its message and is left out
        (the form is then invalid, so nothing is saved)."""
        lines = []
        for n in range(1, self.count + 1):
            if any(f"{name}_{n}" in self.form.errors for name in LINE_FIELDS):
                continue
            line = self._clean_line(n)
            if line is not None:
                lines.append(line)
        return lines

    def _clean_line(self, n: int) -> ExerciseLine | None:
        data = self.form.cleaned_data
        exercise = self.moves.get(data.get(f"exercise_{n}") or 0)
        given = Dose(
            data.get(f"sets_{n}"),
            data.get(f"counted_in_{n}") or "",
            data.get(f"low_{n}"),
            data.get(f"high_{n}"),
        )
        if exercise is None:
            if given.sets or given.counted_in or given.low or given.high:
                self.form.add_error(f"exercise_{n}", "Pick the exercise for these numbers.")
            return None
        dose = self._completed(n, exercise, given)
        if dose is None:
            return None
        side = dose.counted_in.endswith(PER_SIDE)
        assert dose.sets is not None and dose.low is not None  # checked by _completed
        if dose.unit == "reps":
            return ExerciseLine(exercise.pk, dose.sets, dose.low, dose.high, per_side=side)
        return ExerciseLine(
            exercise.pk, dose.sets, per_side=side, duration_min=dose.low, duration_max=dose.high
        )

    def _completed(self, n: int, exercise: Exercise, given: Dose) -> Dose | None:
        """What the coach gave, with the library's dose wherever they left a gap."""
        library = library_dose(exercise)
        counted_in = given.counted_in or library.counted_in
        if not counted_in:
            self.form.add_error(
                f"counted_in_{n}", f"Say whether {exercise.name} is counted in reps or seconds."
            )
            return None
        unit = counted_in.removesuffix(PER_SIDE)
        low, high = given.low, given.high
        if low is None and high is None:
            if unit != library.unit:
                self.form.add_error(f"low_{n}", f"Give the {unit} for {exercise.name}.")
                return None
            low, high = library.low, library.high
        elif low is None:
            low, high = high, None
        sets = given.sets or library.sets
        if not sets:
            self.form.add_error(f"sets_{n}", f"Give the sets for {exercise.name}.")
            return None
        lowest, highest = LIMITS[unit]
        if not all(lowest <= value <= highest for value in (low, high) if value is not None):
            message = f"{unit.capitalize()} for {exercise.name} go from {lowest} to {highest}."
            self.form.add_error(f"low_{n}", message)
            return None
        if high is not None and low is not None and high < low:
            self.form.add_error(f"high_{n}", "The top of the range is below its bottom.")
            return None
        return Dose(sets, counted_in, low, high)
