import itertools

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.accounts.factories import RunnerProfileFactory
from tests.factories import TEST_PASSWORD, UserFactory

URL = reverse("accounts:login")
LOCKED = "Too many failed log-ins for this account, or from your network."
pytestmark = pytest.mark.django_db


def log_in(client, email, password, **meta):
    return client.post(URL, {"username": email, "password": password}, **meta)


def is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


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


@pytest.mark.parametrize("typed", ["{}", "{upper}", " {upper}", "{upper} ", "  {}"])
def test_a_locked_account_stays_locked_however_its_email_is_typed(client, runner, typed):
    for _ in range(5):
        log_in(client, runner.email, "wrong")
    email = typed.format(runner.email, upper=runner.email.upper())
    response = log_in(client, email, TEST_PASSWORD, REMOTE_ADDR="10.0.0.9")  # another address
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert not is_logged_in(client)


def test_failures_typed_in_capitals_count_towards_the_same_lock(client, runner):
    for email in (runner.email.upper(), f" {runner.email}", runner.email.title(), runner.email):
        log_in(client, email, "wrong")
    assert log_in(client, runner.email.upper(), "wrong").status_code == 429


def test_the_right_password_in_capitals_logs_in_while_not_locked(client, runner):
    for _ in range(3):
        log_in(client, runner.email, "wrong")
    assert log_in(client, f" {runner.email.upper()}", TEST_PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_spraying_many_accounts_from_one_address_is_locked_despite_logging_into_ones_own(
    client, runner
):
    """The audit's pattern: 16 accounts tried from one address, with a log-in to the
    attacker's own account after every 3 failures so that a success would reset them."""
    victims = itertools.cycle([UserFactory() for _ in range(16)])
    for _ in range(7):  # 21 failures: past the address's limit of 20
        for _ in range(3):
            log_in(client, next(victims).email, "guess")
        log_in(client, runner.email, TEST_PASSWORD)
        client.logout()
    for email, password in ((next(victims).email, "guess"), (runner.email, TEST_PASSWORD)):
        response = log_in(client, email, password)
        assert response.status_code == 429
        assert LOCKED in response.content.decode()
        assert not is_logged_in(client)


def test_a_shared_address_is_not_locked_by_a_few_failures_against_other_accounts(
    client, runner, other_runner
):
    """Many people share one address (an office, a gym): five people mistyping their
    passwords once each must not lock out the sixth."""
    for _ in range(6):
        log_in(client, UserFactory().email, "typo")
    assert log_in(client, runner.email, TEST_PASSWORD).status_code == 302


def test_an_address_is_locked_after_its_own_limit_of_failures(client, runner):
    for _ in range(20):
        log_in(client, UserFactory().email, "guess")
    response = log_in(client, runner.email, TEST_PASSWORD)
    assert response.status_code == 429
    assert not is_logged_in(client)
    # The account itself is not locked: its owner logs in from home.
    assert log_in(client, runner.email, TEST_PASSWORD, REMOTE_ADDR="10.0.0.9").status_code == 302


def test_logging_in_forgets_only_the_accounts_own_failures(client, runner):
    for _ in range(4):
        log_in(client, runner.email, "wrong")
    assert log_in(client, runner.email, TEST_PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        log_in(client, runner.email, "wrong")
    assert log_in(client, runner.email, TEST_PASSWORD).status_code == 302


PROXY = "10.0.0.1"


@override_settings(TRUSTED_PROXIES=[PROXY])
def test_behind_a_trusted_proxy_one_clients_failures_do_not_lock_the_others(
    client, runner, other_runner
):
    for _ in range(25):
        log_in(
            client,
            runner.email,
            "wrong",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    assert (
        log_in(
            client,
            runner.email,
            TEST_PASSWORD,
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        ).status_code
        == 429
    )
    response = log_in(
        client,
        other_runner.email,
        TEST_PASSWORD,
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert response.status_code == 302
    assert is_logged_in(client)


def test_without_trusted_proxies_a_forwarded_header_cannot_dodge_the_address_lock(client, runner):
    for n in range(20):
        log_in(client, UserFactory().email, "guess", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    response = log_in(client, runner.email, TEST_PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert response.status_code == 429
    assert not is_logged_in(client)
