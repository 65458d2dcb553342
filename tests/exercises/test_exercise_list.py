import pytest
from django.urls import reverse

from exercises.models import Exercise, Tag

pytestmark = pytest.mark.django_db
URL = reverse("exercises:list")


def _names(response) -> list[str]:
    return [exercise.name for exercise in response.context["page"].object_list]


def _all_names(client, **params) -> list[str]:
    response = client.get(URL, {**params, "page": 1})
    names = _names(response)
    assert response.context["page"].paginator.num_pages == 1
    return names


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_runner_sees_the_library_with_doses_and_a_count(client, runner):
    client.force_login(runner)
    response = client.get(URL, {"q": "back extension"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Back extension" in body and "10–12 reps" in body
    # the two back extensions by name, the leg curl through its description
    assert _names(response) == [
        "Back extension",
        "Stability ball leg curl",
        "Weighted back extension",
    ]
    assert "3 exercises" in body


def test_safe_for_a_knee_injury_with_low_or_no_impact_lists_the_injury_mode_activities(
    client, runner
):
    client.force_login(runner)
    names = _all_names(client, safe_for="knee", impact="low")
    for name in [
        "Deep-water running",
        "Swimming",
        "Cycling or spinning",
        "Elliptical trainer",
        "Ice skating",
    ]:
        assert name in names
    assert "Soccer" not in names and "Lunge" not in names


def test_the_impact_filter_says_low_or_no_impact(client, runner):
    client.force_login(runner)
    assert "Low or no impact" in client.get(URL).content.decode()


@pytest.mark.parametrize(
    ("params", "expected", "unexpected"),
    [
        ({"kind": "yoga"}, "Downward dog", "Squat"),
        ({"muscle": "hamstrings"}, "Stability ball leg curl", "Calf raise"),
        ({"equipment": "kickboard"}, "Swimming", "Rowing"),
        ({"place": "pool"}, "Deep-water running", "Leg press"),
        ({"impact": "high"}, "Rugby", "Swimming"),
        ({"safe_for": "back"}, "Stability ball leg curl", "Back extension"),
        ({"q": "ball"}, "Back extension", "Squat"),
        (
            {"kind": "strength", "equipment": "stability_ball", "muscle": "back"},
            "Back extension",
            "Stability ball leg curl",
        ),
    ],
)
def test_each_filter_narrows_the_list(client, runner, params, expected, unexpected):
    client.force_login(runner)
    names = _all_names(client, **params)
    assert expected in names
    assert unexpected not in names


def test_no_match_shows_an_empty_state(client, runner):
    client.force_login(runner)
    body = client.get(URL, {"q": "underwater basket weaving"}).content.decode()
    assert "0 exercises" in body
    assert "Nothing matches these filters" in body


def test_an_unknown_filter_value_is_explained_and_the_list_stays_whole(client, runner):
    client.force_login(runner)
    response = client.get(URL, {"muscle": "eyebrows"})
    assert "Select a valid choice" in response.content.decode()
    assert response.context["page"].paginator.count == Exercise.objects.library().count()


@pytest.mark.parametrize(
    ("user_fixture", "sees_it"),
    [("runner", True), ("other_runner", False), ("coach", True), ("other_coach", False)],
)
def test_a_coachs_exercise_is_listed_for_the_coach_and_their_athletes_only(
    client, request, coach_exercise, user_fixture, sees_it
):
    client.force_login(request.getfixturevalue(user_fixture))
    assert ("Cora's hip hike" in _all_names(client, q="hip hike")) is sees_it


def test_query_count_is_pinned_and_flat_as_the_library_grows_to_a_thousand(
    client, runner, coach_exercise, django_assert_num_queries
):
    client.force_login(runner)
    # user, count, one page of exercises, their muscles, their equipment (the session is read
    # from the cache)
    with django_assert_num_queries(5):
        client.get(URL, {"safe_for": "knee", "impact": "low"})
    with django_assert_num_queries(5):
        client.get(URL)

    quads = Tag.objects.get(facet="muscle", code="quads")
    grown = Exercise.objects.bulk_create(
        Exercise(name=f"Bulk drill {n:04}", slug=f"bulk-{n}", kind="strength", description="-")
        for n in range(1000 - Exercise.objects.count())
    )
    Exercise.muscles.through.objects.bulk_create(
        Exercise.muscles.through(exercise_id=exercise.pk, tag_id=quads.pk) for exercise in grown
    )
    assert Exercise.objects.count() == 1000

    with django_assert_num_queries(5):
        response = client.get(URL)
    assert response.context["page"].paginator.count == 1000
    with django_assert_num_queries(5):
        client.get(URL, {"muscle": "quads", "page": 3})
