"""`POST /api/v1/activities/`: one activity file a request, as multipart field `file`."""

from typing import Any

from django.http import Http404, JsonResponse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view, parser_classes
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request

from activities import archive, services
from activities.access import runner_for_upload
from activities.models import Activity
from activities.parsing import MAX_FILE_BYTES, FileRefused
from config.rest import StrictJSONParser, error


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"errors": {"file": [message]}}, status=status)


def activity_json(activity: Activity, *, duplicate: bool) -> dict[str, Any]:
    return {
        "id": activity.pk,
        "sport": activity.sport,
        "started_at": activity.started_at.isoformat(),
        "distance_m": activity.distance_m,
        "moving_seconds": activity.moving_seconds,
        "elapsed_seconds": activity.elapsed_seconds,
        "ascent_m": activity.ascent_m,
        "avg_hr": activity.avg_hr,
        "matched_session": activity.session_id,
        "duplicate_of": activity.pk if duplicate else None,
    }


def _athlete_id(request: Request) -> int | None:
    value = str(request.data.get("athlete", "")) if hasattr(request.data, "get") else ""
    if not value:
        return None
    if not value.isdigit() or len(value) > 18:  # beyond any id the database holds
        raise Http404("No such athlete.")
    return int(value)


class ActivityUpload(serializers.Serializer):
    file = serializers.FileField(help_text="One GPX, TCX or FIT file (a .zip goes on the page).")
    athlete = serializers.IntegerField(required=False, help_text="A coach uploads for an athlete.")


class ActivityAnswer(serializers.Serializer):
    id = serializers.IntegerField()
    sport = serializers.CharField()
    started_at = serializers.DateTimeField()
    distance_m = serializers.IntegerField(allow_null=True)
    moving_seconds = serializers.IntegerField(allow_null=True)
    elapsed_seconds = serializers.IntegerField(allow_null=True)
    ascent_m = serializers.IntegerField(allow_null=True)
    avg_hr = serializers.IntegerField(allow_null=True)
    matched_session = serializers.IntegerField(allow_null=True)
    duplicate_of = serializers.IntegerField(
        allow_null=True, help_text="Set when the run was already imported: the earlier one."
    )


@extend_schema(
    tags=["activities"],
    summary="Import one activity file",
    request={"multipart/form-data": ActivityUpload},
    responses={
        201: ActivityAnswer,
        400: error("A file we cannot read, or not one file."),
        404: error("An athlete who is not yours."),
    },
)
@api_view(["POST"])
@parser_classes([MultiPartParser, FormParser, StrictJSONParser])
def activities(request: Request) -> JsonResponse:
    """201 with the activity: the new one, or the earlier one with `duplicate_of` set when the
    file repeats a run already imported; 400 for a file we cannot read; 404 for an athlete not
    yours; 401 for anonymous callers."""
    try:
        runner = runner_for_upload(request.user, _athlete_id(request))
    except Http404:
        return JsonResponse({"errors": {"athlete": ["No such athlete."]}}, status=404)
    files = request.FILES.getlist("file")
    if len(files) != 1:
        return _error("Send one activity file in the multipart field “file”.", 400)
    upload = files[0]
    name = (upload.name or "file").rsplit("/", 1)[-1]
    if upload.size is not None and upload.size > MAX_FILE_BYTES:
        return _error(f"“{name}” is over 25 MB; activity files are far smaller than that.", 400)
    if archive.is_zip(name):
        return _error(
            "Send one GPX, TCX or FIT file a request; a .zip goes on the upload page.", 400
        )
    try:
        result = services.activity_import(
            runner=runner, uploaded_by=request.user, name=name, data=upload.read()
        )
    except FileRefused as exc:
        return _error(str(exc), 400)
    body = activity_json(result.activity, duplicate=result.duplicate)
    return JsonResponse(body, status=201)
