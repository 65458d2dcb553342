from dataclasses import dataclass
from datetime import date

from django import template

from accounts.models import RunnerProfile
from plans.models import Session, Status
from reminders import selectors
from reminders.models import State

register = template.Library()


@dataclass(frozen=True)
class Badge:
    text: str
    style: str


def reminder_badge(
    *, state: str, session: Session, reminders_on: bool, today: date, own: bool
) -> Badge | None:
    """What the week page says about one run's post-run email, true for the runner's settings
    as they are now (a row still scheduled when reminders were turned off is never sent)."""
    if state == State.SENT:
        return Badge("Routine emailed", "rs-chip-done")
    if state == State.FAILED:
        return Badge("Routine email not delivered", "rs-chip-danger")
    if session.status == Status.SKIPPED:
        return None
    if not reminders_on:
        return Badge(
            "No email: reminders are off" if own else "No email: their reminders are off",
            "rs-chip-neutral",
        )
    if state in (State.SCHEDULED, State.SENDING):
        text = "We’ll email you a routine after this run" if own else "Routine email after this run"
        return Badge(text, "rs-chip-neutral")
    if session.status == Status.PLANNED and session.date >= today:
        # No usual run time that day: the email follows the run being logged or ticked done.
        text = (
            "We’ll email you a routine when you log this run"
            if own
            else "Routine email once this run is logged"
        )
        return Badge(text, "rs-chip-neutral")
    return None


@register.filter
def reminder_state(badges: dict, session) -> Badge | None:
    """`{{ badges|reminder_state:session }}` with badges from `{% reminder_badges %}`."""
    return badges.get(session.pk)


@register.inclusion_tag("reminders/_failed.html")
def failed_reminders(user):
    return {"failed": selectors.failed_for(user)}


@register.simple_tag
def reminder_badges(
    sessions: list[Session], profile: RunnerProfile, today: date, own: bool
) -> dict[int, Badge]:
    """`{% reminder_badges week.sessions profile today own as badges %}`: every run's badge,
    in one query."""
    runs = [session for session in sessions if session.is_run]
    states = selectors.statuses_for(runs)
    badges = {
        run.pk: reminder_badge(
            state=states.get(run.pk, State.CANCELLED),
            session=run,
            reminders_on=profile.reminders_enabled,
            today=today,
            own=own,
        )
        for run in runs
    }
    return {pk: badge for pk, badge in badges.items() if badge is not None}
