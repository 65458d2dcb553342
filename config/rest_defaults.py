"""The classes the REST_FRAMEWORK setting names: the browser session with its CSRF token, the
per-user throttle, the strict JSON reader and pages. Kept apart from config.rest, which imports
DRF's views: DRF imports these while its views load."""

from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import BaseParser
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from config.api import MAX_BODY_BYTES, TOO_BIG, BadBody, json_loads

CSRF_MISSING = "Send the CSRF token in the X-CSRFToken header."


class CsrfSessionAuthentication(SessionAuthentication):
    """The browser session, which needs the CSRF token on writes (a JSON 403 without): checked
    on the plain request, as config.api.json_login_required does, before any body is read."""

    def enforce_csrf(self, request: Request) -> None:
        refused = CsrfViewMiddleware(lambda _: HttpResponse()).process_view(
            request._request, lambda _: HttpResponse(), (), {}
        )
        if refused is not None:
            raise exceptions.PermissionDenied(CSRF_MISSING)


class PerUserThrottle(SimpleRateThrottle):
    """Requests per signed-in user a minute, whatever token or session they come with."""

    scope = "user"

    def get_rate(self) -> str:
        return f"{settings.API_REQUESTS_PER_USER_PER_MINUTE}/min"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if not request.user or not request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class BodyTooLarge(exceptions.APIException):
    status_code = 413
    default_detail = TOO_BIG


class StrictJSONParser(BaseParser):
    """JSON as the plan-preview endpoint has always read it: 64 KB at most; NaN, Infinity,
    huge integers and deep nesting refused."""

    media_type = "application/json"

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        raw = stream.read(MAX_BODY_BYTES + 1) if stream is not None else b""
        if len(raw) > MAX_BODY_BYTES:
            raise BodyTooLarge()
        try:
            return json_loads(raw)
        except BadBody as bad:
            raise exceptions.ParseError(bad.message) from bad


class Pagination(PageNumberPagination):
    invalid_page_message = "There is no page {page_number}."
