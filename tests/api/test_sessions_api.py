"""`/api/v1/sessions/<id>/` and its done, skip and undo: the week page's rules, through
`plans.services.session_mark`; only the runner's own sessions."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from plans.models import Session, Status
from tests.plans.factories import RunLogFactory, SessionFactory

pytestmark = pytest.mark.django_db
TODAY = date.today()


def mark(client, session, action: str, body: str = "{}"):
    url = reverse(f"api:session_{action}", args=[session.pk])
    return client.post(url, body, content_type="application/json")


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 401),
        ("runner", 200),
        ("other_runner", 404),
        ("coach", 404),
        ("other_coach", 404),
    ],
)
def test_only_the_runner_reads_and_marks_their_session(
    client, request, runner, profile, coach, other_runner, other_coach, who, status
):
    session = SessionFactory(runner=runner, date=TODAY)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("api:session", args=[session.pk])).status_code == status
    assert mark(client, session, "done").status_code == status
    session.refresh_from_db()
    assert (session.status == Status.DONE) == (status == 200)


def test_done_skip_and_undo_with_a_note(client, runner, profile):
    session = SessionFactory(runner=runner, date=TODAY)
    client.force_login(runner)
    done = mark(client, session, "done", '{"note": "Felt strong"}')
    assert done.status_code == 200
    assert done.json()["status"] == "done" and done.json()["status_note"] == "Felt strong"
    assert mark(client, session, "skip").json()["status"] == "skipped"
    undone = mark(client, session, "undo")
    assert undone.json()["status"] == "planned" and undone.json()["status_note"] == ""


def test_a_day_still_ahead_is_skipped_but_not_done_yet(client, runner, profile):
    session = SessionFactory(runner=runner, date=TODAY + timedelta(days=1))
    client.force_login(runner)
    refused = mark(client, session, "done")
    assert refused.status_code == 409
    assert "still ahead" in refused.json()["errors"]["__all__"][0]
    session.refresh_from_db()
    assert session.status == Status.PLANNED
    assert mark(client, session, "skip").status_code == 200


def test_a_logged_run_stays_done_until_its_log_goes(client, runner, profile):
    session = SessionFactory(runner=runner, date=TODAY, status=Status.DONE)
    RunLogFactory(runner=runner, session=session, date=TODAY)
    client.force_login(runner)
    refused = mark(client, session, "undo")
    assert refused.status_code == 409 and "has a log" in refused.json()["errors"]["__all__"][0]
    assert Session.objects.get(pk=session.pk).status == Status.DONE


@pytest.mark.parametrize(
    "body", ['{"note": "' + "x" * 501 + '"}', '{"note": 5}', '{"note": ["a"]}', "[]", "{"]
)
def test_a_bad_note_is_a_400_and_nothing_changes(client, runner, profile, body):
    session = SessionFactory(runner=runner, date=TODAY)
    client.force_login(runner)
    response = mark(client, session, "done", body)
    assert response.status_code == 400
    assert Session.objects.get(pk=session.pk).status == Status.PLANNED


def test_unknown_and_huge_ids_are_json_404s(client, runner, profile):
    client.force_login(runner)
    for session_id in ("999999", "9" * 30):
        response = client.post(f"/api/v1/sessions/{session_id}/done/")
        assert response.status_code == 404 and response.json()["errors"]
