import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _url(slug: str) -> str:
    return reverse("exercises:edit", args=[slug])


def _form(exercise, **overrides) -> dict:
    data = {
        "name": exercise.name,
        "kind": exercise.kind,
        "description": exercise.description,
        "cues": "Step up.\nStep down.",
        "rep_min": "6",
        "rep_max": "8",
        "impact": "low",
    }
    return {**data, **overrides}


def test_anonymous_visitor_is_sent_to_log_in(client, coach_exercise):
    assert client.get(_url(coach_exercise.slug)).url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("user_fixture", ["runner", "other_runner", "other_coach"])
def test_nobody_but_the_owning_coach_can_edit(client, request, coach_exercise, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get(_url(coach_exercise.slug)).status_code == 404
    assert client.post(_url(coach_exercise.slug), _form(coach_exercise)).status_code == 404
    coach_exercise.refresh_from_db()
    assert coach_exercise.rep_min == 8


def test_library_exercises_are_not_editable_in_the_app(client, coach):
    client.force_login(coach)
    assert client.get(_url("back-extension")).status_code == 404


def test_the_owning_coach_edits_reps_and_cues_in_place(client, coach, coach_exercise):
    client.force_login(coach)
    form = client.get(_url(coach_exercise.slug)).content.decode()
    assert "Stand tall.\nMove slowly." in form

    response = client.post(_url(coach_exercise.slug), _form(coach_exercise))

    assert response.status_code == 302
    coach_exercise.refresh_from_db()
    assert coach_exercise.dose_text == "6–8 reps"
    assert [cue.text for cue in coach_exercise.cues.all()] == ["Step up.", "Step down."]


def test_keeping_its_own_name_is_not_a_duplicate(client, coach, coach_exercise):
    client.force_login(coach)
    response = client.post(_url(coach_exercise.slug), _form(coach_exercise))
    assert response.status_code == 302


def test_an_edit_with_a_reversed_range_changes_nothing(client, coach, coach_exercise):
    client.force_login(coach)
    response = client.post(
        _url(coach_exercise.slug), _form(coach_exercise, rep_min="9", rep_max="3")
    )
    assert "The fewest reps (9) is more than this (3)" in response.content.decode()
    coach_exercise.refresh_from_db()
    assert (coach_exercise.rep_min, coach_exercise.rep_max) == (8, 12)
    assert coach_exercise.cues.count() == 2
