from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save


def load_library_after_migrate(sender, plan=None, **kwargs):
    from exercises.loader import load_library

    # After unapplying our migrations the tables no longer match the models: leave them be.
    if any(backwards and m.app_label == "exercises" for m, backwards in plan or []):
        return
    load_library()


def library_changed_by_signal(sender, action: str = "post_", **kwargs):
    from exercises.snapshot import library_changed

    if action.startswith("post_"):  # m2m_changed says "pre_add", "post_add", …
        library_changed()


class ExercisesConfig(AppConfig):
    name = "exercises"
    verbose_name = "Exercise library"

    def ready(self):
        # Fresh installs, `make run` and every test database get the library without a step.
        post_migrate.connect(load_library_after_migrate, sender=self)
        self.connect_library_version()

    def connect_library_version(self) -> None:
        """Every save or delete of an exercise and every change of its tags (the admin, a
        coach's form) marks the library changed. Cues are written in bulk, which sends no
        signal: their writers (exercises.services, the loader) mark it themselves."""
        from exercises.models import TAG_FIELDS, Exercise

        post_save.connect(
            library_changed_by_signal, sender=Exercise, dispatch_uid="exercises.saved"
        )
        post_delete.connect(
            library_changed_by_signal, sender=Exercise, dispatch_uid="exercises.deleted"
        )
        for field in TAG_FIELDS:
            m2m_changed.connect(
                library_changed_by_signal,
                sender=getattr(Exercise, field).through,
                dispatch_uid=f"exercises.library_changed.m2m.{field}",
            )
