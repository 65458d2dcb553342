import pytest
from django.urls import reverse

URL = reverse("accounts:account")
pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_log_in(client):
    assert client.get(URL).url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("someone", ["runner", "other_runner", "coach", "other_coach"])
def test_each_user_sees_and_edits_only_their_own_details(client, runner, someone, request):
    user = request.getfixturevalue(someone)
    client.force_login(user)
    assert client.get(URL).context["form"].instance == user
    client.post(URL, {"display_name": "Renamed", "email": f"new-{someone}@example.com"})
    user.refresh_from_db()
    assert (user.display_name, user.email) == ("Renamed", f"new-{someone}@example.com")
    if someone != "runner":
        runner.refresh_from_db()
        assert runner.display_name == "Rita Runner"


def test_an_email_taken_by_someone_else_is_refused(client, runner, other_runner):
    client.force_login(runner)
    response = client.post(URL, {"display_name": "Rita", "email": other_runner.email.upper()})
    assert "An account with this email already exists." in response.content.decode()
    runner.refresh_from_db()
    assert runner.display_name == "Rita Runner"
