"""The runner's side of the JSON API: weeks, sessions (done, skipped, undone) and run logs,
through the same access helpers and services as the week page."""

import hashlib
import json
import re
from datetime import date, timedelta
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import APIException, NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.models import EARLIEST_DATE, LATEST_DATE, RunnerProfile, User
from config.rest import (
    Pagination,
    StrictCharField,
    StrictDateField,
    StrictIntegerField,
    error,
)
from plans import services
from plans.access import run_log_for, session_for
from plans.forms import SessionStatusForm
from plans.models import RunLog, Session, Status
from plans.selectors import week_view
from plans.serializers import RunLogSerializer, SessionSerializer, WeekSerializer, week_json
from plans.week_page import onboarded_profile

NO_PROFILE = "No runner profile yet: set yours up on the site first."
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Conflict(APIException):
    """The request is understood but the session's state refuses it (a day still ahead, a run
    with a log)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "That cannot change now."


def profile_or_404(user: User) -> RunnerProfile:
    profile = onboarded_profile(user)
    if profile is None:
        raise NotFound(NO_PROFILE)
    return profile


def monday_from(text: str) -> date:
    """The week's Monday from the URL: 400 for anything but a Monday as YYYY-MM-DD, 404 for
    a week outside 2000–2100 (no page shows one)."""
    try:
        day = date.fromisoformat(text) if ISO_DATE.fullmatch(text) else None
    except ValueError:
        day = None
    if day is None:
        raise ValidationError({"week_start": ["Give the week's Monday as YYYY-MM-DD."]})
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise NotFound("There is no week that far away: weeks run from 2000 to 2100.")
    if day.weekday() != 0:
        raise ValidationError(
            {"week_start": [f"{day:%A %-d %B %Y} is not a Monday: weeks start on Mondays."]}
        )
    return day


def _etag(data: Any) -> str:
    text = json.dumps(data, sort_keys=True, cls=DjangoJSONEncoder)
    return '"' + hashlib.sha256(text.encode()).hexdigest()[:32] + '"'


def _matches(request: Request, etag: str) -> bool:
    asked = request.headers.get("If-None-Match", "")
    tags = {tag.strip().removeprefix("W/") for tag in asked.split(",")}
    return etag in tags or "*" in tags


def week_response(request: Request, runner: User, week_start: date | None) -> Response:
    """The week (this one when `week_start` is None), with an ETag; a 304 when the caller's
    copy is still the one we would send."""
    profile = profile_or_404(runner)
    today = profile.today()
    services.weeks_ensure(runner=runner, today=today)
    data = week_json(week_view(runner, services.monday_of(week_start or today), today))
    etag = _etag(data)
    if _matches(request, etag):
        return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
    return Response(data, headers={"ETag": etag})


IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    str,
    OpenApiParameter.HEADER,
    description="The ETag of the copy you hold: a 304 when the week has not changed.",
)
WEEK_START = OpenApiParameter(
    "week_start", OpenApiTypes.DATE, OpenApiParameter.PATH, description="The week's Monday."
)
WEEK_RESPONSES = {
    200: OpenApiResponse(WeekSerializer, description="The week; its ETag in the header."),
    304: OpenApiResponse(description="Not changed since the ETag sent in If-None-Match."),
}


@extend_schema(
    tags=["weeks"],
    summary="This week",
    parameters=[IF_NONE_MATCH],
    responses={**WEEK_RESPONSES, 404: error(NO_PROFILE)},
)
@api_view(["GET"])
def week_current(request: Request) -> Response:
    return week_response(request, request.user, None)


@extend_schema(
    tags=["weeks"],
    summary="One week: its days, sessions and exercises",
    parameters=[WEEK_START, IF_NONE_MATCH],
    responses={
        **WEEK_RESPONSES,
        400: error("Not a Monday as YYYY-MM-DD."),
        404: error("A week outside 2000–2100, or no runner profile yet."),
    },
)
@api_view(["GET"])
def week(request: Request, week_start: str) -> Response:
    return week_response(request, request.user, monday_from(week_start))


# Sessions


class StatusNoteSerializer(serializers.Serializer):
    note = StrictCharField(
        required=False, allow_blank=True, max_length=500, help_text="Optional, for your coach."
    )


def _session_json(session: Session) -> dict[str, Any]:
    fresh = Session.objects.select_related("activity", "run_log").get(pk=session.pk)
    return SessionSerializer(fresh).data


@extend_schema(
    tags=["sessions"],
    summary="One of your sessions",
    responses={200: SessionSerializer, 404: error("No such session.")},
)
@api_view(["GET"])
def session_detail(request: Request, session_id: int) -> Response:
    return Response(_session_json(session_for(request.user, session_id)))


def _session_mark(request: Request, session_id: int, new_status: str) -> Response:
    """The week page's rules: done only once the day has come (409), a logged run stays done
    until its log is removed (409), a note of at most 500 characters (400)."""
    session = session_for(request.user, session_id)
    body = StatusNoteSerializer(data=request.data)
    body.is_valid(raise_exception=True)
    note = body.validated_data.get("note", "")
    today = profile_or_404(request.user).today()
    form = SessionStatusForm({"status": new_status, "note": note}, day=session.date, today=today)
    if not form.is_valid():
        if form.non_field_errors():
            raise Conflict(form.non_field_errors()[0])
        raise ValidationError(form.errors)
    if session.has_log and new_status != Status.DONE:
        raise Conflict("This run has a log: remove the log to change it.")
    try:
        services.session_mark(session=session, status=new_status, note=note)
    except services.NotYetError as ahead:
        raise Conflict(str(ahead)) from ahead
    return Response(_session_json(session))


MARK_RESPONSES = {
    200: SessionSerializer,
    404: error("No such session."),
    409: error("A day still ahead cannot be done yet; a run with a log stays done."),
}


@extend_schema(
    tags=["sessions"],
    summary="Mark a session done",
    request=StatusNoteSerializer,
    responses=MARK_RESPONSES,
)
@api_view(["POST"])
def session_done(request: Request, session_id: int) -> Response:
    return _session_mark(request, session_id, Status.DONE)


@extend_schema(
    tags=["sessions"],
    summary="Skip a session (a day still ahead may be skipped)",
    request=StatusNoteSerializer,
    responses=MARK_RESPONSES,
)
@api_view(["POST"])
def session_skip(request: Request, session_id: int) -> Response:
    return _session_mark(request, session_id, Status.SKIPPED)


@extend_schema(
    tags=["sessions"],
    summary="Undo: the session is planned again",
    request=StatusNoteSerializer,
    responses=MARK_RESPONSES,
)
@api_view(["POST"])
def session_undo(request: Request, session_id: int) -> Response:
    return _session_mark(request, session_id, Status.PLANNED)


# Run logs


Day = date  # the serializer below has a field named `date`


class RunLogInputSerializer(serializers.Serializer):
    """A run typed in by hand, as on the "Log run" page, in metres and seconds."""

    date = StrictDateField()
    distance_m = StrictIntegerField(min_value=100, max_value=300_000)
    duration_seconds = StrictIntegerField(min_value=60, max_value=24 * 3600)
    effort = StrictIntegerField(min_value=1, max_value=10, help_text="1 = very easy, 10 = all-out.")
    notes = StrictCharField(required=False, allow_blank=True, max_length=2000)

    def validate_date(self, day: Day) -> Day:
        today = self.context["today"]
        if day > today:
            raise serializers.ValidationError("You can only log a run you have already done.")
        if day < today - timedelta(days=365):
            raise serializers.ValidationError("That is more than a year ago.")
        return day


class RunLoggedSerializer(RunLogSerializer):
    merged = serializers.BooleanField(
        help_text="True when your watch had already brought this run: your effort and notes "
        "were added to it and its measured distance and time kept."
    )


@extend_schema(
    methods=["POST"],
    summary="Log a run",
    description="It marks that day's planned run done, or counts as an extra run.",
    request=RunLogInputSerializer,
    responses={201: RunLoggedSerializer, 404: error(NO_PROFILE)},
)
@extend_schema(
    tags=["runs"],
    summary="Your logged runs, newest first",
    responses={200: RunLogSerializer(many=True)},
)
@api_view(["GET", "POST"])
def runs(request: Request) -> Response:
    if request.method == "GET":
        paginator = Pagination()
        logs = RunLog.objects.filter(runner=request.user).order_by("-date", "-pk")
        page = paginator.paginate_queryset(logs, request)
        return paginator.get_paginated_response(RunLogSerializer(page, many=True).data)
    profile = profile_or_404(request.user)
    body = RunLogInputSerializer(data=request.data, context={"today": profile.today()})
    body.is_valid(raise_exception=True)
    data = body.validated_data
    try:
        run_log, merged = services.run_log_add_by_hand(
            runner=request.user,
            run_date=data["date"],
            distance_m=data["distance_m"],
            duration_seconds=data["duration_seconds"],
            effort=data["effort"],
            notes=data.get("notes", ""),
        )
    except services.NotYetError as ahead:
        raise Conflict(str(ahead)) from ahead
    return Response(
        {**RunLogSerializer(run_log).data, "merged": merged}, status=status.HTTP_201_CREATED
    )


@extend_schema(
    methods=["DELETE"],
    summary="Remove a logged run",
    description="Its session is planned again, or goes too when you had added it.",
    responses={204: None, 404: error("No such run.")},
)
@extend_schema(
    tags=["runs"],
    summary="One logged run",
    responses={200: RunLogSerializer, 404: error("No such run.")},
)
@api_view(["GET", "DELETE"])
def run_detail(request: Request, run_log_id: int) -> Response:
    run_log = run_log_for(request.user, run_log_id)
    if request.method == "GET":
        return Response(RunLogSerializer(run_log).data)
    services.run_log_delete(run_log=run_log)
    return Response(status=status.HTTP_204_NO_CONTENT)
