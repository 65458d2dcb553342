"""Hostile plan-preview bodies: each gets a 400 (or 413) in JSON and writes nothing; the
documented body still works."""

import json

import pytest

from plans.models import PlanWeek, Session
from tests.plans.test_plan_preview_api import URL, body, preview


def raw(client, url: str, text: str):
    return client.post(url, text, content_type="application/json")


def error_text(response, field: str = "__all__") -> str:
    return " ".join(response.json()["errors"][field])


@pytest.mark.parametrize("field", ["week_start", "race_date", "runner_type", "long_run_day"])
@pytest.mark.parametrize("value", [20261123, True, ["2026-11-23"], {"date": "2026-11-23"}, 1.5])
def test_a_number_bool_list_or_object_where_a_text_belongs_is_a_400_for_that_field(
    client, runner, field, value
):
    client.force_login(runner)
    response = preview(client, body(**{field: value}))
    assert response.status_code == 400
    assert error_text(response, field) == "Give a text value in quotes."


@pytest.mark.parametrize("field", ["likes", "equipment", "places"])
@pytest.mark.parametrize("value", ["swimming", 3, {"a": "swimming"}, [["swimming"]], [1]])
def test_a_list_field_given_anything_but_a_list_of_texts_is_a_400(client, runner, field, value):
    client.force_login(runner)
    response = preview(client, body(**{field: value}))
    assert response.status_code == 400
    assert error_text(response, field) == "Give a list of texts in quotes."


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"week_start": "9999-12-27"}, "week_start"),
        ({"week_start": "0001-01-01"}, "week_start"),
        ({"race_date": "9999-12-31"}, "race_date"),
        ({"race_date": "0001-01-01"}, "race_date"),
    ],
)
def test_a_date_outside_2000_to_2100_is_a_400(client, runner, changes, field):
    client.force_login(runner)
    response = preview(client, body(**changes))
    assert response.status_code == 400
    assert error_text(response, field) == "Pick a date between 2000 and 2100."


def test_the_last_week_of_2100_is_still_previewed(client, runner):
    client.force_login(runner)
    response = preview(client, body(week_start="2100-12-27", race_date=None))
    assert response.status_code == 200
    assert response.json()["days"][-1]["date"] == "2101-01-02"


# Past the recursion limit of the JSON reader; the integer past the 4,300 digits Python reads.
NESTED = "[" * 20_000 + "]" * 20_000  # 40 KB: under the size cap
HUGE_INTEGER = "9" * 5000


@pytest.mark.parametrize(
    "text",
    [
        json.dumps(body()).replace('"2026-11-23"', "NaN"),
        json.dumps(body()).replace('"2026-11-23"', "Infinity"),
        json.dumps(body()).replace('"2026-11-23"', "1e999"),
        json.dumps(body()).replace('"2026-11-23"', HUGE_INTEGER),
        json.dumps(body()).replace('"minutes": 60', f'"minutes": {10**16}', 1),
        NESTED,
        '{"week_start": ' + NESTED + "}",
    ],
    ids=["nan", "infinity", "1e999", "5000-digit", "10^16", "nested-array", "nested-in-field"],
)
def test_nan_huge_numbers_and_deep_nesting_are_a_400_in_json(client, runner, text):
    client.force_login(runner)
    response = raw(client, URL, text)
    assert response.status_code == 400
    assert "not valid JSON" in error_text(response)
    assert not PlanWeek.objects.exists() and not Session.objects.exists()


def test_a_body_over_64_kb_is_a_413_in_json_and_one_just_under_is_read(client, runner):
    client.force_login(runner)
    padded = body(equipment=["stability_ball"] * 4000)
    assert len(json.dumps(padded)) > 64 * 1024
    response = preview(client, padded)
    assert response.status_code == 413
    assert error_text(response) == "The body is larger than 64 KB."
    assert preview(client, body(equipment=["stability_ball"] * 3500)).status_code == 200
    nested_50_000_deep = "[" * 50_000 + "]" * 50_000
    assert raw(client, URL, nested_50_000_deep).status_code == 413
