"""`/api/v1/export/` and `/api/v1/account/`: the person's data as a zip, and the account's
deletion, with the pages' rules (privacy.services)."""

from typing import Any

from django.http import HttpResponse
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.models import User
from config.rest import StrictCharField, error
from privacy import access, services
from privacy.models import DataExport, ExportState

NO_EXPORT = "No export yet: POST to this address to ask for one."
CONFIRMATION = "delete my account"


class ExportSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    state = serializers.ChoiceField(choices=ExportState.choices)
    progress = serializers.IntegerField(help_text="Percent done.")
    created_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)
    expires_at = serializers.DateTimeField()
    size_bytes = serializers.IntegerField()
    download = serializers.CharField(allow_null=True, help_text="Where to GET the zip once ready.")


class AccountDeleteSerializer(serializers.Serializer):
    password = StrictCharField(max_length=4096)
    confirm = StrictCharField(max_length=100, help_text=f'Exactly "{CONFIRMATION}".')


def export_json(export: DataExport) -> dict[str, Any]:
    ready = export.state == ExportState.READY
    return ExportSerializer(
        {
            "id": export.pk,
            "state": export.state,
            "progress": export.progress,
            "created_at": export.created_at,
            "finished_at": export.finished_at,
            "expires_at": export.expires_at,
            "size_bytes": export.size_bytes,
            "download": reverse("api:export_download", args=[export.pk]) if ready else None,
        }
    ).data


@extend_schema(
    methods=["GET"],
    summary="The latest export of your data",
    responses={200: ExportSerializer, 404: error(NO_EXPORT)},
)
@extend_schema(
    methods=["POST"],
    summary="Ask for a zip of all your data (built in the background, emailed when ready)",
    request=None,
    responses={202: ExportSerializer, 409: error("An export is already being built.")},
)
@api_view(["GET", "POST"])
def export(request: Request) -> Response:
    user: User = request.user
    if request.method == "POST":
        try:
            made = services.export_request(user=user)
        except services.ExportRunning:
            return Response(
                {"errors": {"__all__": ["Your data is already being gathered."]}},
                status=status.HTTP_409_CONFLICT,
            )
        return Response(export_json(made), status=status.HTTP_202_ACCEPTED)
    latest = DataExport.objects.defer("archive").filter(user=user).first()
    if latest is None:
        raise NotFound(NO_EXPORT)
    return Response(export_json(latest))


@extend_schema(
    summary="Download a finished export (a zip)",
    responses={
        (200, "application/zip"): OpenApiResponse(description="The zip."),
        404: error("Not yours, not finished or no longer kept."),
    },
)
@api_view(["GET"])
def export_download(request: Request, export_id: int) -> HttpResponse:
    found = access.export_for_user(request.user, export_id)
    if found.state != ExportState.READY:
        raise NotFound("This export is not ready.")
    archive = DataExport.objects.values_list("archive", flat=True).get(pk=found.pk)
    response = HttpResponse(bytes(archive), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{found.file_name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@extend_schema(
    summary="Delete your account and everything in it, for good",
    request=AccountDeleteSerializer,
    responses={
        204: OpenApiResponse(description="Deleted."),
        400: error("The password or the confirming words are missing or wrong."),
    },
)
@api_view(["DELETE"])
def account(request: Request) -> Response:
    user: User = request.user
    body = AccountDeleteSerializer(data=request.data)
    body.is_valid(raise_exception=True)
    if not user.check_password(body.validated_data["password"]):
        raise ValidationError({"password": ["That is not your password."]})
    if body.validated_data["confirm"] != CONFIRMATION:
        raise ValidationError({"confirm": [f'Send exactly "{CONFIRMATION}".']})
    services.account_delete(user=user)
    return Response(status=status.HTTP_204_NO_CONTENT)
