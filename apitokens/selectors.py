from django.db.models import QuerySet

from accounts.models import User
from apitokens.models import ApiToken, secret_hash


def tokens_of(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def token_with_secret(secret: str) -> ApiToken | None:
    """The token whose secret this is, with its user, or None."""
    return (
        ApiToken.objects.select_related("user")
        .filter(secret_hash=secret_hash(secret), user__is_active=True)
        .first()
    )
