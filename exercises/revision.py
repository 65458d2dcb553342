"""A token that changes whenever the exercise library does, for the pages that cache what it
shows (the week page shows names, doses and cues). Kept in the cache shared by every process;
a fresh token is a new clock reading, so a cache that lost it never brings an old one back."""

import time

from django.core.cache import cache
from django.db import transaction

LIBRARY_REVISION_KEY = "exercises:library-revision"


def library_revision() -> int:
    return int(cache.get_or_set(LIBRARY_REVISION_KEY, time.time_ns, timeout=None))


def library_changed() -> None:
    """Call inside the transaction that changes an exercise, its cues or its tags: the token
    moves once the change is committed, so no page is cached with the old library under the
    new token."""
    transaction.on_commit(lambda: cache.set(LIBRARY_REVISION_KEY, time.time_ns(), timeout=None))
