"""Writes to personal access tokens."""

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from apitokens.models import ApiToken, secret_hash

TOKEN_PREFIX = "rs_"
# Recording every use would write on every request: once a minute is enough to say "last used".
LAST_USED_EVERY = timedelta(minutes=1)


@transaction.atomic
def token_create(*, user: User, name: str, scope: str) -> tuple[ApiToken, str]:
    """A new token and its secret, which is shown once and never stored."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name.strip(),
        scope=scope,
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        secret_hash=secret_hash(secret),
    )
    return token, secret


def token_revoke(*, token: ApiToken) -> None:
    token.delete()


def token_used(*, token: ApiToken) -> None:
    """Stamp the token's last use, at most once a minute."""
    now = timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < LAST_USED_EVERY:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
