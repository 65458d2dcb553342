"""The return to running after an injury, as the coach's pages show it and as assignments keep
to it (the builder's weeks follow it on their own)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from accounts.models import Injury, RunnerProfile, User, last_cleared
from plans import builder
from plans.builder import MIX, RETURN_EASY_RUN_MAX, RETURN_LONG_RUN_MAX, ReturnBlock


@dataclass(frozen=True)
class Comeback:
    """A return still under way (or about to start) and the limits it holds runs to."""

    injury: Injury
    block: ReturnBlock
    steady_runs: int  # the most runs a week in the second stage: the fewest of the mix
    today: date
    easy_run_max: int = RETURN_EASY_RUN_MAX
    long_run_max: int = RETURN_LONG_RUN_MAX

    @property
    def easy_part_ahead(self) -> bool:
        """The weeks of two short easy runs are not over yet."""
        return self.block.easy_until is not None and self.block.easy_until >= self.today


def comeback(profile: RunnerProfile, injuries: Iterable[Injury], today: date) -> Comeback | None:
    """The return from the runner's last healed injury, if it runs today or later."""
    if profile.injured:
        return None
    healed = last_cleared(injuries)
    if healed is None:
        return None
    block = builder.return_block(
        cleared_on=healed.cleared_on, injury_days=healed.days, was_nothing=healed.was_nothing
    )
    if block is None or block.ends_on < today:
        return None
    (fewest_runs, _), _ = MIX[profile.runner_type]
    return Comeback(injury=healed, block=block, steady_runs=fewest_runs, today=today)


def comeback_in_week(athlete: User, week_start: date) -> Comeback | None:
    """The athlete's return from injury if the week from `week_start` is part of it; one query."""
    injuries = list(Injury.objects.filter(profile__user=athlete).select_related("profile"))
    if not injuries:
        return None
    profile = injuries[0].profile
    back = comeback(profile, injuries, profile.today())
    if back is None or week_start > back.block.ends_on:
        return None
    return back if back.block.cleared_on <= week_start + timedelta(days=6) else None


def comebacks_of_athletes(athletes: Iterable[User]) -> list[tuple[User, Comeback]]:
    """The athletes (in the order given) whose return from injury runs today or later."""
    profiles = {
        profile.user_id: profile
        for profile in RunnerProfile.objects.filter(user__in=athletes).prefetch_related("injuries")
    }
    found = []
    for athlete in athletes:
        profile = profiles.get(athlete.pk)
        back = comeback(profile, profile.injuries.all(), profile.today()) if profile else None
        if back is not None:
            found.append((athlete, back))
    return found
