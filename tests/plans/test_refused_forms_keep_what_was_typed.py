"""A form on the week page that is refused shows the page again with what was typed in it and
why, and saves nothing; the same forms within their limits save."""

import datetime
import html

import pytest
from django.urls import reverse

from plans.models import AthleteGroup, PlanTemplate, Session, Status, WeekNote
from plans.services import monday_of
from tests.plans.factories import SessionFactory

TODAY = datetime.date.today()
MONDAY = monday_of(TODAY)
LONG_NOTE = "Easy this week, keep the heart rate low. " * 50  # 2,050 characters


def shown(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def coach_client(client, coach, profile):
    client.force_login(coach)
    return client


def test_a_week_note_over_2000_characters_comes_back_to_shorten(coach_client, profile):
    url = reverse("plans:week_note", args=[profile.user_id, MONDAY])
    response = coach_client.post(url, {"text": LONG_NOTE})
    assert response.status_code == 200
    page = shown(response)
    assert "A week note is at most 2000 characters" in page
    assert (
        LONG_NOTE.strip() in page
        and '<details class="card mb-3" data-testid="coach-tools" open' in response.content.decode()
    )
    assert not WeekNote.objects.exists()
    assert coach_client.post(url, {"text": LONG_NOTE[:2000]}).status_code == 302
    assert WeekNote.objects.get().text == LONG_NOTE[:2000].strip()


def test_a_group_name_over_40_characters_comes_back_to_shorten(coach_client, profile):
    url = reverse("plans:athlete_group", args=[profile.user_id])
    name = "Tuesday evening club at the riverside track"  # 44 characters
    response = coach_client.post(url, {"name": name})
    assert response.status_code == 200
    page = shown(response)
    assert "A group name is at most 40 characters" in page and f'value="{name}"' in page
    assert not AthleteGroup.objects.exists()
    assert coach_client.post(url, {"name": name[:40]}).status_code == 302
    assert AthleteGroup.objects.get().name == name[:40].strip()


def test_save_as_template_without_a_name_keeps_the_weeks_chosen(coach_client, profile):
    url = reverse("plans:week_save_as_template", args=[profile.user_id, MONDAY])
    name = "Block " + "x" * 120
    response = coach_client.post(url, {"name": name, "weeks": "3"})
    assert response.status_code == 200
    page = shown(response)
    assert "Give the template a name of at most 120 characters" in page
    assert f'value="{name}"' in page and '<option value="3" selected>' in page
    assert not PlanTemplate.objects.exists()
    assert coach_client.post(url, {"name": "Base block", "weeks": "3"}).status_code == 302
    assert PlanTemplate.objects.get().weeks == 3


def test_a_session_the_coach_adds_that_does_not_add_up_keeps_what_was_typed(coach_client, profile):
    url = reverse("plans:week_session_add", args=[profile.user_id, MONDAY])
    typed = {"day": MONDAY.isoformat(), "kind": "run", "purpose": "", "minutes": 40,
             "title": "Hills by the river",
             "coach_note": "Find a hill of two minutes."}  # fmt: skip
    response = coach_client.post(url, typed)
    assert response.status_code == 200
    page = shown(response)
    assert "Choose what kind of run it is." in page
    assert 'value="Hills by the river"' in page and "Find a hill of two minutes." in page
    assert not Session.objects.filter(title="Hills by the river").exists()
    assert coach_client.post(url, {**typed, "purpose": "hill"}).status_code == 302
    assert Session.objects.filter(title="Hills by the river").exists()


@pytest.mark.parametrize("status", ["done", "skipped"])
def test_a_done_or_skip_note_over_500_characters_comes_back_to_shorten(client, profile, status):
    run = SessionFactory(runner=profile.user, date=TODAY)
    note = "Legs heavy from the stairs at work, " * 15  # 540 characters
    client.force_login(profile.user)
    url = reverse("plans:session_status", args=[run.pk])
    response = client.post(url, {"status": status, "note": note})
    assert response.status_code == 200
    page = shown(response)
    assert "A note is at most 500 characters" in page and "Nothing was saved." in page
    assert f'value="{note}"' in page
    run.refresh_from_db()
    assert (run.status, run.status_note) == (Status.PLANNED, "")
    assert client.post(url, {"status": status, "note": note[:500]}).status_code == 302
    run.refresh_from_db()
    assert (run.status, run.status_note) == (status, note[:500].strip())
