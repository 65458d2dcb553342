from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "feeds"
    verbose_name = "Calendar feeds and watch workouts"

    def ready(self) -> None:
        from feeds import receivers

        receivers.connect()
