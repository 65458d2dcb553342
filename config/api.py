"""What every JSON endpoint shares."""

import json
import math
from collections.abc import Callable
from functools import wraps
from typing import Any, NoReturn

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.views.decorators.csrf import csrf_exempt


def json_login_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous callers get a 401 in JSON, not a CSRF page or a redirect to the login page;
    a logged-in caller's session cookie still needs the CSRF token (a 403 in JSON without)."""

    @csrf_exempt  # checked below, once we know there is a session to protect
    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return JsonResponse({"errors": {"__all__": ["Log in first."]}}, status=401)
        refused = CsrfViewMiddleware(lambda _: HttpResponse()).process_view(
            request, view, args, kwargs
        )
        if refused is not None:
            return JsonResponse(
                {"errors": {"__all__": ["Send the CSRF token in the X-CSRFToken header."]}},
                status=403,
            )
        return view(request, *args, **kwargs)

    return wrapped


MAX_BODY_BYTES = 64 * 1024
# Far beyond any id or minute count, far below what makes Python slow: a bigger number is a typo.
MAX_JSON_INTEGER = 10**15
TOO_BIG = f"The body is larger than {MAX_BODY_BYTES // 1024} KB."


class BadBody(Exception):
    """The body cannot be read as JSON; `status` and `message` say what to answer."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message, self.status = message, status

    def response(self) -> JsonResponse:
        return JsonResponse({"errors": {"__all__": [self.message]}}, status=self.status)


def _refuse_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e999 reads as infinity
        raise ValueError("number too large")
    return value


def _bounded_int(text: str) -> int:
    """Python refuses to read integers of more than 4,300 digits with a ValueError;
    anything past MAX_JSON_INTEGER is refused here too."""
    if len(text.lstrip("-")) > len(str(MAX_JSON_INTEGER)):
        raise ValueError("integer too large")
    value = int(text)
    if abs(value) > MAX_JSON_INTEGER:
        raise ValueError("integer too large")
    return value


def json_body(request: HttpRequest) -> Any:
    """The parsed body (an empty one reads as null), or BadBody: too big, not JSON, NaN or
    Infinity, an integer too large, or nesting too deep for the parser."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BODY_BYTES:
        raise BadBody(TOO_BIG, status=413)
    try:
        raw = request.body
    except RequestDataTooBig as exc:
        raise BadBody(TOO_BIG, status=413) from exc
    if len(raw) > MAX_BODY_BYTES:
        raise BadBody(TOO_BIG, status=413)
    return json_loads(raw)


def json_loads(raw: bytes) -> Any:
    """`raw` read as JSON (empty reads as null), or BadBody: not JSON, NaN or Infinity, an
    integer too large, or nesting too deep for the parser."""
    try:
        return json.loads(
            raw or b"null",
            parse_constant=_refuse_constant,
            parse_int=_bounded_int,
            parse_float=_finite_float,
        )
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BadBody("The body is not valid JSON.") from exc
    except ValueError as exc:  # from the parse_* hooks above
        raise BadBody(
            "The body is not valid JSON: NaN, Infinity and numbers beyond 10^15 are refused."
        ) from exc
    except RecursionError as exc:
        raise BadBody("The body is not valid JSON: it is nested too deeply.") from exc
