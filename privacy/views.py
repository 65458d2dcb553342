from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.access import AuthenticatedHttpRequest
from privacy import access, services
from privacy.forms import AccountDeleteForm
from privacy.models import DataExport, ExportState


@login_required
def data(request: AuthenticatedHttpRequest) -> HttpResponse:
    latest = DataExport.objects.defer("archive").filter(user=request.user).first()
    return render(request, "privacy/data.html", {"export": latest})


@login_required
@require_POST
def export_request(request: AuthenticatedHttpRequest) -> HttpResponse:
    try:
        services.export_request(user=request.user)
    except services.ExportRunning:
        messages.info(request, "Your data is already being gathered: it will be ready soon.")
    else:
        messages.success(
            request,
            "We are gathering your data. It takes a minute or so; we email you when it is ready.",
        )
    return redirect("privacy:data")


@login_required
def export_status(request: AuthenticatedHttpRequest, export_id: int) -> JsonResponse:
    export = access.export_for_user(request.user, export_id)
    return JsonResponse({"state": export.state, "progress": export.progress})


@login_required
def export_download(request: AuthenticatedHttpRequest, export_id: int) -> HttpResponse:
    export = access.export_for_user(request.user, export_id)
    if export.state != ExportState.READY:
        raise Http404("This export is not ready.")
    archive = DataExport.objects.values_list("archive", flat=True).get(pk=export.pk)
    response = HttpResponse(bytes(archive), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{export.file_name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def account_delete(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.account_delete(user=user)
        messages.success(
            request, "Your account and everything in it are deleted. Thank you for running with us."
        )
        return redirect("home")
    return render(request, "privacy/account_delete.html", {"form": form})
