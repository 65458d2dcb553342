"""JSON endpoints under /api/v1/."""

import math
import re
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any, cast

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.request import Request

from accounts.models import MAX_DAY_MINUTES, RunnerType, validate_plausible_date
from config.api import BadBody, json_body
from config.rest import error
from exercises.vocabulary import Activity, Equipment, InjuryArea, Place
from limits.services import Counter, Limit, LimitReached, limit_hit
from plans import api_docs as docs
from plans.builder import (
    DAY_KEYS,
    RACE_KM,
    Commitment,
    History,
    LibraryEntry,
    PaceZones,
    RunnerInput,
    Week,
    build_season,
    build_week,
    run_minutes,
    vdot_from_race,
    zones_from_race,
)
from plans.builder.paces import MAX_VDOT, ZONES, clock_text
from plans.coaching.forms import AssignForm
from plans.coaching.services import plan_assign, unassignable
from plans.inputs import library_for
from plans.models import PlanTemplate
from plans.runs import structure_json


class PreviewForm(forms.Form):
    runner_type = forms.ChoiceField(choices=RunnerType.choices)
    week_start = forms.DateField(input_formats=["%Y-%m-%d"], validators=[validate_plausible_date])
    long_run_day = forms.ChoiceField(choices=[(key, key) for key in DAY_KEYS])
    race_date = forms.DateField(
        input_formats=["%Y-%m-%d"], required=False, validators=[validate_plausible_date]
    )
    injury = forms.ChoiceField(choices=InjuryArea.choices, required=False)
    likes = forms.MultipleChoiceField(choices=Activity.choices, required=False)
    equipment = forms.MultipleChoiceField(choices=Equipment.choices, required=False)
    places = forms.MultipleChoiceField(choices=Place.choices, required=False)

    def clean_week_start(self):
        week_start = self.cleaned_data["week_start"]
        if week_start.weekday() != 0:
            raise forms.ValidationError("The week must start on a Monday.")
        return week_start


def _day_errors(days) -> dict[str, list[str]]:
    if not isinstance(days, dict):
        return {"days": ["Give an object with the keys mon … sun."]}
    errors = {}
    missing = [key for key in DAY_KEYS if key not in days]
    unknown = sorted(set(days) - set(DAY_KEYS))
    if missing or unknown:
        problems = [f"missing {', '.join(missing)}"] * bool(missing)
        problems += [f"unknown {', '.join(unknown)}"] * bool(unknown)
        errors["days"] = [f"Give all seven days mon … sun ({'; '.join(problems)})."]
    for key in DAY_KEYS:
        day = days.get(key)
        if key in days and not _valid_day(day):
            errors[f"days.{key}"] = [
                f'Give {{"available": true|false, "minutes": 0–{MAX_DAY_MINUTES}}}.'
            ]
    if not errors and not any(days[key]["available"] for key in DAY_KEYS):
        errors["days"] = ["Make at least one day available for training."]
    return errors


def _valid_day(day) -> bool:
    return (
        isinstance(day, dict)
        and isinstance(day.get("available"), bool)
        and isinstance(day.get("minutes"), int)
        and not isinstance(day.get("minutes"), bool)
        and 0 <= day["minutes"] <= MAX_DAY_MINUTES
    )


TEXT_FIELDS = ("runner_type", "week_start", "long_run_day", "race_date", "injury")
LIST_FIELDS = ("likes", "equipment", "places")


def _type_errors(body: dict[str, Any]) -> dict[str, list[str]]:
    """A number, true/false, list or object where a text belongs (or the other way round)
    is refused before any field reads it."""
    errors: dict[str, list[str]] = {}
    for name in TEXT_FIELDS:
        if body.get(name) is not None and not isinstance(body[name], str):
            errors[name] = ["Give a text value in quotes."]
    for name in LIST_FIELDS:
        value = body.get(name)
        if value is not None and not (
            isinstance(value, list) and all(isinstance(item, str) for item in value)
        ):
            errors[name] = ["Give a list of texts in quotes."]
    return errors


