"""`/api/v1/exercises/`: the library as the runner or coach sees it on /exercises/, with the
list page's filters."""

from typing import Any

from django.db.models import QuerySet, prefetch_related_objects
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from config.rest import Pagination, error
from exercises.access import get_exercise_for_user
from exercises.forms import ExerciseFilterForm
from exercises.models import Exercise, tag_lists

LIST_TAG_FIELDS = ("muscles", "equipment", "places")


class TagListField(serializers.ListField):
    """A prefetched tag list (`<field>_list`) as its codes."""

    child = serializers.CharField()

    def to_representation(self, data: Any) -> list[str]:
        return [tag.code for tag in data]


class ExerciseSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()
    description = serializers.CharField()
    impact = serializers.CharField()
    plyometric = serializers.BooleanField()
    per_side = serializers.BooleanField()
    default_sets = serializers.IntegerField(allow_null=True)
    rep_min = serializers.IntegerField(allow_null=True)
    rep_max = serializers.IntegerField(allow_null=True)
    duration_min_seconds = serializers.IntegerField(allow_null=True)
    duration_max_seconds = serializers.IntegerField(allow_null=True)
    own = serializers.SerializerMethodField(help_text="Added by you (a coach), not the library.")
    muscles = TagListField(source="muscles_list")
    equipment = TagListField(source="equipment_list")
    places = TagListField(source="places_list")

    def get_own(self, exercise: Exercise) -> bool:
        return exercise.owner_id is not None and exercise.owner_id == self.context["user"].pk


class ExerciseDetailSerializer(ExerciseSerializer):
    cues = serializers.SerializerMethodField()
    suits = TagListField(source="suits_list", help_text="Injury areas it is safe for.")

    def get_cues(self, exercise: Exercise) -> list[str]:
        return [cue.text for cue in exercise.cues.all()]


FILTERS = [
    OpenApiParameter(name, str, enum=[c for c, _ in field.choices if c] or None)  # type: ignore[attr-defined]
    for name, field in ExerciseFilterForm.base_fields.items()
    if name != "q"
]


def _filtered(request: Request) -> QuerySet[Exercise]:
    """The exercises the user sees, narrowed as the list page's filter form narrows them; a
    filter the form refuses is a 400 (the page would ignore it)."""
    given = {k: v for k, v in request.query_params.items() if k in ExerciseFilterForm.base_fields}
    form = ExerciseFilterForm(given)
    if not form.is_valid():
        raise ValidationError(form.errors)
    return form.filter(Exercise.objects.visible_to(request.user)).prefetch_related(
        *tag_lists(LIST_TAG_FIELDS)
    )


@extend_schema(
    tags=["exercises"],
    summary="The exercise library",
    parameters=[
        OpenApiParameter("q", str, description="Words in the name or description."),
        *FILTERS,
    ],
    responses={
        200: ExerciseSerializer(many=True),
        400: error("A filter value is not one of its choices."),
    },
)
@api_view(["GET"])
def exercise_list(request: Request) -> Response:
    paginator: PageNumberPagination = Pagination()
    page = paginator.paginate_queryset(_filtered(request), request)
    data = ExerciseSerializer(page, many=True, context={"user": request.user}).data
    return paginator.get_paginated_response(data)


@extend_schema(
    tags=["exercises"],
    summary="One exercise, with its form cues",
    responses={200: ExerciseDetailSerializer, 404: error("No such exercise.")},
)
@api_view(["GET"])
def exercise_detail(request: Request, slug: str) -> Response:
    exercise = get_exercise_for_user(request.user, slug)
    prefetch_related_objects([exercise], "cues", *tag_lists([*LIST_TAG_FIELDS, "suits"]))
    return Response(ExerciseDetailSerializer(exercise, context={"user": request.user}).data)
