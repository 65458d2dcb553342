from django import template

from reminders import selectors

register = template.Library()


@register.filter
def reminder_state(statuses: dict, session) -> str:
    """`{{ statuses|reminder_state:session }}` with statuses from `selectors.statuses_for`."""
    return statuses.get(session.pk, "")


@register.inclusion_tag("reminders/_failed.html")
def failed_reminders(user):
    return {"failed": selectors.failed_for(user)}


@register.simple_tag
def reminder_statuses(sessions) -> dict[int, str]:
    """`{% reminder_statuses week.sessions as statuses %}`: every run's state in one query."""
    return selectors.statuses_for([session for session in sessions if session.is_run])
