"""Removing a session, from an athlete's week or from a template, asks first."""

import datetime

import pytest
from django.urls import reverse

from plans.coaching.services import coach_session_add
from plans.models import Session
from tests.plans.coaching.conftest import NEXT_MONDAY
from tests.plans.factories import SessionExerciseFactory, SessionFactory, StrengthSessionFactory

WEDNESDAY = NEXT_MONDAY + datetime.timedelta(days=2)


def remove_url(session):
    return reverse("plans:session_delete", args=[session.pk])


def template_remove_url(session):
    return reverse("plans:template_session_delete", args=[session.template_id, session.pk])


@pytest.fixture
def planned(profile):
    session = StrengthSessionFactory(
        runner=profile.user, date=WEDNESDAY, title="Core work", source="coach"
    )
    SessionExerciseFactory(session=session)
    return session


def test_the_week_offers_remove_as_a_link_to_a_question(client, coach, planned):
    client.force_login(coach)
    week = client.get(reverse("plans:athlete_week_of", args=[planned.runner_id, NEXT_MONDAY]))
    assert f'href="{remove_url(planned)}" aria-label="Remove Core work"' in week.content.decode()


def test_the_coach_is_asked_first_and_keeping_it_changes_nothing(client, coach, planned):
    client.force_login(coach)
    page = client.get(remove_url(planned)).content.decode()
    assert "Remove Core work from Rita Runner’s week?" in page
    assert "Calf raise 2 × 12–15 reps" in page
    assert "Rita Runner will no longer see it on their week." in page
    week_url = reverse("plans:athlete_week_of", args=[planned.runner_id, NEXT_MONDAY])
    assert f'href="{week_url}">Keep it</a>' in page
    assert Session.objects.filter(pk=planned.pk).exists()


def test_confirming_removes_it(client, coach, planned):
    client.force_login(coach)
    response = client.post(remove_url(planned), follow=True)
    assert not Session.objects.filter(pk=planned.pk).exists()
    assert f"Core work removed from {WEDNESDAY:%A}." in response.content.decode()


def test_what_the_athlete_marked_or_logged_is_never_offered_for_removal(client, coach, profile):
    done = SessionFactory(runner=profile.user, date=WEDNESDAY, status="done")
    client.force_login(coach)
    for response in (client.get(remove_url(done)), client.post(remove_url(done))):
        assert response.status_code == 302
    assert Session.objects.filter(pk=done.pk).exists()
    page = client.get(response.url).content.decode()
    assert "The athlete has already marked or logged this one: it stays." in page


@pytest.mark.parametrize("stranger", ["other_coach", "runner", "other_runner"])
def test_nobody_but_the_athletes_coach_may_remove(client, planned, stranger, request):
    client.force_login(request.getfixturevalue(stranger))
    assert client.get(remove_url(planned)).status_code == 404
    assert client.post(remove_url(planned)).status_code == 404
    assert Session.objects.filter(pk=planned.pk).exists()


def test_anonymous_visitors_are_sent_to_log_in(client, planned):
    for response in (client.get(remove_url(planned)), client.post(remove_url(planned))):
        assert response.url.startswith(reverse("accounts:login"))
    assert Session.objects.filter(pk=planned.pk).exists()


def test_removing_a_template_session_asks_first_then_removes(client, template):
    strength = template.sessions.get(kind="strength")
    client.force_login(template.coach)
    page = client.get(template_remove_url(strength)).content.decode()
    assert "Remove Strength from “Base block”?" in page
    assert "Week 1, Tuesday" in page and "Back extension 3 × 10–12 reps" in page
    assert template.sessions.filter(pk=strength.pk).exists()
    response = client.post(template_remove_url(strength), follow=True)
    assert not template.sessions.filter(pk=strength.pk).exists()
    assert "Strength removed from week 1 of the template." in response.content.decode()


@pytest.mark.parametrize("stranger", ["other_coach", "runner", "other_runner"])
def test_nobody_but_the_templates_coach_may_remove_its_sessions(
    client, template, stranger, request
):
    strength = template.sessions.get(kind="strength")
    client.force_login(request.getfixturevalue(stranger))
    assert client.get(template_remove_url(strength)).status_code == 404
    assert client.post(template_remove_url(strength)).status_code == 404
    assert template.sessions.filter(pk=strength.pk).exists()


def test_anonymous_visitors_cannot_remove_template_sessions(client, template):
    strength = template.sessions.get(kind="strength")
    url = template_remove_url(strength)
    for response in (client.get(url), client.post(url)):
        assert response.url.startswith(reverse("accounts:login"))
    assert template.sessions.filter(pk=strength.pk).exists()


def test_removing_a_run_says_its_block_goes_with_it(client, coach, profile):
    run = coach_session_add(
        runner=profile.user, day=WEDNESDAY, kind="run", purpose="easy", title="Easy run",
        minutes=40,
    )  # fmt: skip
    block = run.block
    assert block is not None
    client.force_login(coach)
    page = client.get(remove_url(run)).content.decode()
    assert (
        f"Its strength block after the run, {block.title} ({block.minutes} min), goes with it."
        in page
    )
    client.post(remove_url(run))
    assert not Session.objects.filter(pk__in=[run.pk, block.pk]).exists()


def test_a_block_the_athlete_marked_stays_and_the_question_says_so(client, coach, profile):
    run = coach_session_add(
        runner=profile.user, day=WEDNESDAY, kind="run", purpose="easy", title="Easy run",
        minutes=40,
    )  # fmt: skip
    Session.objects.filter(pk=run.block.pk).update(status="done")
    client.force_login(coach)
    page = client.get(remove_url(run)).content.decode()
    assert "Its strength block after the run stays: Rita Runner already marked it done." in page
    client.post(remove_url(run))
    assert Session.objects.filter(runner=profile.user, status="done").exists()
