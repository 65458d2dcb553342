"""Every HTML email passes the same axe checks as the pages (its colours included), at desktop
and phone width: rendered as it is sent, shown in Chromium. A new email under
templates/emails/ fails until it has a context here."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings

from config import emails
from tests.browser.accessibility import axe_context, every_look

pytestmark = pytest.mark.browser

EMAILS = Path(settings.BASE_DIR) / "templates" / "emails"
USER = SimpleNamespace(get_short_name="Robin", email="robin@example.com")
MOVE = SimpleNamespace(
    name="Lunge", sets=2, dose="8–10 per leg", cues=["Step long", "Knee over the toes"]
)
CONTEXTS = {
    "post_run": {
        "runner": USER,
        "routine": SimpleNamespace(minutes=15, moves=[MOVE, MOVE]),
        "done_url": "https://runstrong.example/reminders/done/x/",
        "week_url": "https://runstrong.example/week/",
        "unsubscribe_url": "https://runstrong.example/reminders/unsubscribe/x/",
        "done_link_days": 7,
    },
    "invitation": {
        "coach_name": "Casey Coach",
        "path": "/accounts/invitations/x/",
        "days": 14,
        "invitation": SimpleNamespace(email="robin@example.com"),
    },
    "email_confirm": {"user": USER, "email": "robin@example.com", "path": "/x/", "days": 3},
    "email_change_notice": {
        "user": USER,
        "old_email": "robin@example.com",
        "new_email": "robin.new@example.com",
        "path": "/accounts/password-reset/",
    },
    "password_reset": {"user": USER, "uid": "MQ", "token": "abc-123"},
    "export_ready": {"path": "/privacy/data/export/1/download/", "days": 7},
}


def test_every_email_has_a_context():
    folders = {path.name for path in EMAILS.iterdir() if (path / "body.html").exists()}
    assert folders == set(CONTEXTS)


def test_every_email_passes_axe_at_both_widths(browser):
    context = axe_context(browser)
    page = context.new_page()
    failures = []
    for name, values in CONTEXTS.items():
        page.set_content(emails.render(name, values).html)
        failures.extend(
            violation.describe("email", [f"{name} ({look})"])
            for look, violation in every_look(page)
        )
    context.close()
    assert not failures, "\n".join(failures)
