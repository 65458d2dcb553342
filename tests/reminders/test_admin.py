"""Staff can see every reminder, its state and its last error, and find a runner's."""

import pytest
from django.urls import reverse

from reminders.models import Reminder, State
from tests.factories import UserFactory
from tests.reminders.conftest import plan_run

pytestmark = pytest.mark.django_db


def test_staff_find_a_runners_failed_reminder_with_its_error(client, profile):
    run = plan_run(profile.user)
    Reminder.objects.filter(session=run).update(
        state=State.FAILED, attempts=5, last_error="SMTPRecipientsRefused: mailbox unavailable"
    )
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(
        reverse("admin:reminders_reminder_changelist"),
        {"state__exact": "failed", "q": profile.user.email},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "mailbox unavailable" in body
    assert profile.user.display_name in body
