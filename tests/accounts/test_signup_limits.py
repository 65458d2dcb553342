"""Sign-ups were unlimited: now three an hour per address and twenty an hour per IP address,
each refusal with a clear message and no account made."""

import pytest
from django.urls import reverse

from accounts.models import User
from limits.models import Hit
from outbox.models import Email

URL = reverse("accounts:signup")
pytestmark = pytest.mark.django_db


def form(email: str) -> dict[str, str]:
    return {
        "role": "runner",
        "display_name": "Nina Runner",
        "email": email,
        "password1": "a-fresh-long-password",
        "password2": "a-fresh-long-password",
    }


def sign_up(client, email: str, ip: str = "203.0.113.7"):
    response = client.post(URL, form(email), REMOTE_ADDR=ip)
    client.logout()
    return response


def test_twenty_sign_ups_an_hour_from_one_ip_and_the_twenty_first_is_refused(client, settings):
    assert settings.SIGNUPS_PER_IP_PER_HOUR == 20
    for n in range(20):
        assert sign_up(client, f"nina{n}@example.com").status_code == 302
    assert User.objects.filter(email="nina19@example.com").exists()  # the last allowed one

    refused = sign_up(client, "one.more@example.com")
    assert refused.status_code == 429
    assert (
        "20 accounts have been made from your network in the last hour, the most we allow. "
        "Try again in 60 minutes." in refused.content.decode()
    )
    assert not User.objects.filter(email="one.more@example.com").exists()
    assert sign_up(client, "one.more@example.com", ip="198.51.100.1").status_code == 302


def test_three_sign_ups_an_hour_per_address_then_a_refusal(client, settings):
    assert settings.SIGNUPS_PER_ADDRESS_PER_HOUR == 3
    for n in range(3):  # each account deleted again, as a bot cycling one address would
        assert sign_up(client, "nina@example.com", ip=f"198.51.100.{n}").status_code == 302
        User.objects.filter(email="nina@example.com").delete()

    refused = sign_up(client, "Nina@Example.com", ip="198.51.100.99")
    assert refused.status_code == 429
    assert "That address has been used for 3 sign-ups in the last hour." in refused.content.decode()
    assert not User.objects.exists()
    # one confirmation link queued per allowed sign-up, none past it
    assert Email.objects.filter(kind="email_confirm", to="nina@example.com").count() == 3


def test_a_refused_sign_up_counts_nothing(client, settings):
    settings.SIGNUPS_PER_IP_PER_HOUR = 1
    sign_up(client, "a@example.com")
    hits = Hit.objects.count()
    assert sign_up(client, "b@example.com").status_code == 429
    assert Hit.objects.count() == hits
    assert not Hit.objects.filter(key="b@example.com").exists()


def test_a_form_with_mistakes_is_not_counted(client, settings):
    settings.SIGNUPS_PER_ADDRESS_PER_HOUR = 1
    client.post(URL, {**form("nina@example.com"), "password2": "not-the-same"})
    assert sign_up(client, "nina@example.com").status_code == 302
