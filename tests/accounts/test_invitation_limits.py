"""The audit sent 313 invitations to one address in 10 s: invitations are limited per coach
per hour and per invited address per day, with a clear message and nothing sent past it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation

URL = reverse("accounts:athletes")
pytestmark = pytest.mark.django_db


@pytest.fixture
def invite(client, django_capture_on_commit_callbacks):
    """Post the invitation form and let the outbox send what it queued; the response."""

    def post(email: str):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(URL, {"email": email})

    return post


def test_one_address_gets_three_invitations_a_day_and_the_fourth_is_refused(
    client, coach, mailoutbox, invite
):
    client.force_login(coach)
    for _ in range(3):
        assert invite("target@example.com").status_code == 302
    assert len(mailoutbox) == 3  # the last allowed one goes

    refused = invite("target@example.com")
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "target@example.com has had 3 invitations in the last day" in page
    assert "Try again in 24 hours." in page
    assert len(mailoutbox) == 3
    assert Invitation.objects.count() == 3
    assert Invitation.objects.pending().count() == 1  # the latest one still stands


def test_the_address_limit_counts_every_coach(client, coach, other_coach, mailoutbox, invite):
    client.force_login(coach)
    for _ in range(3):
        invite("target@example.com")
    client.force_login(other_coach)
    assert invite("Target@Example.com").status_code == 429
    assert not Invitation.objects.filter(coach=other_coach).exists()
    assert len(mailoutbox) == 3


def test_an_address_can_be_invited_again_a_day_later(client, coach, mailoutbox, invite):
    client.force_login(coach)
    for _ in range(3):
        invite("target@example.com")
    Invitation.objects.update(created_at=timezone.now() - timedelta(days=1, seconds=1))
    assert invite("target@example.com").status_code == 302
    assert len(mailoutbox) == 4


def test_a_coach_sends_twenty_invitations_an_hour_and_the_twenty_first_is_refused(
    client, coach, mailoutbox, settings, invite
):
    assert settings.INVITATIONS_PER_COACH_PER_HOUR == 20
    client.force_login(coach)
    for n in range(20):
        invite(f"runner{n}@example.com")
    assert len(mailoutbox) == 20
    assert Invitation.objects.filter(email="runner19@example.com").exists()

    refused = invite("one.more@example.com")
    assert refused.status_code == 429
    assert (
        "You have sent 20 invitations in the last hour, the most we allow. Try again in 60 minutes."
        in (refused.content.decode())
    )
    assert not Invitation.objects.filter(email="one.more@example.com").exists()
    assert len(mailoutbox) == 20


def test_the_coach_limit_is_per_coach(client, coach, other_coach, settings, invite):
    settings.INVITATIONS_PER_COACH_PER_HOUR = 1
    client.force_login(coach)
    assert invite("a@example.com").status_code == 302
    assert invite("b@example.com").status_code == 429
    client.force_login(other_coach)
    assert invite("b@example.com").status_code == 302
