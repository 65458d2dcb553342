"""The limiter counts rows inside a sliding window and says when the oldest one leaves it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from limits.models import Hit
from limits.services import Counter, Limit, LimitReached, hits_prune, limit_hit

pytestmark = pytest.mark.django_db
THREE_AN_HOUR = Limit(count=3, window=timedelta(hours=1), message="Three an hour.")


def counter(key: str = "a") -> Counter:
    return Counter(scope="test", key=key, limit=THREE_AN_HOUR)


def test_the_count_is_allowed_and_one_more_is_refused_with_the_wait_until_the_oldest_leaves():
    now = timezone.now()
    Hit.objects.create(scope="test", key="a", at=now - timedelta(minutes=50))
    limit_hit(counter())
    limit_hit(counter())  # the third: still allowed
    with pytest.raises(LimitReached) as refused:
        limit_hit(counter())
    assert 595 <= refused.value.retry_after <= 600
    assert refused.value.message == "Three an hour. Try again in 10 minutes."
    assert Hit.objects.count() == 3


def test_rows_older_than_the_window_do_not_count():
    Hit.objects.bulk_create(
        Hit(scope="test", key="a", at=timezone.now() - timedelta(hours=1, seconds=1))
        for _ in range(3)
    )
    limit_hit(counter())


def test_keys_and_scopes_are_counted_apart():
    for _ in range(3):
        limit_hit(counter("a"))
    limit_hit(counter("b"))
    limit_hit(Counter(scope="other", key="a", limit=THREE_AN_HOUR))


def test_a_refusal_on_one_counter_counts_nothing_on_the_others():
    for _ in range(3):
        limit_hit(counter("full"))
    with pytest.raises(LimitReached):
        limit_hit(counter("free"), counter("full"))
    assert not Hit.objects.filter(key="free").exists()


def test_prune_forgets_only_rows_older_than_any_window():
    old = Hit.objects.create(scope="test", key="a", at=timezone.now() - timedelta(days=3))
    recent = Hit.objects.create(scope="test", key="a")
    assert hits_prune() == 1
    assert list(Hit.objects.all()) == [recent]
    assert not Hit.objects.filter(pk=old.pk).exists()
