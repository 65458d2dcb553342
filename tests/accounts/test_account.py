import pytest
from django.urls import reverse

from tests.factories import TEST_PASSWORD

URL = reverse("accounts:account")
pytestmark = pytest.mark.django_db


def change(client, *, email: str, password: str = "", name: str = "Rita Runner"):
    return client.post(
        URL, {"display_name": name, "email": email, "current_password": password}, follow=True
    )


def test_anonymous_is_sent_to_log_in(client):
    assert client.get(URL).url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("someone", ["runner", "other_runner", "coach", "other_coach"])
def test_each_user_sees_and_renames_only_themselves_without_a_password(
    client, runner, someone, request
):
    user = request.getfixturevalue(someone)
    client.force_login(user)
    page = client.get(URL)
    assert page.context["form"].initial == {"display_name": user.display_name, "email": user.email}
    assert f"You log in with {user.email}, confirmed." in page.content.decode()
    response = change(client, email=user.email, name="Renamed")
    assert "Your account details are saved." in response.content.decode()
    user.refresh_from_db()
    assert user.display_name == "Renamed"
    if someone != "runner":
        runner.refresh_from_db()
        assert runner.display_name == "Rita Runner"


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("", "Enter your current password to change your email."),
        ("wrong-password", "That is not your current password."),
    ],
)
def test_a_new_email_without_the_current_password_is_refused_and_changes_nothing(
    client, runner, mailoutbox, password, message
):
    email = runner.email
    client.force_login(runner)
    response = change(client, email="someone-else@example.com", password=password)
    assert message in response.content.decode()
    runner.refresh_from_db()
    assert (runner.email, runner.pending_email) == (email, "")
    assert mailoutbox == []


def test_a_new_email_waits_for_its_link_and_the_old_address_is_told(
    client, runner, mailoutbox, django_capture_on_commit_callbacks
):
    email = runner.email
    client.force_login(runner)
    with django_capture_on_commit_callbacks(execute=True):
        response = change(client, email=" New@Example.com ", password=TEST_PASSWORD)
    body = response.content.decode()
    assert "We sent a link to new@example.com. Until you open it, your address stays" in body
    assert "Waiting for you to open the link we sent to new@example.com" in body
    runner.refresh_from_db()
    assert (runner.email, runner.pending_email) == (email, "new@example.com")
    assert runner.email_verified
    confirm, notice = sorted(mailoutbox, key=lambda message: message.to != ["new@example.com"])
    assert confirm.to == ["new@example.com"]
    assert confirm.subject == "Confirm your new RunStrong email address"
    assert notice.to == [email]
    assert notice.subject == "Someone asked to change your RunStrong email address"
    assert f"from {email} to new@example.com" in notice.body
    assert reverse("accounts:password_reset") in notice.body


def test_asking_for_the_current_address_again_drops_a_waiting_change(client, runner):
    runner.pending_email = "new@example.com"
    runner.save()
    client.force_login(runner)
    response = change(client, email=runner.email)
    runner.refresh_from_db()
    assert runner.pending_email == ""
    assert "The change to new@example.com is called off" in response.content.decode()


def test_an_email_taken_by_someone_else_is_refused(client, runner, other_runner, mailoutbox):
    email = runner.email
    client.force_login(runner)
    response = change(client, email=other_runner.email.upper(), password=TEST_PASSWORD)
    assert "An account with this email already exists." in response.content.decode()
    runner.refresh_from_db()
    assert (runner.email, runner.pending_email) == (email, "")
    assert mailoutbox == []
