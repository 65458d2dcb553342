"""What every JSON endpoint shares."""

from collections.abc import Callable
from functools import wraps

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
