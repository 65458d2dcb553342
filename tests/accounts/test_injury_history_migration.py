"""Profiles injured, or cleared, before the history was kept get their rows."""

import importlib
from datetime import date

import pytest
from django.apps import apps

from accounts.models import Injury
from tests.accounts.factories import RunnerProfileFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("accounts.migrations.0005_injury_history")


def test_current_and_cleared_injuries_become_rows_and_others_none():
    injured = RunnerProfileFactory(
        injured=True, injury_area="knee", injured_since=date(2026, 11, 2)
    )
    cleared = RunnerProfileFactory(injury_cleared_on=date(2026, 10, 20))
    RunnerProfileFactory()

    migration.injuries_from_profiles(apps, None)

    rows = Injury.objects.values_list("profile", "area", "started_on", "cleared_on")
    assert sorted(rows) == sorted(
        [
            (injured.pk, "knee", date(2026, 11, 2), None),
            (cleared.pk, "", None, date(2026, 10, 20)),
        ]
    )
