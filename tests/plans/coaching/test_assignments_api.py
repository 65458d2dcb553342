import datetime
import json

import pytest
from django.urls import reverse

from plans.models import Assignment, PlanTemplate, Session, Source
from tests.factories import CoachingFactory
from tests.plans.coaching.conftest import NEXT_MONDAY

URL = "/api/v1/assignments/"


def post(client, data):
    return client.post(URL, json.dumps(data), content_type="application/json")


def body(template, *athletes, start=NEXT_MONDAY):
    return {"template": template.pk, "athletes": [a.pk for a in athletes], "start": str(start)}


def test_the_url_is_the_documented_one():
    assert reverse("plans:api_assignments") == URL


def test_anonymous_callers_get_401(client, template, profile):
    response = post(client, body(template, profile.user))
    assert response.status_code == 401
    assert not Assignment.objects.exists()


def test_runners_get_403(client, template, profile):
    client.force_login(profile.user)
    assert post(client, body(template, profile.user)).status_code == 403
    assert not Assignment.objects.exists()


def test_the_coach_assigns_their_template_to_their_athletes(client, template, profile):
    client.force_login(template.coach)
    response = post(client, body(template, profile.user))
    assert response.status_code == 201
    [created] = response.json()["assignments"]
    assert created["athlete"] == profile.user.pk
    assert created["start"] == str(NEXT_MONDAY)
    # The template's three sessions and the block after its long run.
    assert Session.objects.filter(runner=profile.user, source=Source.TEMPLATE).count() == 4


def test_another_coachs_template_is_a_404_and_nothing_is_written(
    client, template, other_coach, profile
):
    theirs = PlanTemplate.objects.create(coach=other_coach, name="Theirs", weeks=1)
    client.force_login(template.coach)
    assert post(client, body(theirs, profile.user)).status_code == 404
    assert not Assignment.objects.exists()


def test_one_athlete_who_is_not_the_coachs_makes_it_a_404_for_all(
    client, template, profile, other_profile
):
    client.force_login(template.coach)
    response = post(client, body(template, profile.user, other_profile.user))
    assert response.status_code == 404
    assert not Assignment.objects.exists()
    assert not Session.objects.filter(source=Source.TEMPLATE).exists()


def test_another_coach_gets_404_for_this_coachs_template_even_for_their_own_athlete(
    client, template, other_coach, other_profile
):
    CoachingFactory(coach=other_coach, athlete=other_profile.user)
    client.force_login(other_coach)
    assert post(client, body(template, other_profile.user)).status_code == 404
    assert not Assignment.objects.exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"template": "one"}, "template", "Give the template's id."),
        ({"athletes": []}, "athletes", "one or more athlete ids"),
        ({"athletes": [True]}, "athletes", "one or more athlete ids"),
        ({"start": None}, "start", "YYYY-MM-DD"),
        ({"start": "next monday"}, "start", "Enter a valid date."),
        ({"start": str(NEXT_MONDAY + datetime.timedelta(days=1))}, "start", "Start on a Monday."),
    ],
)
def test_bad_fields_get_400_with_a_message_each(client, template, profile, data, field, message):
    client.force_login(template.coach)
    sent = body(template, profile.user, start=NEXT_MONDAY)
    sent.update(data)
    response = post(client, sent)
    assert response.status_code == 400
    assert message in " ".join(response.json()["errors"][field])
    assert not Assignment.objects.exists()


def test_a_body_that_is_not_json_gets_400(client, template):
    client.force_login(template.coach)
    response = client.post(URL, "{nope", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"]["__all__"] == ["The body is not valid JSON."]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("archived", "Bring the template back from the archive before assigning it."),
        ("empty", "This template has no sessions yet: add some before assigning."),
    ],
)
def test_an_archived_or_empty_template_gets_400(client, template, profile, change, message):
    if change == "archived":
        PlanTemplate.objects.filter(pk=template.pk).update(archived=True)
    else:
        template.sessions.all().delete()
    client.force_login(template.coach)
    response = post(client, body(template, profile.user))
    assert response.status_code == 400
    assert response.json()["errors"]["template"] == [message]
    assert not Assignment.objects.exists()
