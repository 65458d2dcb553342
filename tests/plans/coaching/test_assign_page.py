import datetime

import pytest
from django.urls import reverse

from plans.models import Assignment, Session, Source
from tests.accounts.factories import RunnerProfileFactory
from tests.factories import CoachingFactory
from tests.plans.coaching.conftest import NEXT_MONDAY


def assign_url(template):
    return reverse("plans:template_assign", args=[template.pk])


@pytest.fixture
def athletes(coach, profile):
    """The coach's runner and two more onboarded athletes."""
    more = [RunnerProfileFactory(time_zone="UTC").user for _ in range(2)]
    for athlete in more:
        CoachingFactory(coach=coach, athlete=athlete)
    return [profile.user, *more]


def test_anonymous_visitors_are_sent_to_log_in(client, template):
    assert client.get(assign_url(template)).url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("stranger", ["other_coach", "runner"])
def test_strangers_cannot_assign_a_coachs_template(client, template, profile, stranger, request):
    client.force_login(request.getfixturevalue(stranger))
    response = client.post(
        assign_url(template), {"athletes": [profile.user.pk], "start": NEXT_MONDAY}
    )
    assert response.status_code == 404
    assert not Assignment.objects.exists()


def test_the_coach_picks_from_their_athletes_with_a_select_all(client, template, athletes):
    client.force_login(template.coach)
    body = client.get(assign_url(template)).content.decode()
    assert "Select all" in body
    for athlete in athletes:
        assert str(athlete) in body


def test_assigning_to_several_athletes_at_once(client, template, athletes):
    client.force_login(template.coach)
    response = client.post(
        assign_url(template), {"athletes": [a.pk for a in athletes[:2]], "start": NEXT_MONDAY}
    )
    assert response.url == reverse("plans:coach_dashboard")
    assert Assignment.objects.filter(template=template).count() == 2
    assert not Session.objects.filter(runner=athletes[2], source=Source.TEMPLATE).exists()
    dashboard = client.get(response.url).content.decode()
    assert "assigned to 2 athletes" in dashboard


def test_an_athlete_of_another_coach_is_refused_and_nothing_is_written(
    client, template, athletes, other_profile
):
    client.force_login(template.coach)
    response = client.post(
        assign_url(template),
        {"athletes": [athletes[0].pk, other_profile.user.pk], "start": NEXT_MONDAY},
    )
    assert "is not one of your athletes" in response.content.decode()
    assert not Assignment.objects.exists()


def test_the_start_must_be_a_monday_not_already_over(client, template, athletes):
    client.force_login(template.coach)
    for start, message in [
        (NEXT_MONDAY + datetime.timedelta(1), "Start on a Monday."),
        (NEXT_MONDAY - datetime.timedelta(14), "That week is over"),
    ]:
        response = client.post(assign_url(template), {"athletes": [athletes[0].pk], "start": start})
        assert message in response.content.decode()
    assert not Assignment.objects.exists()


SUNDAY_LATE_UTC = datetime.datetime(2026, 12, 6, 23, 30, tzinfo=datetime.UTC)
MONDAY_EARLY_UTC = datetime.datetime(2026, 12, 7, 0, 30, tzinfo=datetime.UTC)
LAST_MONDAY = datetime.date(2026, 11, 30)


@pytest.mark.parametrize(
    "moment, zone, over",
    [
        (SUNDAY_LATE_UTC, "Pacific/Auckland", True),  # Monday 7 December there
        (SUNDAY_LATE_UTC, "UTC", False),
        (MONDAY_EARLY_UTC, "Pacific/Honolulu", False),  # still Sunday 6 December there
        (MONDAY_EARLY_UTC, "UTC", True),
    ],
)
def test_a_week_is_over_when_it_is_over_where_the_athlete_lives(
    client, template, coach, frozen_now, moment, zone, over
):
    athlete = RunnerProfileFactory(time_zone=zone).user
    CoachingFactory(coach=coach, athlete=athlete)
    frozen_now(moment)
    client.force_login(coach)
    response = client.post(assign_url(template), {"athletes": [athlete.pk], "start": LAST_MONDAY})
    assert (f"That week is over for {athlete}" in response.content.decode()) is over
    assert Assignment.objects.filter(athlete=athlete).exists() is not over


def test_an_archived_template_is_not_assigned(client, template, athletes):
    template.archived = True
    template.save()
    client.force_login(template.coach)
    response = client.post(
        assign_url(template), {"athletes": [athletes[0].pk], "start": NEXT_MONDAY}
    )
    assert "Bring the template back from the archive" in response.content.decode()
    assert not Assignment.objects.exists()


def test_unassigning_from_the_dashboard_restores_the_generated_plan(client, template, athletes):
    client.force_login(template.coach)
    client.post(assign_url(template), {"athletes": [athletes[0].pk], "start": NEXT_MONDAY})
    assignment = Assignment.objects.get()
    response = client.post(reverse("plans:assignment_end", args=[assignment.pk]))
    assert response.url == reverse("plans:coach_dashboard")
    assert not Session.objects.filter(runner=athletes[0], source=Source.TEMPLATE).exists()
    assert Session.objects.filter(
        runner=athletes[0], source=Source.GENERATED, date__gte=NEXT_MONDAY
    ).exists()


@pytest.mark.parametrize("stranger", ["other_coach", "runner"])
def test_strangers_cannot_unassign(client, template, athletes, stranger, request):
    client.force_login(template.coach)
    client.post(assign_url(template), {"athletes": [athletes[0].pk], "start": NEXT_MONDAY})
    assignment = Assignment.objects.get()
    client.force_login(request.getfixturevalue(stranger))
    assert client.post(reverse("plans:assignment_end", args=[assignment.pk])).status_code == 404
    assert Assignment.objects.active().count() == 1


def test_an_empty_template_is_not_assigned(client, template, athletes):
    template.sessions.all().delete()
    client.force_login(template.coach)
    response = client.post(
        assign_url(template), {"athletes": [athletes[0].pk], "start": NEXT_MONDAY}
    )
    assert "This template has no sessions yet" in response.content.decode()
    assert not Assignment.objects.exists()
