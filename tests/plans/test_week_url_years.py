"""Week URLs take a date in 2000–2100: year 0001 or 9999 is no page (404), not a server error,
for the runner's week, the coach's view of it and every coach action on it."""

from datetime import date

import pytest
from django.urls import reverse

from plans.models import PlanTemplate, Session, WeekNote

FAR = ["0001-01-01", "1999-12-27", "2101-01-03", "9999-12-27"]


@pytest.mark.parametrize("day", FAR)
def test_the_runners_week_out_of_range_is_a_404(client, profile, day):
    client.force_login(profile.user)
    assert client.get(f"/week/{day}/").status_code == 404


@pytest.mark.parametrize("day", ["2000-01-03", "2100-12-27"])
def test_the_first_and_last_weeks_in_range_are_pages(client, profile, day):
    client.force_login(profile.user)
    response = client.get(f"/week/{day}/")
    assert response.status_code == 200
    assert response.context["week"].week_start.isoformat() == day


@pytest.mark.parametrize("day", FAR)
def test_the_coachs_week_pages_and_actions_out_of_range_are_404s(client, profile, coach, day):
    client.force_login(coach)
    athlete = profile.user.pk
    assert client.get(f"/athletes/{athlete}/week/{day}/").status_code == 404
    for action, data in [
        ("note", {"text": "Easy week"}),
        ("sessions", {"day": day, "kind": "run", "purpose": "easy", "minutes": "30"}),
        ("save-as-template", {"name": "Copied", "weeks": "1"}),
    ]:
        response = client.post(f"/athletes/{athlete}/week/{day}/{action}/", data)
        assert response.status_code == 404, action
    assert not WeekNote.objects.exists()
    assert not PlanTemplate.objects.exists()
    assert not Session.objects.filter(source="coach").exists()


def test_the_coachs_note_on_a_week_in_range_is_saved(client, profile, coach):
    client.force_login(coach)
    url = reverse("plans:week_note", args=[profile.user.pk, date(2100, 12, 27)])
    assert client.post(url, {"text": "Easy week"}).status_code == 302
    assert WeekNote.objects.get().text == "Easy week"
