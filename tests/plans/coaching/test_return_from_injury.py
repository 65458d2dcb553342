"""What a coach sees of an athlete's return from injury, and a template assigned over it."""

import datetime
import json

import pytest
from django.urls import reverse

from accounts.models import Injury
from plans.coaching.services import TemplateSessionData, template_session_add
from plans.models import PlanTemplate, Session, Source
from plans.services import monday_of
from tests.plans.coaching.conftest import NEXT_MONDAY, TODAY, slug

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
THIS_MONDAY = monday_of(TODAY)
# Cleared this Monday after five weeks: two short easy runs a week to the end of next week,
# then no speed or hills for two more weeks.
EASY_UNTIL = NEXT_MONDAY + 6 * DAY
ENDS_ON = NEXT_MONDAY + 20 * DAY


@pytest.fixture
def back_from_knee(profile):
    return Injury.objects.create(
        profile=profile,
        area="knee",
        started_on=THIS_MONDAY - 35 * DAY,
        cleared_on=THIS_MONDAY,
    )


@pytest.fixture
def hard_block(coach):
    """Two weeks of a speed run, a hill run, an easy run and a long run with its strength."""
    template = PlanTemplate.objects.create(
        coach=coach, name="Hard block", runner_type="recreational", weeks=2
    )
    for week in (0, 1):
        for weekday, purpose, minutes in [
            (0, "speed", 45),
            (2, "hill", 40),
            (4, "easy", 40),
            (6, "long", 90),
        ]:
            template_session_add(
                template=template,
                data=TemplateSessionData(
                    week_index=week, weekday=weekday, kind="run", purpose=purpose,
                    title=f"{purpose.title()} session", minutes=minutes,
                ),
            )  # fmt: skip
        template_session_add(
            template=template,
            data=TemplateSessionData(
                week_index=week, weekday=6, kind="strength", title="After the long run",
                minutes=15, post_run=True,
            ),
        )  # fmt: skip
    template_session_add(
        template=template,
        data=TemplateSessionData(
            week_index=0, weekday=1, kind="cross_training", title="Swim", minutes=30,
            activity_id=slug("swimming"),
        ),
    )  # fmt: skip
    return template


def runs(runner) -> list[tuple]:
    return list(
        Session.objects.filter(runner=runner, source=Source.TEMPLATE, kind="run")
        .order_by("date")
        .values_list("date", "purpose", "minutes")
    )


# The athlete page


def test_the_coach_sees_the_injury_history_and_the_return_under_way(
    client, coach, profile, back_from_knee
):
    Injury.objects.create(
        profile=profile,
        area="shin",
        started_on=datetime.date(2025, 3, 1),
        cleared_on=datetime.date(2025, 3, 4),
        was_nothing=True,
    )
    client.force_login(coach)
    body = client.get(reverse("accounts:athlete", args=[profile.user.pk])).content.decode()

    assert "Back from a knee injury" in body
    assert "after 35 days" in body
    assert f"until {EASY_UNTIL:%a %-d %b}: at most two easy runs a week, each up to 30" in body
    assert f"until {ENDS_ON:%a %-d %b}: no speed or hill runs, at most 3 runs a week" in body
    assert f"{back_from_knee.started_on:%-d %b %Y} – {THIS_MONDAY:%-d %b %Y} · 35 days" in body
    assert "1 Mar 2025 – 4 Mar 2025 · 3 days" in body
    assert "cleared as “it was nothing”" in body


def test_a_current_injury_shows_how_long_it_has_lasted_and_no_return(client, coach, profile):
    profile.injured, profile.injury_area = True, "achilles"
    profile.injured_since = TODAY - 12 * DAY
    profile.save()
    Injury.objects.create(profile=profile, area="achilles", started_on=TODAY - 12 * DAY)
    client.force_login(coach)
    body = client.get(reverse("accounts:athlete", args=[profile.user.pk])).content.decode()

    assert f"since {TODAY - 12 * DAY:%-d %b %Y} · 12 days so far" in body
    assert body.count('data-testid="injury"') == 1  # the current one, once
    assert 'data-testid="return-block"' not in body


def test_a_return_that_is_over_is_history_only(client, coach, profile):
    Injury.objects.create(
        profile=profile, area="knee", started_on=TODAY - 90 * DAY, cleared_on=TODAY - 50 * DAY
    )
    client.force_login(coach)
    body = client.get(reverse("accounts:athlete", args=[profile.user.pk])).content.decode()

    assert "40 days" in body
    assert 'data-testid="return-block"' not in body


@pytest.mark.parametrize("stranger", ["other_runner", "other_coach"])
def test_nobody_else_sees_the_injury_history(client, profile, back_from_knee, stranger, request):
    client.force_login(request.getfixturevalue(stranger))
    assert client.get(reverse("accounts:athlete", args=[profile.user.pk])).status_code == 404


# The coach's view of the week


def test_the_coachs_week_says_the_return_is_under_way(client, coach, profile, back_from_knee):
    client.force_login(coach)
    url = reverse("plans:athlete_week_of", args=[profile.user.pk, NEXT_MONDAY])
    body = client.get(url).content.decode()

    assert 'data-testid="return-block"' in body
    assert f"Running comes back gradually until {ENDS_ON:%A %-d %b}" in body


