from django.conf import settings
from django.db import models
from django.utils import timezone


class Sport(models.TextChoices):
    RUN = "run", "Run"
    RIDE = "ride", "Ride"
    SWIM = "swim", "Swim"
    WALK = "walk", "Walk"
    HIKE = "hike", "Hike"
    ROW = "row", "Row"
    SKI = "ski", "Ski"
    ELLIPTICAL = "elliptical", "Elliptical"
    OTHER = "other", "Other activity"


class FileFormat(models.TextChoices):
    GPX = "gpx", "GPX"
    TCX = "tcx", "TCX"
    FIT = "fit", "FIT"


class ActivityManager(models.Manager["Activity"]):
    def get_queryset(self) -> models.QuerySet["Activity"]:
        # The original file is read only by the data export; pages never load its bytes.
        return super().get_queryset().defer("original")


class Activity(models.Model):
    """One recorded workout from a watch or phone: its numbers, splits and a light track."""

    runner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activities"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sport = models.CharField(max_length=12, choices=Sport.choices)
    started_at = models.DateTimeField(help_text="UTC.")
    distance_m = models.PositiveIntegerField()
    moving_seconds = models.PositiveIntegerField()
    elapsed_seconds = models.PositiveIntegerField()
    ascent_m = models.PositiveIntegerField(null=True, blank=True)
    avg_hr = models.PositiveSmallIntegerField(null=True, blank=True)
    max_hr = models.PositiveSmallIntegerField(null=True, blank=True)
    avg_cadence = models.PositiveSmallIntegerField(null=True, blank=True)
    max_cadence = models.PositiveSmallIntegerField(null=True, blank=True)
    splits = models.JSONField(default=dict, help_text='{"km": [...], "mi": [...]}')
    track = models.JSONField(default=list, help_text="[metres, moving s, lat, lon, elevation]")
    file_name = models.CharField(max_length=255)
    file_format = models.CharField(max_length=3, choices=FileFormat.choices)
    file_sha256 = models.CharField(max_length=64)
    original = models.BinaryField(
        blank=True, help_text="The file as uploaded, for the runner's data export."
    )
    session = models.ForeignKey(
        "plans.Session", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    run_log = models.ForeignKey(
        "plans.RunLog", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    logged_by_import = models.BooleanField(
        default=False, help_text="The import wrote the run log (not a hand log it joined)."
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ActivityManager()

    class Meta:
        ordering = ["-started_at"]
        verbose_name_plural = "activities"
        indexes = [models.Index(fields=["runner", "started_at"])]
        constraints = [
            models.UniqueConstraint(fields=["runner", "file_sha256"], name="one_import_per_file")
        ]

    def __str__(self) -> str:
        return f"{self.get_sport_display()} on {self.started_at:%Y-%m-%d %H:%M} UTC"

    @property
    def is_run(self) -> bool:
        return self.sport == Sport.RUN


class BatchState(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Importing"
    DONE = "done", "Finished"


class ImportBatch(models.Model):
    """Several files (or one .zip) uploaded at once, imported by a task; the page polls it."""

    runner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_batches"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    archive = models.BinaryField(blank=True, help_text="The uploaded .zip, until imported.")
    archive_name = models.CharField(max_length=255, blank=True)
    state = models.CharField(max_length=10, choices=BatchState.choices, default=BatchState.QUEUED)
    claimed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Import {self.pk} for {self.runner}"


class Outcome(models.TextChoices):
    PENDING = "pending", "Waiting"
    IMPORTED = "imported", "Imported"
    DUPLICATE = "duplicate", "Already imported"
    REFUSED = "refused", "Refused"


class ImportItem(models.Model):
    """One file of a batch: its bytes (or its name inside the .zip) until imported, then what
    became of it."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=255)
    content = models.BinaryField(blank=True)
    in_archive = models.BooleanField(default=False)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    message = models.CharField(max_length=500, blank=True)
    activity = models.ForeignKey(
        Activity, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "position"], name="one_item_per_position")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The file's own name, without the folders it had inside the .zip."""
        return self.name.rsplit("/", 1)[-1]
