from typing import Any

from django import template
from django.urls import reverse

from feeds import selectors
from feeds.models import FeedKind
from feeds.tokens import digest_of, token_for

register = template.Library()


@register.inclusion_tag("feeds/_feed_box.html", takes_context=True)
def calendar_feed_box(context: dict[str, Any], kind: str) -> dict[str, Any]:
    """The signed-in user's secret calendar link of this kind, to copy, or a button to make
    one. Only ever on the owner's own pages."""
    request = context["request"]
    feed = selectors.feed_of(request.user, kind)
    token = token_for(feed.nonce) if feed else None
    # A link made under an older site key no longer gives this digest: offer a new one.
    if feed is None or token is None or digest_of(token) != feed.digest:
        url = None
    else:
        url = request.build_absolute_uri(reverse("feeds:calendar_feed", args=[token]))
    return {
        "kind": kind,
        "url": url,
        "webcal": url.replace("https://", "webcal://").replace("http://", "webcal://")
        if url
        else None,
        "squad": kind == FeedKind.SQUAD,
        "csrf_token": context.get("csrf_token"),
    }
