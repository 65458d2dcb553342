import re

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db
RESET = reverse("accounts:password_reset")
NEW_PASSWORD = "a-brand-new-long-password"


def test_anonymous_cannot_change_a_password(client):
    assert client.get(reverse("accounts:password_change")).url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("someone", ["runner", "other_runner", "coach", "other_coach"])
def test_each_user_changes_only_their_own_password(client, runner, someone, request):
    user = request.getfixturevalue(someone)
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
        follow=True,
    )
    assert "Your new password is in place." in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    runner.refresh_from_db()
    assert runner.check_password(NEW_PASSWORD if someone == "runner" else TEST_PASSWORD)


def test_a_wrong_old_password_changes_nothing(client, runner):
    client.force_login(runner)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert "Your old password was entered incorrectly." in response.content.decode()
    runner.refresh_from_db()
    assert runner.check_password(TEST_PASSWORD)


def test_the_reset_page_says_the_same_whether_or_not_the_email_exists(
    client, runner, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(RESET, {"email": runner.email}, follow=True)
    with django_capture_on_commit_callbacks(execute=True):
        unknown = client.post(RESET, {"email": "nobody@example.com"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain
    assert "If an account uses that address" in known.content.decode()
    assert known.content == unknown.content.replace(
        unknown.context["csrf_token"].encode(), known.context["csrf_token"].encode()
    )
    assert [message.to for message in mailoutbox] == [[runner.email]]


@override_settings(SITE_URL="https://runstrong.example")
def test_the_reset_email_has_text_and_html_and_its_link_sets_a_new_password(
    client, runner, mailoutbox, django_capture_on_commit_callbacks
):
    runner.display_name = "Dara D'Arcy"
    runner.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(RESET, {"email": runner.email.upper()})
    (message,) = mailoutbox
    assert message.subject == "Choose a new RunStrong password"
    assert "Hello Dara D'Arcy," in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    path = re.search(r"https://runstrong\.example(/accounts/password-reset/\S+/)", message.body)[1]
    assert f'href="https://runstrong.example{path}"' in html

    form_page = client.get(path, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    runner.refresh_from_db()
    assert runner.check_password(NEW_PASSWORD)
    reused = client.get(path, follow=True)
    assert "This link has already been used or has expired." in reused.content.decode()


def test_a_new_password_from_a_reset_link_also_confirms_the_address(
    client, runner, mailoutbox, django_capture_on_commit_callbacks
):
    runner.email_verified_at = None
    runner.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(RESET, {"email": runner.email})
    (message,) = mailoutbox
    path = re.search(r"(/accounts/password-reset/\S+/)", message.body)[1]
    form_page = client.get(path, follow=True)
    refused = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "short", "new_password2": "short"}
    )
    assert refused.status_code == 200
    runner.refresh_from_db()
    assert runner.email_verified_at is None  # a refused form proves nothing and changes nothing
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    runner.refresh_from_db()
    assert runner.check_password(NEW_PASSWORD)
    assert runner.email_verified_at is not None
