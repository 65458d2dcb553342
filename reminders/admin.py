from django.contrib import admin

from plans.admin import WeekShownAdmin
from reminders.models import Reminder


@admin.register(Reminder)
class ReminderAdmin(WeekShownAdmin):
    runner_path = "session__runner"

    list_display = ["session", "runner", "state", "due_at", "attempts", "sent_at", "last_error"]
    list_filter = ["state"]
    search_fields = ["session__runner__email"]
    list_select_related = ["session__runner"]
    raw_id_fields = ["session"]
    date_hierarchy = "due_at"

    @admin.display(ordering="session__runner__email")
    def runner(self, reminder):
        return reminder.session.runner
