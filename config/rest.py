"""What every endpoint of the JSON API shares: one shape for errors, the browser session with
its CSRF token, throttles, pages, the strict JSON reader, and the errors the schema documents."""

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse, extend_schema_field
from rest_framework import exceptions, serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from config.rest_defaults import BodyTooLarge as BodyTooLarge
from config.rest_defaults import Pagination as Pagination
from config.rest_defaults import StrictJSONParser as StrictJSONParser

LOG_IN_FIRST = "Log in first."


def error_lists(detail: Any, field: str = "__all__") -> dict[str, list[str]]:
    """DRF's error detail as {"field": ["message", …]}; nested fields as "exercises.0.sets"."""
    if isinstance(detail, dict):
        found: dict[str, list[str]] = {}
        for key, value in detail.items():
            if key in (api_settings.NON_FIELD_ERRORS_KEY, "detail"):
                name = field
            else:
                name = str(key) if field == "__all__" else f"{field}.{key}"
            for name_found, messages in error_lists(value, name).items():
                found.setdefault(name_found, []).extend(messages)
        return found
    if isinstance(detail, list):
        if not any(isinstance(item, dict | list) for item in detail):
            return {field: [str(item) for item in detail]} if detail else {}
        found = {}
        for index, item in enumerate(detail):
            for name_found, messages in error_lists(item, f"{field}.{index}").items():
                found.setdefault(name_found, []).extend(messages)
        return found
    return {field: [str(detail)]}


def _as_api_exception(exc: Exception) -> Exception:
    if isinstance(exc, Http404):
        return exceptions.NotFound(str(exc) or "Nothing of yours here.")
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(str(exc) or "You may not do that.")
    if isinstance(exc, exceptions.NotAuthenticated):
        return exceptions.NotAuthenticated(LOG_IN_FIRST)
    if isinstance(exc, exceptions.Throttled):
        wait = round(exc.wait or 1)
        refused = exceptions.Throttled(wait=wait)
        refused.detail = f"Too many requests: try again in {wait} second{'s' * (wait != 1)}."
        return refused
    return exc


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Every refusal as {"errors": {"field": ["message", …]}}, with DRF's status and headers
    (Retry-After on a 429, WWW-Authenticate on a 401)."""
    exc = _as_api_exception(exc)
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.APIException):
        response.data = {"errors": error_lists(exc.detail) or {"__all__": ["Refused."]}}
    return response


class ErrorsSerializer(serializers.Serializer):
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text='Messages by field ("__all__" for the request as a whole).',
    )


def error(description: str) -> OpenApiResponse:
    """An error answer for `extend_schema(responses=…)`."""
    return OpenApiResponse(ErrorsSerializer, description=description)


COMMON_ERRORS = {
    "401": "No valid token and no session: log in, or send `Authorization: Bearer <token>`.",
    "403": "A read-only token tried to write, a session sent no CSRF token, or this account "
    "may not do this.",
    "404": "Nothing of yours by that id, or no such page of results.",
    "429": "Too many requests: `Retry-After` says how many seconds to wait.",
}
BODY_ERRORS = {
    "400": "The body needs another look: the messages say what, by field.",
    "413": "The body is larger than 64 KB.",
    "415": "Send the body as application/json.",
}
RETRY_AFTER = {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}}


class ApiSchema(AutoSchema):
    """Adds the errors every operation can answer to what each one documents itself."""

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        bodies = super()._get_response_bodies(direction)
        for code, description in self._error_codes().items():
            if code not in bodies:
                bodies[code] = self._get_response_for_code(
                    error(description), code, direction=direction
                )
        if "429" in bodies:
            bodies["429"]["headers"] = RETRY_AFTER
        return bodies

    def _error_codes(self) -> dict[str, str]:
        public = any(isinstance(p, AllowAny) for p in self.view.get_permissions())
        codes = {} if public else dict(COMMON_ERRORS)
        if not public and not (self._has_path_parameters() or self._is_list_view()):
            del codes["404"]
        if self.method in ("POST", "PUT", "PATCH"):
            codes.update(BODY_ERRORS)
        return codes

    def _has_path_parameters(self) -> bool:
        return "{" in self.path

    def _get_paginator(self) -> Pagination | None:
        """Function views have no `pagination_class`: every list they answer is paged."""
        return Pagination() if self.method == "GET" else None


# JSON types as the schema states them: "1" is not a number, 1 is not text, "yes" is not true.
class StrictCharField(serializers.CharField):
    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictIntegerField(serializers.IntegerField):
    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    def to_internal_value(self, data: Any) -> bool:
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


class StrictChoiceField(serializers.ChoiceField):
    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, str):
            self.fail("invalid_choice", input=data)
        return super().to_internal_value(data)


class StrictDateField(serializers.DateField):
    def to_internal_value(self, value: Any) -> Any:
        if not isinstance(value, str):
            self.fail("invalid", format="YYYY-MM-DD")
        return super().to_internal_value(value)


@extend_schema_field(
    {
        "type": "string",
        "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$",
        "example": "07:00",
    }
)
class StrictTimeField(serializers.TimeField):
    """A time of day as HH:MM (JSON Schema's "time" format would want a zone)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("format", "%H:%M")
        super().__init__(**kwargs)

    def to_internal_value(self, value: Any) -> Any:
        if not isinstance(value, str):
            self.fail("invalid", format="HH:MM")
        return super().to_internal_value(value)
