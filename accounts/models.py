from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any, ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone

from exercises.vocabulary import InjuryArea


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields: Any) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields: Any) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(
        self, email: str, password: str | None = None, **extra_fields: Any
    ) -> "User":
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email: str | None) -> "User":
        return self.get(email__iexact=email)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with their email address: a runner, a coach, or both."""

    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(max_length=150, blank=True)
    is_coach = models.BooleanField(default=False)
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)
    # When the person proved, through a signed link, that `email` reaches them; a coach's
    # invitation to that address is theirs to answer only once it is set.
    email_verified_at = models.DateTimeField(null=True, blank=True)
    # A new address the person asked for: `email` stays in force until the link sent here is opened.
    pending_email = models.EmailField(blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.display_name or self.email

    def get_full_name(self):
        return self.display_name or self.email

    def get_short_name(self):
        return self.display_name or self.email.split("@")[0]

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    def today(self) -> date:
        """The date it is now for this user: by their profile's time zone, or by the one a new
        profile starts with. Reads `runner_profile`: select it with the user in lists."""
        return getattr(self, "runner_profile", RunnerProfile()).today()


class CoachingQuerySet(models.QuerySet["Coaching"]):
    def current(self) -> "CoachingQuerySet":
        return self.filter(ended_at__isnull=True)


class Coaching(models.Model):
    """A coach–athlete link. An athlete has at most one current coach; ended links are kept."""

    coach = models.ForeignKey(User, on_delete=models.CASCADE, related_name="coachings_given")
    athlete = models.ForeignKey(User, on_delete=models.CASCADE, related_name="coachings")
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = CoachingQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["athlete"],
                condition=models.Q(ended_at__isnull=True),
                name="one_current_coach_per_athlete",
            ),
        ]

    def __str__(self):
        return f"{self.coach} coaches {self.athlete}"


MAX_TIME_ZONE_LENGTH = 64  # the longest IANA name has 32 characters
EARLIEST_DATE, LATEST_DATE = date(2000, 1, 1), date(2100, 12, 31)


def validate_time_zone(value: str) -> None:
    if len(value) > MAX_TIME_ZONE_LENGTH:
        raise ValidationError("That is not a time zone we know, e.g. Europe/London.")
    try:
        ZoneInfo(value)
    # OSError: a name the file system refuses (too long, a folder such as "Europe").
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ValidationError(f"“{value}” is not a time zone we know, e.g. Europe/London.") from exc


def validate_plausible_date(value: date) -> None:
    """Dates from forms and URLs stay within this century and the next: week and race
    arithmetic near year 1 or 9999 would overflow."""
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValidationError(f"Pick a date between {EARLIEST_DATE.year} and {LATEST_DATE.year}.")


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class RunnerType(models.TextChoices):
    RECREATIONAL = "recreational", "Recreational"
    COMPETITIVE = "competitive", "Competitive"


RUNNER_TYPE_HELP: dict[str, str] = {
    RunnerType.RECREATIONAL: (
        "You run for health and enjoyment: 3–4 runs and 2–3 other workouts a week."
    ),
    RunnerType.COMPETITIVE: (
        "You train for times and races: 4–6 runs and 1–2 other workouts a week."
    ),
}


class DistanceUnit(models.TextChoices):
    KM = "km", "Kilometres"
    MI = "mi", "Miles"


class RunnerProfile(models.Model):
    """What the planner needs to know about one runner; a coach may keep one too."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="runner_profile")
    runner_type = models.CharField(
        max_length=20, choices=RunnerType.choices, default=RunnerType.RECREATIONAL
    )
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    distance_unit = models.CharField(max_length=2, choices=DistanceUnit.choices, default="km")
    long_run_day = models.PositiveSmallIntegerField(choices=Weekday.choices, null=True, blank=True)
    injured = models.BooleanField(default=False)
    injury_area = models.CharField(max_length=20, choices=InjuryArea.choices, blank=True)
    injured_since = models.DateField(null=True, blank=True)
    injury_cleared_on = models.DateField(
        null=True, blank=True, help_text="When the runner last said an injury had healed."
    )
    # Lists of vocabulary values; nobody filters on them, so JSON keeps SQLite and PostgreSQL alike.
    liked_activities = models.JSONField(default=list, blank=True)
    equipment = models.JSONField(default=list, blank=True)
    places = models.JSONField(default=list, blank=True)
    reminders_enabled = models.BooleanField(default=True)
    reminder_delay_minutes = models.PositiveSmallIntegerField(
        default=15, validators=[MaxValueValidator(60)]
    )
    quiet_hours_start = models.TimeField(null=True, blank=True)
    quiet_hours_end = models.TimeField(null=True, blank=True)
    onboarded_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Runner profile of {self.user}"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def today(self) -> date:
        """The date it is now where the runner lives: "today" on every page about them."""
        return timezone.localdate(timezone.now(), self.zone)

    @property
    def is_onboarded(self) -> bool:
        return self.onboarded_at is not None

    @property
    def runner_type_help(self) -> str:
        return RUNNER_TYPE_HELP[self.runner_type]

    def in_quiet_hours(self, moment: time) -> bool:
        start, end = self.quiet_hours_start, self.quiet_hours_end
        if start is None or end is None or start == end:
            return False
        if start < end:
            return start <= moment < end
        return moment >= start or moment < end  # quiet hours that run past midnight

    def last_cleared_injury(self) -> "Injury | None":
        """The injury healed most recently (from `injuries`, prefetched or not)."""
        return last_cleared(self.injuries.all())


