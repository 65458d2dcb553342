from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.models import RunnerProfile, User
from activities import charts, selectors, services
from activities.access import activity_for, batch_for, runner_for_upload
from activities.forms import UploadForm
from activities.models import BatchState, Sport
from activities.parsing import FileRefused
from plans.forms import METRES_PER
from plans.inputs import monday_of

ON_FOOT = {Sport.RUN, Sport.WALK, Sport.HIKE}  # read as pace; anything faster as speed


def _profile(runner: User) -> RunnerProfile | None:
    return RunnerProfile.objects.filter(user=runner).first()


def _week_url(request, runner: User, day: date) -> str:
    if runner.pk == request.user.pk:
        return reverse("plans:week_of", args=[monday_of(day)])
    return reverse("plans:athlete_week_of", args=[runner.pk, monday_of(day)])


@login_required
def upload(request, athlete_id: int | None = None) -> HttpResponse:
    runner = runner_for_upload(request.user, athlete_id)
    profile = _profile(runner)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploads = form.cleaned_data["files"]
        if not form.in_request:
            batch = services.batch_create(runner=runner, uploaded_by=request.user, uploads=uploads)
            return redirect("activities:batch", batch_id=batch.pk)
        try:
            result = services.activity_import(
                runner=runner,
                uploaded_by=request.user,
                name=uploads[0].name,
                data=uploads[0].data,
            )
        except FileRefused as exc:
            form.add_error("files", str(exc))
        else:
            if result.duplicate:
                messages.info(
                    request, "Already imported: this is the earlier import of the same run."
                )
            else:
                messages.success(request, f"Imported. {result.message}")
            return redirect("activities:detail", activity_id=result.activity.pk)
    return render(
        request,
        "activities/upload.html",
        {
            "form": form,
            "runner": runner,
            "own": runner.pk == request.user.pk,
            "recent": selectors.recent_activities(runner),
            "unit": profile.distance_unit if profile else "km",
            "zone_name": profile.time_zone if profile else "UTC",
        },
        status=400 if form.errors else 200,
    )


@login_required
def batch(request, batch_id: int) -> HttpResponse:
    batch = batch_for(request.user, batch_id)
    return render(
        request,
        "activities/batch.html",
        {
            "batch": batch,
            "items": selectors.batch_items(batch),
            "progress": selectors.batch_progress(batch),
            "finished": batch.state == BatchState.DONE,
        },
    )


@login_required
def batch_status(request, batch_id: int) -> JsonResponse:
    batch = batch_for(request.user, batch_id)
    return JsonResponse(
        {"state": batch.state, **selectors.batch_progress(batch)},
    )


@login_required
@require_POST
def delete(request, activity_id: int) -> HttpResponse:
    activity = activity_for(request.user, activity_id)
    runner = activity.runner
    services.activity_delete(activity=activity)
    messages.success(request, "Import removed. Upload the file again to bring it back.")
    if runner.pk == request.user.pk:
        return redirect("activities:upload")
    return redirect("activities:athlete_upload", athlete_id=runner.pk)


@login_required
def detail(request, activity_id: int) -> HttpResponse:
    activity = activity_for(request.user, activity_id)
    profile = _profile(activity.runner)
    unit = profile.distance_unit if profile else "km"
    zone = profile.zone if profile else None
    started = activity.started_at.astimezone(zone) if zone else activity.started_at
    metres_per_unit = float(METRES_PER[unit])
    return render(
        request,
        "activities/detail.html",
        {
            "activity": activity,
            "own": activity.runner_id == request.user.pk,
            "unit": unit,
            "started": started,
            "zone_name": profile.time_zone if profile else "UTC",
            "pace_seconds": activity.moving_seconds * metres_per_unit / activity.distance_m
            if activity.distance_m and activity.sport in ON_FOOT
            else None,
            "speed": activity.distance_m / metres_per_unit / (activity.moving_seconds / 3600)
            if activity.moving_seconds and activity.sport not in ON_FOOT
            else None,
            "splits": _split_rows(activity.splits.get(unit, []), metres_per_unit),
            "route": charts.route_svg(activity.track),
            "profile_chart": charts.profile_svg(
                activity.track, unit=unit, metres_per_unit=metres_per_unit
            ),
            "week_url": _week_url(request, activity.runner, started.date())
            if activity.session_id
            else None,
        },
    )


def _split_rows(splits: list[dict[str, float]], metres_per_unit: float) -> list[dict[str, Any]]:
    return [
        {
            "number": number,
            "distance": split["metres"] / metres_per_unit,
            "seconds": split["seconds"],
            "pace": split["seconds"] * metres_per_unit / split["metres"]
            if split["metres"]
            else None,
            "climb": split["climb"],
        }
        for number, split in enumerate(splits, start=1)
    ]
