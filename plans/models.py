from collections.abc import Iterable
from datetime import date
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from accounts.models import RunnerType
from exercises.models import dose_text

MAX_SESSION_MINUTES = 300


class SessionKind(models.TextChoices):
    RUN = "run", "Run"
    CROSS_TRAINING = "cross_training", "Cross-training"
    STRENGTH = "strength", "Strength"


class RunPurpose(models.TextChoices):
    EASY = "easy", "Easy run"
    LONG = "long", "Long run"
    SPEED = "speed", "Speed session"
    HILL = "hill", "Hill session"


class Status(models.TextChoices):
    PLANNED = "planned", "Planned"
    DONE = "done", "Done"
    SKIPPED = "skipped", "Skipped"


class Source(models.TextChoices):
    GENERATED = "generated", "Generated"
    COACH = "coach", "Set by the coach"
    TEMPLATE = "template", "From a plan template"
    RUNNER = "runner", "A run the runner added"


class Phase(models.TextChoices):
    OFF_SEASON = "off_season", "Off-season"
    BASE = "base", "Base"
    BUILD = "build", "Build"
    PEAK = "peak", "Peak"
    TAPER = "taper", "Taper"
    RACE_WEEK = "race_week", "Race week"


class PlanWeek(models.Model):
    """What the builder said about one runner's week: its phase and its notes."""

    runner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_weeks"
    )
    week_start = models.DateField()
    phase = models.CharField(max_length=20, choices=Phase.choices)
    notes = models.JSONField(default=list, blank=True)
    planned_from = models.DateField(help_text="Days before this were never planned.")
    generated_at = models.DateTimeField(default=timezone.now)
    generated_on = models.DateField(
        null=True, blank=True, help_text="The runner's date when the week was last planned."
    )
    run_target = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The season's most minutes of running for the week."
    )
    lighter = models.BooleanField(default=False, help_text="A planned lighter week.")
    why = models.JSONField(default=list, blank=True, help_text="Why the week is as it is.")

    class Meta:
        ordering = ["week_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["runner", "week_start"], name="one_plan_week_per_runner"
            ),
        ]

    def __str__(self):
        return f"{self.runner} — week of {self.week_start}"


PAUSE_MAX_DAYS = 84  # twelve weeks: a longer break is a new season


class PlanPause(models.Model):
    """Days the runner asked the plan to keep free: a holiday, an illness."""

    runner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_pauses"
    )
    start = models.DateField()
    end = models.DateField(help_text="The last day of the pause.")
    reason = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="pause_ends_after_it_starts"
            ),
        ]

    def __str__(self):
        return f"{self.runner} — pause {self.start} to {self.end}"


