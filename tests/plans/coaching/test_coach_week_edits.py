import datetime

import pytest
from django.urls import reverse

from plans.models import PlanTemplate, Session, Source, WeekNote
from plans.services import weeks_ensure, weeks_regenerate
from plans.signals import run_changed
from tests.plans.coaching.conftest import NEXT_MONDAY, TODAY
from tests.plans.factories import SessionFactory

WEDNESDAY = NEXT_MONDAY + datetime.timedelta(days=2)


def week_url(runner):
    return reverse("plans:athlete_week_of", args=[runner.pk, NEXT_MONDAY])


def add_url(runner):
    return reverse("plans:week_session_add", args=[runner.pk, NEXT_MONDAY])


def note_url(runner):
    return reverse("plans:week_note", args=[runner.pk, NEXT_MONDAY])


RUN = {"day": WEDNESDAY.isoformat(), "kind": "run", "purpose": "hill", "minutes": 40,
       "title": "", "coach_note": "Find a hill of about 2 minutes."}  # fmt: skip


def test_the_coach_sees_edit_controls_and_the_runner_does_not(client, profile, coach):
    client.force_login(coach)
    assert 'data-testid="coach-tools"' in client.get(week_url(profile.user)).content.decode()
    client.force_login(profile.user)
    own = client.get(reverse("plans:week_of", args=[NEXT_MONDAY])).content.decode()
    assert 'data-testid="coach-tools"' not in own
    assert "Edit or move" not in own


def test_the_coach_adds_a_session_the_athlete_sees_with_its_note(client, profile, coach):
    client.force_login(coach)
    response = client.post(add_url(profile.user), RUN)
    assert response.url == week_url(profile.user)
    added = Session.objects.get(runner=profile.user, purpose="hill")
    assert (added.date, added.source, added.title) == (WEDNESDAY, Source.COACH, "Hill session")
    client.force_login(profile.user)
    body = client.get(reverse("plans:week_of", args=[NEXT_MONDAY])).content.decode()
    assert "Find a hill of about 2 minutes." in body


def test_regenerating_never_overwrites_a_coachs_session(profile, coach, client):
    client.force_login(coach)
    client.post(add_url(profile.user), RUN)
    weeks_regenerate(runner=profile.user, today=TODAY)
    assert Session.objects.filter(runner=profile.user, purpose="hill").exists()


def test_a_session_that_does_not_add_up_is_refused_with_a_reason(client, profile, coach):
    client.force_login(coach)
    response = client.post(add_url(profile.user), {**RUN, "purpose": ""}, follow=True)
    assert "Choose what kind of run it is." in response.content.decode()
    assert not Session.objects.filter(runner=profile.user, source=Source.COACH).exists()


def test_moving_and_changing_a_session_makes_it_the_coachs(client, profile, coach):
    weeks_ensure(runner=profile.user, today=TODAY)
    session = Session.objects.filter(runner=profile.user, date__gte=NEXT_MONDAY, kind="run")[0]
    heard = []

    def listen(session, **kwargs):
        heard.append(session.pk)

    run_changed.connect(listen)
    client.force_login(coach)
    try:
        response = client.post(
            reverse("plans:session_edit", args=[session.pk]),
            {"day": (NEXT_MONDAY + datetime.timedelta(days=1)).isoformat(), "title": "Easy",
             "purpose": "easy", "minutes": 35, "coach_note": "Keep it chatty."},
        )  # fmt: skip
    finally:
        run_changed.disconnect(listen)
    session.refresh_from_db()
    assert response.status_code == 302
    assert session.date == NEXT_MONDAY + datetime.timedelta(days=1)
    assert (session.minutes, session.coach_note, session.source) == (35, "Keep it chatty.", "coach")
    assert heard == [session.pk]


