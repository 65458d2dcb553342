import datetime

import factory

from plans.models import RunLog, Session, SessionExercise, SessionKind
from tests.factories import UserFactory


class SessionFactory(factory.django.DjangoModelFactory[Session]):
    class Meta:
        model = Session

    runner = factory.SubFactory(UserFactory)
    date = factory.LazyFunction(datetime.date.today)
    kind = SessionKind.RUN
    purpose = "easy"
    title = "Easy run"
    minutes = 30


class StrengthSessionFactory(SessionFactory):
    kind = SessionKind.STRENGTH
    purpose = ""
    title = "Strength after your run"
    minutes = 15
    post_run = True


class SessionExerciseFactory(factory.django.DjangoModelFactory[SessionExercise]):
    class Meta:
        model = SessionExercise

    session = factory.SubFactory(StrengthSessionFactory)
    exercise = factory.LazyFunction(lambda: _library("calf-raise"))
    sets = 2
    rep_min = 12
    rep_max = 15


class RunLogFactory(factory.django.DjangoModelFactory[RunLog]):
    class Meta:
        model = RunLog

    runner = factory.SubFactory(UserFactory)
    date = factory.LazyFunction(datetime.date.today)
    distance_m = 5000
    duration_seconds = 1800
    effort = 5


def _library(slug):
    from exercises.models import Exercise

    return Exercise.objects.get(slug=slug)
