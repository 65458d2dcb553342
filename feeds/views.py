import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import parse_etags
from django.views.decorators.http import require_safe

from accounts.access import AuthenticatedHttpRequest
from feeds import access, selectors, services
from feeds.ical import calendar_bytes
from feeds.models import CalendarFeed, FeedKind
from feeds.workouts import workout_fit

CACHE_CONTROL = "private, max-age=900"
FEED_FORMAT = 1  # raise when calendar_bytes writes the same events differently
BODY_SECONDS = 3600
FEED_PAGES = {FeedKind.RUNNER: "accounts:profile", FeedKind.SQUAD: "accounts:athletes"}


def _site() -> tuple[str, str]:
    """The site's address, and its host name for the events' UIDs (which must never change)."""
    site_url = settings.SITE_URL.rstrip("/")
    return site_url, urlsplit(site_url).hostname or "runstrong"


def _feed_events(feed: CalendarFeed) -> tuple[list[selectors.FeedEvent], str]:
    """The feed's events and the calendar's name."""
    site_url, domain = _site()
    owner = feed.owner
    profile = selectors.profile_of(owner)
    today = profile.today()
    if feed.kind == FeedKind.SQUAD:
        events = selectors.squad_events(coach=owner, today=today, domain=domain, site_url=site_url)
        return events, "RunStrong: my athletes"
    events = selectors.runner_events(
        runner=owner, profile=profile, today=today, domain=domain, site_url=site_url
    )
    return events, "RunStrong: my plan"


def _etag(events: list[selectors.FeedEvent], name: str) -> str:
    """Strong: the body is made from exactly these events and this name (by this code, whose
    format number goes into the hash too), so equal tags mean equal bytes."""
    content = repr((FEED_FORMAT, name, events)).encode()
    return f'"{hashlib.sha256(content).hexdigest()[:40]}"'


@require_safe
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The secret calendar address: no login, the token is the key. Clients poll it: a tag
    they already hold gets a 304, and a body already written is served from the cache, so
    only a changed plan pays for writing the iCalendar text."""
    feed = selectors.feed_by_token(token)
    if feed is None:
        raise Http404("No such calendar.")
    events, name = _feed_events(feed)
    etag = _etag(events, name)
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponse(status=304)
    else:
        key = f"feeds:body:{etag.strip(chr(34))}"
        body = cache.get(key)
        if body is None:
            body = calendar_bytes(events, name=name)
            cache.set(key, body, BODY_SECONDS)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="runstrong.ics"'
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
def feed_renew(request: AuthenticatedHttpRequest, kind: str) -> HttpResponse:
    """Make a calendar link, or a new one that kills the old (asked first)."""
    feed_kind = access.feed_kind_for(request.user, kind)
    if request.method != "POST":
        existing = selectors.feed_of(request.user, feed_kind)
        if existing is None:
            return redirect(FEED_PAGES[feed_kind])
        return render(request, "feeds/feed_renew.html", {"kind": feed_kind})
    had_one = selectors.feed_of(request.user, feed_kind) is not None
    services.calendar_feed_renew(owner=request.user, kind=feed_kind)
    messages.success(
        request,
        "Here is your new calendar link. The old one no longer works: subscribe with this one."
        if had_one
        else "Here is your calendar link. Add it to your calendar app as a subscription.",
    )
    return redirect(FEED_PAGES[feed_kind])


@login_required
def workout_download(request: AuthenticatedHttpRequest, session_id: int) -> HttpResponse:
    """A run's steps as a FIT workout, for the runner's watch (their coach may fetch it too)."""
    run = access.workout_run_for(request.user, session_id)
    body = workout_fit(run, created=timezone.now())
    response = HttpResponse(body, content_type="application/vnd.ant.fit")
    response["Content-Disposition"] = f'attachment; filename="run-{run.date:%Y-%m-%d}.fit"'
    return response
