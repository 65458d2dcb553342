"""The email's done button: one click, no login, marks the post-run block done."""

from datetime import timedelta

import pytest
from django.core import signing

from plans.models import Status
from reminders import links
from reminders.models import Reminder
from tests.plans.factories import StrengthSessionFactory
from tests.reminders.conftest import MONDAY, plan_run

pytestmark = pytest.mark.django_db


@pytest.fixture
def reminder(profile):
    return Reminder.objects.get(session=plan_run(profile.user))


def test_the_done_link_marks_the_post_run_block_done_without_logging_in(client, reminder):
    block = StrengthSessionFactory(
        runner=reminder.session.runner, date=MONDAY, for_run=reminder.session
    )
    response = client.get(links.done_path(reminder.pk))
    assert response.status_code == 200
    assert b"Routine ticked off" in response.content
    block.refresh_from_db()
    assert block.status == Status.DONE
    assert block.status_note == "Done from the email"


def test_clicking_the_done_link_twice_is_harmless(client, reminder):
    block = StrengthSessionFactory(
        runner=reminder.session.runner, date=MONDAY, for_run=reminder.session
    )
    client.get(links.done_path(reminder.pk))
    block.refresh_from_db()
    first_done_at = block.status_changed_at
    assert client.get(links.done_path(reminder.pk)).status_code == 200
    block.refresh_from_db()
    assert block.status_changed_at == first_done_at


def test_without_a_planned_block_the_done_click_is_kept_on_the_run(client, reminder):
    run = reminder.session
    assert run.routine_done_at is None
    client.get(links.done_path(reminder.pk))
    run.refresh_from_db()
    assert run.routine_done_at is not None


def test_another_runners_block_on_the_same_day_is_untouched(client, reminder, other_runner):
    theirs = StrengthSessionFactory(runner=other_runner, date=MONDAY)
    client.get(links.done_path(reminder.pk))
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
    response = client.get(path)
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
