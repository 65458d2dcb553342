from typing import Any

from accounts.models import RunnerProfile
from accounts.signals import profile_changed
from feeds import services


def _profile_changed(sender: Any, profile: RunnerProfile, **kwargs: Any) -> None:
    services.calendar_events_touch(runner_id=profile.user_id)


def connect() -> None:
    profile_changed.connect(_profile_changed, sender=RunnerProfile, dispatch_uid="feeds.profile")
