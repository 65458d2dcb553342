"""The post-run email names the run as planned, in one line with its distance, in the
runner's unit; a run without steps says nothing of them."""

import pytest

from plans.builder import pace_zones
from plans.runs import run_fields
from tests.reminders.conftest import MONDAY, plan_run
from tests.reminders.test_email import send

pytestmark = pytest.mark.django_db


def with_steps(run, purpose: str, minutes: int) -> None:
    fields = run_fields(purpose=purpose, minutes=minutes, day=MONDAY, race_date=None,
                        paces=pace_zones(40))  # fmt: skip
    run.purpose, run.minutes = purpose, minutes
    for name, value in fields.items():
        setattr(run, name, value)
    run.save()


def test_the_email_shows_the_runs_steps_and_distance(clock, profile):
    run = plan_run(profile.user, minutes=30)
    with_steps(run, "easy", 30)
    message, html = send(clock)
    line = "Today’s run as planned: 30 min easy @ 5:55–6:34/km (≈ 4.8 km)"
    assert line in message.body
    assert line in html


def test_a_runner_in_miles_reads_the_run_in_miles(clock, profile):
    profile.distance_unit = "mi"
    profile.save()
    run = plan_run(profile.user, minutes=30)
    with_steps(run, "easy", 30)
    message, _ = send(clock)
    assert "30 min easy @ 9:31–10:34/mi (≈ 3.0 mi)" in message.body


def test_a_run_without_steps_leaves_the_line_out(clock, profile):
    plan_run(profile.user)
    message, html = send(clock)
    assert "as planned" not in message.body and "as planned" not in html
