"""The coach's side: athletes, an athlete's sessions (add, change, remove, through the coaching
services) and templates (CRUD). Anything not the coach's is a 404."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from plans.coaching.services import plan_assign
from plans.models import PlanTemplate, Session, SessionKind, Source, Status
from plans.services import monday_of
from tests.factories import CoachingFactory, UserFactory
from tests.plans.factories import SessionFactory

pytestmark = pytest.mark.django_db
TODAY = date.today()
FIVE = [
    ("anonymous", 401),
    ("runner", 404),
    ("other_runner", 404),
    ("coach", 200),
    ("other_coach", 404),
]


def login(client, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))


def send(client, method, url, body):
    return getattr(client, method)(url, body, content_type="application/json")


@pytest.mark.parametrize(("who", "status"), FIVE)
def test_athletes_are_listed_for_their_coach_only(
    client, request, runner, coach, other_runner, other_coach, who, status
):
    login(client, request, who)
    response = client.get(reverse("api:athletes"))
    assert response.status_code == (200 if who == "other_coach" else status)
    if who in ("coach", "other_coach"):
        expected = [runner.pk] if who == "coach" else []
        assert [a["id"] for a in response.json()["results"]] == expected


def test_the_athlete_list_answers_in_the_same_queries_however_many(
    client, coach, django_assert_num_queries
):
    client.force_login(coach)
    # user, count, coachings with their athletes, groups
    with django_assert_num_queries(4):
        client.get(reverse("api:athletes"))
    for _ in range(5):
        CoachingFactory(coach=coach, athlete=UserFactory())
    with django_assert_num_queries(4):
        assert client.get(reverse("api:athletes")).json()["count"] == 6


@pytest.mark.parametrize(("who", "status"), [(w, 201 if s == 200 else s) for w, s in FIVE])
def test_only_the_coach_adds_to_an_athletes_week(
    client, request, runner, profile, coach, other_runner, other_coach, who, status
):
    login(client, request, who)
    url = reverse("api:athlete_sessions", args=[runner.pk])
    body = {"date": str(TODAY), "kind": "run", "purpose": "speed", "minutes": 40}
    response = send(client, "post", url, body)
    assert response.status_code == status
    added = Session.objects.filter(runner=runner, source=Source.COACH, kind=SessionKind.RUN)
    assert added.exists() == (status == 201)
    if status == 201:
        assert response.json()["title"] == "Speed session"
        assert Session.objects.filter(for_run=added.get()).exists()  # its post-run block


def test_a_strength_session_takes_exercise_lines_by_slug(client, runner, profile, coach):
    client.force_login(coach)
    url = reverse("api:athlete_sessions", args=[runner.pk])
    body = {
        "date": str(TODAY), "kind": "strength", "minutes": 20,
        "exercises": [{"exercise": "back-extension", "sets": 3, "low": 10, "high": 12,
                       "counted_in": "reps"}],
    }  # fmt: skip
    response = send(client, "post", url, body)
    assert response.status_code == 201, response.json()
    assert response.json()["exercises"][0]["slug"] == "back-extension"
    body["exercises"] = [{"exercise": "no-such-move"}]
    refused = send(client, "post", url, body)
    assert refused.status_code == 400 and "exercises.0.exercise" in refused.json()["errors"]
    body["exercises"] = []
    assert "exercises.0.exercise" in send(client, "post", url, body).json()["errors"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "nap"}, "kind"),
        ({"minutes": 4}, "minutes"),
        ({"minutes": "40"}, "minutes"),
        ({"date": "9999-12-31"}, "date"),
        ({"purpose": ""}, "purpose"),
        ({"title": "x" * 121}, "title"),
        ({"kind": "cross_training", "purpose": "", "activity": "moonwalk"}, "activity"),
    ],
)
def test_a_bad_session_is_a_400_and_nothing_is_added(client, runner, coach, changes, field):
    client.force_login(coach)
    body = {"date": str(TODAY), "kind": "run", "purpose": "speed", "minutes": 40, **changes}
    response = send(client, "post", reverse("api:athlete_sessions", args=[runner.pk]), body)
    assert response.status_code == 400
    assert field in response.json()["errors"], response.json()
    assert not Session.objects.exists()


@pytest.mark.parametrize(("who", "status"), FIVE)
def test_only_the_coach_changes_an_athletes_session(
    client, request, runner, profile, coach, other_runner, other_coach, who, status
):
    session = SessionFactory(runner=runner, date=TODAY + timedelta(days=1))
    login(client, request, who)
    url = reverse("api:athlete_session", args=[runner.pk, session.pk])
    response = send(client, "patch", url, {"minutes": 50, "coach_note": "Steady"})
    assert response.status_code == status
    session.refresh_from_db()
    assert (session.minutes == 50) == (status == 200)
    if status == 200:
        assert session.coach_note == "Steady" and session.source == Source.COACH


def test_a_session_of_another_athlete_is_not_reached_through_this_ones_url(client, runner, coach):
    second = UserFactory()
    CoachingFactory(coach=coach, athlete=second)
    theirs = SessionFactory(runner=second)
    client.force_login(coach)
    assert (
        client.get(reverse("api:athlete_session", args=[runner.pk, theirs.pk])).status_code == 404
    )
    assert (
        client.get(reverse("api:athlete_session", args=[second.pk, theirs.pk])).status_code == 200
    )


def test_what_the_athlete_marked_takes_only_a_note_and_stays(client, runner, coach):
    session = SessionFactory(runner=runner, date=TODAY, status=Status.DONE)
    client.force_login(coach)
    url = reverse("api:athlete_session", args=[runner.pk, session.pk])
    refused = send(client, "patch", url, {"minutes": 90})
    assert refused.status_code == 400 and "their record" in refused.json()["errors"]["__all__"][0]
    assert send(client, "patch", url, {"coach_note": "Well done"}).status_code == 200
    session.refresh_from_db()
    assert session.minutes == 30 and session.coach_note == "Well done"
    kept = client.delete(url)
    assert kept.status_code == 409 and Session.objects.filter(pk=session.pk).exists()


def test_removing_an_open_run_removes_its_block(client, runner, profile, coach):
    client.force_login(coach)
    url = reverse("api:athlete_sessions", args=[runner.pk])
    run = send(
        client, "post", url, {"date": str(TODAY), "kind": "run", "purpose": "easy", "minutes": 30}
    )
    run_id = run.json()["id"]
    assert (
        client.delete(reverse("api:athlete_session", args=[runner.pk, run_id])).status_code == 204
    )
    assert not Session.objects.filter(runner=runner, source=Source.COACH).exists()
    assert not Session.objects.filter(for_run_id=run_id).exists()


# Templates


@pytest.mark.parametrize(("who", "status"), FIVE)
def test_templates_are_the_coachs_own(
    client, request, runner, coach, other_runner, other_coach, who, status
):
    template = PlanTemplate.objects.create(coach=coach, name="Base", weeks=2)
    PlanTemplate.objects.create(coach=other_coach, name="Theirs", weeks=1)
    login(client, request, who)
    listed = client.get(reverse("api:templates"))
    assert listed.status_code == (status if who != "other_coach" else 200)
    if who == "coach":
        assert [t["name"] for t in listed.json()["results"]] == ["Base"]
    detail = reverse("api:template", args=[template.pk])
    assert client.get(detail).status_code == status
    assert send(client, "patch", detail, {"name": "Renamed"}).status_code == status
    assert client.delete(detail).status_code == (204 if status == 200 else status)
    assert PlanTemplate.objects.filter(pk=template.pk).exists() == (status != 200)


def test_a_template_is_created_changed_archived_and_refused_with_reasons(client, coach):
    client.force_login(coach)
    made = send(
        client,
        "post",
        reverse("api:templates"),
        {"name": "Build", "runner_type": "competitive", "weeks": 4},
    )
    assert made.status_code == 201 and made.json()["sessions"] == []
    url = reverse("api:template", args=[made.json()["id"]])
    assert send(client, "patch", url, {"archived": True}).json()["archived"] is True
    assert client.get(reverse("api:templates"), {"archived": "true"}).json()["count"] == 1
    assert client.get(reverse("api:templates"), {"archived": "maybe"}).status_code == 400
    for bad in (
        {"weeks": 13},
        {"weeks": "4"},
        {"name": ""},
        {"runner_type": "elite"},
        {"name": "x" * 121},
    ):
        response = send(client, "patch", url, bad)
        assert response.status_code == 400 and set(bad) <= set(response.json()["errors"])
    assert PlanTemplate.objects.get().name == "Build"
    missing = send(client, "post", reverse("api:templates"), {"name": "No length"})
    assert set(missing.json()["errors"]) == {"runner_type", "weeks"}


def test_a_template_that_was_assigned_is_archived_not_removed(client, runner, profile, coach):
    template = PlanTemplate.objects.create(coach=coach, name="Base", weeks=1)
    from plans.coaching.services import TemplateSessionData, template_session_add

    template_session_add(
        template=template,
        data=TemplateSessionData(
            week_index=0, weekday=6, kind="run", purpose="long", title="Long", minutes=60
        ),
    )
    plan_assign(
        template=template,
        athletes=[runner],
        start=monday_of(TODAY) + timedelta(days=7),
        coach=coach,
    )
    client.force_login(coach)
    refused = client.delete(reverse("api:template", args=[template.pk]))
    assert (
        refused.status_code == 409
        and "archive it instead" in refused.json()["errors"]["__all__"][0]
    )
    assert PlanTemplate.objects.filter(pk=template.pk).exists()


def test_the_template_list_answers_in_the_same_queries_however_many(
    client, coach, django_assert_num_queries
):
    PlanTemplate.objects.create(coach=coach, name="Base", weeks=1)
    client.force_login(coach)
    # session, user, count, rows
    with django_assert_num_queries(3):
        client.get(reverse("api:templates"))
    for n in range(4):
        PlanTemplate.objects.create(coach=coach, name=f"Block {n}", weeks=2)
    with django_assert_num_queries(3):
        assert client.get(reverse("api:templates")).json()["count"] == 5
