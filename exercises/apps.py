from django.apps import AppConfig
from django.db.models.signals import post_migrate


def load_library_after_migrate(sender, plan=None, **kwargs):
    from exercises.loader import load_library

    # After unapplying our migrations the tables no longer match the models: leave them be.
    if any(backwards and m.app_label == "exercises" for m, backwards in plan or []):
        return
    load_library()


class ExercisesConfig(AppConfig):
    name = "exercises"
    verbose_name = "Exercise library"

    def ready(self):
        # Fresh installs, `make run` and every test database get the library without a step.
        post_migrate.connect(load_library_after_migrate, sender=self)
