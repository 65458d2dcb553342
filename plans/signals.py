"""Signals the plans services send inside their transactions.

`run_changed` fires whenever a run session is created, moved, marked done, skipped or undone,
or gets or loses a run log, so that listeners (the post-run reminders) can keep their own rows
in step in the same transaction. Listeners read the session's current state; they must not
assume which change happened. Runs created in bulk come through `runs_created` instead.
"""

from django.dispatch import Signal

run_changed = Signal()  # kwargs: session

# Sent once for runs created in bulk (a generated week, an assigned template), so that
# listeners can keep their rows in step in a fixed number of queries. Kwargs: sessions.
runs_created = Signal()
