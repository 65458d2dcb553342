"""`/api/v1/profile/`: the runner's profile, read and changed with the profile page's rules
(`ProfileForm` and `WeekForm` validate; `services.profile_save` writes)."""

from datetime import date, time
from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from accounts import services
from accounts.forms import ProfileForm, WeekForm
from accounts.models import MAX_DAY_MINUTES, DistanceUnit, RunnerProfile, RunnerType
from config.rest import (
    StrictBooleanField,
    StrictCharField,
    StrictChoiceField,
    StrictDateField,
    StrictIntegerField,
    StrictTimeField,
    error,
)
from exercises.vocabulary import Activity, Equipment, InjuryArea, Place

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
NO_PROFILE = "No runner profile yet: set yours up on the site first."


class ProfileDaySerializer(serializers.Serializer):
    available = StrictBooleanField()
    minutes = StrictIntegerField(min_value=0, max_value=MAX_DAY_MINUTES)
    usual_run_time = StrictTimeField(required=False, allow_null=True)


class WeekDaysSerializer(serializers.Serializer):
    mon = ProfileDaySerializer(required=False)
    tue = ProfileDaySerializer(required=False)
    wed = ProfileDaySerializer(required=False)
    thu = ProfileDaySerializer(required=False)
    fri = ProfileDaySerializer(required=False)
    sat = ProfileDaySerializer(required=False)
    sun = ProfileDaySerializer(required=False)


def _choices(choices: list[tuple[str, str]]) -> serializers.ListField:
    return serializers.ListField(child=StrictChoiceField(choices=choices), max_length=50)


class ProfileSerializer(serializers.Serializer):
    """The profile as the API shows it and takes it; `email`, `display_name` and `today` are
    read only, `injury_was_nothing` is write only (as the form's tick box)."""

    email = serializers.EmailField(read_only=True)
    display_name = serializers.CharField(read_only=True)
    today = serializers.DateField(read_only=True, help_text="The runner's today, in their zone.")
    runner_type = StrictChoiceField(choices=RunnerType.choices)
    time_zone = StrictCharField(max_length=64, help_text="A name such as Europe/Paris.")
    distance_unit = StrictChoiceField(choices=DistanceUnit.choices)
    liked_activities = _choices(Activity.choices)
    equipment = _choices(Equipment.choices)
    places = _choices(Place.choices)
    injured = StrictBooleanField()
    injury_area = StrictChoiceField(choices=InjuryArea.choices, allow_blank=True)
    injured_since = StrictDateField(allow_null=True)
    injury_was_nothing = StrictBooleanField(write_only=True, required=False)
    reminders_enabled = StrictBooleanField()
    reminder_delay_minutes = StrictIntegerField(min_value=0, max_value=60)
    quiet_hours_start = StrictTimeField(allow_null=True)
    quiet_hours_end = StrictTimeField(allow_null=True)
    long_run_day = StrictChoiceField(choices=[(k, k) for k in DAY_KEYS], allow_null=True)
    days = WeekDaysSerializer()


PROFILE_FIELDS = [
    name
    for name in ProfileSerializer().fields
    if name not in ("email", "display_name", "today", "days", "long_run_day")
]


def _onboarded_profile(request: Request) -> RunnerProfile:
    profile = (
        RunnerProfile.objects.select_related("user")
        .prefetch_related("commitments")
        .filter(user=request.user, onboarded_at__isnull=False)
        .first()
    )
    if profile is None:
        raise NotFound(NO_PROFILE)
    return profile


def profile_json(profile: RunnerProfile) -> dict[str, Any]:
    commitments = {c.weekday: c for c in profile.commitments.all()}
    days = {
        key: {
            "available": commitments[n].available if n in commitments else False,
            "minutes": commitments[n].minutes if n in commitments else 0,
            "usual_run_time": commitments[n].usual_run_time if n in commitments else None,
        }
        for n, key in enumerate(DAY_KEYS)
    }
    values = {name: getattr(profile, name) for name in PROFILE_FIELDS if hasattr(profile, name)}
    long_run_day = profile.long_run_day
    return ProfileSerializer(
        {
            **values,
            "email": profile.user.email,
            "display_name": profile.user.display_name,
            "today": profile.today(),
            "long_run_day": DAY_KEYS[long_run_day] if long_run_day is not None else None,
            "days": days,
        }
    ).data


def _form_value(value: Any) -> Any:
    if isinstance(value, date | time):
        return value.isoformat()
    return "" if value is None else value


def _form_data(current: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    """What the profile page's two forms would post for the profile as it is (`current`, when
    patching) with what the body gives on top."""
    fields = {**current, **{k: v for k, v in given.items() if k != "days"}}
    days = {key: {**current.get("days", {}).get(key, {})} for key in DAY_KEYS}
    for key, day in given.get("days", {}).items():
        days[key].update(day)
    data = {name: _form_value(value) for name, value in fields.items()}
    long_run_day = fields.get("long_run_day")
    data["long_run_day"] = str(DAY_KEYS.index(long_run_day)) if long_run_day else ""
    for n, key in enumerate(DAY_KEYS):
        day = days[key]
        data[f"available_{n}"] = day.get("available", False)
        data[f"minutes_{n}"] = str(day.get("minutes", ""))
        data[f"time_{n}"] = _form_value(day.get("usual_run_time"))
    return data


DAY_FIELDS = {"available": "available", "minutes": "minutes", "time": "usual_run_time"}


def _form_errors(profile_form: ProfileForm, week_form: WeekForm) -> dict[str, list[str]]:
    """The forms' messages under the API's field names (`days.tue.minutes` for `minutes_1`)."""
    errors: dict[str, list[str]] = {}
    for form in (profile_form, week_form):
        for name, messages in form.errors.items():
            prefix, _, number = name.rpartition("_")
            if prefix in DAY_FIELDS and number.isdigit():
                name = f"days.{DAY_KEYS[int(number)]}.{DAY_FIELDS[prefix]}"
            elif name == "__all__" and form is week_form:
                name = "days"
            errors.setdefault(name, []).extend(str(m) for m in messages)
    return errors


@extend_schema(
    methods=["PUT", "PATCH"],
    request=ProfileSerializer,
    description="The same rules as the profile page: a change of days, goal or injury re-plans "
    "the days ahead that nobody touched. PATCH changes the fields given (and, in `days`, the "
    "days given); PUT needs them all.",
)
@extend_schema(
    tags=["profile"],
    summary="Your runner profile",
    responses={200: ProfileSerializer, 404: error(NO_PROFILE)},
)
@api_view(["GET", "PUT", "PATCH"])
def profile(request: Request) -> Response:
    profile = _onboarded_profile(request)
    if request.method == "GET":
        return Response(profile_json(profile))
    patching = request.method == "PATCH"
    given = ProfileSerializer(data=request.data, partial=patching)
    given.is_valid(raise_exception=True)
    data = _form_data(profile_json(profile) if patching else {}, given.validated_data)
    profile_form = ProfileForm(data, instance=profile)
    week_form = WeekForm(data)
    if not (profile_form.is_valid() & week_form.is_valid()):
        raise ValidationError(_form_errors(profile_form, week_form))
    services.profile_save(
        user=request.user,
        profile_fields={
            **profile_form.profile_fields(),
            "long_run_day": week_form.cleaned_data["long_run_day"],
        },
        commitments=week_form.commitments(),
        injury_was_nothing=profile_form.cleaned_data["injury_was_nothing"],
    )
    return Response(profile_json(_onboarded_profile(request)))
