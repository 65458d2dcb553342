"""The email's done button: one click, no login, marks the post-run block done."""

from datetime import date, timedelta

import pytest
from django.core import signing

from accounts.models import RunnerProfile
from plans.models import Session, Status
from reminders import links
from reminders.models import Reminder
from tests.plans.factories import SessionExerciseFactory, StrengthSessionFactory
from tests.reminders.conftest import MONDAY, plan_run

pytestmark = pytest.mark.django_db


@pytest.fixture
def reminder(profile):
    return Reminder.objects.get(session=plan_run(profile.user))


def test_opening_the_done_link_shows_the_run_and_its_routine_and_changes_nothing(client, reminder):
    """A mail scanner fetching the link (or the runner opening it) only sees a page."""
    block = StrengthSessionFactory(
        runner=reminder.session.runner, date=MONDAY, for_run=reminder.session
    )
    SessionExerciseFactory(session=block)
    response = client.get(links.done_path(reminder.pk))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Did you do your strength routine?" in body and "Monday 23 November" in body
    assert "Calf raise: 2 × 12–15 reps" in body
    assert body.count('method="post"') == 1 and "I did my routine" in body
    block.refresh_from_db()
    reminder.session.refresh_from_db()
    assert block.status == Status.PLANNED and reminder.session.routine_done_at is None


def test_the_button_marks_the_post_run_block_done_without_logging_in(client, reminder):
    block = StrengthSessionFactory(
        runner=reminder.session.runner, date=MONDAY, for_run=reminder.session
    )
    SessionExerciseFactory(session=block)
    path = links.done_path(reminder.pk)
    response = client.post(path, follow=True)
    assert response.status_code == 200
    assert b"Routine ticked off" in response.content
    block.refresh_from_db()
    assert block.status == Status.DONE
    assert block.status_note == "Done from the email"


def test_clicking_the_done_button_twice_is_harmless(client, reminder):
    block = StrengthSessionFactory(
        runner=reminder.session.runner, date=MONDAY, for_run=reminder.session
    )
    SessionExerciseFactory(session=block)
    client.post(links.done_path(reminder.pk))
    block.refresh_from_db()
    first_done_at = block.status_changed_at
    assert client.post(links.done_path(reminder.pk)).status_code == 302
    block.refresh_from_db()
    assert block.status_changed_at == first_done_at


def test_without_a_planned_block_the_done_click_is_kept_on_the_run(client, reminder):
    """The email carries the routine the builder's rules give the run: that one is ticked."""
    run = reminder.session
    assert run.routine_done_at is None
    assert b"I did my routine" in client.get(links.done_path(reminder.pk)).content
    client.post(links.done_path(reminder.pk))
    run.refresh_from_db()
    assert run.routine_done_at is not None


def refused(client, reminder, text):
    path = links.done_path(reminder.pk)
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 409
        body = response.content.decode()
        assert text in body and "Nothing was changed." in body and "I did my routine" not in body
    run = Session.objects.get(pk=reminder.session_id)
    assert run.routine_done_at is None
    return run


def test_a_skipped_run_is_refused(client, reminder):
    block = StrengthSessionFactory(
        runner=reminder.session.runner, date=MONDAY, for_run=reminder.session
    )
    Session.objects.filter(pk=reminder.session_id).update(status=Status.SKIPPED)
    refused(client, reminder, "You marked this run skipped")
    block.refresh_from_db()
    assert block.status == Status.PLANNED


def test_a_run_with_no_routine_is_refused(client, reminder):
    RunnerProfile.objects.filter(user=reminder.session.runner).delete()  # no rules to pick one
    refused(client, reminder, "This run has no strength routine after it")


def test_a_run_still_ahead_is_refused(client, reminder):
    Session.objects.filter(pk=reminder.session_id).update(date=date.today() + timedelta(days=2))
    path = links.done_path(reminder.pk)
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 409
        assert b"This run is still ahead" in response.content
    assert Session.objects.get(pk=reminder.session_id).routine_done_at is None


def test_another_runners_block_on_the_same_day_is_untouched(client, reminder, other_runner):
    theirs = StrengthSessionFactory(runner=other_runner, date=MONDAY)
    client.post(links.done_path(reminder.pk))
    theirs.refresh_from_db()
    assert theirs.status == Status.PLANNED


def test_an_expired_done_link_says_so_and_changes_nothing(client, reminder, monkeypatch):
    block = StrengthSessionFactory(
        runner=reminder.session.runner, date=MONDAY, for_run=reminder.session
    )
    path = links.done_path(reminder.pk)
    real_unsign = signing.TimestampSigner.unsign

    def later(self, value, max_age=None):
        # Four days and a minute later, the signature is too old.
        return real_unsign(self, value, max_age=max_age - timedelta(days=4, minutes=1))

    monkeypatch.setattr(signing.TimestampSigner, "unsign", later)
    response = client.post(path)
    assert response.status_code == 400
    assert b"This link no longer works" in response.content
    block.refresh_from_db()
    assert block.status == Status.PLANNED


def test_a_tampered_done_link_is_refused(client, reminder):
    path = links.done_path(reminder.pk).replace(f"/{reminder.pk}:", f"/{reminder.pk + 1}:")
    assert client.get(path).status_code == 400


def test_an_unsubscribe_token_does_not_work_as_a_done_link(client, reminder):
    token = links.unsubscribe_path(reminder.session.runner_id).split("/")[-2]
    assert client.get(f"/reminders/done/{token}/").status_code == 400
