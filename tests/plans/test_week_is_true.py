"""Issue 19: every number and sentence on the runner's week is true on the day it is read.

The runner's today is frozen on Friday 27 November 2026 (UTC, as the `profile` fixture lives).
"""

import html
import json
import re
from datetime import UTC, date, datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from plans import services
from plans.models import PlanWeek, RunLog, Session, SessionKind, Source, Status
from plans.services import run_log_create, session_mark, week_generate
from reminders import links
from reminders.models import Reminder
from tests.plans.factories import SessionFactory, StrengthSessionFactory

MONDAY = date(2026, 11, 23)
WEDNESDAY = date(2026, 11, 25)
FRIDAY = date(2026, 11, 27)
SATURDAY = date(2026, 11, 28)
SUNDAY = date(2026, 11, 29)


@pytest.fixture
def friday(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 11, 27, 10, 0, tzinfo=UTC))


@pytest.fixture
def planned_from_monday(friday, profile):
    """The runner's week, planned on Monday as usual; today is Friday."""
    week_generate(runner=profile.user, week_start=MONDAY, today=MONDAY)
    return profile


def week_page(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("plans:week"))
    assert response.status_code == 200
    return response.content.decode()


def day_card(body: str, weekday: str) -> str:
    start = body.index(f'data-testid="day-{weekday}"')
    return body[start : body.index("</section>", start)]


def run_on(runner, day: date) -> Session:
    return Session.objects.get(runner=runner, date=day, kind=SessionKind.RUN)


def messages_of(response) -> list[str]:
    """The messages the page shows (the week's cached frame renders an empty list first, so
    the template contexts are not the place to look)."""
    shown = re.findall(r"<span data-message>(.*?)</span>", response.content.decode(), re.S)
    return [html.unescape(text.strip()) for text in shown]


# 6. Future days: skipped, not logged or done.


def test_a_run_ahead_offers_skip_but_not_done_or_log(client, planned_from_monday):
    body = week_page(client, planned_from_monday.user)
    sunday, wednesday = day_card(body, "sun"), day_card(body, "wed")
    assert 'value="skipped"' in sunday
    assert 'value="done"' not in sunday and "Log run" not in sunday
    assert "Log it or tick it off from Sunday 29 Nov" in sunday
    assert 'value="done"' in wednesday and "Log run" in wednesday  # a day gone by: both


def test_done_on_a_run_ahead_is_refused_and_saves_nothing(client, planned_from_monday):
    runner = planned_from_monday.user
    client.force_login(runner)
    sunday_run, friday_run = run_on(runner, SUNDAY), SessionFactory(runner=runner, date=FRIDAY)
    url = reverse("plans:session_status", args=[sunday_run.pk])
    response = client.post(url, {"status": "done"}, follow=True)
    assert "Sunday is still ahead" in messages_of(response)[0]
    sunday_run.refresh_from_db()
    assert sunday_run.status == Status.PLANNED
    assert Reminder.objects.get(session=sunday_run).sent_at is None
    client.post(url, {"status": "skipped"})
    client.post(reverse("plans:session_status", args=[friday_run.pk]), {"status": "done"})
    sunday_run.refresh_from_db()
    friday_run.refresh_from_db()
    assert (sunday_run.status, friday_run.status) == (Status.SKIPPED, Status.DONE)


def test_the_services_refuse_a_day_ahead_too(planned_from_monday):
    runner = planned_from_monday.user
    with pytest.raises(services.NotYetError):
        session_mark(session=run_on(runner, SUNDAY), status=Status.DONE)
    with pytest.raises(services.NotYetError):
        run_log_create(
            runner=runner, run_date=SUNDAY, distance_m=5000, duration_seconds=1800, effort=5
        )
    assert run_on(runner, SUNDAY).status == Status.PLANNED
    assert not RunLog.objects.exists()
    log = run_log_create(
        runner=runner, run_date=WEDNESDAY, distance_m=5000, duration_seconds=1800, effort=5
    )
    assert log.session == run_on(runner, WEDNESDAY)


def test_the_log_form_asked_for_a_day_ahead_starts_on_today(client, planned_from_monday):
    client.force_login(planned_from_monday.user)
    ahead = client.get(reverse("plans:run_log_new") + "?date=2026-11-29").content.decode()
    past = client.get(reverse("plans:run_log_new") + "?date=2026-11-25").content.decode()
    assert 'value="2026-11-27"' in ahead and "2026-11-29" not in ahead.split("max=")[0]
    assert 'value="2026-11-25"' in past


def test_the_emails_done_button_waits_for_the_run_to_come(client, planned_from_monday):
    runner = planned_from_monday.user
    routine = {}
    for day in (WEDNESDAY, SUNDAY):
        run = run_on(runner, day)
        routine[day] = Session.objects.get(runner=runner, date=day, post_run=True)
        routine[day].token = links.done_path(Reminder.objects.get(session=run).pk)
    ahead = client.post(routine[SUNDAY].token)
    assert ahead.status_code == 409
    assert "still ahead" in ahead.content.decode()
    assert client.post(routine[WEDNESDAY].token).status_code == 302
    statuses = {day: Session.objects.get(pk=routine[day].pk).status for day in routine}
    assert statuses == {WEDNESDAY: Status.DONE, SUNDAY: Status.PLANNED}


