"""`/api/v1/exercises/`: the library as /exercises/ shows it, with its filters."""

import pytest
from django.urls import reverse

from tests.exercises.factories import ExerciseFactory

pytestmark = pytest.mark.django_db
URL = reverse("api:exercises")


@pytest.mark.parametrize(
    ("who", "sees"),
    [("runner", True), ("other_runner", False), ("coach", True), ("other_coach", False)],
)
def test_a_coachs_own_exercise_is_seen_by_them_and_their_athletes_only(
    client, request, runner, coach, other_runner, other_coach, who, sees
):
    own = ExerciseFactory(owner=coach, name="Cora's hop")
    client.force_login(request.getfixturevalue(who))
    names = [e["name"] for e in client.get(URL, {"q": "Cora"}).json()["results"]]
    assert (own.name in names) == sees
    detail = client.get(reverse("api:exercise", args=[own.slug]))
    assert detail.status_code == (200 if sees else 404)


def test_anonymous_gets_401(client):
    assert client.get(URL).status_code == 401
    assert client.get(reverse("api:exercise", args=["calf-raise"])).status_code == 401


def test_the_filters_of_the_list_page(client, runner):
    client.force_login(runner)
    strength = client.get(URL, {"kind": "strength"}).json()
    assert strength["count"] > 0 and {e["kind"] for e in strength["results"]} == {"strength"}
    calf = client.get(URL, {"q": "calf raise"}).json()["results"]
    assert "calf-raise" in [e["slug"] for e in calf]
    refused = client.get(URL, {"kind": "juggling", "muscle": "x" * 1000})
    assert refused.status_code == 400 and {"kind", "muscle"} <= set(refused.json()["errors"])


def test_one_exercise_with_its_cues(client, runner):
    client.force_login(runner)
    calf = client.get(reverse("api:exercise", args=["calf-raise"])).json()
    assert calf["name"] == "Calf raise" and calf["cues"] and calf["muscles"]
    assert client.get(reverse("api:exercise", args=["no-such-move"])).status_code == 404


def test_the_list_answers_in_the_same_queries_on_any_page(
    client, runner, django_assert_num_queries
):
    client.force_login(runner)
    # session, user, count, rows, muscles, equipment, places
    with django_assert_num_queries(6):
        first = client.get(URL).json()
    for _ in range(60):
        ExerciseFactory()
    with django_assert_num_queries(6):
        assert len(client.get(URL, {"page": 2}).json()["results"]) == 50
    assert first["count"] + 60 > 100
