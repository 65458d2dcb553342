"""The login throttle (django-axes): one normalised name per account, the client's own address,
and separate limits for an account and for an address."""

from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Sum
from django.http import HttpRequest


def login_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """The email as the login matches it (any case, spaces around ignored), so that a lock on
    an account holds however its address is typed."""
    field = settings.AXES_USERNAME_FORM_FIELD
    raw = credentials.get(field) if credentials else request.POST.get(field)
    return raw.strip().lower() if isinstance(raw, str) else None


class LoginThrottle(AxesDatabaseHandler):
    """Locks an account after `AXES_FAILURE_LIMIT` failures, and an address after
    `AXES_IP_FAILURE_LIMIT` failures against any accounts, within the cool-off time.

    A successful login forgets only that account's failures from that address: failures
    against other accounts keep counting, or logging into one's own account now and then
    would let one address try passwords on other accounts for ever.
    """

    def _failures(self, request: HttpRequest, **match: str | None) -> int:
        attempts = AccessAttempt.objects.filter(
            attempt_time__gte=get_cool_off_threshold(request), **match
        )
        return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0

    def get_failures(self, request: Any, credentials: dict[str, Any] | None = None) -> int:
        """The account's failures, or the full account limit once the address reached its own
        (axes compares one number with one limit)."""
        by_address = self._failures(request, ip_address=request.axes_ip_address)
        if by_address >= settings.AXES_IP_FAILURE_LIMIT:
            return get_failure_limit(request, credentials)
        return self._failures(request, username=get_client_username(request, credentials))

    def user_logged_in(
        self, sender: Any, request: Any, user: AbstractBaseUser, **kwargs: Any
    ) -> None:
        super().user_logged_in(sender, request, user, **kwargs)
        AccessAttempt.objects.filter(
            username=user.get_username().strip().lower(), ip_address=request.axes_ip_address
        ).delete()
