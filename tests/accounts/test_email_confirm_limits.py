"""Anyone can type any address into the account form and ask for links again and again: a
confirmation link goes to one address three times an hour at most, then a clear refusal."""

import pytest
from django.urls import reverse

from outbox.models import Email
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
RESEND = reverse("accounts:email_confirm_resend")
ACCOUNT = reverse("accounts:account")
REFUSAL = (
    "We have sent 3 confirmation links to victim@example.com in the last hour, the most we "
    "send to one address."
)


def test_asking_again_and_again_sends_three_links_an_hour_then_says_no(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    user = UserFactory(email="victim@example.com", email_verified_at=None)
    client.force_login(user)
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(RESEND)
    assert len(mailoutbox) == 3  # the last allowed one goes

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESEND, follow=True)
    assert REFUSAL in response.content.decode()
    assert len(mailoutbox) == 3
    assert Email.objects.count() == 3


def test_changing_the_address_to_one_that_had_its_links_changes_nothing(
    client, runner, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(runner)
    form = {"display_name": "Rita R", "current_password": TEST_PASSWORD}
    for _ in range(3):  # back and forth between the victim's address and the runner's own
        with django_capture_on_commit_callbacks(execute=True):
            client.post(ACCOUNT, {**form, "email": "victim@example.com"})
        client.post(ACCOUNT, {**form, "email": runner.email})
    to_victim = [m for m in mailoutbox if m.to == ["victim@example.com"]]
    assert len(to_victim) == 3

    sent = len(mailoutbox)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            ACCOUNT, {**form, "display_name": "Changed", "email": "victim@example.com"}
        )
    assert response.status_code == 429
    assert REFUSAL in response.content.decode()
    assert len(mailoutbox) == sent
    runner.refresh_from_db()
    assert (runner.display_name, runner.pending_email) == ("Rita R", "")
