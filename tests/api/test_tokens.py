"""Personal access tokens: made and revoked on the account page (shown once, kept hashed),
sent as `Authorization: Bearer …`; a read-only token cannot write; the command prints one."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apitokens.models import ApiToken, Scope, secret_hash
from apitokens.services import token_create
from tests.api.conftest import bearer, token_client

pytestmark = pytest.mark.django_db
PROFILE = reverse("api:profile")
ACCOUNT = reverse("accounts:account")


def test_a_token_is_shown_once_kept_hashed_and_listed_with_its_name_scope_and_last_use(
    client, runner, profile
):
    client.force_login(runner)
    created = client.post(reverse("apitokens:new"), {"name": "Spreadsheet", "scope": "write"})
    assert created.status_code == 201
    secret = created.context["secret"]
    assert secret.startswith("rs_") and secret in created.content.decode()
    token = ApiToken.objects.get()
    assert token.secret_hash == secret_hash(secret) and secret not in token.prefix + token.name
    assert created["Cache-Control"].startswith("max-age=0")

    page = client.get(ACCOUNT).content.decode()
    assert "Spreadsheet" in page and "Read and write" in page and "Never" in page
    assert secret not in page  # only its first characters, to recognise it

    Client(headers={"Authorization": f"Bearer {secret}"}).get(PROFILE)
    assert "Never" not in client.get(ACCOUNT).content.decode()


def test_a_token_needs_a_name_and_a_scope(client, runner):
    client.force_login(runner)
    response = client.post(reverse("apitokens:new"), {"name": " ", "scope": "admin"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "scope"}
    assert not ApiToken.objects.exists()


def test_twenty_tokens_at_most(client, runner):
    for n in range(20):
        token_create(user=runner, name=f"Token {n}", scope=Scope.READ)
    client.force_login(runner)
    response = client.post(reverse("apitokens:new"), {"name": "One more", "scope": "read"})
    assert "revoke one you no longer use" in response.content.decode()
    assert ApiToken.objects.count() == 20


def test_the_account_page_shows_only_your_own_tokens(client, runner, other_runner):
    token_create(user=other_runner, name="Oscar script", scope=Scope.READ)
    token_create(user=runner, name="Rita script", scope=Scope.READ)
    client.force_login(runner)
    page = client.get(ACCOUNT).content.decode()
    assert "Rita script" in page and "Oscar script" not in page


def test_a_revoked_token_opens_nothing_and_only_its_owner_can_revoke_it(
    client, runner, other_runner, coach, profile
):
    token, secret = token_create(user=runner, name="Script", scope=Scope.READ)
    api = Client(headers={"Authorization": f"Bearer {secret}"})
    assert api.get(PROFILE).status_code == 200
    revoke = reverse("apitokens:revoke", args=[token.pk])
    for stranger in (other_runner, coach):
        client.force_login(stranger)
        assert client.post(revoke).status_code == 404
    assert api.get(PROFILE).status_code == 200
    client.force_login(runner)
    assert client.get(revoke).status_code == 405  # a link cannot revoke it
    assert client.post(revoke).status_code == 302
    refused = api.get(PROFILE)
    assert refused.status_code == 401
    assert "not valid" in refused.json()["errors"]["__all__"][0]
    assert refused["WWW-Authenticate"].startswith("Bearer")


def test_anonymous_cannot_make_or_revoke_tokens(client, runner):
    token, _ = token_create(user=runner, name="Script", scope=Scope.READ)
    assert client.post(reverse("apitokens:new"), {"name": "x", "scope": "read"}).status_code == 302
    assert client.post(reverse("apitokens:revoke", args=[token.pk])).status_code == 302
    assert ApiToken.objects.count() == 1


@pytest.mark.parametrize(
    "header",
    ["", "Bearer", "Bearer rs_wrong", "Bearer a b", "Basic dXNlcjpwYXNz", "Bearer " + "x" * 5000],
)
def test_no_token_or_a_wrong_one_is_a_json_401(runner, profile, header):
    headers = {"Authorization": header} if header else {}
    response = Client(headers=headers).get(PROFILE)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert list(response.json()["errors"]) == ["__all__"]
    assert token_client(runner).get(PROFILE).status_code == 200


def test_an_anonymous_curl_gets_log_in_first(client):
    response = client.patch(PROFILE, "{}", content_type="application/json")
    assert response.status_code == 401
    assert response.json() == {"errors": {"__all__": ["Log in first."]}}


def test_a_read_only_token_reads_but_cannot_write(runner, profile):
    read_only = token_client(runner, Scope.READ)
    assert read_only.get(PROFILE).status_code == 200
    refused = read_only.patch(
        PROFILE, {"runner_type": "competitive"}, content_type="application/json"
    )
    assert refused.status_code == 403
    assert "can only read" in refused.json()["errors"]["__all__"][0]
    profile.refresh_from_db()
    assert profile.runner_type == "recreational"
    writer = token_client(runner, Scope.WRITE)
    allowed = writer.patch(PROFILE, {"runner_type": "competitive"}, content_type="application/json")
    assert allowed.status_code == 200
    profile.refresh_from_db()
    assert profile.runner_type == "competitive"


def test_a_token_of_an_inactive_account_opens_nothing(runner, profile):
    api = token_client(runner)
    runner.is_active = False
    runner.save()
    assert api.get(PROFILE).status_code == 401


def test_the_session_needs_its_csrf_token_to_write_and_a_bearer_token_does_not(runner, profile):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(runner)
    assert strict.get(PROFILE).status_code == 200  # reading needs no CSRF token
    body = {"runner_type": "competitive"}
    refused = strict.patch(PROFILE, body, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json() == {
        "errors": {"__all__": ["Send the CSRF token in the X-CSRFToken header."]}
    }
    strict.get(reverse("plans:week"))
    csrf = strict.cookies["csrftoken"].value
    allowed = strict.patch(PROFILE, body, content_type="application/json", HTTP_X_CSRFTOKEN=csrf)
    assert allowed.status_code == 200
    api = Client(enforce_csrf_checks=True, headers={"Authorization": f"Bearer {bearer(runner)}"})
    assert api.patch(PROFILE, body, content_type="application/json").status_code == 200


def test_last_used_is_written_at_most_once_a_minute(runner, profile, django_assert_num_queries):
    token, secret = token_create(user=runner, name="Script", scope=Scope.READ)
    api = Client(headers={"Authorization": f"Bearer {secret}"})
    api.get(PROFILE)
    token.refresh_from_db()
    first = token.last_used_at
    assert first is not None
    api.get(PROFILE)
    token.refresh_from_db()
    assert token.last_used_at == first
    ApiToken.objects.update(last_used_at=timezone.now() - timedelta(seconds=61))
    api.get(PROFILE)
    token.refresh_from_db()
    assert token.last_used_at > first


def test_the_command_prints_a_token_that_works(runner, profile):
    out = StringIO()
    call_command(
        "create_api_token", runner.email.upper(), "--name", "CI", "--scope", "write", stdout=out
    )
    secret = out.getvalue().strip()
    assert ApiToken.objects.get().name == "CI"
    assert Client(headers={"Authorization": f"Bearer {secret}"}).get(PROFILE).status_code == 200
    with pytest.raises(CommandError, match="No account"):
        call_command("create_api_token", "nobody@example.com", stdout=StringIO())
