"""The JSON API's own URLs (plan-preview, assignments and activities keep theirs in their apps);
its schema at /api/v1/schema/ and readable docs at /api/docs/."""

from django.urls import path, register_converter
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from accounts import api as accounts_api
from exercises import api as exercises_api
from plans import week_api
from plans.coaching import api as coaching_api
from privacy import api as privacy_api


class IdConverter:
    """An id of at most 18 digits: always within the database's 64-bit integers, so a huge
    number in the URL is a 404 rather than an overflow."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")

app_name = "api"

urlpatterns = [
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("api/v1/profile/", accounts_api.profile, name="profile"),
    path("api/v1/export/", privacy_api.export, name="export"),
    path(
        "api/v1/export/<id:export_id>/download/",
        privacy_api.export_download,
        name="export_download",
    ),
    path("api/v1/account/", privacy_api.account, name="account"),
    path("api/v1/weeks/current/", week_api.week_current, name="week_current"),
    path("api/v1/weeks/<str:week_start>/", week_api.week, name="week"),
    path("api/v1/sessions/<id:session_id>/", week_api.session_detail, name="session"),
    path("api/v1/sessions/<id:session_id>/done/", week_api.session_done, name="session_done"),
    path("api/v1/sessions/<id:session_id>/skip/", week_api.session_skip, name="session_skip"),
    path("api/v1/sessions/<id:session_id>/undo/", week_api.session_undo, name="session_undo"),
    path("api/v1/runs/", week_api.runs, name="runs"),
    path("api/v1/runs/<id:run_log_id>/", week_api.run_detail, name="run"),
    path("api/v1/exercises/", exercises_api.exercise_list, name="exercises"),
    path("api/v1/exercises/<slug:slug>/", exercises_api.exercise_detail, name="exercise"),
    path("api/v1/athletes/", coaching_api.athletes, name="athletes"),
    path(
        "api/v1/athletes/<id:athlete_id>/weeks/current/",
        coaching_api.athlete_week_current,
        name="athlete_week_current",
    ),
    path(
        "api/v1/athletes/<id:athlete_id>/weeks/<str:week_start>/",
        coaching_api.athlete_week,
        name="athlete_week",
    ),
    path(
        "api/v1/athletes/<id:athlete_id>/sessions/",
        coaching_api.athlete_sessions,
        name="athlete_sessions",
    ),
    path(
        "api/v1/athletes/<id:athlete_id>/sessions/<id:session_id>/",
        coaching_api.athlete_session,
        name="athlete_session",
    ),
    path("api/v1/templates/", coaching_api.templates, name="templates"),
    path("api/v1/templates/<id:template_id>/", coaching_api.template_detail, name="template"),
]