def _form_data(body: dict[str, Any], wrong_type: dict[str, list[str]]) -> dict[str, Any]:
    """Form fields take strings and lists; JSON null means "not given"; a value of the wrong
    type is left out (its error is already known)."""
    return {
        key: value
        for key, value in body.items()
        if value is not None and key != "days" and key not in wrong_type
    }


BEST_EFFORT_SHAPE = 'Give {"distance_km": a number, "time": "h:mm:ss"}, or null.'
BEST_EFFORT_MAX_KM = 100
CLOCK = re.compile(r"(?:(\d{1,2}):)?([0-5]?\d):([0-5]\d)")


def _clock_seconds(text: str) -> int | None:
    """ "0:50:00" or "50:00" in seconds; None for anything else or for no time at all."""
    match = CLOCK.fullmatch(text.strip())
    if match is None:
        return None
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return (hours * 60 + minutes) * 60 + seconds or None


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def parse_best_effort(value: Any) -> tuple[PaceZones | None, dict[str, list[str]]]:
    """The zones of `{"distance_km": 10, "time": "0:50:00"}`; None for null or no field."""
    if value is None:
        return None, {}
    if not isinstance(value, dict) or set(value) != {"distance_km", "time"}:
        return None, {"best_effort": [BEST_EFFORT_SHAPE]}
    errors: dict[str, list[str]] = {}
    distance = value["distance_km"]
    if not _is_number(distance) or not 0 < distance <= BEST_EFFORT_MAX_KM:
        errors["best_effort.distance_km"] = [
            f"Give the distance in km as a number above 0 and at most {BEST_EFFORT_MAX_KM}."
        ]
    time = value["time"]
    seconds = _clock_seconds(time) if isinstance(time, str) else None
    if seconds is None:
        errors["best_effort.time"] = ['Give the time as "h:mm:ss" (or "mm:ss"), above zero.']
    if errors or seconds is None:
        return None, errors
    zones = zones_from_race(float(distance), seconds)
    if zones is None:
        too_fast = vdot_from_race(float(distance), seconds) > MAX_VDOT
        return None, {
            "best_effort": [
                "That is faster than the world record: check the distance and the time."
                if too_fast
                else "That pace is too slow to work out running paces from: check the "
                "distance and the time."
            ]
        }
    return zones, {}


PREVIEW_WEEKS_MAX = 30
RACE_KM_MAX = 250


@dataclass(frozen=True)
class Preview:
    """A parsed preview request: the runner's first week, and how many weeks (None: one
    week, answered as it always was)."""

    runner: RunnerInput
    weeks: int | None = None


def _season_errors(body: dict[str, Any]) -> dict[str, list[str]]:
    errors = {}
    weeks = body.get("weeks")
    if weeks is not None and not (
        isinstance(weeks, int) and not isinstance(weeks, bool) and 1 <= weeks <= PREVIEW_WEEKS_MAX
    ):
        errors["weeks"] = [f"Give a whole number of weeks from 1 to {PREVIEW_WEEKS_MAX}."]
    distance = body.get("race_distance")
    if distance is not None and not (
        (isinstance(distance, str) and distance in RACE_KM)
        or (_is_number(distance) and 0 < distance <= RACE_KM_MAX)
    ):
        errors["race_distance"] = [
            f'Give "5k", "10k", "half", "marathon" or a number of km above 0 and up to '
            f"{RACE_KM_MAX}."
        ]
    return errors


def _race_km(distance: Any) -> float | None:
    if distance is None:
        return None
    return RACE_KM[distance] if isinstance(distance, str) else float(distance)


def parse_preview(body) -> tuple[Preview | None, dict[str, list[str]]]:
    if not isinstance(body, dict):
        return None, {"__all__": ["Send a JSON object."]}
    wrong_type = _type_errors(body)
    form = PreviewForm(_form_data(body, wrong_type))
    errors = {field: [str(m) for m in messages] for field, messages in form.errors.items()}
    errors.update(wrong_type)
    errors.update(_day_errors(body.get("days")))
    errors.update(_season_errors(body))
    paces, effort_errors = parse_best_effort(body.get("best_effort"))
    errors.update(effort_errors)
    if errors:
        return None, errors
    runner = replace(
        _runner(body, form.cleaned_data),
        race_km=_race_km(body.get("race_distance")),
        paces=paces,
    )
    return Preview(runner=runner, weeks=body.get("weeks")), {}


