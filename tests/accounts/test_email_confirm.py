import re
import time
from unittest import mock

import pytest
from django.test import override_settings
from django.urls import reverse

from accounts.services import email_confirm_url
from tests.accounts.factories import InvitationFactory
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
RESEND = reverse("accounts:email_confirm_resend")


@pytest.fixture
def newcomer(db):
    """Signed up a moment ago: the address is not confirmed yet."""
    return UserFactory(email="newcomer@example.com", email_verified_at=None)


def link_made_days_ago(user, email: str, days: float) -> str:
    with mock.patch("django.core.signing.time.time", return_value=time.time() - days * 86400):
        return email_confirm_url(user=user, email=email)


@override_settings(SITE_URL="https://runstrong.example")
def test_sign_up_emails_a_link_that_confirms_the_address(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:signup"),
            {
                "role": "runner",
                "display_name": "Nina Runner",
                "email": "nina@example.com",
                "password1": "a-fresh-long-password",
                "password2": "a-fresh-long-password",
            },
            follow=True,
        )
    assert "We sent a link to nina@example.com: open it to confirm" in response.content.decode()
    nina = response.context["user"]
    assert not nina.email_verified
    (message,) = mailoutbox
    assert (message.to, message.subject) == (
        ["nina@example.com"],
        "Confirm your email address for RunStrong",
    )
    assert "The link works for 3 days." in message.body
    path = re.search(r"https://runstrong\.example(/accounts/email/confirm/\S+/)", message.body)[1]
    assert f'href="https://runstrong.example{path}"' in message.alternatives[0][0]

    response = client.get(path, follow=True)
    assert "Thank you: nina@example.com is confirmed." in response.content.decode()
    nina.refresh_from_db()
    assert nina.email_verified


def test_anonymous_opening_the_link_logs_in_first_and_nothing_changes_before(client, newcomer):
    url = email_confirm_url(user=newcomer, email=newcomer.email)
    assert client.get(url).url.startswith(reverse("accounts:login"))
    newcomer.refresh_from_db()
    assert not newcomer.email_verified


@pytest.mark.parametrize("someone", ["runner", "other_runner", "coach", "other_coach"])
def test_a_link_opened_by_another_account_is_refused_and_confirms_nothing(
    client, newcomer, someone, request
):
    user = request.getfixturevalue(someone)
    client.force_login(user)
    response = client.get(email_confirm_url(user=newcomer, email=newcomer.email))
    assert response.status_code == 400
    assert "This link confirms an address for another RunStrong account." in (
        response.content.decode()
    )
    newcomer.refresh_from_db()
    user.refresh_from_db()
    assert not newcomer.email_verified
    assert user.email != newcomer.email


def test_a_link_three_days_old_has_expired_and_one_two_days_old_works(client, newcomer):
    client.force_login(newcomer)
    response = client.get(link_made_days_ago(newcomer, newcomer.email, 3.01))
    assert "This link has expired: links work for 3 days." in response.content.decode()
    assert "Send the link to newcomer@example.com again" in response.content.decode()
    newcomer.refresh_from_db()
    assert not newcomer.email_verified

    client.get(link_made_days_ago(newcomer, newcomer.email, 2))
    newcomer.refresh_from_db()
    assert newcomer.email_verified


def test_a_tampered_link_is_refused(client, newcomer):
    client.force_login(newcomer)
    url = email_confirm_url(user=newcomer, email=newcomer.email)
    response = client.get(url[:-1] + "A/")  # one character more on the signature
    assert response.status_code == 400
    assert "This link is not valid." in response.content.decode()
    newcomer.refresh_from_db()
    assert not newcomer.email_verified


def test_a_new_password_voids_the_links_sent_before_it(client, runner):
    runner.pending_email = "intruder@example.com"
    runner.save()
    url = email_confirm_url(user=runner, email="intruder@example.com")
    runner.set_password("the-owners-new-password")
    runner.save()
    client.force_login(runner)
    response = client.get(url)
    assert "Your password has changed since this link was sent" in response.content.decode()
    runner.refresh_from_db()
    assert runner.email != "intruder@example.com"


def test_the_new_address_replaces_the_old_once_its_link_is_opened(client, runner):
    runner.pending_email = "new@example.com"
    runner.save()
    client.force_login(runner)
    response = client.get(email_confirm_url(user=runner, email="new@example.com"), follow=True)
    assert "Your email address is now new@example.com." in response.content.decode()
    runner.refresh_from_db()
    assert (runner.email, runner.pending_email, runner.email_verified) == (
        "new@example.com",
        "",
        True,
    )
    client.logout()
    login = reverse("accounts:login")
    assert client.post(login, {"username": "new@example.com", "password": TEST_PASSWORD}).url


def test_a_link_for_an_address_no_longer_asked_for_is_refused(client, runner):
    email = runner.email
    runner.pending_email = "second-thought@example.com"
    runner.save()
    client.force_login(runner)
    response = client.get(email_confirm_url(user=runner, email="first-idea@example.com"))
    assert response.status_code == 400
    assert "This link is for first-idea@example.com, which your account no longer waits for." in (
        response.content.decode()
    )
    runner.refresh_from_db()
    assert (runner.email, runner.pending_email) == (email, "second-thought@example.com")


def test_a_new_address_another_account_took_meanwhile_keeps_the_old(client, runner):
    email = runner.email
    runner.pending_email = "wanted@example.com"
    runner.save()
    UserFactory(email="wanted@example.com")
    client.force_login(runner)
    response = client.get(email_confirm_url(user=runner, email="wanted@example.com"), follow=True)
    assert f"Another account uses that address now; yours stays {email}." in (
        response.content.decode()
    )
    runner.refresh_from_db()
    assert (runner.email, runner.pending_email) == (email, "")


def test_opening_the_link_twice_says_it_is_already_confirmed(client, newcomer):
    client.force_login(newcomer)
    url = email_confirm_url(user=newcomer, email=newcomer.email)
    client.get(url)
    response = client.get(url, follow=True)
    assert "Your address newcomer@example.com was already confirmed." in (response.content.decode())


def test_confirming_leads_to_a_coachs_invitation_waiting_for_the_address(client, newcomer):
    invitation = InvitationFactory(email=newcomer.email)
    client.force_login(newcomer)
    response = client.get(email_confirm_url(user=newcomer, email=newcomer.email), follow=True)
    assert response.redirect_chain[-1][0] == reverse("accounts:my_coach")
    assert f"{invitation.coach} invited you." in response.content.decode()


def test_a_new_link_can_be_asked_for(
    client, newcomer, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(newcomer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESEND, follow=True)
    assert "We sent a new link to newcomer@example.com." in response.content.decode()
    assert [message.to for message in mailoutbox] == [["newcomer@example.com"]]


@pytest.mark.parametrize("someone", ["runner", "other_runner", "coach", "other_coach"])
def test_a_confirmed_address_gets_no_new_link(
    client, someone, request, mailoutbox, django_capture_on_commit_callbacks
):
    user = request.getfixturevalue(someone)
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESEND, follow=True)
    assert f"Your address {user.email} is already confirmed." in response.content.decode()
    assert mailoutbox == []


def test_anonymous_cannot_ask_for_a_link(client, mailoutbox):
    assert client.post(RESEND).url.startswith(reverse("accounts:login"))
    assert mailoutbox == []
