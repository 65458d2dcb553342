"""What the schema says plan-preview and assignments take and answer. Those two endpoints read
their bodies themselves (`plans.api.parse_preview`, `_assignment_errors`); these serializers
only describe them."""

from rest_framework import serializers

from accounts.models import MAX_DAY_MINUTES, RunnerType
from exercises.vocabulary import Activity, Equipment, InjuryArea, Place
from plans.builder import DAY_KEYS


class PreviewDay(serializers.Serializer):
    available = serializers.BooleanField()
    minutes = serializers.IntegerField(min_value=0, max_value=MAX_DAY_MINUTES)


class PreviewDays(serializers.Serializer):
    mon = PreviewDay()
    tue = PreviewDay()
    wed = PreviewDay()
    thu = PreviewDay()
    fri = PreviewDay()
    sat = PreviewDay()
    sun = PreviewDay()


class BestEffort(serializers.Serializer):
    distance_km = serializers.FloatField(min_value=0, help_text="Above 0.")
    time = serializers.CharField(help_text='"h:mm:ss" or "mm:ss".')


class PreviewRequest(serializers.Serializer):
    runner_type = serializers.ChoiceField(choices=RunnerType.choices)
    week_start = serializers.DateField(help_text="A Monday, 2000–2100.")
    days = PreviewDays()
    long_run_day = serializers.ChoiceField(choices=[(key, key) for key in DAY_KEYS])
    race_date = serializers.DateField(required=False, allow_null=True)
    injury = serializers.ChoiceField(
        choices=InjuryArea.choices, required=False, allow_null=True, allow_blank=True
    )
    likes = serializers.ListField(
        child=serializers.ChoiceField(choices=Activity.choices), required=False, allow_null=True
    )
    equipment = serializers.ListField(
        child=serializers.ChoiceField(choices=Equipment.choices), required=False, allow_null=True
    )
    places = serializers.ListField(
        child=serializers.ChoiceField(choices=Place.choices),
        required=False,
        allow_null=True,
        help_text="Left out: all of them.",
    )
    best_effort = BestEffort(
        required=False, allow_null=True, help_text="A recent race or time trial: runs get paces."
    )


class PreviewExercise(serializers.Serializer):
    name = serializers.CharField()
    sets = serializers.IntegerField()
    reps_min = serializers.IntegerField(allow_null=True)
    reps_max = serializers.IntegerField(allow_null=True)
    per_side = serializers.BooleanField()
    plyometric = serializers.BooleanField()


class PreviewSession(serializers.Serializer):
    kind = serializers.CharField(help_text='run, cross_training, strength or "rest".')
    purpose = serializers.CharField(allow_null=True)
    minutes = serializers.IntegerField()
    activity = serializers.CharField(allow_null=True)
    post_run_strength = serializers.BooleanField()
    exercises = PreviewExercise(many=True)
    distance_km = serializers.DecimalField(
        max_digits=5, decimal_places=2, allow_null=True, required=False, help_text="Runs only."
    )
    structure = serializers.ListField(
        child=serializers.DictField(), required=False, help_text="A run's steps."
    )


class PreviewDayPlan(serializers.Serializer):
    date = serializers.DateField()
    sessions = PreviewSession(many=True)


class PreviewWeek(serializers.Serializer):
    phase = serializers.CharField()
    notes = serializers.ListField(child=serializers.CharField())
    days = PreviewDayPlan(many=True)


class AssignmentRequest(serializers.Serializer):
    template = serializers.IntegerField(min_value=1)
    athletes = serializers.ListField(child=serializers.IntegerField(min_value=1), min_length=1)
    start = serializers.DateField(help_text="A Monday, this week or later.")
    override_return = serializers.BooleanField(required=False, default=False)


class AssignmentCreated(serializers.Serializer):
    id = serializers.IntegerField()
    athlete = serializers.IntegerField()
    start = serializers.DateField()
    end = serializers.DateField()


class AssignmentsCreated(serializers.Serializer):
    assignments = AssignmentCreated(many=True)
