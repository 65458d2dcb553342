import pytest
from django.test import Client

from apitokens.models import Scope
from apitokens.services import token_create
from tests.accounts.factories import RunnerProfileFactory


def bearer(user, scope: str = Scope.WRITE, name: str = "Script") -> str:
    """A new token's secret for `user`."""
    return token_create(user=user, name=name, scope=scope)[1]


def token_client(user, scope: str = Scope.WRITE) -> Client:
    """A client that sends a new token of `user` with every request, and no session."""
    return Client(headers={"Authorization": f"Bearer {bearer(user, scope)}"})


@pytest.fixture
def profile(runner):
    """`runner` onboarded: recreational, Mon/Wed/Fri/Sun 45 minutes, long run on Sunday."""
    return RunnerProfileFactory(user=runner, time_zone="UTC")


@pytest.fixture
def other_profile(other_runner):
    return RunnerProfileFactory(user=other_runner, time_zone="UTC")
