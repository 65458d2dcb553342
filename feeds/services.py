"""Writes for the calendar feeds; each function is one transaction."""

from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import User
from feeds.models import CalendarFeed
from feeds.tokens import digest_of, new_nonce, token_for
from plans.models import Session


@transaction.atomic
def calendar_feed_renew(*, owner: User, kind: str) -> str:
    """A new secret address for this feed, the old one (if any) dead at once; the token."""
    nonce = new_nonce()
    token = token_for(nonce)
    CalendarFeed.objects.update_or_create(
        owner=owner,
        kind=kind,
        defaults={"nonce": nonce, "digest": digest_of(token), "created_at": timezone.now()},
    )
    return token


def calendar_events_touch(*, runner_id: int) -> int:
    """The runner's usual run times or time zone may have changed: every session the feed can
    hold counts one more revision, so calendar apps take its new time."""
    since = timezone.now().date() - timedelta(days=16)  # the feed's two weeks, in any zone
    return Session.objects.filter(runner_id=runner_id, date__gte=since).update(
        revision=F("revision") + 1, changed_at=timezone.now()
    )
