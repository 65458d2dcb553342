from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from accounts.models import RunnerProfile
from plans.services import NotYetError, refuse_if_ahead
from reminders import links, services
from reminders.models import Reminder
from reminders.routine import routine_for


def _profile_for_token(token: str) -> RunnerProfile | None:
    user_id = links.user_id_from(token)
    if user_id is None:
        return None
    return RunnerProfile.objects.filter(user_id=user_id).first()


@require_http_methods(["GET", "POST"])
def routine_done(request: HttpRequest, token: str) -> HttpResponse:
    """The email's done button, no login: the signed link is the permission. GET only shows
    the run and its routine with one button, so a mail scanner opening the link changes
    nothing; the button POSTs (with the page's CSRF token, like any form of the site)."""
    reminder_id = links.reminder_id_from(token)
    if reminder_id is None:
        return render(request, "reminders/link_invalid.html", {"done_link": True}, status=400)
    reminder = Reminder.objects.select_related("session__runner").filter(pk=reminder_id).first()
    if reminder is None:  # the run was removed from the plan, and its reminder with it
        return render(request, "reminders/run_gone.html", status=410)
    run = reminder.session
    routine = routine_for(run)
    try:
        if request.method == "POST":
            services.routine_mark_done(reminder=reminder, routine=routine)
            return redirect(request.path)
        refuse_if_ahead(runner_id=run.runner_id, day=run.date)
    except NotYetError:
        return render(request, "reminders/not_yet.html", {"reminder": reminder}, status=409)
    except services.RoutineRefused as refused:
        return _refused(request, run, str(refused))
    refusal = services.routine_refusal(run, routine)
    if refusal:
        return _refused(request, run, refusal)
    return render(request, "reminders/done.html", {"run": run, "routine": routine})


def _refused(request: HttpRequest, run: object, message: str) -> HttpResponse:
    return render(
        request, "reminders/done_refused.html", {"run": run, "message": message}, status=409
    )


# Mail providers' one-click unsubscribe (RFC 8058) POSTs with no cookie and no CSRF token: the
# signed, expiring link is the only permission, and a GET only asks.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    profile = _profile_for_token(token)
    if profile is None:
        return render(
            request,
            "reminders/link_invalid.html",
            {"unsubscribe_days": links.UNSUBSCRIBE_LINK_LIFETIME.days},
            status=400,
        )
    if request.method == "POST":
        services.reminders_turn_off(profile=profile)
        return redirect(request.path)
    return render(request, "reminders/unsubscribe.html", {"emails_on": profile.reminders_enabled})
