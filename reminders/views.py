from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from accounts.models import RunnerProfile
from plans.services import NotYetError
from reminders import links, services
from reminders.models import Reminder


def _profile_for_token(token: str) -> RunnerProfile | None:
    user_id = links.user_id_from(token)
    if user_id is None:
        return None
    return RunnerProfile.objects.select_related("user").filter(user_id=user_id).first()


@require_http_methods(["GET"])
def routine_done(request, token):
    """The email's one-click button: no login, the signed link is the permission."""
    reminder_id = links.reminder_id_from(token)
    if reminder_id is None:
        return render(request, "reminders/link_invalid.html", {"done_link": True}, status=400)
    reminder = Reminder.objects.select_related("session__runner").filter(pk=reminder_id).first()
    if reminder is None:  # the run was removed from the plan, and its reminder with it
        return render(request, "reminders/run_gone.html", status=410)
    try:
        services.routine_mark_done(reminder=reminder)
    except NotYetError:
        return render(request, "reminders/not_yet.html", {"reminder": reminder}, status=409)
    return render(request, "reminders/done.html", {"reminder": reminder})


@csrf_exempt  # mail providers' one-click unsubscribe (RFC 8058) POSTs without a CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    profile = _profile_for_token(token)
    if profile is None:
        return render(request, "reminders/link_invalid.html", status=400)
    if request.method == "POST":
        services.reminders_turn_off(profile=profile)
        return redirect(request.path)
    return render(request, "reminders/unsubscribe.html", {"profile": profile})
