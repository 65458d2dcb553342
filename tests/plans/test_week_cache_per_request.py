"""What the cached week page keeps per request: CSRF tokens, messages and the session (logging
out and a password change still end it); and the cache on a real Redis."""

import os
import re
import uuid

import pytest
from django.core.cache import caches
from django.db import connection
from django.middleware.csrf import _unmask_cipher_token  # type: ignore[attr-defined]
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plans.cache import csrf_placeholder, forget_local_pages
from plans.models import Session, Status
from tests.accounts.factories import RunnerProfileFactory
from tests.plans.factories import SessionFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def profile(runner):
    return RunnerProfileFactory(user=runner, time_zone="UTC")


@pytest.fixture
def run(profile):
    return SessionFactory(runner=profile.user, date=profile.today(), title="Token run")


def signed_in(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def page_tokens(client: Client) -> set[str]:
    """The secrets behind the page's form tokens (each response masks its own)."""
    body = client.get(reverse("plans:week")).content.decode()
    assert csrf_placeholder() not in body
    return {_unmask_cipher_token(token) for token in TOKEN.findall(body)}


def test_two_browsers_on_one_cached_week_each_get_their_own_token(runner, run):
    first, second = signed_in(runner), signed_in(runner)
    first_tokens = page_tokens(first)  # renders and caches the week
    second_tokens = page_tokens(second)  # served from the cache
    assert first_tokens == {first.cookies["csrftoken"].value}
    assert second_tokens == {second.cookies["csrftoken"].value}
    assert first_tokens != second_tokens


def test_the_runner_and_the_coach_never_see_each_others_token(runner, coach, run):
    runners, coaches = signed_in(runner), signed_in(coach)
    runner_tokens = page_tokens(runners)
    coach_body = coaches.get(reverse("plans:athlete_week", args=[runner.pk])).content.decode()
    coach_tokens = {_unmask_cipher_token(token) for token in TOKEN.findall(coach_body)}
    assert coach_tokens == {coaches.cookies["csrftoken"].value}
    assert not runner_tokens & coach_tokens


def test_a_form_on_a_page_served_from_the_cache_posts(runner, run, django_assert_max_num_queries):
    client = signed_in(runner)
    client.get(reverse("plans:week"))
    with django_assert_max_num_queries(2):
        body = client.get(reverse("plans:week")).content.decode()
    token = TOKEN.search(body).group(1)
    url = reverse("plans:session_status", args=[run.pk])
    refused = client.post(url, {"status": "skipped"})
    assert refused.status_code == 403  # without the token: CSRF still guards the form
    response = client.post(url, {"status": "skipped", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Session.objects.get(pk=run.pk).status == Status.SKIPPED


def test_messages_show_once_and_never_from_the_cache(runner, run):
    client = Client()
    client.force_login(runner)
    client.get(reverse("plans:week"))
    client.post(reverse("plans:session_status", args=[run.pk]), {"status": "skipped"})
    assert "Marked as skipped" in client.get(reverse("plans:week")).content.decode()
    assert "Marked as skipped" not in client.get(reverse("plans:week")).content.decode()


def test_logging_out_ends_the_session(client, runner, profile):
    client.force_login(runner)
    assert client.get(reverse("plans:week")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("plans:week")).status_code == 302


def test_a_password_change_ends_the_other_sessions(runner, profile):
    elsewhere = Client()
    elsewhere.force_login(runner)
    assert elsewhere.get(reverse("plans:week")).status_code == 200
    runner.set_password("a new and long password 42")
    runner.save()
    assert elsewhere.get(reverse("plans:week")).status_code == 302


@pytest.mark.postgres
@pytest.mark.redis
def test_the_week_is_cached_on_redis_and_a_write_shows(runner, run, django_assert_num_queries):
    """The production backend, on the Redis the tests use, under a key prefix of its own."""
    prefix = f"test-week-cache-{uuid.uuid4().hex}"
    redis = {
        "BACKEND": "config.redis_cache.RedisCache",
        "LOCATION": os.environ["CELERY_BROKER_URL"],
        "KEY_PREFIX": prefix,
    }
    with override_settings(CACHES={"default": redis}):
        try:
            client = Client()
            client.force_login(runner)
            client.get(reverse("plans:week"))
            forget_local_pages()  # so that the next GET reads the page back from Redis
            with django_assert_num_queries(2):
                assert "Token run" in client.get(reverse("plans:week")).content.decode()
            backend = caches["default"]._cache
            assert backend.get_client() is backend.get_client()  # one client, not one a call
            client.post(reverse("plans:session_status", args=[run.pk]), {"status": "skipped"})
            assert 'data-testid="status">Skipped<' in (
                client.get(reverse("plans:week")).content.decode()
            )
        finally:
            connection = caches["default"]._cache.get_client(write=True)
            for key in connection.scan_iter(f"{prefix}:*"):
                connection.delete(key)


def test_a_page_this_process_kept_is_served_when_the_shared_cache_lost_it_and_a_write_still_shows(
    runner, run, django_assert_num_queries
):
    """Pages are kept per process in front of the shared cache, under the same versioned
    key: losing the shared copy costs nothing, and a write still moves the key past them."""
    from django.core.cache import cache

    client = Client()
    client.force_login(runner)
    client.get(reverse("plans:week"))
    cache.delete_many([key for key in list(_kept_keys())])  # the shared copies go
    with django_assert_num_queries(2):  # the user, the profile with the versions: no render
        assert "Token run" in client.get(reverse("plans:week")).content.decode()
    client.post(reverse("plans:session_status", args=[run.pk]), {"status": "skipped"})
    assert 'data-testid="status">Skipped<' in client.get(reverse("plans:week")).content.decode()


def test_the_pages_kept_per_process_are_bounded(runner, monkeypatch):
    from plans import cache as week_cache

    monkeypatch.setattr(week_cache, "LOCAL_PAGES", 2)
    page = week_cache.WeekPage(head="", body="", tail="")
    for number in range(5):
        week_cache.week_store(f"key-{number}", page)
    assert list(_kept_keys()) == ["key-3", "key-4"]


def _kept_keys():
    from plans import cache as week_cache

    return week_cache._local.keys()


def test_a_deploy_that_changes_the_code_never_meets_a_page_cached_before_it(
    runner, run, monkeypatch, django_assert_num_queries
):
    from plans import cache as week_cache

    client = Client()
    client.force_login(runner)
    client.get(reverse("plans:week"))
    with django_assert_num_queries(2):  # served from the cache
        client.get(reverse("plans:week"))
    monkeypatch.setattr(week_cache, "code_digest", lambda: "another-release")
    with CaptureQueriesContext(connection) as queries:
        assert "Token run" in client.get(reverse("plans:week")).content.decode()
    assert len(queries) > 2  # drawn afresh by the new code


def test_the_code_digest_covers_the_week_pages_code_templates_and_static_files():
    from django.conf import settings

    from plans import cache as week_cache

    files = {str(path.relative_to(settings.BASE_DIR)) for path in week_cache._code_files()}
    assert {
        "plans/week_page.py",
        "templates/plans/_week.html",
        "config/urls.py",
        "static/css/app.css",
    } <= files
    assert not [name for name in files if "site-packages" in name or name.startswith(".venv")]


def test_while_developing_the_digest_moves_when_a_file_changes(tmp_path, monkeypatch, settings):
    from plans import cache as week_cache

    settings.DEBUG = True
    template = tmp_path / "_week.html"
    template.write_text("<p>before</p>")
    monkeypatch.setattr(week_cache, "_code_files", lambda: [template])
    before = week_cache.code_digest()
    assert week_cache.code_digest() == before
    template.write_text("<p>after, and longer</p>")
    assert week_cache.code_digest() != before