def test_a_week_after_the_return_says_nothing_of_it(client, coach, profile, back_from_knee):
    client.force_login(coach)
    url = reverse("plans:athlete_week_of", args=[profile.user.pk, ENDS_ON + DAY])
    assert 'data-testid="return-block"' not in client.get(url).content.decode()


# Assigning a template over the return


def assign_page(template) -> str:
    return reverse("plans:template_assign", args=[template.pk])


def test_the_assign_page_warns_which_athletes_return_and_until_when(
    client, coach, profile, back_from_knee, hard_block
):
    client.force_login(coach)
    body = client.get(assign_page(hard_block)).content.decode()

    assert 'data-testid="return-warning"' in body
    assert f"Rita Runner until {ENDS_ON:%A %-d %b}" in body
    assert "Assign the template as written" in body


def test_no_warning_when_nobody_returns_from_injury(client, coach, profile, hard_block):
    client.force_login(coach)
    body = client.get(assign_page(hard_block)).content.decode()
    assert 'data-testid="return-warning"' not in body


def test_assigned_runs_keep_the_return_limits(client, coach, profile, back_from_knee, hard_block):
    client.force_login(coach)
    response = client.post(
        assign_page(hard_block), {"athletes": [profile.user.pk], "start": NEXT_MONDAY}
    )
    assert response.status_code == 302
    week_two = NEXT_MONDAY + 7 * DAY

    assert runs(profile.user) == [
        # stage 1: the first two runs, easy and short; Friday's and Sunday's are left out
        (NEXT_MONDAY, "easy", 30),
        (NEXT_MONDAY + 2 * DAY, "easy", 30),
        # stage 2: the long run (60 at most), then the earliest runs up to three a week
        (week_two, "easy", 45),
        (week_two + 2 * DAY, "easy", 40),
        (week_two + 6 * DAY, "long", 60),
    ]
    speed = Session.objects.get(runner=profile.user, date=NEXT_MONDAY, kind="run")
    assert speed.title == "Easy run"
    assert "the template says Speed session, 45 min" in speed.placement_note
    post_run = Session.objects.filter(runner=profile.user, post_run=True, source=Source.TEMPLATE)
    # each run kept has its block; the template's block after a run left out goes with it
    assert {s.date for s in post_run} == {day for day, _, _ in runs(profile.user)}
    assert Session.objects.filter(runner=profile.user, title="Swim").exists()
    page = client.get(response.url).content.decode()
    assert "Its runs in the return from injury of Rita Runner keep to the return’s limits." in page


def test_the_coach_can_assign_the_template_as_written_on_purpose(
    client, coach, profile, back_from_knee, hard_block
):
    client.force_login(coach)
    response = client.post(
        assign_page(hard_block),
        {"athletes": [profile.user.pk], "start": NEXT_MONDAY, "override_return": "on"},
    )
    page = client.get(response.url).content.decode()
    assert "it goes as written through the return from injury of Rita Runner" in page

    assert [(purpose, minutes) for _, purpose, minutes in runs(profile.user)] == [
        ("speed", 45),
        ("hill", 40),
        ("easy", 40),
        ("long", 90),
    ] * 2
    assert not Session.objects.filter(runner=profile.user, placement_note__contains="Eased")


def test_a_template_after_the_return_goes_as_written(
    client, coach, profile, back_from_knee, hard_block
):
    client.force_login(coach)
    start = monday_of(ENDS_ON + DAY)
    client.post(assign_page(hard_block), {"athletes": [profile.user.pk], "start": start})
    assert [purpose for _, purpose, _ in runs(profile.user)][:4] == [
        "speed",
        "hill",
        "easy",
        "long",
    ]


# The API


def api_post(client, data):
    return client.post("/api/v1/assignments/", json.dumps(data), content_type="application/json")


def api_body(template, athlete, **extra):
    return {"template": template.pk, "athletes": [athlete.pk], "start": str(NEXT_MONDAY), **extra}


def test_the_api_keeps_the_return_limits_by_default(
    client, coach, profile, back_from_knee, hard_block
):
    client.force_login(coach)
    response = api_post(client, api_body(hard_block, profile.user))

    assert response.status_code == 201
    [created] = response.json()["assignments"]
    assert set(created) == {"id", "athlete", "start", "end"}
    assert len(runs(profile.user)) == 5


def test_the_api_assigns_as_written_with_override_return(
    client, coach, profile, back_from_knee, hard_block
):
    client.force_login(coach)
    response = api_post(client, api_body(hard_block, profile.user, override_return=True))

    assert response.status_code == 201
    assert len(runs(profile.user)) == 8


def test_the_api_refuses_an_override_that_is_not_true_or_false(
    client, coach, profile, back_from_knee, hard_block
):
    client.force_login(coach)
    response = api_post(client, api_body(hard_block, profile.user, override_return="yes"))

    assert response.status_code == 400
    assert response.json() == {"errors": {"override_return": ["Give true or false."]}}
    assert not runs(profile.user)
