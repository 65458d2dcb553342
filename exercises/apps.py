from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


def load_library_after_migrate(sender, plan=None, **kwargs):
    from exercises.loader import load_library

    # After unapplying our migrations the tables no longer match the models: leave them be.
    if any(backwards and m.app_label == "exercises" for m, backwards in plan or []):
        return
    load_library()


def library_saved(sender, **kwargs):
    """Edits made outside the services (the admin) move the library's revision too."""
    from exercises.revision import library_changed

    library_changed()


class ExercisesConfig(AppConfig):
    name = "exercises"
    verbose_name = "Exercise library"

    def ready(self):
        # Fresh installs, `make run` and every test database get the library without a step.
        post_migrate.connect(load_library_after_migrate, sender=self)
        for model in (self.get_model("Exercise"), self.get_model("Cue")):
            post_save.connect(library_saved, sender=model, dispatch_uid=f"library-{model}-saved")
            post_delete.connect(library_saved, sender=model, dispatch_uid=f"library-{model}-del")
