"""The coach's side of the JSON API: their athletes, an athlete's weeks and sessions (the
coach's edits, through `plans.coaching.services`) and the coach's templates. The same access
helpers as the pages: anything not the coach's is a 404."""

from datetime import date, time
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.access import athlete_for, coach_or_404, coaching_of_coach
from accounts.models import Coaching, RunnerType, User, validate_plausible_date
from config.rest import (
    Pagination,
    StrictBooleanField,
    StrictCharField,
    StrictChoiceField,
    StrictDateField,
    StrictIntegerField,
    error,
)
from exercises.models import Exercise
from plans.access import coached_session_for, template_for
from plans.coaching import services as coaching
from plans.coaching.forms import CoachSessionEditForm, CoachSessionForm, TemplateForm
from plans.coaching.lines import COUNTED_IN
from plans.models import (
    AthleteGroup,
    PlanTemplate,
    RunPurpose,
    Session,
    SessionKind,
    TemplateExercise,
)
from plans.serializers import SessionSerializer
from plans.services import monday_of
from plans.week_api import (
    IF_NONE_MATCH,
    WEEK_RESPONSES,
    WEEK_START,
    Conflict,
    monday_from,
    week_response,
)

NOT_YOURS = "No such athlete."


# Athletes


class AthleteSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="athlete.pk")
    display_name = serializers.CharField(source="athlete.display_name")
    email = serializers.EmailField(source="athlete.email")
    coached_since = serializers.DateTimeField(source="started_at")
    group = serializers.SerializerMethodField()

    def get_group(self, coaching: Coaching) -> str:
        return self.context["groups"].get(coaching.athlete_id, "")


@extend_schema(
    tags=["coach"],
    summary="Your current athletes",
    responses={200: AthleteSerializer(many=True), 404: error("Only coaches have athletes.")},
)
@api_view(["GET"])
def athletes(request: Request) -> Response:
    coach = coach_or_404(request.user)
    links = (
        Coaching.objects.current()
        .filter(coach=coach)
        .select_related("athlete")
        .order_by("athlete__display_name", "athlete__email", "pk")
    )
    paginator = Pagination()
    page = paginator.paginate_queryset(links, request) or []
    groups = dict(
        AthleteGroup.objects.filter(
            coach=coach, athlete_id__in=[link.athlete_id for link in page]
        ).values_list("athlete_id", "name")
    )
    data = AthleteSerializer(page, many=True, context={"groups": groups}).data
    return paginator.get_paginated_response(data)


def _athlete(request: Request, athlete_id: int) -> User:
    """The athlete, for their current coach (or the athlete themself), as the week page."""
    return athlete_for(request.user, athlete_id)


ATHLETE_WEEK_404 = error("Not your athlete, no runner profile yet, or a week outside 2000–2100.")


@extend_schema(
    tags=["coach"],
    summary="An athlete's week this week",
    parameters=[IF_NONE_MATCH],
    responses={**WEEK_RESPONSES, 404: ATHLETE_WEEK_404},
)
@api_view(["GET"])
def athlete_week_current(request: Request, athlete_id: int) -> Response:
    return week_response(request, _athlete(request, athlete_id), None)


@extend_schema(
    tags=["coach"],
    summary="One week of an athlete",
    parameters=[WEEK_START, IF_NONE_MATCH],
    responses={**WEEK_RESPONSES, 400: error("Not a Monday as YYYY-MM-DD."), 404: ATHLETE_WEEK_404},
)
@api_view(["GET"])
def athlete_week(request: Request, athlete_id: int, week_start: str) -> Response:
    athlete = _athlete(request, athlete_id)
    return week_response(request, athlete, monday_from(week_start))


# An athlete's sessions, as their coach changes them


