"""The plan preview's optional best effort: paces inside every run, or a 400 that says why."""

import pytest

from plans.api import pace_zones_json
from plans.builder import pace_zones
from plans.models import PlanWeek, Session
from tests.plans.test_plan_preview_api import body, preview
from tests.plans.test_plan_preview_bad_bodies import error_text

FIFTY_MINUTE_10K = {"distance_km": 10, "time": "0:50:00"}


def runs(week):
    return [s for day in week["days"] for s in day["sessions"] if s["kind"] == "run"]


def test_with_a_best_effort_every_run_has_steps_with_paces_and_a_distance(client, runner):
    client.force_login(runner)
    response = preview(client, body(best_effort=FIFTY_MINUTE_10K))
    assert response.status_code == 200
    week = response.json()
    assert runs(week)
    for run in runs(week):
        assert sum(step["minutes"] * step["repeat"] for step in run["structure"]) == run["minutes"]
        assert run["distance_km"] > 0
        for step in run["structure"]:
            assert set(step) == {"part", "minutes", "repeat", "zone", "pace_per_km"}
            if step["zone"] != "hill":
                fast, slow = step["pace_per_km"]
                assert fast <= slow  # "m:ss" of one width: faster first
    easy = next(run for run in runs(week) if run["purpose"] == "easy")
    assert easy["structure"] == [
        {
            "part": "main",
            "minutes": easy["minutes"],
            "repeat": 1,
            "zone": "easy",
            "pace_per_km": ["5:55", "6:34"],
        }
    ]


@pytest.mark.parametrize("best_effort", [None, "absent"])
def test_without_a_best_effort_runs_have_steps_but_no_paces_or_distance(
    client, runner, best_effort
):
    client.force_login(runner)
    data = body() if best_effort == "absent" else body(best_effort=None)
    week = preview(client, data).json()
    for run in runs(week):
        assert run["distance_km"] is None
        assert all(step["pace_per_km"] is None for step in run["structure"])
        assert sum(step["minutes"] * step["repeat"] for step in run["structure"]) == run["minutes"]


def test_sessions_other_than_runs_keep_todays_shape(client, runner):
    client.force_login(runner)
    week = preview(client, body(best_effort=FIFTY_MINUTE_10K)).json()
    others = [s for day in week["days"] for s in day["sessions"] if s["kind"] != "run"]
    assert others
    for session in others:
        assert set(session) == {
            "kind",
            "purpose",
            "minutes",
            "activity",
            "post_run_strength",
            "exercises",
        }


SHAPE = ("best_effort", 'Give {"distance_km": a number, "time": "h:mm:ss"}, or null.')
DISTANCE = (
    "best_effort.distance_km",
    "Give the distance in km as a number above 0 and at most 100.",
)
TIME = ("best_effort.time", 'Give the time as "h:mm:ss" (or "mm:ss"), above zero.')
TOO_FAST = (
    "best_effort",
    "That is faster than the world record: check the distance and the time.",
)
TOO_SLOW = (
    "best_effort",
    "That pace is too slow to work out running paces from: check the distance and the time.",
)


@pytest.mark.parametrize(
    ("best_effort", "refusal"),
    [
        ("10k in 50", SHAPE),
        ([10, "0:50:00"], SHAPE),
        ({"distance_km": 10}, SHAPE),
        ({**FIFTY_MINUTE_10K, "sex": "f"}, SHAPE),
        ({"distance_km": "10", "time": "0:50:00"}, DISTANCE),
        ({"distance_km": True, "time": "0:50:00"}, DISTANCE),
        ({"distance_km": 0, "time": "0:50:00"}, DISTANCE),
        ({"distance_km": -5, "time": "0:50:00"}, DISTANCE),
        ({"distance_km": 101, "time": "9:50:00"}, DISTANCE),
        ({"distance_km": 10, "time": 3000}, TIME),
        ({"distance_km": 10, "time": "fifty minutes"}, TIME),
        ({"distance_km": 10, "time": "0:61:00"}, TIME),
        ({"distance_km": 10, "time": "0:00:00"}, TIME),
        ({"distance_km": 10, "time": None}, TIME),
        ({"distance_km": 10, "time": "0:20:00"}, TOO_FAST),
        ({"distance_km": 10, "time": "9:00:00"}, TOO_SLOW),
    ],
)
def test_a_bad_best_effort_is_a_400_that_says_what_to_fix_and_writes_nothing(
    client, runner, best_effort, refusal
):
    field, message = refusal
    client.force_login(runner)
    response = preview(client, body(best_effort=best_effort))
    assert response.status_code == 400
    assert error_text(response, field) == message
    assert not Session.objects.exists() and not PlanWeek.objects.exists()


def test_a_marathon_best_effort_in_mm_ss_or_h_mm_ss_is_taken(client, runner):
    client.force_login(runner)
    assert preview(client, body(best_effort={"distance_km": 5, "time": "25:00"})).status_code == 200
    marathon = {"distance_km": 42.195, "time": "3:49:45"}
    assert preview(client, body(best_effort=marathon)).status_code == 200


def test_pace_zones_json_gives_each_zone_per_km_faster_first():
    assert pace_zones_json(None) is None
    assert pace_zones_json(pace_zones(40)) == {
        "easy": ["5:55", "6:34"],
        "marathon": ["5:23", "5:30"],
        "threshold": ["5:03", "5:08"],
        "interval": ["4:36", "4:47"],
        "repetition": ["4:19", "4:27"],
    }