class SessionContent(models.Model):
    """What a session holds, on a runner's day or in a coach's template."""

    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=20, choices=SessionKind.choices)
    purpose = models.CharField(max_length=10, choices=RunPurpose.choices, blank=True)
    title = models.CharField(max_length=120)
    minutes = models.PositiveSmallIntegerField(validators=[MaxValueValidator(MAX_SESSION_MINUTES)])
    activity = models.ForeignKey(
        "exercises.Exercise", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    post_run = models.BooleanField(default=False)

    class Meta:
        abstract = True

    @property
    def is_run(self) -> bool:
        return self.kind == SessionKind.RUN


# Nobody has marked it done or skipped, and no run is logged against it.
OPEN = Q(status=Status.PLANNED, run_log__isnull=True)
# Open, planned by the generator and left where it was planned: a re-plan may replace it.
UNTOUCHED = OPEN & Q(source=Source.GENERATED, moved_from__isnull=True)


class SessionQuerySet(models.QuerySet["Session"]):
    """Which sessions a change may remove or replace; `Session.is_open` is the same rule."""

    def open(self) -> "SessionQuerySet":
        """What the coach may remove and the runner may still mark done or skipped."""
        return self.filter(OPEN)

    def untouched(self) -> "SessionQuerySet":
        """What a re-plan may replace: open sessions the generator planned, not moved."""
        return self.filter(UNTOUCHED)

    def touched(self) -> "SessionQuerySet":
        """What a re-plan leaves alone, and the days they are on with them."""
        return self.exclude(UNTOUCHED)

    def replaceable_by_template(self) -> "SessionQuerySet":
        """What a template assignment may replace: open sessions the generator or an earlier
        template planned; what the coach set or the runner added stays."""
        return self.filter(OPEN, source__in=[Source.GENERATED, Source.TEMPLATE])

    def going_with_blocks(self) -> "SessionQuerySet":
        """Of these sessions, those that may be removed with the post-run blocks of their runs:
        a block goes only with its run, and a run whose block the runner did or skipped stays
        with it."""
        return self.filter(for_run__isnull=True).exclude(
            post_run_block__status__in=[Status.DONE, Status.SKIPPED]
        )

    def ending_with(self, assignment_ids: Iterable[int], *, after: date) -> "SessionQuerySet":
        """What ending these assignments removes: their open template sessions after `after`
        (a run's block goes with it, deleted by the database)."""
        return (
            self.open()
            .filter(assignment_id__in=assignment_ids, date__gt=after, source=Source.TEMPLATE)
            .going_with_blocks()
        )


class Session(SessionContent):
    """One planned piece of training on one day: a run, cross-training or strength work."""

    runner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sessions"
    )
    date = models.DateField()
    post_run = models.BooleanField(default=False, help_text="The strength block after a run.")
    moved_from = models.DateField(
        null=True, blank=True, help_text="The day it was planned on, when the runner moved it."
    )
    for_run = models.OneToOneField(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="post_run_block",
        help_text="The run this post-run block follows; it goes when the run goes.",
    )
    is_new_activity = models.BooleanField(default=False)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.GENERATED)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    status_note = models.CharField(max_length=500, blank=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    routine_done_at = models.DateTimeField(
        null=True, blank=True, help_text="When the runner ticked this run's post-run routine."
    )
    assignment = models.ForeignKey(
        "Assignment", on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions"
    )
    coach_note = models.CharField(max_length=500, blank=True)
    placement_note = models.CharField(max_length=200, blank=True)
    needs_attention = models.BooleanField(
        default=False, help_text="A template session that found no free day in its week."
    )
    # A run's steps, in the shape of the plan-preview API: a list of
    # {"part": "warm-up"|"main"|"recovery"|"cool-down", "minutes": int, "repeat": int,
    #  "zone": "easy"|"long"|"marathon"|"threshold"|"interval"|"repetition"|"hill"|"recovery",
    #  "pace_per_km": ["m:ss", "m:ss"] | None}, whose minutes × repeat add up to the run's.
    structure = models.JSONField(
        default=list, blank=True, help_text="A run's steps: warm-up, main set, cool-down."
    )
    distance_km = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="The run's estimated distance at its target paces; empty without paces.",
    )
    # Both follow every save of the row (and a change of the runner's usual run times): the
    # calendar feed's SEQUENCE and DTSTAMP, so a calendar app updates its copy of the event.
    revision = models.PositiveIntegerField(default=0, editable=False)
    changed_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["date", "position"]
        indexes = [models.Index(fields=["runner", "date"])]

    def __str__(self):
        return f"{self.date} {self.title}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Every change of a saved session counts one revision (see `revision`)."""
        if not self._state.adding:
            self.revision += 1
            self.changed_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "revision", "changed_at"}
        super().save(*args, **kwargs)

    @property
    def has_log(self) -> bool:
        return hasattr(self, "run_log")  # the reverse one-to-one raises when there is none

    @property
    def is_open(self) -> bool:
        """Nobody has marked it or logged a run against it: see `SessionQuerySet`."""
        return self.status == Status.PLANNED and not self.has_log

    @property
    def runner_added(self) -> bool:
        """A run the runner logged on a day that planned none (or its block): extra, never
        part of the plan."""
        return self.source == Source.RUNNER

    @property
    def block(self) -> "Session | None":
        """This run's post-run strength block, if it has one."""
        try:
            return self.post_run_block
        except Session.DoesNotExist:
            return None


class ExerciseDose(models.Model):
    """One exercise of a strength session and how much of it: sets of reps or of seconds."""

    exercise = models.ForeignKey("exercises.Exercise", on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)
    sets = models.PositiveSmallIntegerField(default=1)
    rep_min = models.PositiveSmallIntegerField(null=True, blank=True)
    rep_max = models.PositiveSmallIntegerField(null=True, blank=True)
    per_side = models.BooleanField(default=False)
    duration_min = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_max = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["position"]

    def __str__(self):
        return f"{self.exercise} × {self.sets}"

    @property
    def amount_text(self) -> str:
        """One set's worth: "10–12 reps", "8 per leg", "30–60 s"."""
        return dose_text(
            kind=self.exercise.kind,
            rep_min=self.rep_min,
            rep_max=self.rep_max,
            per_side=self.per_side,
            duration_min=self.duration_min,
            duration_max=self.duration_max,
        )

    @property
    def dose_text(self) -> str:
        """ "3 × 10–12 reps", "2 × 8 per leg": the prescription as the week page shows it."""
        return f"{self.sets} × {self.amount_text}"


class SessionExercise(ExerciseDose):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="exercises")


