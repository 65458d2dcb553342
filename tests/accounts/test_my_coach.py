import pytest
from django.urls import reverse

from accounts.models import Coaching
from accounts.services import invitation_url
from tests.accounts.factories import InvitationFactory
from tests.factories import UserFactory

URL = reverse("accounts:my_coach")
pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_log_in(client):
    assert client.get(URL).url.startswith(reverse("accounts:login"))


def test_the_runner_sees_their_coach_and_a_confirmation_before_leaving(client, runner, coach):
    client.force_login(runner)
    assert "Cora Coach has been your coach since" in client.get(URL).content.decode()
    confirm = client.get(URL + "?leave").content.decode()
    assert "Leave Cora Coach? They will no longer see your profile" in confirm


def test_the_runner_leaves_and_the_coach_loses_access(client, runner, coach):
    client.force_login(runner)
    response = client.post(URL, follow=True)
    assert "You left Cora Coach." in response.content.decode()
    assert not Coaching.objects.current().filter(athlete=runner).exists()
    client.force_login(coach)
    assert client.get(reverse("accounts:athlete", args=[runner.pk])).status_code == 404


@pytest.mark.parametrize("someone", ["other_runner", "coach", "other_coach"])
def test_others_see_only_their_own_coach_and_cannot_end_the_runners(
    client, runner, coach, someone, request
):
    client.force_login(request.getfixturevalue(someone))
    assert "Cora Coach has been your coach since" not in client.get(URL).content.decode()
    client.post(URL)
    assert Coaching.objects.current().get(athlete=runner).coach == coach


def test_pending_invitations_to_the_runner_are_listed_with_their_link(client, other_runner):
    invitation = InvitationFactory(email=other_runner.email)
    client.force_login(other_runner)
    body = client.get(URL).content.decode()
    assert f"{invitation.coach} invited you." in body
    assert invitation_url(invitation) in body


def test_invitations_to_an_address_not_confirmed_yet_stay_hidden(client):
    newcomer = UserFactory(email="newcomer@example.com", email_verified_at=None)
    invitation = InvitationFactory(email=newcomer.email)
    client.force_login(newcomer)
    body = client.get(URL).content.decode()
    assert "invited you" not in body
    assert invitation_url(invitation) not in body
    assert "Invitations sent to newcomer@example.com show here once you confirm" in body
