from django.db import models
from django.utils import timezone


class State(models.TextChoices):
    QUEUED = "queued", "Waiting to send"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Could not be sent"


class Email(models.Model):
    """One email, rendered and stored before it is sent: the row is the queue.

    Like the post-run reminders, beat sweeps rows that are due and a worker claims each one
    with a conditional UPDATE, so a mail server that is down delays an email, never loses it.
    """

    to = models.EmailField()
    subject = models.CharField(max_length=255)
    text = models.TextField()
    html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    kind = models.CharField(max_length=40, help_text="Which email this is, e.g. invitation.")
    secret = models.BooleanField(
        default=False, help_text="The body holds a one-time link: it is wiped once sent."
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    next_try_at = models.DateTimeField(default=timezone.now)
    claimed_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["state", "next_try_at"], name="outbox_due"),
            models.Index(fields=["kind", "to", "created_at"], name="outbox_kind_to"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} to {self.to} ({self.get_state_display()})"

    @property
    def is_failing(self) -> bool:
        """It has not gone yet and at least one try failed: the sender should know."""
        return self.state != State.SENT and bool(self.last_error)
