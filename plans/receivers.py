from accounts.signals import profile_changed
from plans import services


def replan_after_profile_change(sender, profile, **kwargs):
    """New days, goal or injury: the untouched days ahead are planned again, in the same
    transaction as the profile change."""
    if profile.is_onboarded:
        services.weeks_regenerate(runner=profile.user, today=profile.today())


def connect() -> None:
    profile_changed.connect(replan_after_profile_change, dispatch_uid="plans.replan")
