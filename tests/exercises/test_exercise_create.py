import pytest
from django.urls import reverse

from exercises.models import Exercise, Tag

pytestmark = pytest.mark.django_db
URL = reverse("exercises:create")


def _form(**overrides) -> dict:
    data = {
        "name": "Hip hike",
        "kind": "strength",
        "description": "Stand on a step and lift the free hip.",
        "cues": "Stand sideways on a step.\n\nDrop the free hip, then lift it.\n",
        "rep_min": "10",
        "rep_max": "15",
        "per_side": "on",
        "default_sets": "2",
        "impact": "none",
        "muscles": [Tag.objects.get(facet="muscle", code="glutes").pk],
        "suits": [Tag.objects.get(facet="injury", code="knee").pk],
    }
    return {**data, **overrides}


def test_anonymous_visitor_is_sent_to_log_in(client):
    assert client.get(URL).url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("user_fixture", ["runner", "other_runner"])
def test_a_runner_who_is_not_a_coach_cannot_add_exercises(client, request, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get(URL).status_code == 403
    assert client.post(URL, _form()).status_code == 403
    assert not Exercise.objects.filter(name="Hip hike").exists()


def test_a_coach_adds_an_exercise_that_their_athlete_then_sees(client, coach, runner):
    client.force_login(coach)
    response = client.post(URL, _form())
    exercise = Exercise.objects.get(name="Hip hike")
    assert response.status_code == 302
    assert response.url == exercise.get_absolute_url()
    assert exercise.owner == coach
    assert exercise.slug == f"hip-hike-c{coach.pk}"
    assert [cue.text for cue in exercise.cues.all()] == [
        "Stand sideways on a step.",
        "Drop the free hip, then lift it.",
    ]
    assert exercise.dose_text == "10–15 per leg"
    assert [tag.code for tag in exercise.suits.all()] == ["knee"]

    client.force_login(runner)
    body = client.get(exercise.get_absolute_url()).content.decode()
    assert "Drop the free hip" in body


def test_the_add_page_is_a_form_for_coaches(client, other_coach):
    client.force_login(other_coach)
    body = client.get(URL).content.decode()
    assert "Add an exercise" in body and "One step per line" in body


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"rep_min": "12", "rep_max": "10"}, "The fewest reps (12) is more than this (10)"),
        ({"cues": "  \n "}, "A strength move needs at least one form cue."),
        (
            {"cues": "Stand tall.\n" + "x" * 301},
            "Cue 2 has 301 characters: keep each cue to 300 or split it over more lines.",
        ),
        ({"cues": "x\n" * 1600}, "Ensure this value has at most 3000 characters"),
        ({"suits": [str(2**63)]}, "922337203685… is not one of the available choices."),
        ({"muscles": ["9" * 5000]}, "is not one of the available choices."),
        ({"name": "back extension"}, "The library already has “back extension”"),
        (
            {"duration_min_seconds": "60", "duration_max_seconds": "30"},
            "The shortest time (60) is more than this (30)",
        ),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(client, coach, overrides, message):
    client.force_login(coach)
    response = client.post(URL, _form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Exercise.objects.filter(owner=coach).exists()


def test_a_coach_cannot_add_a_second_exercise_of_the_same_name(client, coach):
    client.force_login(coach)
    client.post(URL, _form())
    response = client.post(URL, _form(name="HIP HIKE"))
    assert "You already have an exercise called “HIP HIKE”." in response.content.decode()
    assert Exercise.objects.filter(owner=coach).count() == 1


def test_a_cross_training_activity_needs_no_cues(client, coach):
    client.force_login(coach)
    client.post(
        URL,
        _form(name="Paddleboarding", kind="cross_training", cues="", rep_min="", rep_max=""),
    )
    assert Exercise.objects.get(name="Paddleboarding").cues.count() == 0


def test_a_cue_of_300_characters_is_saved_whole(client, coach):
    client.force_login(coach)
    cue = "Keep the hips level. " * 14 + "x" * 6
    assert len(cue) == 300
    assert client.post(URL, _form(cues=cue)).status_code == 302
    assert Exercise.objects.get(owner=coach).cues.get().text == cue
