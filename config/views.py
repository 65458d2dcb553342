from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from config.celery import app as celery_app
from config.celery import ensure_broker_folders


def home(request):
    return render(request, "home.html")


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


def _broker_ok() -> bool:
    try:
        ensure_broker_folders()
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            # A channel opened: the broker really answered.
            conn.default_channel.close()  # type: ignore[attr-defined]  # not in kombu's stubs
        return True
    except Exception:
        return False


@never_cache
@require_GET
def healthz(request):
    report = {
        "database": "ok" if _database_ok() else "failed",
        "broker": "ok" if _broker_ok() else "failed",
    }
    healthy = all(value == "ok" for value in report.values())
    return JsonResponse(report, status=200 if healthy else 503)


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def not_found(request, exception):
    """Under /api/ a 404 answers in JSON, as the API's own refusals do."""
    if _is_api(request):
        return JsonResponse({"errors": {"__all__": ["Nothing here: see /api/docs/."]}}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if _is_api(request):
        return JsonResponse(
            {"errors": {"__all__": ["Something went wrong on our side; try again later."]}},
            status=500,
        )
    return defaults.server_error(request)
