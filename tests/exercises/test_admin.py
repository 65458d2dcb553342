import pytest
from django.urls import reverse

from exercises.models import Exercise, Tag
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _knee_tag_id() -> int:
    return Tag.objects.get(facet="injury", code="knee").pk


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_the_admin_list_filters_by_tag(admin_client):
    url = reverse("admin:exercises_exercise_changelist")
    assert ">Lunge<" in admin_client.get(url).content.decode()
    body = admin_client.get(url, {"suits__id__exact": _knee_tag_id()}).content.decode()
    assert "Ice skating" in body
    assert ">Lunge<" not in body  # in the library, but not safe for a knee
    assert "By safe with these injuries" in body


def test_the_admin_list_searches_by_name(admin_client):
    url = reverse("admin:exercises_exercise_changelist")
    body = admin_client.get(url, {"q": "skating"}).content.decode()
    assert "Ice skating" in body
    assert "Swimming" not in body


def _add_wall_sit(admin_client, cue: str = "Slide down the wall.", **fields):
    """POST the admin's add form for a strength move with one cue (or an empty one)."""
    return admin_client.post(
        reverse("admin:exercises_exercise_add"),
        {
            "name": "Wall sit",
            "slug": "wall-sit",
            "kind": "strength",
            "description": "Sit against a wall.",
            "impact": "none",
            "cues-TOTAL_FORMS": "1",
            "cues-INITIAL_FORMS": "0",
            "cues-0-position": "1" if cue else "",
            "cues-0-text": cue,
            **fields,
        },
    )


def test_the_admin_refuses_a_strength_move_without_cues(admin_client):
    response = _add_wall_sit(admin_client, cue="")
    assert "A strength move needs at least one form cue." in response.content.decode()
    assert not Exercise.objects.filter(slug="wall-sit").exists()


def test_the_admin_refuses_a_hold_that_starts_above_its_end(admin_client):
    response = _add_wall_sit(admin_client, hold_seconds_min="30", hold_seconds_max="10")
    assert "The shortest hold (30) is more than this (10)" in response.content.decode()
    assert not Exercise.objects.filter(slug="wall-sit").exists()


def test_the_admin_saves_a_wall_sit_that_keeps_the_rules(admin_client):
    response = _add_wall_sit(admin_client, hold_seconds_min="10", hold_seconds_max="30")
    assert response.status_code == 302
    assert Exercise.objects.get(slug="wall-sit").cues.count() == 1


def test_the_admin_refuses_a_cue_over_300_characters(admin_client):
    response = _add_wall_sit(admin_client, cue="x" * 301)
    assert "Ensure this value has at most 300 characters (it has 301)." in response.content.decode()
    assert not Exercise.objects.filter(slug="wall-sit").exists()
    assert _add_wall_sit(admin_client, cue="x" * 300).status_code == 302
