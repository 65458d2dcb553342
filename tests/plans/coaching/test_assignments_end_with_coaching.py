"""A coach's assignment ends with the coaching link, and the runner can end it themselves."""

import pytest
from django.urls import reverse

from plans.coaching.services import plan_assign
from plans.models import Assignment, Session, Source, Status
from plans.services import weeks_ensure
from tests.plans.coaching.conftest import NEXT_MONDAY, TODAY


@pytest.fixture
def assignment(profile, template, coach):
    weeks_ensure(runner=profile.user, today=TODAY)
    [assignment] = plan_assign(template=template, athletes=[profile.user], start=NEXT_MONDAY,
                               coach=coach)  # fmt: skip
    # The athlete already did one of its sessions: that stays whatever happens.
    done = assignment.sessions.filter(kind="run").first()
    Session.objects.filter(pk=done.pk).update(status=Status.DONE)
    return assignment


def template_ahead(runner):
    """The template's open sessions, but for the block of the run already done (it stays)."""
    return Session.objects.filter(
        runner=runner, source=Source.TEMPLATE, status=Status.PLANNED
    ).exclude(for_run__status=Status.DONE)


def assert_ended_and_replanned(assignment):
    assignment.refresh_from_db()
    assert assignment.ended_at is not None
    runner = assignment.athlete
    assert not template_ahead(runner).exists()
    done = Session.objects.filter(runner=runner, source=Source.TEMPLATE, status=Status.DONE)
    assert done.exists()
    assert Session.objects.filter(
        runner=runner, source=Source.GENERATED, date__gte=NEXT_MONDAY
    ).exists()


def test_removing_the_athlete_ends_the_coachs_assignment(client, coach, assignment):
    client.force_login(coach)
    client.post(reverse("accounts:athlete_remove", args=[assignment.athlete_id]))
    assert_ended_and_replanned(assignment)


def test_the_athlete_leaving_their_coach_ends_the_assignment(client, runner, assignment):
    client.force_login(runner)
    response = client.post(reverse("accounts:my_coach"), follow=True)
    assert "You left Cora Coach. The days ahead are planned for you" in response.content.decode()
    assert_ended_and_replanned(assignment)


def test_another_coachs_assignment_carries_on_when_a_link_ends(
    client, runner, coach, assignment, other_coach
):
    Assignment.objects.filter(pk=assignment.pk).update(coach=other_coach)
    client.force_login(runner)
    client.post(reverse("accounts:my_coach"))
    assignment.refresh_from_db()
    assert assignment.ended_at is None and template_ahead(runner).exists()


def end_url(assignment):
    return reverse("plans:assignment_leave", args=[assignment.pk])


def test_the_runner_ends_the_plan_from_their_week_after_a_confirmation(client, runner, assignment):
    client.force_login(runner)
    week = client.get(reverse("plans:week_of", args=[NEXT_MONDAY])).content.decode()
    assert end_url(assignment) in week
    page = client.get(end_url(assignment)).content.decode()
    assert "End “Base block”?" in page
    going = template_ahead(runner).count()
    assert f"{going} sessions of it still ahead after today go" in page
    assert Assignment.objects.get().ended_at is None  # asking changes nothing
    response = client.post(end_url(assignment))
    assert response.status_code == 302
    assert_ended_and_replanned(assignment)
    assert client.get(end_url(assignment)).status_code == 404  # it is over


def test_anonymous_is_sent_to_log_in(client, assignment):
    assert client.get(end_url(assignment)).url.startswith(reverse("accounts:login"))
    assert client.post(end_url(assignment)).status_code == 302
    assert Assignment.objects.get().ended_at is None


@pytest.mark.parametrize("someone", ["other_runner", "coach", "other_coach"])
def test_only_the_runner_ends_it_from_this_page(client, assignment, someone, request):
    client.force_login(request.getfixturevalue(someone))
    assert client.get(end_url(assignment)).status_code == 404
    assert client.post(end_url(assignment)).status_code == 404
    assert Assignment.objects.get().ended_at is None


def test_the_number_the_page_promises_is_the_number_that_goes(client, runner, assignment):
    """A planned run ahead takes its post-run block along, and the page counts the block too,
    as the week shows it."""
    assignment.sessions.update(status=Status.PLANNED)
    run = assignment.sessions.get(kind="run")
    assert run.block is not None and run.block.status == Status.PLANNED
    client.force_login(runner)
    page = client.get(end_url(assignment)).content.decode()
    before = Session.objects.filter(assignment=assignment).count()
    client.post(end_url(assignment))
    removed = before - Session.objects.filter(assignment=assignment).count()
    assert f"{removed} sessions of it still ahead after today go" in page
    assert not Session.objects.filter(pk=run.pk).exists()