class ExerciseLineSerializer(serializers.Serializer):
    exercise = StrictCharField(max_length=140, help_text="The exercise's slug.")
    sets = StrictIntegerField(min_value=1, max_value=10, required=False, allow_null=True)
    low = StrictIntegerField(min_value=1, max_value=600, required=False, allow_null=True)
    high = StrictIntegerField(min_value=1, max_value=600, required=False, allow_null=True)
    counted_in = StrictChoiceField(
        choices=COUNTED_IN,
        required=False,
        allow_blank=True,
        help_text="Left out, the library's sets and range.",
    )


class CoachSessionChangeSerializer(serializers.Serializer):
    """A session of the athlete's week as the coach's forms take it."""

    date = StrictDateField(validators=[validate_plausible_date])
    title = StrictCharField(max_length=120, required=False, allow_blank=True)
    minutes = StrictIntegerField(min_value=5, max_value=600)
    purpose = StrictChoiceField(choices=RunPurpose.choices, required=False, allow_blank=True)
    activity = StrictCharField(
        max_length=140, required=False, allow_blank=True, help_text="Cross-training's slug."
    )
    coach_note = StrictCharField(max_length=500, required=False, allow_blank=True)
    exercises = ExerciseLineSerializer(many=True, required=False, max_length=20)


class CoachSessionNewSerializer(CoachSessionChangeSerializer):
    kind = StrictChoiceField(choices=SessionKind.choices)


def _pks_by_slug(slugs: list[str]) -> dict[str, int]:
    return dict(Exercise.objects.filter(slug__in=slugs).values_list("slug", "pk"))


def _plain(value: Any) -> Any:
    if isinstance(value, date | time):
        return value.isoformat()
    return "" if value is None else value


def _session_form_data(given: dict[str, Any]) -> dict[str, Any]:
    """The body as the coach's session forms post it: slugs become ids (an unknown slug an id
    no form offers), exercise lines `exercise_1`, `sets_1`, …"""
    lines = given.get("exercises")
    slugs = [given.get("activity") or "", *(line["exercise"] for line in lines or [])]
    pks = _pks_by_slug([slug for slug in slugs if slug])
    data = {k: _plain(v) for k, v in given.items() if k not in ("exercises", "date", "activity")}
    if "date" in given:
        data["day"] = given["date"].isoformat()
    if given.get("activity"):
        data["activity"] = str(pks.get(given["activity"], 0))
    for n, line in enumerate(lines or [], start=1):
        data[f"exercise_{n}"] = str(pks.get(line["exercise"], 0))
        for name in ("sets", "low", "high", "counted_in"):
            data[f"{name}_{n}"] = _plain(line.get(name))
    return data


def _api_errors(form_errors: dict[str, Any]) -> dict[str, list[str]]:
    """The form's messages under the body's names: `exercises.0.sets` for `sets_1`."""
    errors: dict[str, list[str]] = {}
    for name, messages in form_errors.items():
        prefix, _, number = name.rpartition("_")
        if prefix in ("exercise", "sets", "low", "high", "counted_in") and number.isdigit():
            name = f"exercises.{int(number) - 1}.{prefix}"
        elif name == "day":
            name = "date"
        errors.setdefault(name, []).extend(str(m) for m in messages)
    return errors


def _coached_session_json(session_id: int, user: User) -> dict[str, Any]:
    return SessionSerializer(coached_session_for(user, session_id)).data


@extend_schema(
    tags=["coach"],
    summary="Add a session to an athlete's week",
    description="As on the athlete's week page: a run comes with its post-run strength block; "
    "a strength session needs at least one exercise.",
    request=CoachSessionNewSerializer,
    responses={201: SessionSerializer, 404: error(NOT_YOURS)},
)
@api_view(["POST"])
def athlete_sessions(request: Request, athlete_id: int) -> Response:
    coach = coach_or_404(request.user)
    athlete = coaching_of_coach(coach, athlete_id).athlete
    body = CoachSessionNewSerializer(data=request.data)
    body.is_valid(raise_exception=True)
    form = CoachSessionForm(
        _session_form_data(body.validated_data),
        coach=coach,
        week_start=monday_of(body.validated_data["date"]),
    )
    if not form.is_valid():
        raise ValidationError(_api_errors(form.errors))
    session = coaching.coach_session_add(
        runner=athlete,
        day=form.cleaned_data["day"],
        coach_note=form.cleaned_data["coach_note"],
        **form.session_values,
    )
    return Response(_coached_session_json(session.pk, coach), status=status.HTTP_201_CREATED)


