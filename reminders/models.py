from django.db import models
from django.utils import timezone


class State(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Not due"


class Reminder(models.Model):
    """The post-run email of one run: when it is due, and how sending it went.

    The schedule lives here, not in the broker: beat sweeps due rows and a worker claims each
    with a conditional UPDATE, so a lost task message never loses an email and two workers
    never send one twice.
    """

    session = models.OneToOneField(
        "plans.Session", on_delete=models.CASCADE, related_name="reminder"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.CANCELLED)
    due_at = models.DateTimeField(null=True, blank=True, help_text="Next try (UTC).")
    claimed_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["state", "due_at"], name="reminder_due")]

    def __str__(self):
        return f"Reminder for {self.session} ({self.get_state_display()})"
