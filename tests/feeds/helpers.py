from typing import Any

from django.urls import reverse
from icalendar import Calendar


def feed_url(token: str) -> str:
    return reverse("feeds:calendar_feed", args=[token])


def events(client, token: str) -> dict[str, Any]:
    """The feed's events by UID, parsed back with icalendar."""
    response = client.get(feed_url(token))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def uid(session) -> str:
    return f"session-{session.pk}@127.0.0.1"