def _runner(body: dict[str, Any], data: dict[str, Any]) -> RunnerInput:
    return RunnerInput(
        runner_type=data["runner_type"],
        week_start=data["week_start"],
        days=tuple(
            Commitment(
                available=body["days"][key]["available"], minutes=body["days"][key]["minutes"]
            )
            for key in DAY_KEYS
        ),
        long_run_day=DAY_KEYS.index(data["long_run_day"]),
        race_date=data["race_date"],
        injury=data["injury"] or None,
        likes=frozenset(data["likes"]),
        equipment=frozenset(data["equipment"]),
        places=frozenset(data["places"] or Place.values),
    )


def pace_zones_json(zones: PaceZones | None) -> dict[str, list[str]] | None:
    """{"easy": ["5:55", "6:34"], …, "repetition": [...]}: per km, faster first; None without
    zones."""
    if zones is None:
        return None
    return {zone: [clock_text(seconds) for seconds in zones.of(zone)] for zone in ZONES}


def _run_json(session) -> dict:
    """What a run adds to its session: its steps and estimated distance (null without paces)."""
    return {"distance_km": session.distance_km, "structure": structure_json(session.structure)}


def _session_json(session, plyometric: dict[str, bool]) -> dict:
    post_run = session.kind == "post_run_strength"
    return {
        "kind": "strength" if post_run else session.kind,
        "purpose": session.purpose,
        "minutes": session.minutes,
        "activity": session.activity,
        "post_run_strength": post_run,
        "exercises": [
            {
                "name": item.name,
                "sets": item.sets,
                "reps_min": item.rep_min,
                "reps_max": item.rep_max,
                "per_side": item.per_side,
                "plyometric": plyometric.get(item.slug, False),
            }
            for item in session.exercises
        ],
        **(_run_json(session) if session.kind == "run" else {}),
    }


def week_json(week: Week, plyometric: dict[str, bool]) -> dict:
    return {
        "phase": week.phase,
        "notes": list(week.notes),
        "days": [
            {
                "date": day.date.isoformat(),
                "sessions": [_session_json(s, plyometric) for s in day.sessions]
                or [{"kind": "rest", "purpose": None, "minutes": 0, "activity": None,
                     "post_run_strength": False, "exercises": []}],
            }
            for day in week.days
        ],
    }  # fmt: skip


def _pace_zones_for(preview: Preview) -> dict[str, list[str]] | None:
    """The pace zones of the body's best effort (null without one)."""
    return pace_zones_json(preview.runner.paces)


def preview_json(preview: Preview, library: list[LibraryEntry]) -> dict:
    """One week as it always was, or with `weeks` the season's weeks and the pace zones."""
    plyometric = {entry.slug: entry.plyometric for entry in library}
    if preview.weeks is None:
        return week_json(build_week(preview.runner, library), plyometric)
    season = build_season(preview.runner, library, History(), weeks=preview.weeks)
    return {
        "weeks": [
            {**week_json(item.week, plyometric), "run_minutes": run_minutes(item.week)}
            for item in season
        ],
        "pace_zones": _pace_zones_for(preview),
    }


def _preview_refused(request: HttpRequest) -> JsonResponse | None:
    """A 429 with Retry-After past the per-minute limit of previews per user; None if allowed."""
    per_minute = settings.PLAN_PREVIEWS_PER_USER_PER_MINUTE
    try:
        limit_hit(
            Counter(
                scope="plan-preview",
                key=str(request.user.pk),
                limit=Limit(
                    count=per_minute,
                    window=timedelta(minutes=1),
                    message=f"You can preview {per_minute} plans a minute.",
                ),
            )
        )
    except LimitReached as refused:
        response = JsonResponse({"errors": {"__all__": [refused.message]}}, status=429)
        response["Retry-After"] = str(refused.retry_after)
        return response
    return None


