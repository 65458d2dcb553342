"""The week, its sessions and run logs as the JSON API shows them, to the runner and their
coach alike (from `plans.selectors.week_view`, so the queries stay flat)."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from plans.models import RunLog, Session, SessionExercise
from plans.selectors import WeekView


class SessionExerciseSerializer(serializers.Serializer):
    slug = serializers.CharField(source="exercise.slug")
    name = serializers.CharField(source="exercise.name")
    sets = serializers.IntegerField()
    rep_min = serializers.IntegerField(allow_null=True)
    rep_max = serializers.IntegerField(allow_null=True)
    duration_min = serializers.IntegerField(allow_null=True, help_text="Seconds.")
    duration_max = serializers.IntegerField(allow_null=True, help_text="Seconds.")
    per_side = serializers.BooleanField()
    dose = serializers.CharField(source="dose_text")


class SessionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    date = serializers.DateField()
    kind = serializers.CharField()
    purpose = serializers.CharField(help_text="A run's purpose (easy, long, …); empty otherwise.")
    title = serializers.CharField()
    minutes = serializers.IntegerField()
    activity = serializers.CharField(
        source="activity.slug", allow_null=True, help_text="Cross-training's activity."
    )
    post_run = serializers.BooleanField(help_text="The strength block after a run.")
    for_run = serializers.IntegerField(source="for_run_id", allow_null=True)
    status = serializers.CharField()
    status_note = serializers.CharField()
    source = serializers.CharField()
    coach_note = serializers.CharField()
    placement_note = serializers.CharField()
    moved_from = serializers.DateField(allow_null=True)
    run_log = serializers.SerializerMethodField()
    distance_km = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    structure = serializers.JSONField(help_text="A run's steps: warm-up, main set, cool-down.")
    exercises = serializers.SerializerMethodField()

    def get_run_log(self, session: Session) -> int | None:
        return session.run_log.pk if session.has_log else None

    @staticmethod
    def _exercises(session: Session) -> list[SessionExercise]:
        prefetched = getattr(session, "exercise_list", None)
        if prefetched is not None:
            return prefetched
        return list(session.exercises.select_related("exercise"))

    @extend_schema_field(SessionExerciseSerializer(many=True))
    def get_exercises(self, session: Session) -> list[dict[str, Any]]:
        return SessionExerciseSerializer(self._exercises(session), many=True).data


class RunLogSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    date = serializers.DateField()
    distance_m = serializers.IntegerField()
    duration_seconds = serializers.IntegerField()
    effort = serializers.IntegerField(allow_null=True, help_text="1–10; empty when imported.")
    notes = serializers.CharField()
    session = serializers.IntegerField(source="session_id", allow_null=True)


class WeekDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    is_today = serializers.BooleanField()
    is_rest = serializers.BooleanField(help_text="A planned rest day.")
    sessions = SessionSerializer(many=True)
    extra_runs = RunLogSerializer(many=True, help_text="Runs logged with no session left.")


class WeekSerializer(serializers.Serializer):
    week_start = serializers.DateField()
    phase = serializers.SerializerMethodField(help_text="Empty for a week never planned.")
    notes = serializers.SerializerMethodField(help_text="What the planner says about the week.")
    coach_note = serializers.SerializerMethodField()
    days = WeekDaySerializer(many=True)

    def get_phase(self, week: WeekView) -> str | None:
        return week.plan.phase if week.plan else None

    def get_notes(self, week: WeekView) -> list[str]:
        return [str(note) for note in week.plan.notes] if week.plan else []

    def get_coach_note(self, week: WeekView) -> str | None:
        return week.coach_note.text if week.coach_note else None


def week_json(week: WeekView) -> dict[str, Any]:
    return WeekSerializer(week).data


def run_log_json(run_log: RunLog) -> dict[str, Any]:
    return RunLogSerializer(run_log).data
