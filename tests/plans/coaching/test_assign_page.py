import datetime

import pytest
from django.urls import reverse

from accounts.models import Commitment
from plans.coaching.services import TemplateSessionData as Data
from plans.coaching.services import template_session_add
from plans.models import Assignment, PlanTemplate, Session, Source
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


@pytest.fixture
def busy_tuesday(coach):
    """One week: an easy Monday run (30 min) and a Tuesday tempo run (45 min)."""
    template = PlanTemplate.objects.create(coach=coach, name="Two runs", weeks=1)
    for weekday, title, minutes in [(0, "Easy run", 30), (1, "Tempo run", 45)]:
        template_session_add(
            template=template,
            data=Data(
                week_index=0, weekday=weekday, kind="run", purpose="easy", title=title,
                minutes=minutes,
            ),
        )  # fmt: skip
    return template


def tuesday_friday_sunday_runner(coach, tuesday_minutes: int):
    """Trains Tuesday (`tuesday_minutes`), Friday and Sunday (45 each); not on Monday."""
    profile = RunnerProfileFactory.create(time_zone="UTC", week=(1, 4, 6))
    Commitment.objects.filter(profile=profile, weekday=1).update(minutes=tuesday_minutes)
    CoachingFactory(coach=coach, athlete=profile.user)
    return profile.user


def assigned_week(client, template, athlete) -> dict[str, str]:
    """Assign through the page; the athlete's week as the coach then sees it, day by day."""
    client.force_login(template.coach)
    client.post(assign_url(template), {"athletes": [athlete.pk], "start": NEXT_MONDAY})
    url = reverse("plans:athlete_week_of", args=[athlete.pk, NEXT_MONDAY])
    body = client.get(url).content.decode()
    days = body.split('data-testid="day-')[1:]
    return {day[:3]: day for day in days}


def test_a_moved_session_goes_to_the_nearest_day_with_room_for_it(client, busy_tuesday, coach):
    athlete = tuesday_friday_sunday_runner(coach, tuesday_minutes=60)
    week = assigned_week(client, busy_tuesday, athlete)
    # Tuesday's 45 minutes leave 15 of its 60: the Monday run goes to Friday, not Tuesday.
    assert "Tempo run" in week["tue"] and "Easy run" not in week["tue"]
    assert "Easy run" in week["fri"] and "Moved from Monday, not a training day." in week["fri"]


def test_a_moved_session_fits_the_nearest_day_when_it_has_room(client, busy_tuesday, coach):
    athlete = tuesday_friday_sunday_runner(coach, tuesday_minutes=90)
    week = assigned_week(client, busy_tuesday, athlete)
    assert "Tempo run" in week["tue"] and "Easy run" in week["tue"]
    assert "Easy run" not in week["fri"]


def test_a_session_no_day_has_room_for_is_flagged_for_the_coach(client, busy_tuesday, coach):
    athlete = tuesday_friday_sunday_runner(coach, tuesday_minutes=60)
    Commitment.objects.filter(profile__user=athlete, weekday__in=[4, 6]).update(minutes=20)
    week = assigned_week(client, busy_tuesday, athlete)
    assert "Easy run" in week["mon"] and "Needs a day" in week["mon"]
    assert "No training day left this week has room for its 30 minutes." in week["mon"]
    assert "Easy run" not in week["tue"]
    dashboard = client.get(reverse("plans:coach_dashboard")).content.decode()
    assert "1 session needs a day" in dashboard


@pytest.mark.parametrize("athlete_id", [str(2**63), str(-(2**63) - 1), "9" * 4000])
def test_an_athlete_id_beyond_any_database_id_is_refused(client, template, athletes, athlete_id):
    client.force_login(template.coach)
    response = client.post(
        assign_url(template), {"athletes": [athlete_id], "start": NEXT_MONDAY.isoformat()}
    )
    assert response.status_code == 200
    assert "is not one of your athletes." in response.content.decode()
    assert not Assignment.objects.exists()


def test_a_start_in_year_9999_is_refused(client, template, athletes):
    client.force_login(template.coach)
    response = client.post(
        assign_url(template), {"athletes": [athletes[0].pk], "start": "9999-12-27"}
    )
    assert "Pick a date between 2000 and 2100." in response.content.decode()
    assert not Assignment.objects.exists()
