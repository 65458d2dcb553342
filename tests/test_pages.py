import pytest
from django.test import override_settings
from django.urls import reverse

from accounts.demo import DEMO_PASSWORD, DEMO_RUNNER_EMAIL, load_demo_accounts
from accounts.models import User


@pytest.mark.django_db
def test_home_page_explains_the_product_and_offers_log_in(client):
    response = client.get(reverse("home"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Strength after every run" in body
    assert reverse("accounts:login") in body
    assert "vendor/bootstrap/bootstrap.min.css" in body


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_unknown_page_renders_the_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "find that page" in response.content.decode()


@pytest.mark.django_db
def test_demo_loader_is_idempotent_and_the_demo_runner_can_log_in(client):
    load_demo_accounts()
    load_demo_accounts()
    assert User.objects.count() == 2
    response = client.post(
        reverse("accounts:login"), {"username": DEMO_RUNNER_EMAIL, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"].email == DEMO_RUNNER_EMAIL


@pytest.mark.django_db
def test_login_with_a_wrong_password_is_refused_with_a_message(client):
    load_demo_accounts()
    response = client.post(
        reverse("accounts:login"), {"username": DEMO_RUNNER_EMAIL, "password": "nope"}
    )
    assert response.status_code == 200
    assert "Please enter a correct email" in response.content.decode()


@pytest.mark.django_db
def test_emails_are_unique_whatever_their_case():
    User.objects.create_user("Ann@Example.org", "pw-12345-long")
    assert User.objects.get_by_natural_key("ann@example.org").email == "ann@example.org"
