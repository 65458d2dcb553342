"""Schemathesis against the live schema: every operation with generated inputs (valid and not),
as a runner or a coach with a read-and-write token, over a world where the ids exist. No
answer is a 5xx, every answer matches the schema, and a refused request writes nothing."""

from datetime import date, timedelta
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from plans.coaching.services import ExerciseLine, TemplateSessionData, template_session_add
from plans.models import PlanTemplate
from plans.services import monday_of, weeks_ensure
from tests.accounts.factories import RunnerProfileFactory
from tests.api.conftest import bearer
from tests.factories import CoachFactory, CoachingFactory, UserFactory
from tests.plans.factories import RunLogFactory, SessionFactory
from tests.test_no_server_errors import row_counts

EXAMPLES = 25
# Not schemathesis' "valid data is accepted" (a schema cannot say that a date is a Monday or a
# file a GPX) nor "invalid data is refused" (the ids put in below make a generated bad id good).
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
COACH_TAGS = {"coach", "templates"}
# Ids that exist, offered beside the generated ones so that operations reach past their 404.
REAL: dict[str, Any] = {}


@pytest.fixture(autouse=True)
def connection_kept_between_requests():
    """Django's test client keeps the test's database connection across its requests;
    schemathesis calls the WSGI app itself, whose request signals would close it."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def world(db):
    runner = UserFactory(display_name="Rita Runner")
    coach = CoachFactory(display_name="Cora Coach")
    CoachingFactory(coach=coach, athlete=runner)
    RunnerProfileFactory(user=runner, time_zone="UTC")
    today = date.today()
    weeks_ensure(runner=runner, today=today)
    template = PlanTemplate.objects.create(coach=coach, name="Base", weeks=2)
    template_session_add(
        template=template,
        data=TemplateSessionData(
            week_index=0,
            weekday=1,
            kind="strength",
            title="Strength",
            minutes=20,
            exercises=[ExerciseLine(exercise_id=1, sets=2, rep_min=8, rep_max=10)],
        ),
    )
    REAL.clear()
    REAL.update(
        athlete_id=runner.pk,
        session_id=SessionFactory(runner=runner, date=today).pk,
        run_log_id=RunLogFactory(runner=runner, date=today - timedelta(days=1)).pk,
        template_id=template.pk,
        week_start=monday_of(today).isoformat(),
        slug="back-extension",
    )
    return {"runner": bearer(runner), "coach": bearer(coach)}


schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())


@schemathesis.hook
def flatmap_path_parameters(context, path_parameters: dict[str, Any]):
    """Half the time, the ids the world holds in place of the generated ones."""
    if not isinstance(path_parameters, dict):
        return st.just(path_parameters)
    real = {key: REAL[key] for key in path_parameters if key in REAL}
    return st.sampled_from([path_parameters, {**path_parameters, **real}])


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_every_operation_keeps_to_its_schema(case, world):
    role = "coach" if COACH_TAGS & set(case.operation.tags or ()) else "runner"
    before = row_counts()
    response = case.call_and_validate(
        headers={"Authorization": f"Bearer {world[role]}"}, checks=CHECKS
    )
    if response.status_code >= 400:
        assert row_counts() == before, f"{case.method} {case.formatted_path} wrote after a refusal"
