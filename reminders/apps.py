from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "reminders"
    verbose_name = "Post-run reminders"

    def ready(self):
        from accounts.signals import profile_changed
        from plans.signals import run_changed, runs_created
        from reminders import checks  # noqa: F401  (registers the lease check)
        from reminders.services import on_profile_changed, on_run_changed, on_runs_created

        run_changed.connect(on_run_changed, dispatch_uid="reminders.on_run_changed")
        runs_created.connect(on_runs_created, dispatch_uid="reminders.on_runs_created")
        # After plans re-plans the days ahead (plans is installed, so connected, first).
        profile_changed.connect(on_profile_changed, dispatch_uid="reminders.on_profile_changed")
