"""Rate limits counted in database rows: refuse before anything is sent or written."""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Min, Model, QuerySet
from django.utils import timezone

from limits.models import Hit

KEEP = timedelta(days=2)  # longer than any window


@dataclass(frozen=True)
class Limit:
    count: int
    window: timedelta
    message: str  # what the person is told, e.g. "You can send 20 invitations an hour."


class LimitReached(Exception):
    """Over a limit: `message` is for the person, `retry_after` says when they may try again."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


def limit_check(*, rows: QuerySet[Model], at_field: str, limit: Limit) -> None:
    """Raise LimitReached if `rows` already holds `limit.count` rows inside the window.

    `rows` are the real rows each attempt writes (invitations, reset requests), filtered to
    one key; `at_field` is their time stamp."""
    now = timezone.now()
    recent = rows.filter(**{f"{at_field}__gt": now - limit.window})
    if recent.count() >= limit.count:
        oldest: datetime = recent.aggregate(oldest=Min(at_field))["oldest"]
        wait = _seconds_until(oldest + limit.window, now)
        raise LimitReached(f"{limit.message} Try again in {_in_words(wait)}.", wait)


@dataclass(frozen=True)
class Counter:
    """The attempts of one kind (`scope`, e.g. "signup-ip") by one key (e.g. an IP)."""

    scope: str
    key: str
    limit: Limit


def limit_hit(*counters: Counter) -> None:
    """Count one attempt on every counter, or raise LimitReached and count nothing if any
    of them is already at its limit."""
    for counter in counters:
        limit_check(
            rows=Hit.objects.filter(scope=counter.scope, key=counter.key),
            at_field="at",
            limit=counter.limit,
        )
    now = timezone.now()
    Hit.objects.bulk_create(Hit(scope=c.scope, key=c.key, at=now) for c in counters)


def hits_prune() -> int:
    deleted, _ = Hit.objects.filter(at__lt=timezone.now() - KEEP).delete()
    return deleted


def _seconds_until(moment: datetime, now: datetime) -> int:
    return max(1, math.ceil((moment - now).total_seconds()))


def _in_words(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = math.ceil(seconds / 60)
    if minutes < 120:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{math.ceil(minutes / 60)} hours"
