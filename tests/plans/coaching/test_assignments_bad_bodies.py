"""Hostile assignment bodies: each gets a 400 in JSON and nothing is written."""

import json

import pytest

from plans.models import Assignment
from tests.plans.coaching.conftest import NEXT_MONDAY
from tests.plans.test_plan_preview_bad_bodies import HUGE_INTEGER, NESTED, error_text, raw

ASSIGN_URL = "/api/v1/assignments/"


@pytest.fixture
def coach_client(client, template, profile):
    client.force_login(template.coach)
    return client


def _assignment(template, profile, **changes):
    data = {"template": template.pk, "athletes": [profile.user.pk], "start": str(NEXT_MONDAY)}
    return json.dumps({**data, **changes})


@pytest.mark.parametrize(
    "text",
    [
        '{"template": ' + HUGE_INTEGER + ', "athletes": [1], "start": "2026-11-23"}',
        '{"template": 1, "athletes": [NaN], "start": "2026-11-23"}',
        '{"template": 1, "athletes": ' + NESTED + ', "start": "2026-11-23"}',
    ],
    ids=["5000-digit", "nan", "nested"],
)
def test_assignments_refuse_nan_huge_numbers_and_deep_nesting(coach_client, text):
    response = raw(coach_client, ASSIGN_URL, text)
    assert response.status_code == 400
    assert "not valid JSON" in error_text(response)
    assert not Assignment.objects.exists()


def test_assignments_refuse_a_start_in_year_9999_and_write_nothing(coach_client, template, profile):
    response = raw(coach_client, ASSIGN_URL, _assignment(template, profile, start="9999-12-27"))
    assert response.status_code == 400
    assert error_text(response, "start") == "Pick a date between 2000 and 2100."
    assert not Assignment.objects.exists()
    allowed = raw(coach_client, ASSIGN_URL, _assignment(template, profile))
    assert allowed.status_code == 201
    assert Assignment.objects.count() == 1
