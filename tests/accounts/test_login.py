import pytest
from django.test import override_settings
from django.urls import reverse

from tests.accounts.factories import RunnerProfileFactory
from tests.factories import TEST_PASSWORD

URL = reverse("accounts:login")
LOCKED = "Too many failed log-ins for this account from your address."
pytestmark = pytest.mark.django_db


def log_in(client, email, password):
    return client.post(URL, {"username": email, "password": password})


def test_an_onboarded_runner_lands_on_their_week(client):
    profile = RunnerProfileFactory()
    response = log_in(client, profile.user.email, TEST_PASSWORD)
    assert response.url == reverse("plans:week")
    assert client.get(response.url).status_code == 200


def test_a_coach_without_a_runner_profile_lands_on_the_coach_dashboard(client, coach):
    log_in(client, coach.email, TEST_PASSWORD)
    assert client.get(reverse("plans:week")).url == reverse("plans:coach_dashboard")


def test_the_email_is_matched_whatever_its_case(client, runner):
    assert log_in(client, runner.email.upper(), TEST_PASSWORD).status_code == 302


def test_log_out_ends_the_session(client, runner):
    client.force_login(runner)
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("plans:week")).url.startswith(URL)


def test_repeated_bad_passwords_lock_the_account_with_a_clear_message(client, runner):
    statuses = [log_in(client, runner.email, "wrong").status_code for _ in range(6)]
    assert statuses == [200, 200, 200, 200, 429, 429]  # the fifth failure reaches the limit
    response = log_in(client, runner.email, "wrong")
    assert LOCKED in response.content.decode()
    assert "Try again in 15 minutes or reset your password" in response.content.decode()

    response = log_in(client, runner.email, TEST_PASSWORD)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_lock_on_one_account_does_not_lock_another_from_elsewhere(client, runner, other_runner):
    for _ in range(6):
        log_in(client, runner.email, "wrong")
    response = client.post(
        URL,
        {"username": other_runner.email, "password": TEST_PASSWORD},
        REMOTE_ADDR="10.0.0.9",
    )
    assert response.status_code == 302


@override_settings(AXES_COOLOFF_TIME=0.5)
def test_the_lock_message_gives_the_wait_that_is_configured(client, runner):
    for _ in range(5):
        log_in(client, runner.email, "wrong")
    assert "Try again in 30 minutes" in log_in(client, runner.email, "wrong").content.decode()
