"""The runner's calendar feed, parsed back with icalendar."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from feeds.models import CalendarFeed
from plans.coaching.services import coach_session_update
from plans.models import Source
from tests.feeds.conftest import INTERVALS
from tests.feeds.helpers import events, feed_url, uid
from tests.plans.factories import SessionExerciseFactory, SessionFactory, StrengthSessionFactory

pytestmark = pytest.mark.django_db
NEW_YORK = ZoneInfo("America/New_York")


def test_the_window_runs_from_two_weeks_back_to_eight_weeks_ahead(
    client, runner, feed_token, today
):
    inside = [
        SessionFactory(runner=runner, date=today - timedelta(days=14)),
        SessionFactory(runner=runner, date=today),
        SessionFactory(runner=runner, date=today + timedelta(days=56)),
    ]
    SessionFactory(runner=runner, date=today - timedelta(days=15))
    SessionFactory(runner=runner, date=today + timedelta(days=57))
    SessionFactory(runner=runner, date=today, source=Source.RUNNER, title="Extra run")
    SessionFactory(date=today)  # someone else's

    assert set(events(client, feed_token)) == {uid(session) for session in inside}


def test_a_run_is_at_the_usual_run_time_in_the_runners_zone(client, runner, feed_token, today):
    run = SessionFactory(runner=runner, date=today, minutes=45)  # Wednesday: 07:00 in New York

    event = events(client, feed_token)[uid(run)]

    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == datetime(2026, 12, 2, 7, 0, tzinfo=NEW_YORK)
    assert start.astimezone(ZoneInfo("UTC")).hour == 12
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert end - start == timedelta(minutes=45)


def test_a_day_without_a_run_time_has_all_day_events_that_end_the_next_day(
    client, runner, feed_token, today
):
    tuesday = today - timedelta(days=1)
    strength = StrengthSessionFactory(runner=runner, date=tuesday, post_run=False)

    event = events(client, feed_token)[uid(strength)]

    assert event.decoded("DTSTART") == tuesday
    assert not isinstance(event.decoded("DTSTART"), datetime)
    assert event.decoded("DTEND") == today
    assert event["DTSTART"].params["VALUE"] == "DATE"


def test_sessions_of_one_day_follow_one_another(client, runner, feed_token, today):
    run = SessionFactory(runner=runner, date=today, minutes=40, position=0)
    yoga = SessionFactory(
        runner=runner, date=today, minutes=20, position=1, kind="cross_training", title="Yoga"
    )

    found = events(client, feed_token)

    assert found[uid(yoga)].decoded("DTSTART") == found[uid(run)].decoded("DTEND")


def test_the_description_holds_the_steps_paces_and_the_routine_after_the_run(
    client, runner, feed_token, today
):
    run = SessionFactory(
        runner=runner, date=today, minutes=45, purpose="speed", title="Speed session",
        structure=INTERVALS, coach_note="Stay relaxed.",
    )  # fmt: skip
    block = StrengthSessionFactory(runner=runner, date=today, for_run=run, position=1, minutes=15)
    SessionExerciseFactory(session=block)

    found = events(client, feed_token)

    assert uid(block) not in found  # part of the run's event: done straight after it
    event = found[uid(run)]
    assert str(event["SUMMARY"]) == "Speed session, 45 min + strength"
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=60)
    description = str(event["DESCRIPTION"])
    assert "Planned · 45 min" in description
    assert "- Warm up: 10 min easy at 6:00–6:30 /km" in description
    assert "- 5 times: run 3 min interval pace at 4:40–4:50 /km, then jog 2 min" in description
    assert "- Cool down: 10 min easy" in description
    assert "Strength after your run (15 min), straight after the run:" in description
    assert "- Calf raise: 2 × 12–15 reps" in description
    assert "Note from the coach: Stay relaxed." in description
    assert f"/week/{today - timedelta(days=2)}/" in description


def test_a_run_without_steps_is_one_steady_step_and_paces_follow_the_runners_unit(
    client, runner, profile, feed_token, today
):
    steady = SessionFactory(runner=runner, date=today, minutes=35, purpose="long", title="Long run")
    profile.distance_unit = "mi"
    profile.save()
    paced = SessionFactory(
        runner=runner, date=today + timedelta(days=2), structure=INTERVALS[:1], minutes=10
    )

    found = events(client, feed_token)

    assert "- Run: 35 min easy\n" in str(found[uid(steady)]["DESCRIPTION"])
    assert "6:00–6:30 /km" not in str(found[uid(paced)]["DESCRIPTION"])
    assert "- Warm up: 10 min easy at 9:39–10:28 /mi" in str(found[uid(paced)]["DESCRIPTION"])


def test_a_broken_structure_is_read_as_one_steady_step(client, runner, feed_token, today):
    run = SessionFactory(
        runner=runner, date=today, minutes=30, structure=[{"part": "main", "minutes": "x"}]
    )

    assert "- Run: 30 min easy" in str(events(client, feed_token)[uid(run)]["DESCRIPTION"])


def test_done_and_skipped_show_in_the_summary(client, runner, feed_token, today):
    done = SessionFactory(runner=runner, date=today, status="done")
    skipped = SessionFactory(
        runner=runner, date=today - timedelta(days=2), status="skipped", status_note="Sore calf"
    )

    found = events(client, feed_token)

    assert str(found[uid(done)]["SUMMARY"]) == "Done: Easy run, 30 min"
    assert str(found[uid(skipped)]["SUMMARY"]) == "Skipped: Easy run, 30 min"
    assert "Skipped · 30 min · Sore calf" in str(found[uid(skipped)]["DESCRIPTION"])


def test_uids_and_the_body_are_stable_across_fetches(client, runner, feed_token, today):
    SessionFactory.create_batch(3, runner=runner, date=today)

    first, second = client.get(feed_url(feed_token)), client.get(feed_url(feed_token))

    assert first.content == second.content
    assert first["ETag"] == second["ETag"]
    assert events(client, feed_token).keys() == events(client, feed_token).keys()


def test_the_etag_answers_304_until_the_plan_changes(client, runner, feed_token, today):
    run = SessionFactory(runner=runner, date=today)
    first = client.get(feed_url(feed_token))
    assert first["Cache-Control"] == "private, max-age=900"
    etag = first["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")

    again = client.get(feed_url(feed_token), headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag

    client.force_login(runner)
    client.post(reverse("plans:session_status", args=[run.pk]), {"status": "done"})
    changed = client.get(feed_url(feed_token), headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def _sequence(client, token, session) -> int:
    return int(events(client, token)[uid(session)]["SEQUENCE"])


def test_the_sequence_rises_when_the_runner_marks_or_moves_a_session(
    client, runner, feed_token, today
):
    run = SessionFactory(runner=runner, date=today)
    ahead = SessionFactory(runner=runner, date=today + timedelta(days=1))
    client.force_login(runner)
    before = _sequence(client, feed_token, run), _sequence(client, feed_token, ahead)

    client.post(reverse("plans:session_status", args=[run.pk]), {"status": "done"})
    client.post(reverse("plans:session_move", args=[ahead.pk]), {"day": f"{today + timedelta(2)}"})

    assert _sequence(client, feed_token, run) > before[0]
    moved = events(client, feed_token)[uid(ahead)]
    assert int(moved["SEQUENCE"]) > before[1]
    assert moved.decoded("DTSTART") == datetime(2026, 12, 4, 7, 0, tzinfo=NEW_YORK)  # Friday


def test_the_sequence_rises_when_the_coach_edits_or_the_routine_is_ticked(
    client, runner, coach, feed_token, today
):
    run = SessionFactory(runner=runner, date=today + timedelta(days=2))
    block = StrengthSessionFactory(runner=runner, date=run.date, for_run=run, position=1)
    before = _sequence(client, feed_token, run)

    coach_session_update(
        session=run, day=run.date, title="Steady run", minutes=50, purpose="easy", coach_note=""
    )
    after_coach = _sequence(client, feed_token, run)
    block.status = "skipped"
    block.save()

    assert before < after_coach < _sequence(client, feed_token, run)
    assert "Steady run, 50 min" in str(events(client, feed_token)[uid(run)]["SUMMARY"])


def test_a_new_usual_run_time_moves_the_events_and_raises_their_sequence(
    client, runner, profile, feed_token, today
):
    from accounts.services import CommitmentData, profile_save

    run = SessionFactory(runner=runner, date=today, source=Source.COACH)
    before = _sequence(client, feed_token, run)

    profile_save(
        user=runner,
        profile_fields={},
        commitments=[CommitmentData(weekday=2, available=True, minutes=45, usual_run_time=None)],
    )

    event = events(client, feed_token)[uid(run)]
    assert int(event["SEQUENCE"]) > before
    assert event.decoded("DTSTART") == today  # no run time on Wednesdays any more: all day


def test_a_new_link_kills_the_old_one(client, runner, feed_token):
    client.force_login(runner)

    response = client.post(reverse("feeds:feed_renew", args=["runner"]))

    assert response.status_code == 302
    assert client.get(feed_url(feed_token)).status_code == 404
    feed = CalendarFeed.objects.get(owner=runner, kind="runner")
    new_url = client.get(reverse("accounts:profile")).content.decode()
    token = re.search(r"/calendar/([^/\"<]+)\.ics", new_url).group(1)
    assert token != feed_token
    assert client.get(feed_url(token)).status_code == 200
    assert token not in (feed.nonce, feed.digest)  # the database never holds the token


def test_tokens_are_long_and_wrong_ones_are_not_found(client, runner, feed_token):
    assert len(feed_token) >= 43  # 32 bytes, base64
    for wrong in ("x", feed_token[:-1] + ("A" if feed_token[-1] != "A" else "B"), "é" * 43):
        assert client.get(f"/calendar/{wrong}.ics").status_code == 404
    assert client.get(feed_url(feed_token)).status_code == 200


def test_a_feed_for_a_day_in_a_week_with_nothing_is_an_empty_calendar(client, feed_token):
    assert events(client, feed_token) == {}


def test_the_feed_is_read_only(client, feed_token):
    assert client.post(feed_url(feed_token)).status_code == 405


def test_query_count_is_flat_in_sessions(
    client, runner, feed_token, today, django_assert_num_queries
):
    days = date(2026, 11, 30)
    for offset in range(3):
        run = SessionFactory(
            runner=runner, date=today + timedelta(days=offset), structure=INTERVALS
        )
        SessionExerciseFactory(
            session=StrengthSessionFactory(runner=runner, date=run.date, for_run=run)
        )
    # The feed with its owner and profile, usual run times, sessions, their exercises.
    with django_assert_num_queries(4):
        client.get(feed_url(feed_token))
    for offset in range(40):
        run = SessionFactory(runner=runner, date=days + timedelta(days=offset), structure=INTERVALS)
        SessionExerciseFactory(
            session=StrengthSessionFactory(runner=runner, date=run.date, for_run=run)
        )
    with django_assert_num_queries(4):
        assert len(events(client, feed_token)) == 43


def test_an_unchanged_plan_is_written_once_and_served_from_the_cache(
    client, runner, feed_token, today, monkeypatch
):
    from feeds import views

    run = SessionFactory(runner=runner, date=today)
    written = []
    real = views.calendar_bytes
    monkeypatch.setattr(views, "calendar_bytes", lambda *a, **k: written.append(1) or real(*a, **k))

    first = client.get(feed_url(feed_token)).content
    assert client.get(feed_url(feed_token)).content == first
    assert len(written) <= 1  # 0 when an earlier test left the same body in the cache

    run.title = "Hill reps"
    run.save()
    assert b"Hill reps" in client.get(feed_url(feed_token)).content
