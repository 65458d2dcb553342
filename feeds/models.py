from django.conf import settings
from django.db import models
from django.utils import timezone


class FeedKind(models.TextChoices):
    RUNNER = "runner", "My plan"
    SQUAD = "squad", "My athletes' key sessions"


class CalendarFeed(models.Model):
    """A secret calendar address. The token in it is never stored: it is derived from `nonce`
    with the site's key (see `feeds.tokens`), and the feed is found by the token's digest."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    kind = models.CharField(max_length=10, choices=FeedKind.choices)
    nonce = models.CharField(max_length=64)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "kind"], name="one_calendar_feed_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} calendar of {self.owner}"
