from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Lower
from django.urls import reverse

from exercises.validation import MAX_CUE_LENGTH
from exercises.vocabulary import Equipment, Impact, InjuryArea, Kind, Muscle, Place

if TYPE_CHECKING:
    from accounts.models import User


class Facet(models.TextChoices):
    MUSCLE = "muscle", "Muscle"
    EQUIPMENT = "equipment", "Equipment"
    PLACE = "place", "Place"
    INJURY = "injury", "Injury area"


# Each facet's words, in the order pages list them.
FACET_VOCABULARY = {
    Facet.MUSCLE: Muscle,
    Facet.EQUIPMENT: Equipment,
    Facet.PLACE: Place,
    Facet.INJURY: InjuryArea,
}


class Tag(models.Model):
    """One word of the vocabulary as a row, so that list filters work on SQLite and PostgreSQL."""

    facet = models.CharField(max_length=20, choices=Facet.choices)
    code = models.CharField(max_length=40)
    name = models.CharField(max_length=60)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["facet", "position"]
        constraints = [
            models.UniqueConstraint(fields=["facet", "code"], name="unique_tag_per_facet"),
        ]

    def __str__(self):
        return self.name


class ExerciseQuerySet(models.QuerySet["Exercise"]):
    def library(self) -> "ExerciseQuerySet":
        return self.filter(owner__isnull=True)

    def visible_to(self, user: "User") -> "ExerciseQuerySet":
        """The library, the user's own exercises and those of the user's current coach."""
        current_coaches = get_user_model().objects.filter(
            coachings_given__athlete=user, coachings_given__ended_at__isnull=True
        )
        return self.filter(
            Q(owner__isnull=True) | Q(owner=user) | Q(owner__in=current_coaches.values("pk"))
        )

    def choosable_by(self, coach):
        """What a coach may link as an easier or harder variation: the library and their own."""
        return self.filter(Q(owner__isnull=True) | Q(owner=coach))