# 7. Notes speak of the days planned.


def test_notes_after_onboarding_on_a_friday_speak_of_the_days_shown(client, friday, profile):
    body = week_page(client, profile.user)
    plan = PlanWeek.objects.get(runner=profile.user, week_start=MONDAY)
    assert plan.planned_from == FRIDAY
    notes = " ".join(plan.notes)
    assert "This week is planned from Friday" in body
    for days_not_shown in ("You have only", "two longer strength sessions", "this week has"):
        assert days_not_shown not in notes
    shown_strength = Session.objects.filter(
        runner=profile.user, kind=SessionKind.STRENGTH, post_run=False, date__gte=FRIDAY
    )
    assert shown_strength.exists() or "No longer strength session fits" in notes
    assert not Session.objects.filter(runner=profile.user, date__lt=FRIDAY).exists()


# 8. A run nobody planned counts as done extra.


def test_a_run_on_a_rest_day_counts_as_extra_not_as_planned(client, planned_from_monday):
    runner = planned_from_monday.user
    before = re.search(r"of (\d+) planned sessions? done", week_page(client, runner)).group(1)
    response = client.post(
        reverse("plans:run_log_new"),
        {"run_date": "2026-11-26", "distance": "5", "duration": "31", "effort": "5"},
        follow=True,
    )
    assert messages_of(response) == ["Run saved as an extra run on Thursday 26 Nov."]
    body = response.content.decode()
    assert f"<strong>0</strong> of {before} planned sessions done" in body
    assert "plus 1 extra run (31 min)" in body
    log = RunLog.objects.get(runner=runner)
    assert log.session.source == Source.RUNNER
    response = client.post(reverse("plans:run_log_delete", args=[log.pk]), follow=True)
    assert messages_of(response) == ["The run you logged on Thursday 26 Nov is removed."]
    assert "extra run" not in response.content.decode()


def test_undoing_a_planned_runs_log_says_it_is_planned_again(client, planned_from_monday):
    runner = planned_from_monday.user
    client.force_login(runner)
    log = run_log_create(
        runner=runner, run_date=WEDNESDAY, distance_m=5000, duration_seconds=1800, effort=5
    )
    title = run_on(runner, WEDNESDAY).title.lower()
    response = client.post(reverse("plans:run_log_delete", args=[log.pk]), follow=True)
    assert messages_of(response) == [
        f"Log removed: your {title} on Wednesday 25 Nov is planned again."
    ]
    assert run_on(runner, WEDNESDAY).status == Status.PLANNED


# 10. Reminder badges follow the runner's settings.


def test_badges_say_reminders_are_off_once_the_runner_stops_the_emails(client, planned_from_monday):
    runner = planned_from_monday.user
    assert "We’ll email you a routine after this run" in day_card(week_page(client, runner), "sun")
    client.post(links.unsubscribe_path(runner.pk))
    body = week_page(client, runner)
    assert "No email: reminders are off" in day_card(body, "sun")
    assert "We’ll email you" not in body and "pending" not in body


# 11. The runner's smaller points.


def test_undo_log_asks_first_and_removes_only_when_confirmed(client, planned_from_monday):
    runner = planned_from_monday.user
    log = run_log_create(
        runner=runner, run_date=WEDNESDAY, distance_m=5000, duration_seconds=1800, effort=5
    )
    url = reverse("plans:run_log_delete", args=[log.pk])
    assert f'href="{url}"' in day_card(week_page(client, runner), "wed")
    asked = client.get(url).content.decode()
    assert "Remove this run?" in asked and "5.0 km in 30:00" in asked
    assert RunLog.objects.filter(pk=log.pk).exists()
    client.post(url)
    assert not RunLog.objects.filter(pk=log.pk).exists()


def test_the_done_link_of_a_removed_run_says_so(client, planned_from_monday):
    run = SessionFactory(runner=planned_from_monday.user, date=FRIDAY, title="Coach's tempo")
    StrengthSessionFactory(runner=run.runner, date=FRIDAY, post_run=True)
    path = links.done_path(Reminder.objects.get_or_create(session=run)[0].pk)
    run.delete()
    response = client.get(path)
    assert response.status_code == 410
    assert "no longer on your plan" in response.content.decode()
    forged = client.get(path[:-3] + "xyz/")
    assert forged.status_code == 400 and "no longer works" in forged.content.decode()


