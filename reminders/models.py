from django.db import models
from django.db.models import Q
from django.utils import timezone


class State(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Not due"


class Reminder(models.Model):
    """The post-run email of one run: when it is due, and how sending it went.

    The schedule lives here, not in the broker: beat sweeps due rows and a sender claims a
    batch of them with one conditional UPDATE that gives the batch a token and a lease, so a
    lost task message never loses an email and two senders never hold the same row. Every
    later write names the token and changes nothing once the claim was lost.
    """

    session = models.OneToOneField(
        "plans.Session", on_delete=models.CASCADE, related_name="reminder"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.CANCELLED)
    due_at = models.DateTimeField(null=True, blank=True, help_text="Next try (UTC).")
    claimed_until = models.DateTimeField(null=True, blank=True)
    claim_token = models.CharField(max_length=32, blank=True)
    first_try_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="The done link's clock starts here, so a resend has it too.",
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            # The claim reads the due rows in due order, and apart from them the leases run out.
            models.Index(
                fields=["due_at"], condition=Q(state=State.SCHEDULED), name="reminder_scheduled_due"
            ),
            models.Index(
                fields=["claimed_until"],
                condition=Q(state=State.SENDING),
                name="reminder_sending_lease",
            ),
        ]

    def __str__(self):
        return f"Reminder for {self.session} ({self.get_state_display()})"


class SenderSlot(models.Model):
    """One of the `REMINDER_SENDERS` senders that may run at once, busy until `busy_until`.

    The sweep books a free slot for a sender it queues, for a short while; the sender takes it
    for its whole run when it starts (naming the booking's token) and frees it when done. So
    senders already running, or queued and about to run, are not piled up every few seconds,
    and a booking whose task message was lost frees itself soon."""

    busy_until = models.DateTimeField(null=True, blank=True)
    token = models.CharField(max_length=32, blank=True)

    def __str__(self):
        return f"Sender {self.pk} busy until {self.busy_until}"
