import datetime

import pytest

from exercises.models import Exercise
from plans.coaching.services import ExerciseLine, template_session_add
from plans.coaching.services import TemplateSessionData as Data
from plans.models import PlanTemplate
from plans.services import monday_of

TODAY = datetime.date.today()
NEXT_MONDAY = monday_of(TODAY) + datetime.timedelta(days=7)


def slug(name: str) -> int:
    return Exercise.objects.get(slug=name).pk


@pytest.fixture
def template(coach):
    """Two weeks: Sunday long run, Tuesday strength (a day the athletes do not train),
    Wednesday swim in week 2."""
    template = PlanTemplate.objects.create(
        coach=coach, name="Base block", runner_type="recreational", weeks=2
    )
    for data in [
        Data(week_index=0, weekday=6, kind="run", purpose="long", title="Long run", minutes=90),
        Data(
            week_index=0, weekday=1, kind="strength", title="Strength", minutes=30,
            exercises=[
                ExerciseLine(exercise_id=slug("back-extension"), sets=3, rep_min=10, rep_max=12),
                ExerciseLine(
                    exercise_id=slug("stability-ball-leg-curl"), sets=3, rep_min=6, rep_max=8
                ),
            ],
        ),
        Data(
            week_index=1, weekday=2, kind="cross_training", title="Swim", minutes=40,
            activity_id=slug("swimming"),
        ),
    ]:  # fmt: skip
        template_session_add(template=template, data=data)
    return template
