"""Requests a minute per token and per user (settings API_REQUESTS_PER_TOKEN_PER_MINUTE and
API_REQUESTS_PER_USER_PER_MINUTE), then a JSON 429 with Retry-After."""

import pytest
from django.test import Client
from django.urls import reverse

from apitokens.models import Scope
from apitokens.services import token_create

pytestmark = pytest.mark.django_db
URL = reverse("api:exercises")


def test_the_defaults_are_the_documented_ones(settings):
    assert settings.API_REQUESTS_PER_USER_PER_MINUTE == 120
    assert settings.API_REQUESTS_PER_TOKEN_PER_MINUTE == 60


def test_each_token_has_its_own_allowance_then_a_429_with_retry_after(runner, settings):
    settings.API_REQUESTS_PER_TOKEN_PER_MINUTE = 3
    first = Client(
        headers={
            "Authorization": f"Bearer {token_create(user=runner, name='a', scope=Scope.READ)[1]}"
        }
    )
    second = Client(
        headers={
            "Authorization": f"Bearer {token_create(user=runner, name='b', scope=Scope.READ)[1]}"
        }
    )
    assert [first.get(URL).status_code for _ in range(3)] == [200, 200, 200]
    refused = first.get(URL)
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "Too many requests" in refused.json()["errors"]["__all__"][0]
    assert second.get(URL).status_code == 200  # another token of the same runner


def test_each_user_has_an_allowance_across_tokens_and_the_session(
    client, runner, other_runner, settings
):
    settings.API_REQUESTS_PER_USER_PER_MINUTE = 3
    token = Client(
        headers={
            "Authorization": f"Bearer {token_create(user=runner, name='a', scope=Scope.READ)[1]}"
        }
    )
    client.force_login(runner)
    assert [token.get(URL).status_code for _ in range(2)] == [200, 200]
    assert client.get(URL).status_code == 200
    refused = client.get(URL)
    assert refused.status_code == 429 and refused.has_header("Retry-After")
    assert token.get(URL).status_code == 429
    client.force_login(other_runner)
    assert client.get(URL).status_code == 200
