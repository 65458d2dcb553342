import pytest
from django.contrib import admin
from django.urls import reverse

from plans import models
from tests.factories import UserFactory
from tests.plans.factories import RunLogFactory, SessionExerciseFactory

PLANS_MODELS = [model for model in admin.site._registry if model._meta.app_label == "plans"]


@pytest.mark.parametrize("model", PLANS_MODELS, ids=lambda model: model.__name__)
def test_every_plans_admin_list_and_search_works_for_staff(client, db, model):
    SessionExerciseFactory()
    RunLogFactory()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse(f"admin:plans_{model._meta.model_name}_changelist")
    assert client.get(url).status_code == 200
    assert client.get(url, {"q": "someone"}).status_code == 200


def test_the_stored_parts_of_a_plan_are_all_in_the_admin():
    assert {models.Session, models.PlanWeek, models.RunLog, models.PlanTemplate} <= set(
        PLANS_MODELS
    )