class Injury(models.Model):
    """One injury a runner reported, kept after it healed: where, from when, until when."""

    profile = models.ForeignKey(RunnerProfile, on_delete=models.CASCADE, related_name="injuries")
    # Blank and null only on injuries cleared before the history was kept.
    area = models.CharField(max_length=20, choices=InjuryArea.choices, blank=True)
    started_on = models.DateField(null=True, blank=True)
    cleared_on = models.DateField(null=True, blank=True)
    was_nothing = models.BooleanField(
        default=False, help_text="Cleared as “it was nothing”: no easing back into running."
    )

    class Meta:
        ordering = [models.F("cleared_on").desc(nulls_first=True), "-started_on", "-pk"]
        verbose_name_plural = "injuries"
        constraints = [
            models.UniqueConstraint(
                fields=["profile"],
                condition=models.Q(cleared_on__isnull=True),
                name="one_current_injury_per_profile",
            ),
            models.CheckConstraint(
                condition=models.Q(cleared_on__gte=models.F("started_on"))
                | models.Q(cleared_on__isnull=True)
                | models.Q(started_on__isnull=True),
                name="injury_cleared_after_it_started",
            ),
        ]

    def __str__(self):
        return f"{self.get_area_display() or 'Injury'} from {self.started_on or '?'}"

    @property
    def days(self) -> int | None:
        """How long a healed injury lasted; None while it lasts or when its start is unknown."""
        if self.started_on is None or self.cleared_on is None:
            return None
        return (self.cleared_on - self.started_on).days


def last_cleared(injuries: Iterable[Injury]) -> Injury | None:
    cleared = [injury for injury in injuries if injury.cleared_on is not None]
    return max(cleared, key=lambda injury: (injury.cleared_on, injury.pk), default=None)


MAX_DAY_MINUTES = 300  # what a runner can offer one day


class Commitment(models.Model):
    """One weekday of a runner's week: can they train, for how long, and at what time."""

    profile = models.ForeignKey(RunnerProfile, on_delete=models.CASCADE, related_name="commitments")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    available = models.BooleanField(default=False)
    minutes = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(MAX_DAY_MINUTES)]
    )
    usual_run_time = models.TimeField(null=True, blank=True)

    class Meta:
        ordering = ["weekday"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "weekday"], name="one_commitment_per_day"),
            models.CheckConstraint(
                condition=models.Q(minutes__lte=MAX_DAY_MINUTES), name="minutes_at_most_300"
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()}: {self.minutes if self.available else 'no'} min"


class GoalKind(models.TextChoices):
    RACE = "race", "Race"
    PERSONAL_BEST = "personal_best", "Personal best"
    PROCESS = "process", "Process goal"


class RaceDistance(models.TextChoices):
    FIVE_K = "5k", "5 km"
    TEN_K = "10k", "10 km"
    HALF = "half", "Half marathon"
    MARATHON = "marathon", "Marathon"
    OTHER = "other", "Other distance"


class ProcessFocus(models.TextChoices):
    BREATHING = "breathing", "Breathing pattern"
    NUTRITION = "nutrition", "Nutrition"
    SLEEP = "sleep", "Sleep"
    TECHNIQUE = "technique", "Technique"


class Goal(models.Model):
    """A race, a personal best to beat, or a process habit; a runner may have several."""

    profile = models.ForeignKey(RunnerProfile, on_delete=models.CASCADE, related_name="goals")
    kind = models.CharField(max_length=20, choices=GoalKind.choices)
    distance = models.CharField(max_length=10, choices=RaceDistance.choices, blank=True)
    distance_km = models.DecimalField(max_digits=6, decimal_places=3, null=True, blank=True)
    race_date = models.DateField(null=True, blank=True)
    target_time = models.DurationField(null=True, blank=True)
    pb_time = models.DurationField(null=True, blank=True)
    process_focus = models.CharField(max_length=20, choices=ProcessFocus.choices, blank=True)

    class Meta:
        ordering = ["kind", "race_date", "id"]

    def __str__(self):
        if self.kind == GoalKind.PROCESS:
            return self.get_process_focus_display()
        return f"{self.get_kind_display()}: {self.distance_label}"

    @property
    def distance_label(self) -> str:
        if self.distance == RaceDistance.OTHER and self.distance_km is not None:
            return f"{self.distance_km.normalize()} km"
        return self.get_distance_display()


class InvitationStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    REVOKED = "revoked", "Revoked"


INVITATION_DAYS = 7


def invitation_expiry() -> datetime:
    return timezone.now() + timedelta(days=INVITATION_DAYS)


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def pending(self) -> "InvitationQuerySet":
        return self.filter(status=InvitationStatus.PENDING, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """A coach's invitation to the runner with this email, answered through a signed link."""

    coach = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations_sent")
    email = models.EmailField()
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=invitation_expiry)
    status = models.CharField(
        max_length=10, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    message = models.ForeignKey(
        "outbox.Email",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The invitation email, and how sending it went.",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.coach} invites {self.email} ({self.status})"

    def is_expired(self, now: datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.expires_at


class PasswordResetRequest(models.Model):
    """Someone asked for a reset link for this address, which may or may not have an account.

    The page only writes this row, the same for every address, so it answers alike for
    all; a task looks the address up and queues the email after the response. The rows are
    also what the hourly limit per address counts."""

    email = models.EmailField()
    requested_at = models.DateTimeField(default=timezone.now)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["email", "requested_at"], name="reset_request_email"),
            models.Index(fields=["handled_at", "requested_at"], name="reset_request_waiting"),
        ]

    def __str__(self) -> str:
        return f"Password reset for {self.email} at {self.requested_at:%Y-%m-%d %H:%M}"
