from typing import Any

from django import template

from accounts.models import User
from apitokens.forms import TokenForm
from apitokens.selectors import tokens_of

register = template.Library()


@register.inclusion_tag("apitokens/_tokens.html")
def api_tokens(user: User) -> dict[str, Any]:
    """The account page's list of the user's tokens, with the form for a new one."""
    return {"tokens": list(tokens_of(user)), "form": TokenForm(user=user)}
