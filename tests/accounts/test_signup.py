import pytest
from django.urls import reverse

from accounts.forms import SignupForm
from accounts.models import User

URL = reverse("accounts:signup")
pytestmark = pytest.mark.django_db


def form(**changes) -> dict:
    return {
        "role": "runner",
        "display_name": "Nina Runner",
        "email": "Nina@Example.com",
        "password1": "a-fresh-long-password",
        "password2": "a-fresh-long-password",
        **changes,
    }


def test_the_home_page_offers_sign_up(client):
    assert URL in client.get(reverse("home")).content.decode()


def test_a_runner_signs_up_is_logged_in_and_goes_to_onboarding(client):
    response = client.post(URL, form())
    assert response.url == reverse("accounts:onboarding")
    user = User.objects.get()
    assert (user.email, user.display_name, user.is_coach) == (
        "nina@example.com",
        "Nina Runner",
        False,
    )
    assert user.check_password("a-fresh-long-password")
    assert client.get(reverse("accounts:onboarding")).context["user"] == user


def test_a_coach_signs_up_and_goes_to_the_athletes_list(client):
    response = client.post(URL, form(role="coach"))
    assert response.url == reverse("accounts:athletes")
    assert User.objects.get().is_coach


@pytest.mark.parametrize("someone", ["runner", "other_runner", "coach", "other_coach"])
def test_a_logged_in_user_is_sent_to_their_week(client, someone, request):
    client.force_login(request.getfixturevalue(someone))
    assert client.get(URL).url == reverse("plans:week")
    assert client.post(URL, form()).url == reverse("plans:week")
    assert not User.objects.filter(email="nina@example.com").exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"password2": "something-else-entirely"}, "The two passwords differ."),
        ({"password1": "short", "password2": "short"}, "This password is too short."),
        ({"password1": "password123", "password2": "password123"}, "too common"),
        ({"password1": "nina.runner", "password2": "nina.runner"}, "too similar"),
        ({"email": "not-an-email"}, "Enter a valid email address."),
        ({"display_name": ""}, "This field is required."),
        ({"role": "admin"}, "Select a valid choice."),
    ],
)
def test_bad_sign_ups_get_a_clear_message_and_create_nobody(client, changes, message):
    response = client.post(URL, form(**changes))
    assert message in response.content.decode()
    assert not User.objects.exists()


def test_an_email_already_in_use_is_refused_whatever_its_case(client, runner):
    response = client.post(URL, form(email=runner.email.upper()))
    assert "An account with this email already exists." in response.content.decode()
    assert User.objects.count() == 1


def test_a_sign_up_racing_another_for_the_same_email_gets_the_message_not_an_error(
    client, runner, monkeypatch
):
    # The other sign-up commits between this form's check and its save.
    monkeypatch.setattr(SignupForm, "clean_email", lambda form: runner.email)
    monkeypatch.setattr(SignupForm, "validate_unique", lambda form: None)
    response = client.post(URL, form(email=runner.email))
    assert response.status_code == 200
    assert "An account with this email already exists." in response.content.decode()
    assert User.objects.count() == 1
    assert "_auth_user_id" not in client.session


def test_the_password_is_stored_hashed(client):
    client.post(URL, form())
    assert "a-fresh-long-password" not in User.objects.get().password


def test_an_unsafe_next_is_ignored(client):
    response = client.post(URL + "?next=https://evil.example/", form(next="https://evil.example/"))
    assert response.url == reverse("accounts:onboarding")


def test_an_http_next_on_an_https_request_is_ignored(client):
    response = client.post(URL, form(next="http://testserver/exercises/"), secure=True)
    assert response.url == reverse("accounts:onboarding")


def test_an_https_next_on_the_same_host_is_followed_on_an_https_request(client):
    response = client.post(URL, form(next="https://testserver/exercises/"), secure=True)
    assert response.url == "https://testserver/exercises/"


def test_a_relative_next_is_followed(client):
    response = client.post(URL, form(next="/exercises/"))
    assert response.url == "/exercises/"
