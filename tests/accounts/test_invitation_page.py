import re
from urllib.parse import quote

import pytest
from django.urls import reverse

from accounts.models import Coaching, Invitation, InvitationStatus, User
from accounts.services import invitation_token, invitation_url
from tests.accounts.factories import InvitationFactory
from tests.exercises.factories import ExerciseFactory
from tests.factories import TEST_PASSWORD, UserFactory

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
    assert "Sign up with it, open the link we email you to confirm it" in body


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


def sign_up(client, email: str, next_url: str = ""):
    return client.post(
        reverse("accounts:signup") + (f"?next={next_url}" if next_url else ""),
        {
            "role": "runner",
            "display_name": "Nora Newcomer",
            "email": email,
            "password1": "a-fresh-long-password",
            "password2": "a-fresh-long-password",
            "next": next_url,
        },
    )


def confirm_link(mailoutbox, email: str) -> str:
    (message,) = [message for message in mailoutbox if message.to == [email]]
    link = re.search(r"(/accounts/email/confirm/\S+/)", message.body)
    assert link is not None
    return link[1]


def sees_exercise(client, user, exercise) -> bool:
    client.force_login(user)
    return client.get(exercise.get_absolute_url()).status_code == 200


def test_a_new_runner_signs_up_from_the_invitation_confirms_the_address_and_accepts(
    client, url, invitation, mailoutbox, django_capture_on_commit_callbacks
):
    invitation.email = "newcomer@example.com"
    invitation.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, "newcomer@example.com", url)
    assert response.url == url
    page = client.get(url)
    assert "Confirm your email address first: open the link we sent to newcomer@example.com" in (
        page.content.decode()
    )
    assert "Send the link to newcomer@example.com again" in page.content.decode()

    response = client.get(confirm_link(mailoutbox, "newcomer@example.com"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("accounts:my_coach")
    assert "Otto Coach invited you." in response.content.decode()
    response = client.post(url, {"answer": "accept"}, follow=True)
    assert "Otto Coach is now your coach." in response.content.decode()
    newcomer = User.objects.get(email="newcomer@example.com")
    assert Coaching.objects.current().get(athlete=newcomer).coach == invitation.coach


def test_signing_up_with_an_invited_address_does_not_make_the_invitation_yours(
    client, url, invitation
):
    """The audit's step: sign up with the address a coach invited, then answer."""
    invitation.email = "invited@example.com"
    invitation.save()
    private = ExerciseFactory(owner=invitation.coach)
    sign_up(client, "invited@example.com")
    intruder = User.objects.get(email="invited@example.com")

    for response in (
        client.get(url),
        client.post(url, {"answer": "accept"}),
        client.post(url, {"answer": "decline"}),
    ):
        assert response.status_code == 400
        assert "Confirm your email address first" in response.content.decode()
    my_coach = client.get(reverse("accounts:my_coach")).content.decode()
    assert "invited you" not in my_coach
    assert "Invitations sent to invited@example.com show here once you confirm" in my_coach
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING
    assert not Coaching.objects.filter(athlete=intruder).exists()
    assert not sees_exercise(client, intruder, private)


def test_changing_your_email_to_the_invited_address_does_not_make_the_invitation_yours(
    client, url, invitation, mailoutbox, django_capture_on_commit_callbacks
):
    """The audit's step: change your own email to the invited address, then answer."""
    invitation.email = "invited@example.com"
    invitation.save()
    private = ExerciseFactory(owner=invitation.coach)
    intruder = UserFactory(display_name="Ivan Intruder")
    client.force_login(intruder)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("accounts:account"),
            {
                "display_name": "Ivan Intruder",
                "email": "invited@example.com",
                "current_password": TEST_PASSWORD,
            },
        )
    intruder.refresh_from_db()
    assert intruder.email != "invited@example.com"
    assert [message.to for message in mailoutbox if "confirm" in message.body] == [
        ["invited@example.com"]  # the link goes where the intruder cannot read it
    ]

    response = client.post(url, {"answer": "accept"})
    assert response.status_code == 400
    assert "This invitation was sent to another email address" in response.content.decode()
    assert "invited you" not in client.get(reverse("accounts:my_coach")).content.decode()
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING
    assert not Coaching.objects.filter(athlete=intruder).exists()
    assert not sees_exercise(client, intruder, private)


def test_the_invited_runner_sees_the_coachs_private_exercises_once_accepted(
    client, other_runner, invitation, url
):
    private = ExerciseFactory(owner=invitation.coach)
    client.force_login(other_runner)
    client.post(url, {"answer": "accept"})
    assert sees_exercise(client, other_runner, private)
