from django.contrib import admin

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


class SessionExerciseInline(admin.TabularInline):
    model = SessionExercise
    extra = 0
    raw_id_fields = ["exercise"]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["date", "runner", "kind", "purpose", "title", "minutes", "status", "source"]
    list_filter = ["kind", "status", "source", "post_run"]
    search_fields = ["runner__email", "title"]
    date_hierarchy = "date"
    raw_id_fields = ["runner", "activity", "assignment"]
    inlines = [SessionExerciseInline]


@admin.register(PlanWeek)
class PlanWeekAdmin(admin.ModelAdmin):
    list_display = ["week_start", "runner", "phase", "planned_from", "generated_at"]
    list_filter = ["phase"]
    search_fields = ["runner__email"]
    raw_id_fields = ["runner"]


@admin.register(RunLog)
class RunLogAdmin(admin.ModelAdmin):
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
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["template", "athlete", "coach", "start", "ended_at"]
    search_fields = ["athlete__email", "coach__email", "template__name"]
    raw_id_fields = ["template", "athlete", "coach"]


@admin.register(WeekNote)
class WeekNoteAdmin(admin.ModelAdmin):
    list_display = ["week_start", "runner"]
    search_fields = ["runner__email"]
    raw_id_fields = ["runner"]
