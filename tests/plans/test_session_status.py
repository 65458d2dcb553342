import pytest
from django.urls import reverse

from plans.models import Status
from tests.plans.factories import RunLogFactory, SessionFactory


@pytest.fixture
def run(profile):
    return SessionFactory(runner=profile.user)


def post_status(client, session, status, note=""):
    return client.post(
        reverse("plans:session_status", args=[session.pk]), {"status": status, "note": note}
    )


def test_anonymous_cannot_mark_a_session(client, run):
    response = post_status(client, run, "done")
    assert response.status_code == 302 and "login" in response.url
    run.refresh_from_db()
    assert run.status == Status.PLANNED


def test_the_runner_marks_a_run_done_with_a_note_and_can_undo_it(client, run):
    client.force_login(run.runner)
    response = post_status(client, run, "done", "Felt strong")
    run.refresh_from_db()
    assert response.status_code == 302
    assert (run.status, run.status_note) == (Status.DONE, "Felt strong")
    post_status(client, run, "planned")
    run.refresh_from_db()
    assert (run.status, run.status_note) == (Status.PLANNED, "")


def test_the_runner_skips_a_session(client, run):
    client.force_login(run.runner)
    post_status(client, run, "skipped", "Sick")
    run.refresh_from_db()
    assert run.status == Status.SKIPPED


@pytest.mark.parametrize("someone", ["other_runner", "coach", "other_coach"])
def test_nobody_else_can_mark_a_runners_session(client, run, someone, request):
    client.force_login(request.getfixturevalue(someone))
    assert post_status(client, run, "done").status_code == 404
    run.refresh_from_db()
    assert run.status == Status.PLANNED


def test_an_unknown_status_changes_nothing_and_says_so(client, run):
    client.force_login(run.runner)
    response = post_status(client, run, "finished")
    run.refresh_from_db()
    assert run.status == Status.PLANNED
    assert "Nothing was saved" in response.content.decode()


def test_a_logged_run_cannot_be_skipped_until_its_log_is_undone(client, run):
    RunLogFactory(runner=run.runner, session=run)
    run.status = Status.DONE
    run.save()
    client.force_login(run.runner)
    response = post_status(client, run, "skipped")
    run.refresh_from_db()
    assert run.status == Status.DONE
    assert "undo the log" in client.get(response.url).content.decode()


def test_marking_needs_a_post(client, run):
    client.force_login(run.runner)
    assert client.get(reverse("plans:session_status", args=[run.pk])).status_code == 405
