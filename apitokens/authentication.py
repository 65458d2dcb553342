"""`Authorization: Bearer <token>` for the JSON API, what a read-only token may do, and the
per-token throttle."""

from typing import Any

from django.conf import settings
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from accounts.models import User
from apitokens.models import ApiToken
from apitokens.selectors import token_with_secret
from apitokens.services import token_used

BAD_TOKEN = (
    "That token is not valid: it may have been revoked. Create a new one on your account page."
)


class BearerTokenAuthentication(BaseAuthentication):
    keyword = b"bearer"

    def authenticate(self, request: Request) -> tuple[User, ApiToken] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                "Send the header as “Authorization: Bearer <token>”."
            )
        try:
            secret = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(BAD_TOKEN) from None
        token = token_with_secret(secret)
        if token is None:
            raise exceptions.AuthenticationFailed(BAD_TOKEN)
        token_used(token=token)
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'


class TokenScope(BasePermission):
    """A read-only token reads; writing needs a "read and write" token (or the session)."""

    message = "This token can only read: create a “read and write” token to change things."

    def has_permission(self, request: Request, view: Any) -> bool:
        token = request.auth
        if isinstance(token, ApiToken) and request.method not in SAFE_METHODS:
            return token.can_write
        return True


class PerTokenThrottle(SimpleRateThrottle):
    """Requests per token a minute; a script's token cannot use up its owner's whole quota."""

    scope = "token"

    def get_rate(self) -> str:
        return f"{settings.API_REQUESTS_PER_TOKEN_PER_MINUTE}/min"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if not isinstance(request.auth, ApiToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