def test_favicon_is_served_at_the_root(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an .ico file


def test_my_coach_is_in_a_runners_menu(client, profile, coach):
    my_coach = f'href="{reverse("accounts:my_coach")}"'
    assert my_coach in week_page(client, profile.user)
    client.force_login(coach)
    assert my_coach not in client.get(reverse("plans:coach_dashboard")).content.decode()


def test_the_duration_brings_up_a_number_pad_and_takes_its_dot(client, friday, profile):
    client.force_login(profile.user)
    form = client.get(reverse("plans:run_log_new")).content.decode()
    duration = re.search(r'<input[^>]*name="duration"[^>]*>', form).group(0)
    assert 'inputmode="decimal"' in duration
    client.post(
        reverse("plans:run_log_new"),
        {"run_date": "2026-11-27", "distance": "8", "duration": "45.30", "effort": "6"},
    )
    assert RunLog.objects.get(runner=profile.user).duration_seconds == 45 * 60 + 30


def test_the_api_answers_an_anonymous_curl_with_json_401(profile):
    strict = Client(enforce_csrf_checks=True)
    url = reverse("plans:plan_preview")
    anonymous = strict.post(url, "{}", content_type="application/json")
    assert anonymous.status_code == 401
    assert anonymous.json() == {"errors": {"__all__": ["Log in first."]}}
    assert (
        strict.post(reverse("plans:api_assignments"), "{}", "application/json").status_code == 401
    )
    strict.force_login(profile.user)
    no_token = strict.post(url, "{}", content_type="application/json")
    assert no_token.status_code == 403
    assert "CSRF" in no_token.json()["errors"]["__all__"][0]
    strict.get(reverse("plans:week"))  # sets the CSRF cookie, as the page would
    token = strict.cookies["csrftoken"].value
    with_token = strict.post(url, "{}", content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert with_token.status_code == 400  # past CSRF: the empty body is what is refused
    assert json.loads(with_token.content)["errors"]


def test_a_session_ahead_moves_with_its_block_and_replanning_keeps_the_move(
    client, planned_from_monday
):
    runner = planned_from_monday.user
    run = run_on(runner, SUNDAY)
    block = run.block
    assert 'data-testid="move"' in day_card(week_page(client, runner), "sun")
    url = reverse("plans:session_move", args=[run.pk])
    response = client.post(url, {"day": "2026-11-28"}, follow=True)
    assert messages_of(response) == [f"{run.title} moved to Saturday 28 Nov."]
    assert "Moved from Sunday 29 Nov." in day_card(response.content.decode(), "sat")
    run.refresh_from_db()
    block.refresh_from_db()
    assert (run.date, run.moved_from, block.date) == (SATURDAY, SUNDAY, SATURDAY)
    services.weeks_regenerate(runner=runner, today=FRIDAY)
    assert Session.objects.get(pk=run.pk).date == SATURDAY
    assert not Session.objects.filter(runner=runner, date=SUNDAY).exists()


def test_a_session_the_runner_moves_drops_the_placement_note_and_flag_it_had(
    client, planned_from_monday
):
    runner = planned_from_monday.user
    run = run_on(runner, SUNDAY)
    note = "No training day left this week has room for its 30 minutes."
    Session.objects.filter(pk=run.pk).update(placement_note=note, needs_attention=True)
    assert note in day_card(week_page(client, runner), "sun")
    response = client.post(
        reverse("plans:session_move", args=[run.pk]), {"day": "2026-11-28"}, follow=True
    )
    saturday = day_card(response.content.decode(), "sat")
    assert "Moved from Sunday 29 Nov." in saturday
    assert note not in saturday and "Needs a day" not in saturday
    run.refresh_from_db()
    assert (run.placement_note, run.needs_attention) == ("", False)


def test_a_move_to_a_day_gone_by_or_of_a_session_gone_by_is_refused(client, planned_from_monday):
    runner = planned_from_monday.user
    client.force_login(runner)
    sunday, wednesday = run_on(runner, SUNDAY), run_on(runner, WEDNESDAY)
    back = client.post(
        reverse("plans:session_move", args=[sunday.pk]), {"day": "2026-11-26"}, follow=True
    )
    assert "from today on; nothing was moved" in messages_of(back)[0]
    gone = client.post(
        reverse("plans:session_move", args=[wednesday.pk]), {"day": "2026-11-28"}, follow=True
    )
    assert "Only a planned session from today on moves" in messages_of(gone)[0]
    assert (run_on(runner, SUNDAY).pk, run_on(runner, WEDNESDAY).pk) == (sunday.pk, wednesday.pk)


def test_another_runner_cannot_move_a_session(client, planned_from_monday, other_profile):
    run = run_on(planned_from_monday.user, SUNDAY)
    client.force_login(other_profile.user)
    response = client.post(reverse("plans:session_move", args=[run.pk]), {"day": "2026-11-28"})
    assert response.status_code == 404
    assert Session.objects.get(pk=run.pk).date == SUNDAY


def test_the_remove_page_of_a_run_is_the_runners_alone(client, planned_from_monday, coach):
    runner = planned_from_monday.user
    log = run_log_create(
        runner=runner, run_date=WEDNESDAY, distance_m=5000, duration_seconds=1800, effort=5
    )
    url = reverse("plans:run_log_delete", args=[log.pk])
    assert client.get(url).url.startswith(reverse("accounts:login"))
    client.force_login(coach)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    client.force_login(runner)
    assert client.get(url).status_code == 200
    assert RunLog.objects.filter(pk=log.pk).exists()