@extend_schema(
    tags=["plans"],
    summary="Preview the week the planner would build, saving nothing",
    request=docs.PreviewRequest,
    responses={
        200: docs.PreviewWeek,
        400: error("A field of the wrong type or value, by field (per day as `days.tue`)."),
    },
)
@api_view(["POST"])
def plan_preview(request: Request) -> HttpResponse:
    if refused := _preview_refused(request):
        return refused
    try:
        body = json_body(request._request)  # read as it always was, whatever the content type
    except BadBody as bad:
        return bad.response()
    preview, errors = parse_preview(body)
    if preview is None:
        return JsonResponse({"errors": errors}, status=400)
    return JsonResponse(preview_json(preview, library_for(request.user)))


def _assignment_errors(body) -> dict[str, list[str]]:
    if not isinstance(body, dict):
        return {"__all__": ["Send a JSON object."]}
    errors = {}
    if not _is_id(body.get("template")):
        errors["template"] = ["Give the template's id."]
    athletes = body.get("athletes")
    if not isinstance(athletes, list) or not athletes or not all(map(_is_id, athletes)):
        errors["athletes"] = ["Give a list of one or more athlete ids."]
    if not isinstance(body.get("start"), str):
        errors["start"] = ["Give the start date as YYYY-MM-DD."]
    if not isinstance(body.get("override_return", False), bool):
        errors["override_return"] = ["Give true or false."]
    return errors


def _is_id(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


@extend_schema(
    tags=["coach"],
    summary="Assign a template to some of your athletes",
    description="As the bulk form does; runs in an athlete's return from injury keep to its "
    'limits unless `"override_return": true`.',
    request=docs.AssignmentRequest,
    responses={
        201: docs.AssignmentsCreated,
        400: error("Bad fields, a start that is not a Monday or already over, an archived or "
                   "empty template."),
        403: error("Not a coach (or a read-only token, or no CSRF token)."),
        404: error("A template or athlete that is not yours: nothing is written."),
    },
)  # fmt: skip
@api_view(["POST"])
def assignments(request: Request) -> HttpResponse:
    """Assign a template to some of the coach's athletes, as the bulk form does."""
    if not request.user.is_coach:
        return JsonResponse({"errors": {"__all__": ["Only coaches assign plans."]}}, status=403)
    try:
        body = json_body(request._request)
    except BadBody as bad:
        return bad.response()
    errors = _assignment_errors(body)
    if errors:
        return JsonResponse({"errors": errors}, status=400)
    form = AssignForm(
        {
            "athletes": body["athletes"],
            "start": body["start"],
            "override_return": body.get("override_return", False),
        },
        coach=request.user,
    )
    template = PlanTemplate.objects.filter(pk=body["template"], coach=request.user).first()
    choices = cast(forms.ModelMultipleChoiceField, form.fields["athletes"]).queryset
    mine = set(
        choices.filter(  # type: ignore[union-attr]  # AssignForm always sets the queryset
            pk__in=body["athletes"]
        ).values_list("pk", flat=True)
    )
    if template is None or not set(body["athletes"]) <= mine:
        return JsonResponse({"errors": {"__all__": ["No such template or athlete."]}}, status=404)
    problem = unassignable(template)
    if problem:
        return JsonResponse({"errors": {"template": [problem]}}, status=400)
    if not form.is_valid():
        return JsonResponse({"errors": dict(form.errors.items())}, status=400)
    created = plan_assign(
        template=template,
        athletes=list(form.cleaned_data["athletes"]),
        start=form.cleaned_data["start"],
        coach=request.user,
        override_return=form.cleaned_data["override_return"],
    )
    return JsonResponse(
        {
            "assignments": [
                {"id": a.pk, "athlete": a.athlete_id, "start": a.start, "end": a.end}
                for a in created
            ]
        },
        status=201,
    )
