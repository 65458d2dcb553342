from accounts.models import Coaching
from accounts.signals import coaching_ended, profile_changed
from plans import services
from plans.coaching import services as coaching_services


def replan_after_profile_change(sender, profile, **kwargs):
    """New days, goal or injury: the untouched days ahead are planned again, in the same
    transaction as the profile change."""
    if profile.is_onboarded:
        services.weeks_regenerate(runner=profile.user, today=profile.today())


def end_assignments_with_coaching(sender, coaching: Coaching, **kwargs):
    """A former coach's template leaves the days ahead, in the coaching_end transaction."""
    coaching_services.coach_assignments_end(coach=coaching.coach, athlete=coaching.athlete)


def connect() -> None:
    profile_changed.connect(replan_after_profile_change, dispatch_uid="plans.replan")
    coaching_ended.connect(end_assignments_with_coaching, dispatch_uid="plans.end_assignments")
