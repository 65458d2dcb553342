from urllib.parse import quote

import pytest
from django.urls import reverse

from accounts.models import Coaching, Invitation, InvitationStatus
from accounts.services import invitation_token, invitation_url
from tests.accounts.factories import InvitationFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation(other_coach, other_runner):
    return InvitationFactory(coach=other_coach, email=other_runner.email)


@pytest.fixture
def url(invitation):
    return invitation_url(invitation)


def test_anonymous_is_offered_log_in_or_sign_up_and_brought_back(client, url):
    body = client.get(url).content.decode()
    assert "Otto Coach" in body
    assert f"{reverse('accounts:login')}?next={quote(url)}" in body
    assert f"{reverse('accounts:signup')}?next={quote(url)}" in body


def test_the_invited_runner_sees_the_coach_and_both_answers(client, other_runner, url):
    client.force_login(other_runner)
    body = client.get(url).content.decode()
    assert "Otto Coach</strong> would like to coach you." in body
    assert 'value="accept"' in body and 'value="decline"' in body


def test_the_invited_runner_accepts(client, other_runner, other_coach, url):
    client.force_login(other_runner)
    response = client.post(url, {"answer": "accept"}, follow=True)
    assert "Otto Coach is now your coach." in response.content.decode()
    assert Coaching.objects.current().get(athlete=other_runner).coach == other_coach


def test_the_invited_runner_declines(client, other_runner, invitation, url):
    client.force_login(other_runner)
    response = client.post(url, {"answer": "decline"}, follow=True)
    assert "You declined Otto Coach" in response.content.decode()
    assert not Coaching.objects.filter(athlete=other_runner).exists()
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED


@pytest.mark.parametrize("stranger", ["runner", "coach", "other_coach"])
def test_anyone_else_logged_in_gets_a_clear_message_and_changes_nothing(
    client, url, invitation, stranger, request
):
    client.force_login(request.getfixturevalue(stranger))
    for response in (client.get(url), client.post(url, {"answer": "accept"})):
        assert response.status_code == 400
        assert "This invitation was sent to another email address" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING
    assert Coaching.objects.filter(coach=invitation.coach).count() == 0


def test_a_reused_link_gets_a_clear_message(client, other_runner, url):
    client.force_login(other_runner)
    client.post(url, {"answer": "accept"})
    response = client.post(url, {"answer": "decline"})
    assert "You have already accepted this invitation." in response.content.decode()
    assert Coaching.objects.current().filter(athlete=other_runner).count() == 1


def test_a_tampered_link_gets_a_clear_message(client, other_runner, invitation):
    client.force_login(other_runner)
    token = invitation_token(invitation)
    response = client.post(reverse("accounts:invitation", args=[token + "x"]), {"answer": "accept"})
    assert response.status_code == 400
    assert "This invitation link is not valid" in response.content.decode()
    assert not Coaching.objects.filter(athlete=other_runner).exists()


def test_an_expired_invitation_gets_a_clear_message(client, other_runner, invitation, url):
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=invitation.created_at)
    client.force_login(other_runner)
    response = client.post(url, {"answer": "accept"})
    assert "This invitation has expired" in response.content.decode()
    assert not Coaching.objects.filter(athlete=other_runner).exists()


def test_a_runner_with_a_coach_is_told_to_leave_first(client, runner, coach):
    url = invitation_url(InvitationFactory(email=runner.email))
    client.force_login(runner)
    response = client.post(url, {"answer": "accept"})
    assert "Cora Coach is already your coach. Leave them first" in response.content.decode()
    assert Coaching.objects.current().get(athlete=runner).coach == coach


def test_a_new_runner_signs_up_from_the_invitation_and_comes_back_to_it(client, url, invitation):
    invitation.email = "newcomer@example.com"
    invitation.save()
    response = client.post(
        reverse("accounts:signup") + f"?next={url}",
        {
            "role": "runner",
            "display_name": "Nora Newcomer",
            "email": "newcomer@example.com",
            "password1": "a-fresh-long-password",
            "password2": "a-fresh-long-password",
            "next": url,
        },
    )
    assert response.url == url
    client.post(url, {"answer": "accept"})
    newcomer = UserFactory._meta.model.objects.get(email="newcomer@example.com")
    assert Coaching.objects.current().get(athlete=newcomer).coach == invitation.coach
