from django import template

from activities import selectors

register = template.Library()


@register.simple_tag
def activity_links(sessions) -> dict[int, int]:
    """`{% activity_links week.sessions as activity_links %}`: the activity imported for each
    done session, in one query whatever the number of activities."""
    return selectors.activity_ids_by_session(
        [session.pk for session in sessions if session.status == "done"]
    )


@register.filter
def activity_of(links: dict[int, int] | str, session) -> int | None:
    """The page's `activity_links`; "" when the including page never asked for them."""
    return links.get(session.pk) if isinstance(links, dict) else None
