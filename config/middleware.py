"""Response headers the app adds to every page."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase

# The app uses none of these browser features, so no page (or anything injected into one) may.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "accelerometer",
        "gyroscope",
        "magnetometer",
    )
)


def permissions_policy(
    get_response: Callable[[HttpRequest], HttpResponseBase],
) -> Callable[[HttpRequest], HttpResponseBase]:
    def middleware(request: HttpRequest) -> HttpResponseBase:
        response = get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

    return middleware
