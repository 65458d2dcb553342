"""The watch workout: a FIT file read back with fitdecode, and who may download it."""

import io
from datetime import timedelta

import fitdecode  # type: ignore[import-untyped]
import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Coaching
from tests.accounts.factories import RunnerProfileFactory
from tests.feeds.conftest import INTERVALS
from tests.plans.factories import SessionFactory, StrengthSessionFactory

pytestmark = pytest.mark.django_db


def read_workout(data: bytes) -> tuple[dict, dict, list[dict]]:
    messages: dict[str, list[dict]] = {}
    with fitdecode.FitReader(io.BytesIO(data)) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage):
                fields = {field.name: field.value for field in frame.fields}
                messages.setdefault(frame.name, []).append(fields)
    return messages["file_id"][0], messages["workout"][0], messages["workout_step"]


@pytest.fixture
def speed_run(runner, today):
    return SessionFactory(
        runner=runner, date=today, minutes=45, purpose="speed", title="Speed session",
        structure=INTERVALS,
    )  # fmt: skip


def test_the_file_holds_the_steps_with_their_times_and_speeds(client, runner, speed_run):
    client.force_login(runner)

    response = client.get(reverse("feeds:workout", args=[speed_run.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.ant.fit"
    assert 'filename="run-2026-12-02.fit"' in response["Content-Disposition"]
    file_id, workout, steps = read_workout(response.content)
    assert file_id["type"] == "workout"
    assert workout == {"sport": "running", "num_valid_steps": 12, "wkt_name": "Speed session 2 Dec"}
    assert [step["wkt_step_name"] for step in steps[:3]] == [
        "Warm up 10 min easy",
        "Run 3 min interval pace (1/5)",
        "Jog 2 min (1/5)",
    ]
    assert steps[-1]["wkt_step_name"] == "Cool down 10 min easy"
    assert [step["intensity"] for step in steps[:3]] == ["warmup", "active", "recovery"]
    assert steps[-1]["intensity"] == "cooldown"
    assert all(step["duration_type"] == "time" for step in steps)
    assert [step["duration_time"] for step in steps] == [600.0] + [180.0, 120.0] * 5 + [600.0]
    assert sum(step["duration_time"] for step in steps) == 45 * 60
    # 6:30/km is 1000/390 m/s, 6:00/km 1000/360; FIT keeps millimetres per second.
    assert steps[0]["target_type"] == "speed"
    assert steps[0]["custom_target_speed_low"] == pytest.approx(1000 / 390, abs=0.001)
    assert steps[0]["custom_target_speed_high"] == pytest.approx(1000 / 360, abs=0.001)
    assert steps[1]["custom_target_speed_low"] == pytest.approx(1000 / 290, abs=0.001)
    assert steps[1]["custom_target_speed_high"] == pytest.approx(1000 / 280, abs=0.001)
    assert steps[2]["target_type"] == "open"  # the jog has no pace
    assert "custom_target_speed_low" not in steps[2]


def test_a_run_without_steps_is_one_open_step_of_its_minutes(client, runner, today):
    run = SessionFactory(runner=runner, date=today, minutes=35, purpose="long", title="Long run")
    client.force_login(runner)

    _, workout, steps = read_workout(client.get(reverse("feeds:workout", args=[run.pk])).content)

    assert workout["num_valid_steps"] == 1
    assert steps == [
        {
            "message_index": 0,
            "wkt_step_name": "Run 35 min easy",
            "duration_type": "time",
            "duration_time": 2100.0,
            "target_type": "open",
            "target_value": 0,
            "intensity": "active",
        }
    ]


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("runner", 200),
        ("other_runner", 404),
        ("coach", 200),
        ("other_coach", 404),
    ],
)
def test_only_the_runner_and_their_coach_may_download_it(
    client, request, speed_run, coach, other_runner, other_coach, who, status
):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))

    response = client.get(reverse("feeds:workout", args=[speed_run.pk]))

    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(reverse("accounts:login"))


def test_only_runs_have_a_workout_file(client, runner, today):
    strength = StrengthSessionFactory(runner=runner, date=today)
    client.force_login(runner)

    assert client.get(reverse("feeds:workout", args=[strength.pk])).status_code == 404


def test_a_former_coach_gets_nothing(client, speed_run, coach, runner):
    Coaching.objects.filter(coach=coach).update(ended_at=timezone.now())
    client.force_login(coach)

    assert client.get(reverse("feeds:workout", args=[speed_run.pk])).status_code == 404


def test_the_week_offers_the_download_on_runs_with_steps(client, runner, speed_run, today):
    RunnerProfileFactory(user=runner, time_zone="America/New_York")
    plain = SessionFactory(runner=runner, date=today + timedelta(days=2))
    client.force_login(runner)

    html = client.get(reverse("plans:week")).content.decode()

    assert reverse("feeds:workout", args=[speed_run.pk]) in html
    assert reverse("feeds:workout", args=[plain.pk]) not in html
