"""Signals accounts sends so that other apps can follow a runner without accounts knowing them."""

from django.dispatch import Signal

# Sent inside profile_save's transaction after commitments, goals or injury may have changed.
profile_changed = Signal()  # kwargs: profile

# Sent inside coaching_end's transaction once a coach–athlete link has ended.
coaching_ended = Signal()  # kwargs: coaching

# Sent inside account_update's transaction: the name shown to others may have changed.
account_changed = Signal()  # kwargs: user