class RunLog(models.Model):
    """A run the runner recorded; distance kept in metres whatever unit they typed."""

    runner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="run_logs"
    )
    session = models.OneToOneField(
        Session, on_delete=models.SET_NULL, null=True, blank=True, related_name="run_log"
    )
    date = models.DateField()
    distance_m = models.PositiveIntegerField()
    duration_seconds = models.PositiveIntegerField()
    effort = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="Empty for a run imported from a watch: the file does not know.",
    )
    notes = models.TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-created_at"]

    def __str__(self):
        return f"{self.runner} ran {self.distance_m} m on {self.date}"


class PlanTemplate(models.Model):
    """A coach's reusable plan of one to twelve weeks."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_templates"
    )
    name = models.CharField(max_length=120)
    description = models.TextField(max_length=2000, blank=True)
    runner_type = models.CharField(
        max_length=20, choices=RunnerType.choices, default=RunnerType.RECREATIONAL
    )
    weeks = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    archived = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["archived", "name"]

    def __str__(self):
        return self.name


class TemplateSession(SessionContent):
    template = models.ForeignKey(PlanTemplate, on_delete=models.CASCADE, related_name="sessions")
    week_index = models.PositiveSmallIntegerField(help_text="0 for the first week.")
    weekday = models.PositiveSmallIntegerField(help_text="0 for Monday.")

    class Meta:
        ordering = ["week_index", "weekday", "position"]

    def __str__(self):
        return f"week {self.week_index + 1}, day {self.weekday}: {self.title}"


class TemplateExercise(ExerciseDose):
    template_session = models.ForeignKey(
        TemplateSession, on_delete=models.CASCADE, related_name="exercises"
    )


class AssignmentQuerySet(models.QuerySet["Assignment"]):
    def active(self) -> "AssignmentQuerySet":
        return self.filter(ended_at__isnull=True)


class Assignment(models.Model):
    """A template placed on one athlete's calendar from a Monday; ended when unassigned."""

    template = models.ForeignKey(PlanTemplate, on_delete=models.PROTECT, related_name="assignments")
    athlete = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_assignments"
    )
    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    start = models.DateField(help_text="Always a Monday.")
    end = models.DateField(help_text="The last day of the template's last week.")
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["-start"]

    def __str__(self):
        return f"{self.template} for {self.athlete} from {self.start}"


class WeekNote(models.Model):
    """The coach's note on one athlete's week, shown on the athlete's week page."""

    runner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="week_notes"
    )
    week_start = models.DateField()
    text = models.TextField(max_length=2000)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["runner", "week_start"], name="one_week_note_per_week")
        ]

    def __str__(self):
        return f"Note on {self.runner}'s week of {self.week_start}"


class AthleteGroup(models.Model):
    """The coach's label for an athlete ("Tuesday club", "marathoners"), to sort and filter by."""

    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    athlete = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(max_length=40)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["coach", "athlete"], name="one_group_per_athlete")
        ]

    def __str__(self):
        return self.name


class WeekVersion(models.Model):
    """A counter that moves with every write changing what a runner's week page shows: the
    cached week pages are keyed by it, so a changed week is never served from the cache."""

    runner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="week_version",
    )
    number = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.runner}'s week, version {self.number}"


class AthleteSummary(models.Model):
    """One athlete's line on their coach's dashboard: the week's figures, stored so that a
    page of 50 athletes costs the same with 5,000. It is stale once the athlete's week version
    (`WeekVersion`, moved by every write to their week) differs from the one it was computed
    at, once the athlete's day ends (`valid_until`) or the week turns; the dashboard
    recomputes stale lines before it reads any."""

    runner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="dashboard_summary",
    )
    version = models.PositiveBigIntegerField(help_text="The week version it was computed at.")
    week_start = models.DateField()
    their_today = models.DateField()
    valid_until = models.DateTimeField(help_text="The athlete's next midnight (UTC).")
    minutes_done = models.PositiveIntegerField(default=0)
    minutes_due = models.PositiveIntegerField(default=0)
    minutes_week = models.PositiveIntegerField(default=0)
    sessions_done = models.PositiveIntegerField(default=0)
    sessions_due = models.PositiveIntegerField(default=0)
    sessions_week = models.PositiveIntegerField(default=0)
    flagged = models.PositiveIntegerField(default=0)
    last_activity = models.DateField(null=True, blank=True)
    silent = models.BooleanField(default=False)
    progress = models.FloatField(null=True, blank=True, help_text="Minutes done / due.")
    race_date = models.DateField(null=True, blank=True)
    race_label = models.CharField(max_length=40, blank=True)
    race_days = models.PositiveIntegerField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Dashboard line of {self.runner} for the week of {self.week_start}"
