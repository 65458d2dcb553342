"""Making and remaking calendar links, who sees them, and that tokens stay out of the logs."""

import logging

import pytest
from django.urls import reverse

from config.log_filters import RedactSecretPaths
from feeds.models import CalendarFeed
from plans import services as plan_services
from plans.models import Session, Status
from tests.accounts.factories import RunnerProfileFactory
from tests.feeds.helpers import events, feed_url, uid

pytestmark = pytest.mark.django_db
FIVE = ("anonymous", "runner", "other_runner", "coach", "other_coach")


def _login(client, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))


@pytest.mark.parametrize("who", FIVE)
def test_a_runner_link_is_made_by_its_owner_only(client, request, profile, coach, who):
    RunnerProfileFactory(user=request.getfixturevalue("other_runner"))
    request.getfixturevalue("other_coach")
    _login(client, request, who)

    response = client.post(reverse("feeds:feed_renew", args=["runner"]))

    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
        assert not CalendarFeed.objects.exists()
    elif who in ("coach", "other_coach"):  # coaches without a runner profile of their own
        assert response.status_code == 404
        assert not CalendarFeed.objects.exists()
    else:
        assert response.status_code == 302 and response["Location"] == reverse("accounts:profile")
        owner = request.getfixturevalue(who)
        assert list(CalendarFeed.objects.values_list("owner", "kind")) == [(owner.pk, "runner")]


@pytest.mark.parametrize("who", FIVE)
def test_a_squad_link_is_for_coaches(client, request, coach, who):
    request.getfixturevalue("other_coach")
    _login(client, request, who)

    response = client.post(reverse("feeds:feed_renew", args=["squad"]))

    if who == "anonymous":
        assert response.status_code == 302
    elif who in ("runner", "other_runner"):
        assert response.status_code == 404
    else:
        assert response.status_code == 302 and response["Location"] == reverse("accounts:athletes")
        page = client.get(reverse("accounts:athletes")).content.decode()
        assert 'data-testid="feed-url"' in page and ".ics" in page
    assert CalendarFeed.objects.count() == (1 if who in ("coach", "other_coach") else 0)


def test_an_unknown_kind_is_not_found(client, runner, profile):
    client.force_login(runner)

    assert client.post(reverse("feeds:feed_renew", args=["everyone"])).status_code == 404
    assert not CalendarFeed.objects.exists()


def test_the_profile_offers_a_link_then_shows_it_with_copy_and_renew(client, runner, profile):
    client.force_login(runner)
    before = client.get(reverse("accounts:profile")).content.decode()
    assert 'data-testid="make-feed"' in before and ".ics" not in before

    client.post(reverse("feeds:feed_renew", args=["runner"]))
    after = client.get(reverse("accounts:profile")).content.decode()

    assert 'data-testid="feed-url"' in after and 'data-copy-target="feed-url-runner"' in after
    assert "js/copy_link.js" in after
    assert 'data-testid="renew-feed"' in after


def test_making_a_new_link_is_asked_first(client, runner, profile, feed_token):
    client.force_login(runner)

    page = client.get(reverse("feeds:feed_renew", args=["runner"]))

    assert page.status_code == 200
    assert "stops working at once" in page.content.decode()
    assert client.get(feed_url(feed_token)).status_code == 200  # asking changed nothing


def test_the_coach_never_sees_the_runners_link(client, runner, coach, profile, feed_token):
    client.force_login(coach)

    for page in (reverse("accounts:athlete", args=[runner.pk]), reverse("accounts:athletes")):
        assert feed_token not in client.get(page).content.decode()


def test_feed_tokens_are_hidden_in_the_logs(feed_token):
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Not Found: %s",
        (feed_url(feed_token),),
        None,
    )

    RedactSecretPaths().filter(record)

    assert feed_token not in record.getMessage()
    assert record.getMessage() == "Not Found: /calendar/[hidden].ics"
    console = logging.getLogger().handlers
    assert any(isinstance(f, RedactSecretPaths) for h in console for f in h.filters)


def test_uids_survive_a_replan_and_replaced_sessions_leave_the_feed(
    client, runner, profile, feed_token, today
):
    from accounts.services import CommitmentData, profile_save

    plan_services.weeks_ensure(runner=runner, today=today)
    # Post-run blocks are part of their runs' events.
    events_ahead = Session.objects.filter(runner=runner, date__gt=today, for_run__isnull=True)
    ahead = events_ahead.untouched()
    done = Session.objects.filter(runner=runner, date__lte=today, kind="run").first()
    assert done is not None and ahead.exists()
    plan_services.session_mark(session=done, status=Status.DONE)
    replaced = {uid(session) for session in ahead}
    before = events(client, feed_token)
    assert replaced <= set(before)

    profile_save(  # Fridays off now: the days ahead are planned again
        user=runner,
        profile_fields={},
        commitments=[CommitmentData(weekday=4, available=False, minutes=0)],
    )

    after = events(client, feed_token)
    assert uid(done) in after  # what the runner did stays, with the same UID
    assert int(after[uid(done)]["SEQUENCE"]) > int(before[uid(done)]["SEQUENCE"])
    assert not replaced & set(after)  # replaced sessions are gone: calendars drop them
    assert {uid(session) for session in events_ahead} <= set(after)
