from smtplib import SMTPException

import pytest
from django.urls import reverse

from accounts.models import Invitation, InvitationStatus
from accounts.services import invitation_send
from config import emails
from tests.accounts.factories import InvitationFactory, RaceGoalFactory, RunnerProfileFactory
from tests.factories import CoachingFactory

URL = reverse("accounts:athletes")
pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_log_in(client):
    assert client.get(URL).url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("not_a_coach", ["runner", "other_runner"])
def test_runners_get_404(client, not_a_coach, request):
    client.force_login(request.getfixturevalue(not_a_coach))
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"email": "x@example.com"}).status_code == 404
    assert not Invitation.objects.exists()


def test_the_coach_sees_their_athletes_with_type_and_race(client, runner, coach):
    RaceGoalFactory(profile=RunnerProfileFactory(user=runner, runner_type="competitive"))
    client.force_login(coach)
    body = client.get(URL).content.decode()
    assert "Rita Runner" in body
    assert reverse("accounts:athlete", args=[runner.pk]) in body
    assert "Competitive" in body
    assert "10 km" in body and "(10 wk)" in body


def test_another_coach_sees_none_of_them(client, runner, coach, other_coach):
    InvitationFactory(coach=coach, email="pending@example.com")
    client.force_login(other_coach)
    body = client.get(URL).content.decode()
    assert "Rita Runner" not in body
    assert "pending@example.com" not in body
    assert "No athletes yet." in body


def test_pending_invitations_are_listed_but_answered_or_expired_ones_are_not(client, coach):
    InvitationFactory(coach=coach, email="waiting@example.com")
    InvitationFactory(coach=coach, email="said-no@example.com", status=InvitationStatus.DECLINED)
    old = InvitationFactory(coach=coach, email="too-late@example.com")
    Invitation.objects.filter(pk=old.pk).update(expires_at=old.created_at)
    client.force_login(coach)
    body = client.get(URL).content.decode()
    assert "waiting@example.com" in body
    assert "said-no@example.com" not in body
    assert "too-late@example.com" not in body


def test_the_coach_invites_a_runner_by_email(
    client, coach, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(coach)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {"email": "New.Runner@example.com"}, follow=True)
    assert "Invitation sent to new.runner@example.com." in response.content.decode()
    assert Invitation.objects.pending().get().email == "new.runner@example.com"
    assert len(mailoutbox) == 1


def test_a_mail_server_that_is_down_keeps_the_invitation_and_shows_no_error(
    client, coach, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    def refuse(*args, **kwargs):
        raise SMTPException("connection refused")

    monkeypatch.setattr(emails, "deliver", refuse)
    client.force_login(coach)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {"email": "new.runner@example.com"})
    assert response.status_code == 302
    invitation = Invitation.objects.pending().get()
    assert invitation.email == "new.runner@example.com"
    assert "connection refused" in caplog.text
    assert invitation.message.state == "queued"  # kept in the outbox, to be tried again


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("not-an-email", "Enter a valid email address."),
        ("", "This field is required."),
    ],
)
def test_a_bad_invitation_email_is_refused(client, coach, email, message):
    client.force_login(coach)
    response = client.post(URL, {"email": email})
    assert message in response.content.decode()
    assert not Invitation.objects.exists()


def test_inviting_a_current_athlete_or_oneself_is_refused(client, runner, coach):
    client.force_login(coach)
    response = client.post(URL, {"email": runner.email.upper()})
    assert "This runner is already one of your athletes." in response.content.decode()
    response = client.post(URL, {"email": coach.email})
    assert "That is your own email address." in response.content.decode()
    assert not Invitation.objects.exists()


def test_the_coach_withdraws_a_pending_invitation(client, coach, other_coach):
    invitation = InvitationFactory(coach=coach)
    client.force_login(other_coach)
    url = reverse("accounts:invitation_revoke", args=[invitation.pk])
    assert client.post(url).status_code == 404
    client.force_login(coach)
    client.post(url)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.REVOKED


@pytest.mark.parametrize("athletes", [1, 30])
def test_the_list_costs_the_same_queries_for_1_or_30_athletes(
    client, runner, coach, athletes, django_assert_num_queries
):
    RaceGoalFactory(profile=RunnerProfileFactory(user=runner))
    for _ in range(athletes - 1):  # the runner fixture is the first athlete
        coaching = CoachingFactory(coach=coach)
        RaceGoalFactory(profile=RunnerProfileFactory(user=coaching.athlete))
        InvitationFactory(coach=coach)
    client.force_login(coach)
    # 1 user, 2 coachings with athletes and profiles, 3 their upcoming races, 4 pending
    # invitations, 5 the coach's calendar link (the session is read from the cache)
    with django_assert_num_queries(5):
        response = client.get(URL)
    assert len(response.context["rows"]) == athletes


def test_the_page_gives_the_invitation_lifetime_the_links_really_have(client, coach):
    invitation = invitation_send(coach=coach, email="new@example.com")
    days = (invitation.expires_at - invitation.created_at).days
    client.force_login(coach)
    assert f"a link that works for {days} days." in client.get(URL).content.decode()


def test_an_email_longer_than_the_invitation_keeps_is_refused_and_254_is_taken(client, coach):
    client.force_login(coach)
    domain = "@example.com"
    response = client.post(URL, {"email": "a" * (255 - len(domain)) + domain})
    assert "at most 254 characters (it has 255)" in response.content.decode()
    assert not Invitation.objects.exists()
    longest = "a" * 60 + "." + "b" * (254 - 61 - len(domain)) + domain
    client.post(URL, {"email": longest})
    assert Invitation.objects.get().email == longest
