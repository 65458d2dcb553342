from datetime import date

from django.urls import path, register_converter

from accounts.models import EARLIEST_DATE, LATEST_DATE
from plans import api, views
from plans.coaching import views as coach_views
from plans.progress import views as progress_views


class IsoDateConverter:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> date:
        try:
            day = date.fromisoformat(value)
        except ValueError as exc:  # e.g. 2026-02-30: not a page
            raise ValueError(value) from exc
        if not EARLIEST_DATE <= day <= LATEST_DATE:  # year 0001 or 9999: not a page either
            raise ValueError(value)
        return day

    def to_url(self, value: date) -> str:
        return value.isoformat()


register_converter(IsoDateConverter, "isodate")

app_name = "plans"

coach_urls = [
    path("coach/", coach_views.dashboard, name="coach_dashboard"),
    path("coach/athletes/<int:athlete_id>/group/", coach_views.athlete_group, name="athlete_group"),
    path("coach/templates/", coach_views.template_list, name="template_list"),
    path("coach/templates/new/", coach_views.template_new, name="template_new"),
    path("coach/templates/<int:template_id>/", coach_views.template_detail, name="template_detail"),
    path(
        "coach/templates/<int:template_id>/edit/", coach_views.template_edit, name="template_edit"
    ),
    path(
        "coach/templates/<int:template_id>/sessions/<int:session_id>/",
        coach_views.template_session_edit,
        name="template_session_edit",
    ),
    path(
        "coach/templates/<int:template_id>/sessions/<int:session_id>/delete/",
        coach_views.template_session_delete,
        name="template_session_delete",
    ),
    path(
        "coach/templates/<int:template_id>/duplicate/",
        coach_views.template_duplicate,
        name="template_duplicate",
    ),
    path(
        "coach/templates/<int:template_id>/archive/",
        coach_views.template_archive,
        name="template_archive",
    ),
    path(
        "coach/templates/<int:template_id>/assign/",
        coach_views.template_assign,
        name="template_assign",
    ),
    path(
        "coach/assignments/<int:assignment_id>/end/",
        coach_views.assignment_end,
        name="assignment_end",
    ),
    path(
        "athletes/<int:athlete_id>/week/<isodate:week_start>/sessions/",
        coach_views.week_session_add,
        name="week_session_add",
    ),
    path(
        "athletes/<int:athlete_id>/week/<isodate:week_start>/note/",
        coach_views.week_note,
        name="week_note",
    ),
    path(
        "athletes/<int:athlete_id>/week/<isodate:week_start>/save-as-template/",
        coach_views.week_save_as_template,
        name="week_save_as_template",
    ),
    path("coach/sessions/<int:session_id>/", coach_views.week_session_edit, name="session_edit"),
    path(
        "coach/sessions/<int:session_id>/delete/",
        coach_views.week_session_delete,
        name="session_delete",
    ),
]

progress_urls = [
    path("progress/", progress_views.progress, name="progress"),
    path("calendar/", progress_views.month_calendar, name="calendar"),
    path(
        "athletes/<int:athlete_id>/progress/",
        progress_views.athlete_progress,
        name="athlete_progress",
    ),
    path(
        "athletes/<int:athlete_id>/calendar/",
        progress_views.athlete_calendar,
        name="athlete_calendar",
    ),
    path("coach/squad/", progress_views.squad, name="squad"),
]

urlpatterns = [
    path("week/", views.week, name="week"),
    path("week/<isodate:week_start>/", views.week, name="week_of"),
    path("athletes/<int:athlete_id>/week/", views.athlete_week, name="athlete_week"),
    path(
        "athletes/<int:athlete_id>/week/<isodate:week_start>/",
        views.athlete_week,
        name="athlete_week_of",
    ),
    path("season/", views.season, name="season"),
    path("season/pauses/", views.pause_add, name="pause_add"),
    path("season/pauses/<int:pause_id>/end/", views.pause_end, name="pause_end"),
    path("athletes/<int:athlete_id>/season/", views.athlete_season, name="athlete_season"),
    path("sessions/<int:session_id>/status/", views.session_status, name="session_status"),
    path("sessions/<int:session_id>/move/", views.session_move, name="session_move"),
    path("plan/<int:assignment_id>/end/", views.assignment_leave, name="assignment_leave"),
    path("runs/new/", views.run_log_new, name="run_log_new"),
    path("runs/<int:run_log_id>/delete/", views.run_log_delete, name="run_log_delete"),
    path("api/v1/plan-preview/", api.plan_preview, name="plan_preview"),
    path("api/v1/assignments/", api.assignments, name="api_assignments"),
    *coach_urls,
    *progress_urls,
]