class Exercise(models.Model):
    """A strength move, cross-training activity, yoga pose or mobility drill.

    Library rows have no owner and are kept in step with `exercises/library.py` by the loader;
    a coach's own exercise belongs to that coach and is seen by them and their athletes.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="exercises",
        help_text="Empty for the seeded library.",
    )
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=140, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField(max_length=600)

    rep_min = models.PositiveSmallIntegerField("fewest reps", null=True, blank=True)
    rep_max = models.PositiveSmallIntegerField("most reps", null=True, blank=True)
    duration_min_seconds = models.PositiveIntegerField("shortest time (s)", null=True, blank=True)
    duration_max_seconds = models.PositiveIntegerField("longest time (s)", null=True, blank=True)
    per_side = models.BooleanField("per side", default=False, help_text="Reps count per leg/side.")
    hold_seconds_min = models.PositiveSmallIntegerField(
        "hold at the top from (s)", null=True, blank=True
    )
    hold_seconds_max = models.PositiveSmallIntegerField(
        "hold at the top to (s)", null=True, blank=True
    )
    default_sets = models.PositiveSmallIntegerField(null=True, blank=True)

    easier = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    harder = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    muscles = models.ManyToManyField(
        Tag, blank=True, related_name="+", limit_choices_to={"facet": Facet.MUSCLE}
    )
    equipment = models.ManyToManyField(
        Tag, blank=True, related_name="+", limit_choices_to={"facet": Facet.EQUIPMENT}
    )
    places = models.ManyToManyField(
        Tag, blank=True, related_name="+", limit_choices_to={"facet": Facet.PLACE}
    )
    suits = models.ManyToManyField(
        Tag,
        blank=True,
        related_name="+",
        limit_choices_to={"facet": Facet.INJURY},
        verbose_name="safe with these injuries",
    )
    avoids = models.ManyToManyField(
        Tag,
        blank=True,
        related_name="+",
        limit_choices_to={"facet": Facet.INJURY},
        verbose_name="avoid with these injuries",
    )

    impact = models.CharField(max_length=10, choices=Impact.choices, default=Impact.LOW)
    plyometric = models.BooleanField(default=False, help_text="Jumps or bounding.")
    running_sport = models.BooleanField(
        "running-focused sport",
        default=False,
        help_text="Soccer, rugby and the like: never counted as cross-training.",
    )
    leg_heavy = models.BooleanField(
        "heavy leg work",
        default=False,
        help_text="Leaves the legs tired: not the day before a long or speed run.",
    )

    objects = ExerciseQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                condition=Q(owner__isnull=True),
                name="unique_library_exercise_name",
                violation_error_message="The library already has an exercise with this name.",
            ),
            models.UniqueConstraint(
                Lower("name"),
                "owner",
                condition=Q(owner__isnull=False),
                name="unique_exercise_name_per_owner",
                violation_error_message="You already have an exercise with this name.",
            ),
            models.CheckConstraint(
                condition=Q(rep_min__lte=models.F("rep_max"))
                | Q(rep_min__isnull=True)
                | Q(rep_max__isnull=True),
                name="rep_min_not_above_rep_max",
                violation_error_message="The fewest reps cannot be more than the most reps.",
            ),
            models.CheckConstraint(
                condition=Q(duration_min_seconds__lte=models.F("duration_max_seconds"))
                | Q(duration_min_seconds__isnull=True)
                | Q(duration_max_seconds__isnull=True),
                name="duration_min_not_above_duration_max",
                violation_error_message="The shortest time cannot be longer than the longest time.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("exercises:detail", args=[self.slug])

    @property
    def dose_text(self) -> str:
        return dose_text(
            kind=self.kind,
            rep_min=self.rep_min,
            rep_max=self.rep_max,
            per_side=self.per_side,
            duration_min=self.duration_min_seconds,
            duration_max=self.duration_max_seconds,
        )

    @property
    def hold_text(self) -> str:
        if not (self.hold_seconds_min or self.hold_seconds_max):
            return ""
        return f"hold {_range(self.hold_seconds_min, self.hold_seconds_max)} s at the top"


# Each tag field of an Exercise and the facet its tags come from, in the order pages list them.
TAG_FIELDS = {
    "muscles": Facet.MUSCLE,
    "equipment": Facet.EQUIPMENT,
    "places": Facet.PLACE,
    "suits": Facet.INJURY,
    "avoids": Facet.INJURY,
}


def tag_lists(
    fields: Iterable[str] = TAG_FIELDS, *, tags: QuerySet | None = None
) -> list[Prefetch]:
    """Prefetch each tag field into `<field>_list`: one query per field, whatever the rows."""
    tags = Tag.objects.all() if tags is None else tags
    return [Prefetch(field, queryset=tags, to_attr=f"{field}_list") for field in fields]


def dose_text(
    *,
    kind: str,
    rep_min: int | None,
    rep_max: int | None,
    per_side: bool,
    duration_min: int | None,
    duration_max: int | None,
) -> str:
    """How much of it: "10–12 reps", "8 per leg", "30–60 s" or "20–45 min"."""
    if rep_min or rep_max:
        reps = _range(rep_min, rep_max)
        if per_side:
            return f"{reps} per {'leg' if kind == Kind.STRENGTH else 'side'}"
        return f"{reps} reps"
    if duration_min or duration_max:
        if all(
            value is None or (value >= 120 and value % 60 == 0)
            for value in (duration_min, duration_max)
        ):
            minutes = _range(
                duration_min and duration_min // 60, duration_max and duration_max // 60
            )
            text = f"{minutes} min"
        else:
            text = f"{_range(duration_min, duration_max)} s"
        return f"{text} per side" if per_side else text
    return ""


def _range(low: int | None, high: int | None) -> str:
    if low and high and low != high:
        return f"{low}–{high}"
    return str(low or high)


class Cue(models.Model):
    """One numbered step of an exercise's form cues."""

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="cues")
    position = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=MAX_CUE_LENGTH)

    class Meta:
        ordering = ["exercise", "position"]
        constraints = [
            models.UniqueConstraint(fields=["exercise", "position"], name="unique_cue_position"),
        ]

    def __str__(self):
        return self.text


class LibraryVersion(models.Model):
    """One row whose stamp changes with every write to the exercises, their cues or tags, in the
    writer's transaction: a worker's copy of the library is current while the stamp matches,
    and the cached week pages (which show names, doses and cues) are keyed by it.

    A stamp is never reused (a random value, not a counter), so a copy made inside a
    transaction that was later rolled back cannot pass for a later change's."""

    stamp = models.CharField(max_length=32)

    def __str__(self):
        return f"Library version {self.stamp}"
