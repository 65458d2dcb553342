"""People who signed up before addresses were confirmed keep what they could do."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from accounts.demo import DEMO_PASSWORD, load_demo_accounts
from accounts.models import User
from accounts.services import invitation_accept
from tests.accounts.factories import InvitationFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("accounts.migrations.0006_user_email_verification")


def test_existing_accounts_count_as_confirmed_and_keep_answering_invitations():
    earlier = UserFactory(email_verified_at=None)
    invitation = InvitationFactory(email=earlier.email)

    migration.existing_addresses_count_as_confirmed(apps, None)

    earlier.refresh_from_db()
    assert earlier.email_verified
    assert invitation_accept(invitation=invitation, user=earlier).coach == invitation.coach


def test_the_demo_accounts_are_confirmed_and_log_in(client):
    users = load_demo_accounts()
    assert all(User.objects.get(pk=user.pk).email_verified for user in users.values())
    response = client.post(
        reverse("accounts:login"), {"username": users["runner"].email, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