def _athlete_session(request: Request, athlete_id: int, session_id: int) -> Session:
    session = coached_session_for(request.user, session_id)
    if session.runner_id != athlete_id:
        raise Http404("No such session.")
    return session


@extend_schema(
    methods=["PATCH"],
    summary="Change, move or annotate an athlete's session",
    description="A session the athlete already marked or logged is their record: only "
    "`coach_note` may change (anything else is a 400).",
    request=CoachSessionChangeSerializer,
)
@extend_schema(
    methods=["DELETE"],
    summary="Remove an athlete's session",
    description="A run goes with its post-run block. What the athlete marked or logged stays.",
    responses={
        204: None,
        404: error("No such session."),
        409: error("The athlete has already marked or logged it."),
    },
)
@extend_schema(
    tags=["coach"],
    summary="One session of an athlete",
    responses={200: SessionSerializer, 404: error("No such session.")},
)
@api_view(["GET", "PATCH", "DELETE"])
def athlete_session(request: Request, athlete_id: int, session_id: int) -> Response:
    session = _athlete_session(request, athlete_id, session_id)
    if request.method == "GET":
        return Response(SessionSerializer(session).data)
    if request.method == "DELETE":
        if not session.is_open:
            raise Conflict("The athlete has already marked or logged this one: it stays.")
        coaching.coach_session_delete(session=session)
        return Response(status=status.HTTP_204_NO_CONTENT)
    body = CoachSessionChangeSerializer(data=request.data, partial=True)
    body.is_valid(raise_exception=True)
    blank = CoachSessionEditForm(session=session, coach=request.user)
    stored = {name: _plain(value) for name, value in blank.initial.items()}
    form = CoachSessionEditForm(
        {**stored, **_session_form_data(body.validated_data)},
        session=session,
        coach=request.user,
    )
    if not form.is_valid():
        raise ValidationError(_api_errors(form.errors))
    if form.locked:
        coaching.coach_note_set(session=session, coach_note=form.cleaned_data["coach_note"])
    else:
        coaching.coach_session_update(session=session, **form.changes)
    return Response(_coached_session_json(session.pk, request.user))


# Templates


class TemplateExerciseSerializer(serializers.Serializer):
    slug = serializers.CharField(source="exercise.slug")
    name = serializers.CharField(source="exercise.name")
    sets = serializers.IntegerField()
    rep_min = serializers.IntegerField(allow_null=True)
    rep_max = serializers.IntegerField(allow_null=True)
    duration_min = serializers.IntegerField(allow_null=True)
    duration_max = serializers.IntegerField(allow_null=True)
    per_side = serializers.BooleanField()


class TemplateSessionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    week_index = serializers.IntegerField(help_text="0 for the first week.")
    weekday = serializers.IntegerField(help_text="0 for Monday.")
    kind = serializers.CharField()
    purpose = serializers.CharField()
    title = serializers.CharField()
    minutes = serializers.IntegerField()
    activity = serializers.CharField(source="activity.slug", allow_null=True)
    post_run = serializers.BooleanField()
    exercises = TemplateExerciseSerializer(many=True, source="exercise_list")


class TemplateSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = StrictCharField(max_length=120)
    description = StrictCharField(max_length=2000, allow_blank=True, required=False)
    runner_type = StrictChoiceField(choices=RunnerType.choices)
    weeks = StrictIntegerField(min_value=1, max_value=12)
    archived = StrictBooleanField(required=False, help_text="Archived: kept, but not offered.")
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)


class TemplateDetailSerializer(TemplateSerializer):
    sessions = TemplateSessionSerializer(many=True, read_only=True, source="session_list")


