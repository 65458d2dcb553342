import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import signing
from django.utils import timezone

from accounts.models import Coaching, Invitation, InvitationStatus
from accounts.services import (
    InvitationError,
    coaching_end,
    invitation_accept,
    invitation_decline,
    invitation_from_token,
    invitation_revoke,
    invitation_send,
    invitation_token,
)
from tests.accounts.factories import InvitationFactory
from tests.factories import CoachFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation(other_coach, other_runner):
    return InvitationFactory(coach=other_coach, email=other_runner.email)


def token_made_days_ago(invitation, days: float) -> str:
    with mock.patch("django.core.signing.time.time", return_value=time.time() - days * 86400):
        return invitation_token(invitation)


def test_sending_stores_a_pending_invitation_that_lasts_seven_days(
    coach, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invitation_send(coach=coach, email=" New@Example.com ")
    assert invitation.email == "new@example.com"
    assert invitation.status == InvitationStatus.PENDING
    assert invitation.expires_at - invitation.created_at == timedelta(days=7)
    assert [message.to for message in mailoutbox] == [["new@example.com"]]


def test_the_email_is_sent_only_once_the_invitation_is_committed(coach, mailoutbox):
    invitation_send(coach=coach, email="new@example.com")
    assert mailoutbox == []  # the test transaction never commits


def test_sending_again_replaces_the_earlier_pending_invitation(coach):
    first = invitation_send(coach=coach, email="new@example.com")
    second = invitation_send(coach=coach, email="new@example.com")
    first.refresh_from_db()
    assert first.status == InvitationStatus.REVOKED
    assert list(Invitation.objects.pending()) == [second]


def test_accepting_links_the_runner_to_the_coach(invitation, other_runner, other_coach):
    coaching = invitation_accept(invitation=invitation, user=other_runner)
    assert (coaching.coach, coaching.athlete) == (other_coach, other_runner)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    assert invitation.responded_at is not None


def test_declining_links_nobody(invitation, other_runner):
    invitation_decline(invitation=invitation, user=other_runner)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED
    assert not Coaching.objects.filter(athlete=other_runner).exists()


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (InvitationStatus.ACCEPTED, "You have already accepted this invitation."),
        (InvitationStatus.DECLINED, "You have already declined this invitation."),
        (InvitationStatus.REVOKED, "Your coach withdrew this invitation."),
    ],
)
@pytest.mark.parametrize("answer", [invitation_accept, invitation_decline])
def test_a_used_invitation_cannot_be_answered_again(
    invitation, other_runner, status, message, answer
):
    Invitation.objects.filter(pk=invitation.pk).update(status=status)
    with pytest.raises(InvitationError, match=message):
        answer(invitation=invitation, user=other_runner)
    assert not Coaching.objects.filter(athlete=other_runner).exists()
    invitation.refresh_from_db()
    assert invitation.status == status


def test_an_invitation_past_its_expiry_cannot_be_accepted(invitation, other_runner):
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    with pytest.raises(InvitationError, match="This invitation has expired"):
        invitation_accept(invitation=invitation, user=other_runner)
    assert not Coaching.objects.filter(athlete=other_runner).exists()


def test_a_link_older_than_seven_days_has_expired(invitation):
    with pytest.raises(InvitationError, match="This invitation has expired"):
        invitation_from_token(token_made_days_ago(invitation, 7.01))


def test_a_link_six_days_old_still_works(invitation):
    assert invitation_from_token(token_made_days_ago(invitation, 6)) == invitation


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("aa" if not token.endswith("aa") else "bb"),
        lambda token: signing.dumps(999, salt="accounts.invitation", key="another-key"),
        lambda token: signing.dumps(1, salt="another.salt"),
        lambda token: "not-a-token",
    ],
)
def test_a_tampered_link_is_refused(invitation, tamper):
    with pytest.raises(InvitationError, match="This invitation link is not valid"):
        invitation_from_token(tamper(invitation_token(invitation)))


def test_someone_else_cannot_answer_the_invitation(invitation, runner):
    with pytest.raises(InvitationError, match="sent to another email address"):
        invitation_accept(invitation=invitation, user=runner)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING


def test_a_runner_with_a_coach_must_leave_before_accepting_another(runner, coach):
    invitation = InvitationFactory(email=runner.email)
    with pytest.raises(InvitationError, match="Cora Coach is already your coach. Leave them first"):
        invitation_accept(invitation=invitation, user=runner)
    assert Coaching.objects.current().get(athlete=runner).coach == coach
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING


def test_after_leaving_the_runner_can_accept_a_new_coach(runner, coach):
    coaching_end(coaching=Coaching.objects.get(athlete=runner))
    new_coach = CoachFactory()
    invitation_accept(
        invitation=InvitationFactory(coach=new_coach, email=runner.email), user=runner
    )
    assert Coaching.objects.current().get(athlete=runner).coach == new_coach
    assert Coaching.objects.filter(athlete=runner).count() == 2


def test_the_email_matches_whatever_its_case(other_coach):
    runner = UserFactory(email="mixed@example.com")
    invitation = InvitationFactory(coach=other_coach, email="MIXED@example.com")
    invitation_accept(invitation=invitation, user=runner)
    assert Coaching.objects.current().get(athlete=runner).coach == other_coach


def test_revoking_withdraws_only_a_pending_invitation(invitation, other_runner):
    invitation_revoke(invitation=invitation)
    assert invitation.status == InvitationStatus.REVOKED
    accepted = InvitationFactory(status=InvitationStatus.ACCEPTED)
    assert invitation_revoke(invitation=accepted).status == InvitationStatus.ACCEPTED


def test_ending_a_coaching_twice_keeps_the_first_end(runner, coach):
    coaching = Coaching.objects.get(athlete=runner)
    ended_at = coaching_end(coaching=coaching).ended_at
    assert coaching_end(coaching=coaching).ended_at == ended_at


@pytest.mark.parametrize("answer", [invitation_accept, invitation_decline])
def test_an_address_not_confirmed_yet_cannot_answer(other_coach, answer):
    newcomer = UserFactory(email="newcomer@example.com", email_verified_at=None)
    invitation = InvitationFactory(coach=other_coach, email="newcomer@example.com")
    with pytest.raises(InvitationError, match="Confirm your email address first"):
        answer(invitation=invitation, user=newcomer)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING
    assert not Coaching.objects.filter(athlete=newcomer).exists()