def test_the_coach_removes_a_planned_session_but_not_a_done_one(client, profile, coach):
    planned = SessionFactory(runner=profile.user, date=WEDNESDAY)
    done = SessionFactory(runner=profile.user, date=WEDNESDAY, status="done")
    client.force_login(coach)
    client.post(reverse("plans:session_delete", args=[planned.pk]))
    response = client.post(reverse("plans:session_delete", args=[done.pk]), follow=True)
    assert not Session.objects.filter(pk=planned.pk).exists()
    assert Session.objects.filter(pk=done.pk).exists()
    assert "already marked or logged" in response.content.decode()


def test_a_week_note_shows_on_the_athletes_own_week(client, profile, coach):
    client.force_login(coach)
    client.post(note_url(profile.user), {"text": "Easy week: sleep well before Saturday."})
    client.force_login(profile.user)
    body = client.get(reverse("plans:week_of", args=[NEXT_MONDAY])).content.decode()
    assert "Note from your coach:" in body
    assert "Easy week: sleep well before Saturday." in body


def test_an_empty_week_note_removes_it(client, profile, coach):
    client.force_login(coach)
    client.post(note_url(profile.user), {"text": "Something"})
    client.post(note_url(profile.user), {"text": "  "})
    assert not WeekNote.objects.exists()


def test_the_coach_saves_the_athletes_weeks_as_a_template(client, profile, coach):
    weeks_ensure(runner=profile.user, today=TODAY)
    planned = Session.objects.filter(runner=profile.user, date__gte=NEXT_MONDAY).count()
    client.force_login(coach)
    response = client.post(
        reverse("plans:week_save_as_template", args=[profile.user.pk, NEXT_MONDAY]),
        {"name": "Rita's base week", "weeks": 1},
    )
    template = PlanTemplate.objects.get(name="Rita's base week")
    assert response.url == reverse("plans:template_detail", args=[template.pk])
    assert template.coach == coach
    assert template.sessions.count() == planned


def test_a_run_the_athlete_added_on_their_own_is_not_saved_in_the_template(client, profile, coach):
    SessionFactory(runner=profile.user, date=WEDNESDAY, title="Planned easy run")
    SessionFactory(runner=profile.user, date=WEDNESDAY, title="Extra jog", source=Source.RUNNER)
    client.force_login(coach)
    client.post(
        reverse("plans:week_save_as_template", args=[profile.user.pk, NEXT_MONDAY]),
        {"name": "Planned only", "weeks": 1},
    )
    template = PlanTemplate.objects.get(name="Planned only")
    assert list(template.sessions.values_list("title", "weekday")) == [("Planned easy run", 2)]


@pytest.mark.parametrize("stranger", ["other_coach", "other_runner"])
def test_strangers_get_404_on_every_edit(client, profile, coach, stranger, request):
    session = SessionFactory(runner=profile.user, date=WEDNESDAY)
    client.force_login(request.getfixturevalue(stranger))
    for url, data in [
        (add_url(profile.user), RUN),
        (note_url(profile.user), {"text": "Hi"}),
        (reverse("plans:session_edit", args=[session.pk]), {}),
        (reverse("plans:session_delete", args=[session.pk]), {}),
        (reverse("plans:week_save_as_template", args=[profile.user.pk, NEXT_MONDAY]),
         {"name": "Mine now", "weeks": 1}),
    ]:  # fmt: skip
        assert client.post(url, data).status_code == 404
    assert Session.objects.filter(runner=profile.user).count() == 1
    assert not WeekNote.objects.exists() and not PlanTemplate.objects.exists()


def test_the_athlete_cannot_use_the_coach_edits_on_their_own_week(client, profile, coach):
    session = SessionFactory(runner=profile.user, date=WEDNESDAY)
    client.force_login(profile.user)
    assert client.post(add_url(profile.user), RUN).status_code == 404
    assert client.post(reverse("plans:session_delete", args=[session.pk])).status_code == 404
    assert client.post(note_url(profile.user), {"text": "Hi"}).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, profile):
    response = client.post(add_url(profile.user), RUN)
    assert response.url.startswith(reverse("accounts:login"))
