"""A run as a FIT workout file for a watch, written with fit-tool.

Repeats are unrolled (run, jog, run, jog...) rather than written as FIT repeat steps: every
watch shows them the same way, and a step's name can say which round it is."""

from datetime import datetime

from fit_tool.fit_file_builder import FitFileBuilder  # type: ignore[import-untyped]
from fit_tool.profile.messages.file_id_message import FileIdMessage  # type: ignore[import-untyped]
from fit_tool.profile.messages.workout_message import WorkoutMessage  # type: ignore[import-untyped]
from fit_tool.profile.messages.workout_step_message import WorkoutStepMessage  # type: ignore[import-untyped]
from fit_tool.profile.profile_type import (  # type: ignore[import-untyped]
    FileType,
    Intensity,
    Manufacturer,
    Sport,
    WorkoutStepDuration,
    WorkoutStepTarget,
)

from feeds import steps
from plans.models import Session

INTENSITIES = {
    "warm-up": Intensity.WARMUP,
    "main": Intensity.ACTIVE,
    "recovery": Intensity.RECOVERY,
    "cool-down": Intensity.COOLDOWN,
}
NAME_LENGTH = 40  # fit-tool keeps 50 bytes for a string; names stay well inside


def step_name(step: steps.Step, round_: int, rounds: int) -> str:
    name = f"{steps.PARTS[step.part]} {step.words}"
    return f"{name} ({round_}/{rounds})" if rounds > 1 else name


def speed_range(pace: tuple[int, int]) -> tuple[float, float]:
    """Seconds per km, fastest first, as metres per second, slowest first."""
    fast, slow = pace
    return round(1000 / slow, 3), round(1000 / fast, 3)


def _step_message(index: int, step: steps.Step, round_: int, rounds: int) -> WorkoutStepMessage:
    message = WorkoutStepMessage()
    message.message_index = index
    message.workout_step_name = step_name(step, round_, rounds)[:NAME_LENGTH]
    message.intensity = INTENSITIES[step.part]
    message.duration_type = WorkoutStepDuration.TIME
    message.duration_time = float(step.minutes * 60)  # seconds; fit-tool stores milliseconds
    if step.pace is None:
        message.target_type = WorkoutStepTarget.OPEN
        message.target_value = 0
    else:
        low, high = speed_range(step.pace)
        message.target_type = WorkoutStepTarget.SPEED
        message.target_value = 0  # 0: a custom range, not a speed zone
        message.custom_target_speed_low = low
        message.custom_target_speed_high = high
    return message


def workout_name(session: Session) -> str:
    return f"{session.title} {session.date:%-d %b}"[:NAME_LENGTH]


def workout_fit(session: Session, *, created: datetime) -> bytes:
    """The run's steps as a FIT workout file."""
    file_id = FileIdMessage()
    file_id.type = FileType.WORKOUT
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.serial_number = session.pk
    file_id.time_created = round(created.timestamp() * 1000)
    ordered = steps.steps_in_order(steps.step_groups(session))
    workout = WorkoutMessage()
    workout.workout_name = workout_name(session)
    workout.sport = Sport.RUNNING
    workout.num_valid_steps = len(ordered)
    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    builder.add(file_id)
    builder.add(workout)
    builder.add_all([_step_message(index, *item) for index, item in enumerate(ordered)])
    return bytes(builder.build().to_bytes())
