import factory

from exercises.models import Cue, Exercise
from exercises.vocabulary import Impact, Kind


class ExerciseFactory(factory.django.DjangoModelFactory[Exercise]):
    class Meta:
        model = Exercise
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Drill {n}")
    slug = factory.Sequence(lambda n: f"drill-{n}")
    kind = Kind.STRENGTH
    description = "A made-up drill for tests."
    rep_min = 8
    rep_max = 12
    default_sets = 2
    impact = Impact.LOW

    @factory.post_generation
    def cues(obj, create, extracted, **kwargs):
        if create:
            for position, text in enumerate(extracted or ["Stand tall.", "Move slowly."], 1):
                Cue.objects.create(exercise=obj, position=position, text=text)
