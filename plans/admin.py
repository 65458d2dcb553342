from django.contrib import admin

from plans.cache import week_changed, weeks_changed
from plans.models import (
    Assignment,
    PlanTemplate,
    PlanWeek,
    RunLog,
    Session,
    SessionExercise,
    TemplateExercise,
    TemplateSession,
    WeekNote,
)


class WeekShownAdmin(admin.ModelAdmin):
    """An admin for rows the week page shows: an edit moves the runner's week version, as the
    services do (plans/cache.py). `runner_path`: the lookup from the row to its runner."""

    runner_path = "runner"

    def _runner_id(self, obj) -> int:
        *hops, last = self.runner_path.split("__")
        for hop in hops:
            obj = getattr(obj, hop)
        return getattr(obj, f"{last}_id")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        week_changed(self._runner_id(obj))

    def delete_model(self, request, obj):
        week_changed(self._runner_id(obj))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        weeks_changed(queryset.values_list(self.runner_path, flat=True))
        super().delete_queryset(request, queryset)


class SessionExerciseInline(admin.TabularInline):
    model = SessionExercise
    extra = 0
    raw_id_fields = ["exercise"]


@admin.register(Session)
class SessionAdmin(WeekShownAdmin):
    list_display = ["date", "runner", "kind", "purpose", "title", "minutes", "status", "source"]
    list_filter = ["kind", "status", "source", "post_run"]
    search_fields = ["runner__email", "title"]
    date_hierarchy = "date"
    raw_id_fields = ["runner", "activity", "assignment"]
    inlines = [SessionExerciseInline]


@admin.register(PlanWeek)
class PlanWeekAdmin(WeekShownAdmin):
    list_display = ["week_start", "runner", "phase", "planned_from", "generated_at"]
    list_filter = ["phase"]
    search_fields = ["runner__email"]
    raw_id_fields = ["runner"]


@admin.register(RunLog)
class RunLogAdmin(WeekShownAdmin):
    list_display = ["date", "runner", "distance_m", "duration_seconds", "effort"]
    search_fields = ["runner__email"]
    raw_id_fields = ["runner", "session"]


class TemplateExerciseInline(admin.TabularInline):
    model = TemplateExercise
    extra = 0
    raw_id_fields = ["exercise"]


@admin.register(TemplateSession)
class TemplateSessionAdmin(admin.ModelAdmin):
    list_display = ["template", "week_index", "weekday", "kind", "title", "minutes"]
    list_filter = ["kind"]
    raw_id_fields = ["template", "activity"]
    inlines = [TemplateExerciseInline]


@admin.register(PlanTemplate)
class PlanTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "coach", "runner_type", "weeks", "archived"]
    list_filter = ["runner_type", "archived"]
    search_fields = ["name", "coach__email"]
    raw_id_fields = ["coach"]


@admin.register(Assignment)
class AssignmentAdmin(WeekShownAdmin):
    runner_path = "athlete"

    list_display = ["template", "athlete", "coach", "start", "ended_at"]
    search_fields = ["athlete__email", "coach__email", "template__name"]
    raw_id_fields = ["template", "athlete", "coach"]


@admin.register(WeekNote)
class WeekNoteAdmin(WeekShownAdmin):
    list_display = ["week_start", "runner"]
    search_fields = ["runner__email"]
    raw_id_fields = ["runner"]
