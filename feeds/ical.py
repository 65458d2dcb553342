"""The feed's events as an iCalendar file (RFC 5545), built with the `icalendar` library."""

from collections.abc import Sequence
from datetime import timedelta

from icalendar import Calendar, Event

from feeds.selectors import FeedEvent

PRODUCT_ID = "-//RunStrong//Training plan//EN"


def calendar_bytes(events: Sequence[FeedEvent], *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    # Ask clients to look again every hour at most: the plan changes by the day.
    calendar.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    for item in sorted(events, key=lambda event: (event.day, event.uid)):
        calendar.add_component(_event(item))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _event(item: FeedEvent) -> Event:
    event = Event()
    event.add("uid", item.uid)
    event.add("sequence", item.sequence)
    event.add("dtstamp", item.stamp)
    event.add("last-modified", item.stamp)
    event.add("summary", item.summary)
    event.add("description", item.description)
    if item.start is None:  # all day: DTEND is the next day, which the event does not include
        event.add("dtstart", item.day)
        event.add("dtend", item.day + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        event.add("dtstart", item.start)
        event.add("dtend", item.start + timedelta(minutes=item.minutes))
    return event
