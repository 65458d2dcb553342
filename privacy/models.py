from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

EXPORT_KEPT_FOR = timedelta(days=7)


class ExportState(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Being built"
    READY = "ready", "Ready to download"
    FAILED = "failed", "Could not be built"


class DataExport(models.Model):
    """One zip of everything a person keeps here, built by a task and kept for a week."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    state = models.CharField(max_length=10, choices=ExportState.choices, default=ExportState.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Percent done.")
    claimed_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    archive = models.BinaryField(blank=True)
    size_bytes = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Export {self.pk} for {self.user} ({self.get_state_display()})"

    @property
    def expires_at(self):
        return (self.finished_at or self.created_at) + EXPORT_KEPT_FOR

    @property
    def in_progress(self) -> bool:
        return self.state in (ExportState.QUEUED, ExportState.RUNNING)

    @property
    def file_name(self) -> str:
        return f"runstrong-data-{self.created_at:%Y-%m-%d}.zip"


class FormerAthlete(models.Model):
    """All a coach keeps of an athlete who deleted their account: that the link existed."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="former_athletes"
    )
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField()

    class Meta:
        ordering = ["-ended_at"]

    def __str__(self) -> str:
        return f"A former athlete of {self.coach}"
