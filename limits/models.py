from django.db import models
from django.utils import timezone


class Hit(models.Model):
    """One counted attempt (a sign-up, a plan preview) by one key (an address, an IP, a user).

    Rows in the database, not a per-process cache, so every web process counts the same
    attempts; the sweep deletes rows older than any window.
    """

    scope = models.CharField(max_length=40)
    key = models.CharField(max_length=254)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["scope", "key", "at"], name="limits_hit_window")]

    def __str__(self) -> str:
        return f"{self.scope} by {self.key} at {self.at:%Y-%m-%d %H:%M:%S}"
