from django.apps import apps
from django.contrib.sessions.models import Session as LoginSession
from django.db import models
from django.urls import reverse

from accounts.models import Coaching, User
from exercises.models import Exercise
from plans.models import Assignment, PlanTemplate, Session, SessionExercise
from privacy.models import FormerAthlete
from tests.exercises.factories import ExerciseFactory
from tests.plans.factories import SessionExerciseFactory, StrengthSessionFactory
from tests.privacy.conftest import logged_in

PASSWORD = "a long password 123"


def _with_password(user: User) -> User:
    user.set_password(PASSWORD)
    user.save()
    return user


def _delete(client, password=PASSWORD, understood=True):
    data = {"password": password}
    if understood:
        data["understood"] = "on"
    return client.post(reverse("privacy:account_delete"), data)


def _rows_pointing_at(user_id: int) -> dict[str, int]:
    """Rows in any table with a foreign key to this user id."""
    found = {}
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.ForeignKey) and field.related_model is User:
                count = model._default_manager.filter(**{field.attname: user_id}).count()
                if count:
                    found[f"{model._meta.label}.{field.name}"] = count
    return found


def _rows_naming(text: str) -> list[str]:
    """Rows in any table with `text` in a text column."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            is_text = isinstance(field, models.CharField | models.TextField)
            lookup = {f"{field.name}__icontains": text}
            if is_text and model._default_manager.filter(**lookup).exists():
                found.append(f"{model._meta.label}.{field.name}")
    return found


def test_nothing_of_a_deleted_runner_is_left_in_any_table(runner, coach, history):
    _with_password(runner)
    runner_id, email = runner.pk, runner.email
    client = logged_in(runner)
    assert _rows_pointing_at(runner_id) and _rows_naming(email)  # the checks see their targets

    response = _delete(client)

    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert not User.objects.filter(pk=runner_id).exists()
    assert _rows_pointing_at(runner_id) == {}
    assert _rows_naming(email) == []
    assert LoginSession.objects.count() == 0


def test_the_coach_keeps_only_that_the_link_existed(runner, coach, history):
    _with_password(runner)
    link = Coaching.objects.get(athlete=runner)

    _delete(logged_in(runner))

    (former,) = FormerAthlete.objects.filter(coach=coach)
    assert (former.started_at, former.coach_id) == (link.started_at, coach.pk)
    assert not Coaching.objects.filter(coach=coach).exists()
    page = logged_in(coach).get(reverse("accounts:athletes")).content.decode()
    assert "Rita Runner" not in page


def test_a_wrong_password_deletes_nothing(runner, history):
    _with_password(runner)
    before = _rows_pointing_at(runner.pk)

    response = _delete(logged_in(runner), password="not it")

    assert response.status_code == 200
    assert "That is not your password." in response.content.decode()
    assert _rows_pointing_at(runner.pk) == before


def test_the_box_must_be_ticked(runner):
    _with_password(runner)

    response = _delete(logged_in(runner), understood=False)

    assert "Tick the box" in response.content.decode()
    assert User.objects.filter(pk=runner.pk).exists()


def test_every_device_is_signed_out(runner):
    _with_password(runner)
    phone, laptop = logged_in(runner), logged_in(runner)

    _delete(laptop)

    assert phone.get(reverse("plans:week")).status_code == 302


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("privacy:account_delete"))

    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_coach_leaving_leaves_athletes_their_weeks_and_moves(runner, coach):
    _with_password(coach)
    own_move = ExerciseFactory(owner=coach, name="Coach's lunge")
    session = StrengthSessionFactory(runner=runner)
    SessionExerciseFactory(session=session, exercise=own_move)
    template = PlanTemplate.objects.create(coach=coach, name="Base", weeks=1)

    response = _delete(logged_in(coach))

    assert response.status_code == 302
    assert not PlanTemplate.objects.filter(pk=template.pk).exists()
    assert not Assignment.objects.exists()
    (dose,) = SessionExercise.objects.filter(session=session)
    kept = Exercise.objects.get(pk=dose.exercise_id)
    assert (kept.name, kept.owner_id) == ("Coach's lunge", runner.pk)
    assert Session.objects.filter(pk=session.pk).exists()
    assert _rows_pointing_at(coach.pk) == {}
