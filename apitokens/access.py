"""Whose token is whose: anything not the user's own is a 404."""

from django.http import Http404

from accounts.models import User
from apitokens.models import ApiToken


def token_for(user: User, token_id: int) -> ApiToken:
    token = ApiToken.objects.filter(pk=token_id, user_id=user.pk).first()
    if token is None:
        raise Http404("No such token.")
    return token
