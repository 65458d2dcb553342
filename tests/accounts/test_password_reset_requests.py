"""The audit timed the reset page (18 ms for an account, 12 ms for none) and sent 523 reset
emails to one address in 10 s. The page now does the same work for any address and queues the
rest; three links an hour per address, then a clear refusal and nothing sent."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import PasswordResetRequest
from accounts.services import password_resets_handle_waiting

pytestmark = pytest.mark.django_db
RESET = reverse("accounts:password_reset")
DONE = reverse("accounts:password_reset_done")


def _shape(sql: str) -> str:
    """The query without the address and the moment in it."""
    sql = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?", "<moment>", sql)
    return sql.replace("nobody@example.com", "<email>").replace("rita@example.com", "<email>")


def test_the_page_runs_the_same_queries_for_a_known_and_an_unknown_address(
    client, runner, django_capture_on_commit_callbacks
):
    runner.email = "rita@example.com"
    runner.save()
    runs = {}
    for email in ("rita@example.com", "nobody@example.com"):
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks() as queued,
        ):
            response = client.post(RESET, {"email": email})
        assert response.url == DONE
        assert len(queued) == 1  # the lookup and the email: after the response
        runs[email] = [_shape(query["sql"]) for query in queries.captured_queries]
    assert runs["rita@example.com"] == runs["nobody@example.com"]
    assert not any("accounts_user" in sql for sql in runs["rita@example.com"])


def test_the_email_goes_from_the_queue_after_the_response(
    client, runner, mailoutbox, outbox_worker, django_capture_on_commit_callbacks
):
    outbox_worker["paused"] = True
    with django_capture_on_commit_callbacks(execute=True):
        client.post(RESET, {"email": runner.email})
    assert mailoutbox == []

    outbox_worker["paused"] = False
    PasswordResetRequest.objects.update(requested_at=timezone.now() - timedelta(minutes=1))
    assert password_resets_handle_waiting() == 1  # the sweep, as if the task were lost
    from outbox.services import emails_send_due

    emails_send_due(seconds=5)
    assert [message.to for message in mailoutbox] == [[runner.email]]
    assert password_resets_handle_waiting() == 0  # handled once, never twice


def test_an_unknown_address_gets_no_email(client, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(RESET, {"email": "nobody@example.com"})
    assert mailoutbox == []
    assert PasswordResetRequest.objects.get().handled_at is not None


@pytest.mark.parametrize("has_account", [True, False])
def test_three_links_an_hour_per_address_then_a_clear_refusal(
    client, runner, has_account, mailoutbox, django_capture_on_commit_callbacks
):
    email = runner.email if has_account else "nobody@example.com"
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(RESET, {"email": email}).url == DONE
    assert len(mailoutbox) == (3 if has_account else 0)  # the last allowed one goes

    with django_capture_on_commit_callbacks(execute=True) as queued:
        refused = client.post(RESET, {"email": email.upper()})
    assert refused.status_code == 429
    assert (
        "A reset link was asked for that address 3 times in the last hour, the most we allow. "
        "Try again in 60 minutes." in refused.content.decode()
    )
    assert queued == []
    assert PasswordResetRequest.objects.count() == 3
    assert len(mailoutbox) == (3 if has_account else 0)


def test_the_limit_is_per_address_and_per_hour(
    client, runner, mailoutbox, django_capture_on_commit_callbacks
):
    for _ in range(3):
        client.post(RESET, {"email": "nobody@example.com"})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(RESET, {"email": runner.email}).url == DONE
    PasswordResetRequest.objects.update(requested_at=timezone.now() - timedelta(hours=1, seconds=1))
    assert client.post(RESET, {"email": "nobody@example.com"}).url == DONE
    assert len(mailoutbox) == 1


def test_the_reset_link_is_not_kept_in_the_database_once_sent(
    client, runner, mailoutbox, django_capture_on_commit_callbacks
):
    from outbox.models import Email

    with django_capture_on_commit_callbacks(execute=True):
        client.post(RESET, {"email": runner.email})
    assert "/accounts/password-reset/" in mailoutbox[0].body
    email = Email.objects.get()
    assert (email.kind, email.state, email.text, email.html) == ("password_reset", "sent", "", "")
