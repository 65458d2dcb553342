import datetime

import pytest
from django.urls import reverse

from plans.models import RunLog, Status
from tests.plans.factories import RunLogFactory, SessionFactory


def log_run(client, **fields):
    data = {"run_date": "", "distance": "8", "duration": "45:30", "effort": "6", "notes": ""}
    data.update(fields)
    return client.post(reverse("plans:run_log_new"), data)


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("plans:run_log_new"))
    assert response.status_code == 302 and "login" in response.url


def test_logging_a_run_marks_the_days_run_done_and_shows_on_the_week(client, profile):
    today = profile.today()
    run = SessionFactory(runner=profile.user, date=today)
    client.force_login(profile.user)
    response = log_run(client, run_date=today.isoformat())
    run.refresh_from_db()
    assert run.status == Status.DONE
    assert run.run_log.distance_m == 8000
    assert run.run_log.duration_seconds == 45 * 60 + 30
    week = client.get(response.url).content.decode()
    assert "8.0 km in 45:30, effort 6/10" in week
    assert "<strong>1</strong> of" in week
    assert "1 run logged" in week


def test_a_runner_in_miles_logs_miles(client, profile):
    profile.distance_unit = "mi"
    profile.save()
    client.force_login(profile.user)
    assert "Distance (mi)" in client.get(reverse("plans:run_log_new")).content.decode()
    log_run(client, run_date=profile.today().isoformat(), distance="5", duration="40")
    assert RunLog.objects.get().distance_m == 8046


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"run_date": "2999-01-01"}, "already done"),
        ({"duration": "fast"}, "45, 45:30 (or 45.30) or 1:05:30"),
        ({"duration": "0:30"}, "between one minute and 24 hours"),
        ({"effort": "11"}, "less than or equal to 10"),
        ({"distance": "0"}, "greater than or equal to 0.1"),
        ({"notes": "x" * 2001}, "at most 2000 characters (it has 2001)"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_saves_nothing(client, profile, fields, message):
    client.force_login(profile.user)
    fields.setdefault("run_date", profile.today().isoformat())
    response = log_run(client, **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not RunLog.objects.exists()


def test_undoing_a_log_removes_it_and_plans_the_run_again(client, profile):
    run = SessionFactory(runner=profile.user, status=Status.DONE)
    log = RunLogFactory(runner=profile.user, session=run)
    client.force_login(profile.user)
    client.post(reverse("plans:run_log_delete", args=[log.pk]))
    run.refresh_from_db()
    assert run.status == Status.PLANNED
    assert not RunLog.objects.exists()


@pytest.mark.parametrize("someone", ["other_runner", "coach", "other_coach"])
def test_nobody_else_can_undo_a_runners_log(client, profile, someone, request):
    log = RunLogFactory(runner=profile.user, date=datetime.date.today())
    client.force_login(request.getfixturevalue(someone))
    assert client.post(reverse("plans:run_log_delete", args=[log.pk])).status_code == 404
    assert RunLog.objects.filter(pk=log.pk).exists()


def test_notes_of_2000_characters_are_kept_whole(client, profile):
    client.force_login(profile.user)
    log_run(client, run_date=profile.today().isoformat(), notes="x" * 2000)
    assert RunLog.objects.get().notes == "x" * 2000
