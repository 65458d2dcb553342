"""The preview API with `weeks` and `race_distance`: a season, or today's single week."""

from datetime import date

import pytest

from plans.builder import phase_for
from tests.plans.test_plan_preview_api import body, preview


def test_without_weeks_the_answer_is_the_single_week_as_before(client, runner):
    client.force_login(runner)
    week = preview(client, body()).json()
    assert set(week) == {"phase", "notes", "days"}
    assert "run_minutes" not in week


def test_with_weeks_the_answer_holds_that_many_weeks_each_with_its_running(client, runner):
    client.force_login(runner)
    response = preview(client, body(weeks=16, race_distance="half"))
    assert response.status_code == 200
    answer = response.json()
    assert set(answer) == {"weeks", "pace_zones"}
    assert answer["pace_zones"] is None  # no best effort given
    weeks = answer["weeks"]
    assert len(weeks) == 16
    assert weeks[0]["days"][0]["date"] == "2026-11-23"
    assert weeks[15]["days"][0]["date"] == "2027-03-08"
    for week in weeks:
        assert set(week) == {"phase", "notes", "days", "run_minutes"}
        runs = [s["minutes"] for d in week["days"] for s in d["sessions"] if s["kind"] == "run"]
        assert week["run_minutes"] == sum(runs)
    # The race on Sunday 7 March: a half marathon tapers the week before race week too.
    assert [w["phase"] for w in weeks[13:16]] == ["taper", "race_week", "off_season"]


def test_a_race_distance_sets_the_taper_length(client, runner):
    client.force_login(runner)
    phases = {}
    for distance in ("10k", "marathon", 42.2, 5):
        weeks = preview(client, body(weeks=16, race_distance=distance)).json()["weeks"]
        phases[distance] = [w["phase"] for w in weeks[11:15]]
    assert phases["10k"] == ["peak", "peak", "peak", "race_week"]
    assert phases["marathon"] == ["peak", "taper", "taper", "race_week"]
    assert phases[42.2] == phases["marathon"]
    assert phases[5] == phases["10k"]


def test_a_race_distance_without_weeks_shapes_the_single_week(client, runner):
    client.force_login(runner)
    # 2027-02-22 is two weeks before the race: a taper for a half, still peak for a 10 km.
    assert preview(client, body(week_start="2027-02-22")).json()["phase"] == "taper"
    ten_k = preview(client, body(week_start="2027-02-22", race_distance="10k")).json()
    assert ten_k["phase"] == phase_for(date(2027, 2, 22), date(2027, 3, 7), 10.0) == "peak"


@pytest.mark.parametrize("weeks", [0, 31, -1, True, False, 1.5, "4", [4], {"n": 4}])
def test_a_wrong_number_of_weeks_is_a_400_for_that_field(client, runner, weeks):
    client.force_login(runner)
    response = preview(client, body(weeks=weeks))
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"weeks"}


@pytest.mark.parametrize("weeks", [1, 30])
def test_one_to_thirty_weeks_are_answered(client, runner, weeks):
    client.force_login(runner)
    response = preview(client, body(weeks=weeks))
    assert response.status_code == 200
    assert len(response.json()["weeks"]) == weeks


@pytest.mark.parametrize(
    "distance", ["ultra", "5K", "", 0, -10, 251, True, False, [5], {"km": 5}, "10"]
)
def test_an_unknown_race_distance_is_a_400_for_that_field(client, runner, distance):
    client.force_login(runner)
    response = preview(client, body(weeks=4, race_distance=distance))
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"race_distance"}


def test_bad_weeks_and_distance_are_reported_together_with_other_fields(client, runner):
    client.force_login(runner)
    response = preview(client, body(weeks=0, race_distance="ultra", runner_type="pro"))
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"weeks", "race_distance", "runner_type"}
