from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, cast

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.db import models
from django.db.models import Q
from django.http import QueryDict

from accounts.models import Coaching, User, Weekday, validate_plausible_date
from config.forms import IdsChoiceField
from exercises.models import Exercise
from exercises.vocabulary import Kind
from plans.coaching.lines import ExerciseLines, LineFields, StoredDose
from plans.coaching.services import ExerciseLine, TemplateSessionData
from plans.models import (
    MAX_SESSION_MINUTES,
    PlanTemplate,
    RunPurpose,
    Session,
    SessionKind,
    TemplateSession,
)
from plans.services import monday_of

DEFAULT_TITLES: dict[str, str] = {SessionKind.STRENGTH: "Strength session"}
KIND_LEGENDS: dict[str, str] = {
    SessionKind.RUN: "For a run",
    SessionKind.CROSS_TRAINING: "For cross-training",
    SessionKind.STRENGTH: "For strength",
}


def _bootstrap(form: forms.Form) -> None:
    """Bootstrap classes for the forms laid out by hand rather than by crispy."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput):
            widget.attrs["class"] = "form-check-input"
        elif isinstance(widget, forms.Select):
            widget.attrs["class"] = "form-select form-select-sm"
        else:
            widget.attrs["class"] = "form-control form-control-sm"


def _helper(label: str) -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit("save", label))
    return helper


def _default_title(kind: str, purpose: str, activity: Exercise | None) -> str:
    if kind == SessionKind.RUN and purpose:
        return RunPurpose(purpose).label
    if kind == SessionKind.CROSS_TRAINING and activity is not None:
        return activity.name
    return DEFAULT_TITLES.get(kind, "Session")


class TemplateForm(forms.ModelForm):
    class Meta:
        model = PlanTemplate
        fields = ["name", "description", "runner_type", "weeks"]
        labels = {"runner_type": "Meant for", "weeks": "Length in weeks"}
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Save template")

    def clean_weeks(self):
        weeks = self.cleaned_data["weeks"]
        if self.instance.pk and self.instance.sessions.filter(week_index__gte=weeks).exists():
            raise forms.ValidationError(
                f"Week {weeks + 1} or later holds sessions: remove them before shortening."
            )
        return weeks


@dataclass(frozen=True)
class KindGroup:
    """The fields only one kind of session needs, laid out under their own legend."""

    kind: str
    legend: str
    fields: list[forms.BoundField]
    lines: list[LineFields]


def _strength_moves(coach: User, items: Sequence[StoredDose]) -> list[Exercise]:
    """The coach's and the library's strength moves, and whatever the session holds already
    (a move of a former coach stays choosable where it is)."""
    held = [item.exercise_id for item in items]
    choosable = Exercise.objects.choosable_by(coach).filter(kind=Kind.STRENGTH)
    return list(choosable | Exercise.objects.filter(pk__in=held))


class KindLayout(forms.Form):
    """A session form laid out by kind: the fields every session has, then one group per kind
    (a run's purpose, the activity of cross-training, the exercise lines of strength)."""

    COMMON_FIELDS: tuple[str, ...] = ()
    KIND_FIELDS: dict[str, tuple[str, ...]] = {
        SessionKind.RUN: ("purpose",),
        SessionKind.CROSS_TRAINING: ("activity",),
        SessionKind.STRENGTH: (),
    }
    line_fields: ExerciseLines
    exercises: list[ExerciseLine]

    @property
    def session_details(self) -> list[forms.BoundField]:
        return [self[name] for name in self.COMMON_FIELDS]

    @property
    def kind_groups(self) -> list[KindGroup]:
        return [
            KindGroup(
                kind=kind,
                legend=KIND_LEGENDS[kind],
                fields=[self[name] for name in names if name in self.fields],
                lines=self.line_fields.bound if kind == SessionKind.STRENGTH else [],
            )
            for kind, names in self.KIND_FIELDS.items()
        ]

    def _clean_exercises(self, kind: str | None) -> None:
        """Lines count for strength only: with scripts off every group is on the page, and what
        a run leaves in them is ignored."""
        self.exercises = self.line_fields.clean() if kind == SessionKind.STRENGTH else []
        if kind == SessionKind.STRENGTH and not self.exercises and not self.errors:
            self.add_error("exercise_1", "A strength session needs at least one exercise.")


class SessionFields(KindLayout):
    """What a run, cross-training or strength session needs, shared by templates and weeks."""

    kind = forms.ChoiceField(choices=SessionKind.choices)
    purpose = forms.ChoiceField(choices=[("", "—")] + RunPurpose.choices, required=False)
    activity = forms.ModelChoiceField(
        queryset=Exercise.objects.none(), required=False, empty_label="—"
    )
    title = forms.CharField(
        max_length=120, required=False, help_text="Left empty, the kind of session names it."
    )
    minutes = forms.IntegerField(min_value=5, max_value=MAX_SESSION_MINUTES)

    def __init__(
        self, *args: Any, coach: User, items: Sequence[StoredDose] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(
            forms.ModelChoiceField, self.fields["activity"]
        ).queryset = Exercise.objects.choosable_by(coach).filter(kind=Kind.CROSS_TRAINING)
        moves = _strength_moves(coach, items)
        self.line_fields = ExerciseLines(self, moves, ExerciseLines.count_for(items))

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        kind = data.get("kind")
        if kind == SessionKind.RUN and not data.get("purpose"):
            self.add_error("purpose", "Choose what kind of run it is.")
        if kind == SessionKind.CROSS_TRAINING and not data.get("activity"):
            self.add_error("activity", "Choose the activity.")
        if kind and not data.get("title"):
            data["title"] = _default_title(kind, data.get("purpose", ""), data.get("activity"))
        self._clean_exercises(kind)
        return data

    @property
    def session_values(self) -> dict[str, Any]:
        """The cleaned session as the coaching services take it."""
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "purpose": data["purpose"],
            "activity_id": data["activity"].pk if data["activity"] else None,
            "title": data["title"],
            "minutes": data["minutes"],
            "exercises": self.exercises,
        }


class TemplateSessionForm(SessionFields):
    week = forms.TypedChoiceField(coerce=int)
    weekday = forms.TypedChoiceField(choices=Weekday.choices, coerce=int, label="Day")
    post_run = forms.BooleanField(required=False, label="Right after a run")

    COMMON_FIELDS = ("week", "weekday", "kind", "title", "minutes")
    KIND_FIELDS = {**KindLayout.KIND_FIELDS, SessionKind.STRENGTH: ("post_run",)}

    def __init__(
        self,
        *args: Any,
        template: PlanTemplate,
        session: TemplateSession | None = None,
        **kwargs: Any,
    ) -> None:
        """With a stored `session`, the form starts filled in with it, for editing it."""
        items = list(session.exercises.all()) if session is not None else []
        if session is not None:
            kwargs["initial"] = self.initial_for(session, items)
        super().__init__(*args, coach=template.coach, items=items, **kwargs)
        cast(forms.ChoiceField, self.fields["week"]).choices = [
            (i, f"Week {i + 1}") for i in range(template.weeks)
        ]
        _bootstrap(self)

    @property
    def session_data(self) -> TemplateSessionData:
        data = self.cleaned_data
        return TemplateSessionData(
            week_index=data["week"],
            weekday=data["weekday"],
            post_run=data["post_run"],
            **self.session_values,
        )

    @staticmethod
    def initial_for(session: TemplateSession, items: Sequence[StoredDose]) -> dict[str, Any]:
        """The form filled in with a stored template session, for editing it."""
        return {
            "week": session.week_index,
            "weekday": session.weekday,
            "kind": session.kind,
            "purpose": session.purpose,
            "activity": session.activity_id,
            "title": session.title,
            "minutes": session.minutes,
            "post_run": session.post_run,
            **ExerciseLines.initial(items),
        }


class AssignForm(forms.Form):
    athletes = IdsChoiceField(queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple)
    start = forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[validate_plausible_date],
        help_text="A Monday: week 1 of the template starts that day.",
    )
    override_return = forms.BooleanField(
        label="Assign the template as written, beyond the limits of a return from injury",
        required=False,
    )

    def __init__(self, *args, coach: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.athlete_choices = (
            User.objects.filter(
                pk__in=Coaching.objects.current().filter(coach=coach).values("athlete_id")
            )
            .select_related("runner_profile")  # for each athlete's own today
            .order_by("display_name", "email")
        )
        athletes_field = cast(forms.ModelChoiceField, self.fields["athletes"])
        athletes_field.queryset = self.athlete_choices
        self.fields["athletes"].error_messages["invalid_choice"] = (
            "%(value)s is not one of your athletes."
        )
        _bootstrap(self)
        self.fields["start"].widget.attrs["class"] = "form-control w-auto"

    def clean_start(self):
        start = self.cleaned_data["start"]
        if start.weekday() != 0:
            raise forms.ValidationError("Start on a Monday.")
        return start

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        start, athletes = cleaned.get("start"), cleaned.get("athletes")
        if start and athletes:
            over = [str(athlete) for athlete in athletes if start < monday_of(athlete.today())]
            if over:
                self.add_error(
                    "start", f"That week is over for {', '.join(over)}: start this week or later."
                )
        return cleaned


class CoachSessionForm(SessionFields):
    day = forms.TypedChoiceField(coerce=date.fromisoformat)
    coach_note = forms.CharField(max_length=500, required=False, label="Note for the athlete")

    COMMON_FIELDS = ("day", "kind", "title", "minutes", "coach_note")

    def __init__(self, *args: Any, week_start: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        days = [week_start + timedelta(days=offset) for offset in range(7)]
        cast(forms.ChoiceField, self.fields["day"]).choices = [
            (day.isoformat(), f"{day:%A %-d %b}") for day in days
        ]
        _bootstrap(self)


class CoachSessionEditForm(KindLayout):
    """Change a session of the athlete's week; its kind stays, and only its kind's fields show."""

    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    title = forms.CharField(max_length=120)
    purpose = forms.ChoiceField(choices=[("", "—")] + RunPurpose.choices, required=False)
    activity = forms.ModelChoiceField(
        queryset=Exercise.objects.none(), required=False, empty_label="—"
    )
    minutes = forms.IntegerField(min_value=5, max_value=MAX_SESSION_MINUTES)
    coach_note = forms.CharField(
        max_length=500,
        required=False,
        label="Note for the athlete",
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    COMMON_FIELDS = ("day", "title", "minutes", "coach_note")

    def __init__(self, *args: Any, session: Session, coach: User, **kwargs: Any) -> None:
        """Starts filled in with the `session` it edits. A session the athlete marked or
        logged is `locked`: their record, where only the coach's note may change."""
        items = list(session.exercises.all()) if session.kind == SessionKind.STRENGTH else []
        kwargs["initial"] = self.initial_for(session, items)
        super().__init__(*args, **kwargs)
        self.session = session
        self.locked = not session.is_open
        if self.locked and self.is_bound:
            self.data = _with_stored(self.data, self.initial)
        self.KIND_FIELDS = {session.kind: KindLayout.KIND_FIELDS[session.kind]}
        for kind, names in KindLayout.KIND_FIELDS.items():
            for name in names if kind != session.kind else ():
                del self.fields[name]
        if session.kind == SessionKind.CROSS_TRAINING:
            choosable = Exercise.objects.choosable_by(coach).filter(kind=Kind.CROSS_TRAINING)
            cast(
                forms.ModelChoiceField, self.fields["activity"]
            ).queryset = Exercise.objects.filter(
                Q(pk=session.activity_id) | Q(pk__in=choosable.values("pk"))
            )
        strength = session.kind == SessionKind.STRENGTH
        self.line_fields = ExerciseLines(
            self,
            _strength_moves(coach, items) if strength else [],
            ExerciseLines.count_for(items) if strength else 0,
        )
        _bootstrap(self)

    @staticmethod
    def initial_for(session: Session, items: Sequence[StoredDose]) -> dict[str, Any]:
        return {
            "day": session.date,
            "title": session.title,
            "purpose": session.purpose,
            "activity": session.activity_id,
            "minutes": session.minutes,
            "coach_note": session.coach_note,
            **ExerciseLines.initial(items),
        }

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        kind = self.session.kind
        if kind == SessionKind.RUN and not data.get("purpose"):
            self.add_error("purpose", "Choose what kind of run it is.")
        if kind == SessionKind.CROSS_TRAINING and not data.get("activity"):
            self.add_error("activity", "Choose the activity.")
        if not self.locked:
            self._clean_exercises(kind)
        elif self._content_changed():
            self.add_error(None, LOCKED.format(athlete=self.session.runner))
        return data

    def _content_changed(self) -> bool:
        """Whether what was sent differs from the stored session in anything but the note."""
        return any(
            _comparable(self.cleaned_data.get(name)) != _comparable(self.initial.get(name))
            for name in self.fields
            if name != "coach_note"
        )

    @property
    def changes(self) -> dict[str, Any]:
        """The cleaned form as coach_session_update takes it: a purpose for a run, an activity
        for cross-training, exercises for strength."""
        data = self.cleaned_data
        activity = data.get("activity")
        return {
            "day": data["day"],
            "title": data["title"],
            "minutes": data["minutes"],
            "purpose": data.get("purpose", ""),
            "activity_id": activity.pk if activity else None,
            "coach_note": data["coach_note"],
            "exercises": self.exercises,
        }

    def clean_day(self) -> date:
        day = self.cleaned_data["day"]
        if abs((day - self.session.date).days) > 366:
            raise forms.ValidationError("Move it within a year of its day.")
        return day


LOCKED = (
    "{athlete} has already marked or logged this session: it is their record and stays as it "
    "is. Only your note for them can change; nothing was saved."
)


def _with_stored(data: Mapping[str, Any], initial: Mapping[str, Any]) -> QueryDict:
    """The posted data, with the stored value for each field it leaves out: a locked session's
    page sends only the note."""
    filled = QueryDict(mutable=True)
    filled.update(data)
    for name, value in initial.items():
        if name not in data and value is not None:
            filled[name] = str(value)
    return filled


def _comparable(value: object) -> object:
    """A cleaned or stored value in one form: an object by its id, empty as None."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, str):
        return value.strip() or None
    return value


class WeekNoteForm(forms.Form):
    text = forms.CharField(
        max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}), label="Note"
    )


class GroupForm(forms.Form):
    name = forms.CharField(max_length=40, required=False, label="Group")


class SaveWeeksForm(forms.Form):
    name = forms.CharField(max_length=120)
    weeks = forms.TypedChoiceField(
        choices=[(n, f"{n} week{'s' * (n > 1)}") for n in (1, 2, 3, 4)], coerce=int, initial=1
    )
