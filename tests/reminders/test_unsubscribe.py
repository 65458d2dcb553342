"""Unsubscribing from post-run emails: a confirm page, a form post, and RFC 8058 one-click."""

from datetime import timedelta

import pytest
from django.core import signing

from reminders import links

pytestmark = pytest.mark.django_db


def test_opening_the_unsubscribe_link_asks_before_turning_anything_off(client, profile):
    response = client.get(links.unsubscribe_path(profile.user.pk))
    body = response.content.decode()
    assert "Stop the post-run emails?" in body and 'method="post"' in body
    assert profile.user.email not in body  # whoever holds the link learns nobody's address
    profile.refresh_from_db()
    assert profile.reminders_enabled


def test_the_page_after_unsubscribing_names_no_one_either(client, profile):
    response = client.post(links.unsubscribe_path(profile.user.pk), follow=True)
    body = response.content.decode()
    assert "Post-run emails are off" in body and profile.user.email not in body


def test_an_unsubscribe_link_expires_after_thirty_days(client, profile, monkeypatch):
    path = links.unsubscribe_path(profile.user.pk)
    real_unsign = signing.TimestampSigner.unsign

    def later(self, value, max_age=None):
        return real_unsign(self, value, max_age=max_age - timedelta(days=30, minutes=1))

    monkeypatch.setattr(signing.TimestampSigner, "unsign", later)
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 400
        assert "Unsubscribe links work for 30 days" in response.content.decode()
    profile.refresh_from_db()
    assert profile.reminders_enabled
    monkeypatch.setattr(signing.TimestampSigner, "unsign", real_unsign)
    assert client.post(path).status_code == 302  # the same link within its 30 days


def test_confirming_turns_post_run_emails_off_and_says_so(client, profile):
    path = links.unsubscribe_path(profile.user.pk)
    response = client.post(path, follow=True)
    assert b"Post-run emails are off" in response.content
    profile.refresh_from_db()
    assert not profile.reminders_enabled


def test_a_mail_providers_one_click_post_works_without_a_csrf_token(profile):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        links.unsubscribe_path(profile.user.pk),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert not profile.reminders_enabled


def test_a_forged_unsubscribe_link_changes_nothing(client, profile, other_runner):
    path = links.unsubscribe_path(profile.user.pk).replace(
        f"/{profile.user.pk}:", f"/{other_runner.pk}:"
    )
    response = client.post(path)
    assert response.status_code == 400
    profile.refresh_from_db()
    assert profile.reminders_enabled


def test_a_done_token_does_not_unsubscribe(client, profile):
    token = links.done_path(profile.user.pk).split("/")[-2]
    assert client.post(f"/reminders/unsubscribe/{token}/").status_code == 400
    profile.refresh_from_db()
    assert profile.reminders_enabled
