import re

import pytest
from django.test import override_settings

from accounts.models import Coaching
from accounts.services import invitation_send

pytestmark = pytest.mark.django_db


@override_settings(SITE_URL="https://runstrong.example")
def test_the_invitation_email_has_subject_text_and_html_with_a_working_link(
    client, coach, other_runner, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation_send(coach=coach, email=other_runner.email)
    (message,) = mailoutbox
    assert message.subject == "Cora Coach invites you to train together on RunStrong"
    assert message.to == [other_runner.email]
    assert "Cora Coach would like to be your coach" in message.body
    assert "works for 7 days" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "<strong>Cora Coach</strong>" in html
    link = re.search(r"https://runstrong\.example(/accounts/invitations/\S+/)", message.body)
    assert link and f'href="https://runstrong.example{link.group(1)}"' in html

    client.force_login(other_runner)
    client.post(link.group(1), {"answer": "accept"})
    assert Coaching.objects.current().get(athlete=other_runner).coach == coach


def test_names_read_plainly_in_the_text_parts_and_stay_escaped_in_html(
    coach, other_runner, mailoutbox, django_capture_on_commit_callbacks
):
    coach.display_name = "Cora O'Neil & Co"
    coach.save()
    with django_capture_on_commit_callbacks(execute=True):
        invitation_send(coach=coach, email=other_runner.email)
    (message,) = mailoutbox
    assert message.subject.startswith("Cora O'Neil & Co invites you")
    assert "Cora O'Neil & Co would like to be your coach" in message.body
    assert "O&#x27;Neil &amp; Co" in message.alternatives[0][0]
