"""An invitation whose email could not go is shown to its coach, with a way to send it again."""

import smtplib
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation, InvitationStatus
from outbox.models import Email, State
from outbox.services import emails_send_due

URL = reverse("accounts:athletes")
pytestmark = pytest.mark.django_db


@pytest.fixture
def mail_down(monkeypatch):
    """The mail server refuses every email until `down` is cleared."""
    from config import emails

    real_deliver = emails.deliver
    state = {"down": True}

    def deliver(*args, **kwargs):
        if state["down"]:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        real_deliver(*args, **kwargs)

    monkeypatch.setattr(emails, "deliver", deliver)
    return state


def _invite(client, coach, django_capture_on_commit_callbacks) -> Invitation:
    client.force_login(coach)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {"email": "ana@example.com"})
    return Invitation.objects.get()


def test_an_invitation_still_being_retried_says_so(
    client, coach, mail_down, django_capture_on_commit_callbacks
):
    _invite(client, coach, django_capture_on_commit_callbacks)
    page = client.get(URL).content.decode()
    assert 'data-testid="invitation-email-retrying"' in page
    assert "Send again" in page


def test_an_invitation_whose_email_failed_for_good_says_so(
    client, coach, mail_down, settings, django_capture_on_commit_callbacks
):
    invitation = _invite(client, coach, django_capture_on_commit_callbacks)
    for _ in range(settings.OUTBOX_MAX_ATTEMPTS):
        Email.objects.update(next_try_at=timezone.now() - timedelta(seconds=1))
        emails_send_due(seconds=5)
    invitation.message.refresh_from_db()
    assert invitation.message.state == State.FAILED
    page = client.get(URL).content.decode()
    assert "The email could not be sent. Send it again, or if the address is wrong" in page


def test_a_delivered_invitation_shows_no_warning(client, coach, django_capture_on_commit_callbacks):
    _invite(client, coach, django_capture_on_commit_callbacks)
    page = client.get(URL).content.decode()
    assert "ana@example.com" in page
    assert "invitation-email-" not in page
    assert "Send again" not in page


def test_send_again_replaces_the_invitation_and_delivers_once_the_server_is_back(
    client, coach, mail_down, mailoutbox, django_capture_on_commit_callbacks
):
    first = _invite(client, coach, django_capture_on_commit_callbacks)
    mail_down["down"] = False
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:invitation_resend", args=[first.pk]), follow=True)
    assert "Invitation sent again to ana@example.com." in response.content.decode()
    (message,) = mailoutbox
    assert message.to == ["ana@example.com"]
    first.refresh_from_db()
    assert first.status == InvitationStatus.REVOKED
    assert Invitation.objects.pending().get().message.state == State.SENT


def test_send_again_keeps_to_the_limits(
    client, coach, mail_down, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.INVITATIONS_PER_ADDRESS_PER_DAY = 1
    invitation = _invite(client, coach, django_capture_on_commit_callbacks)
    response = client.post(reverse("accounts:invitation_resend", args=[invitation.pk]), follow=True)
    assert "ana@example.com has had 1 invitations in the last day" in response.content.decode()
    assert Invitation.objects.count() == 1


@pytest.mark.parametrize("stranger", ["runner", "other_coach"])
def test_only_its_coach_can_send_an_invitation_again(
    client, coach, stranger, request, django_capture_on_commit_callbacks
):
    invitation = _invite(client, coach, django_capture_on_commit_callbacks)
    client.force_login(request.getfixturevalue(stranger))
    assert (
        client.post(reverse("accounts:invitation_resend", args=[invitation.pk])).status_code == 404
    )
    assert Invitation.objects.count() == 1


def test_anonymous_cannot_send_an_invitation_again(
    client, coach, django_capture_on_commit_callbacks
):
    invitation = _invite(client, coach, django_capture_on_commit_callbacks)
    client.logout()
    response = client.post(reverse("accounts:invitation_resend", args=[invitation.pk]))
    assert response.status_code == 302
    assert Invitation.objects.count() == 1


def test_send_again_and_withdraw_need_a_post(client, coach, django_capture_on_commit_callbacks):
    invitation = _invite(client, coach, django_capture_on_commit_callbacks)
    for name in ("accounts:invitation_resend", "accounts:invitation_revoke"):
        assert client.get(reverse(name, args=[invitation.pk])).status_code == 405
    assert Invitation.objects.pending().get() == invitation
