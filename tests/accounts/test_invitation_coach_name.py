"""A coach's display name reaches an invitation email as one line of plain text, at most 60
characters, with no link in it: the audit used it to put a phishing link in our subject."""

import pytest

from accounts.services import email_safe_name, invitation_send

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Cora Coach", "Cora Coach"),
        ("Jean-Luc O'Brien & Co", "Jean-Luc O'Brien & Co"),
        ("J. R. Smith", "J. R. Smith"),
        ("Cora. Claim your prize at https://evil.example/win now", "Cora. Claim your prize at now"),
        ("Visit www.evil.example", "Visit"),
        ("Cora evil.example/login", "Cora"),
        ("Cora evil.co", "Cora"),
        ("mail me at cora@evil.example", "mail me at"),
        ("Cora\r\nBcc: victim@example.com", "Cora Bcc:"),
        ("https://evil.example", "A RunStrong coach"),
        ("", "A RunStrong coach"),
    ],
)
def test_names_lose_anything_a_mail_client_could_link(name, shown):
    assert email_safe_name(name) == shown


def test_a_long_name_is_cut_to_sixty_characters():
    shown = email_safe_name("Cora " * 30)
    assert len(shown) == 60
    assert shown.endswith("…")


def test_the_audit_name_reaches_neither_subject_nor_body_as_a_link(
    coach, mailoutbox, django_capture_on_commit_callbacks
):
    coach.display_name = "Your bank: verify at https://evil.example/login " + "x" * 100
    coach.save()
    with django_capture_on_commit_callbacks(execute=True):
        invitation_send(coach=coach, email="ana@example.com")
    (message,) = mailoutbox
    html = message.alternatives[0][0]
    for part in (message.subject, message.body, html):
        assert "evil" not in part
    assert message.subject.startswith("Your bank: verify at xxx")
    assert len(message.subject.split(" invites you")[0]) == 60
