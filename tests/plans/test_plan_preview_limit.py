"""Plan previews were unlimited: sixty a minute per user, then a JSON 429 with Retry-After."""

from datetime import timedelta

import pytest
from django.utils import timezone

from limits.models import Hit
from tests.plans.test_plan_preview_api import body, preview

pytestmark = pytest.mark.django_db


def test_sixty_previews_a_minute_then_a_429_with_retry_after(
    client, runner, other_runner, settings
):
    assert settings.PLAN_PREVIEWS_PER_USER_PER_MINUTE == 60
    settings.PLAN_PREVIEWS_PER_USER_PER_MINUTE = 3  # the same rule, fewer calls to make
    client.force_login(runner)
    for _ in range(3):
        assert preview(client, body()).status_code == 200  # the last allowed one is answered

    refused = preview(client, body())
    assert refused.status_code == 429
    assert refused.json() == {
        "errors": {"__all__": ["You can preview 3 plans a minute. Try again in 1 minute."]}
    }
    assert refused["Retry-After"] == "60"

    client.force_login(other_runner)
    assert preview(client, body()).status_code == 200


def test_previews_are_allowed_again_once_the_minute_has_passed(client, runner, settings):
    settings.PLAN_PREVIEWS_PER_USER_PER_MINUTE = 1
    client.force_login(runner)
    preview(client, body())
    assert preview(client, body()).status_code == 429
    Hit.objects.update(at=timezone.now() - timedelta(seconds=61))
    assert preview(client, body()).status_code == 200