def _with_sessions(template: PlanTemplate) -> PlanTemplate:
    exercises = TemplateExercise.objects.select_related("exercise")
    template.session_list = list(  # type: ignore[attr-defined]
        template.sessions.select_related("activity")
        .prefetch_related(Prefetch("exercises", queryset=exercises, to_attr="exercise_list"))
        .order_by("week_index", "weekday", "position")
    )
    return template


def _template_saved(
    template: PlanTemplate | None, coach: User, given: dict[str, Any]
) -> PlanTemplate:
    """Create or change a template through the page's form; `archived` through its service."""
    current = {} if template is None else {
        "name": template.name, "description": template.description,
        "runner_type": template.runner_type, "weeks": template.weeks,
    }  # fmt: skip
    form = TemplateForm(
        {**current, **{k: v for k, v in given.items() if k != "archived"}}, instance=template
    )
    if not form.is_valid():
        raise ValidationError(form.errors)
    form.instance.coach = coach
    saved = form.save()
    if "archived" in given:
        coaching.template_archived_set(template=saved, archived=given["archived"])
    return saved


ARCHIVED = OpenApiParameter("archived", bool, description="true: the archived ones instead.")


@extend_schema(
    methods=["POST"],
    summary="Create a template",
    request=TemplateSerializer,
    responses={201: TemplateDetailSerializer, 404: error("Only coaches have templates.")},
)
@extend_schema(
    tags=["templates"],
    summary="Your plan templates",
    parameters=[ARCHIVED],
    responses={
        200: TemplateSerializer(many=True),
        400: error("`archived` is neither true nor false."),
        404: error("Only coaches have templates."),
    },
)
@api_view(["GET", "POST"])
def templates(request: Request) -> Response:
    coach = coach_or_404(request.user)
    if request.method == "GET":
        archived = request.query_params.get("archived", "false")
        if archived not in ("true", "false"):
            raise ValidationError({"archived": ["Give true or false."]})
        listed: QuerySet[PlanTemplate] = PlanTemplate.objects.filter(
            coach=coach, archived=archived == "true"
        ).order_by("name", "pk")
        paginator = Pagination()
        page = paginator.paginate_queryset(listed, request)
        return paginator.get_paginated_response(TemplateSerializer(page, many=True).data)
    body = TemplateSerializer(data=request.data)
    body.is_valid(raise_exception=True)
    template = _template_saved(None, coach, body.validated_data)
    return Response(
        TemplateDetailSerializer(_with_sessions(template)).data, status=status.HTTP_201_CREATED
    )


@extend_schema(
    methods=["PUT", "PATCH"],
    summary="Change a template (or archive it with `archived`)",
    description="A template cannot be shortened past weeks that hold sessions.",
    request=TemplateSerializer,
)
@extend_schema(
    methods=["DELETE"],
    summary="Remove a template never assigned",
    responses={
        204: None,
        404: error("No such template."),
        409: error("It was assigned: archive it instead."),
    },
)
@extend_schema(
    tags=["templates"],
    summary="One template with its sessions",
    responses={200: TemplateDetailSerializer, 404: error("No such template.")},
)
@api_view(["GET", "PUT", "PATCH", "DELETE"])
def template_detail(request: Request, template_id: int) -> Response:
    template = template_for(request.user, template_id)
    if request.method == "DELETE":
        try:
            coaching.template_delete(template=template)
        except coaching.TemplateInUse as in_use:
            raise Conflict(
                "It was assigned, so it stays: archive it instead (PATCH archived=true)."
            ) from in_use
        return Response(status=status.HTTP_204_NO_CONTENT)
    if request.method in ("PUT", "PATCH"):
        body = TemplateSerializer(data=request.data, partial=request.method == "PATCH")
        body.is_valid(raise_exception=True)
        template = _template_saved(template, request.user, body.validated_data)
    return Response(TemplateDetailSerializer(_with_sessions(template)).data)
