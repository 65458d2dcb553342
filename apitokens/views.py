from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.access import AuthenticatedHttpRequest
from apitokens import services
from apitokens.access import token_for
from apitokens.forms import TokenForm


@never_cache
@login_required
def token_new(request: AuthenticatedHttpRequest):
    """The token is shown once, on the page that answers the POST: it is never stored, so there
    is nothing to redirect to."""
    form = TokenForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        token, secret = services.token_create(
            user=request.user, name=form.cleaned_data["name"], scope=form.cleaned_data["scope"]
        )
        return render(
            request, "apitokens/created.html", {"token": token, "secret": secret}, status=201
        )
    return render(request, "apitokens/new.html", {"form": form})


@login_required
@require_POST
def token_revoke(request: AuthenticatedHttpRequest, token_id: int):
    token = token_for(request.user, token_id)
    services.token_revoke(token=token)
    messages.success(request, f"“{token.name}” is revoked: it no longer opens anything.")
    return redirect("accounts:account")
