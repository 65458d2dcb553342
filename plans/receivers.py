from accounts.models import Coaching
from accounts.signals import account_changed, coaching_ended, profile_changed
from plans import services
from plans.cache import week_changed
from plans.coaching import services as coaching_services


def replan_after_profile_change(sender, profile, **kwargs):
    """New days, goal or injury: the untouched days ahead are planned again, in the same
    transaction as the profile change."""
    week_changed(profile.user_id)  # units, time zone, goals and injury show on the week
    if profile.is_onboarded:
        services.weeks_regenerate(runner=profile.user, today=profile.today())


def end_assignments_with_coaching(sender, coaching: Coaching, **kwargs):
    """A former coach's template leaves the days ahead, in the coaching_end transaction."""
    coaching_services.coach_assignments_end(coach=coaching.coach, athlete=coaching.athlete)


def week_shows_account(sender, user, **kwargs):
    """The coach's copy of the week shows the runner's name."""
    week_changed(user.pk)


def connect() -> None:
    account_changed.connect(week_shows_account, dispatch_uid="plans.week_shows_account")
    profile_changed.connect(replan_after_profile_change, dispatch_uid="plans.replan")
    coaching_ended.connect(end_assignments_with_coaching, dispatch_uid="plans.end_assignments")
