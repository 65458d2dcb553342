from datetime import date, timedelta
from typing import Any, cast

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from accounts.models import Coaching, User, Weekday
from exercises.models import Exercise
from exercises.vocabulary import Kind
from plans.coaching.services import ExerciseLine, TemplateSessionData
from plans.models import MAX_SESSION_MINUTES, PlanTemplate, RunPurpose, SessionKind
from plans.services import monday_of

EXERCISE_LINES = 4
EXERCISE_LINE_FIELDS = ("exercise", "sets", "rep_min", "rep_max")
DEFAULT_TITLES = {SessionKind.STRENGTH: "Strength session"}


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


class SessionFields(forms.Form):
    """What a run, cross-training or strength session needs, shared by templates and weeks."""

    kind = forms.ChoiceField(choices=SessionKind.choices)
    purpose = forms.ChoiceField(
        choices=[("", "—")] + RunPurpose.choices, required=False, help_text="For a run."
    )
    activity = forms.ModelChoiceField(
        queryset=Exercise.objects.none(), required=False, help_text="For cross-training."
    )
    title = forms.CharField(
        max_length=120, required=False, help_text="Left empty, the kind of session names it."
    )
    minutes = forms.IntegerField(min_value=5, max_value=MAX_SESSION_MINUTES)

    def __init__(self, *args, coach: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = Exercise.objects.choosable_by(coach).filter(
            kind=Kind.CROSS_TRAINING
        )

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == SessionKind.RUN and not data.get("purpose"):
            self.add_error("purpose", "Choose what kind of run it is.")
        if kind == SessionKind.CROSS_TRAINING and not data.get("activity"):
            self.add_error("activity", "Choose the activity.")
        if kind and not data.get("title"):
            data["title"] = _default_title(kind, data.get("purpose", ""), data.get("activity"))
        return data

    @property
    def session_values(self) -> dict:
        """The cleaned session as the coaching services take it."""
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "purpose": data["purpose"],
            "activity_id": data["activity"].pk if data["activity"] else None,
            "title": data["title"],
            "minutes": data["minutes"],
        }


class TemplateSessionForm(SessionFields):
    week = forms.TypedChoiceField(coerce=int)
    weekday = forms.TypedChoiceField(choices=Weekday.choices, coerce=int, label="Day")
    post_run = forms.BooleanField(required=False, label="Right after a run")

    SESSION_DETAILS = (
        "week",
        "weekday",
        "kind",
        "purpose",
        "activity",
        "title",
        "minutes",
        "post_run",
    )
    field_order = SESSION_DETAILS

    def __init__(self, *args, template: PlanTemplate, session=None, **kwargs):
        """With a stored `session`, the form starts filled in with it, for editing it."""
        if session is not None:
            kwargs["initial"] = self.initial_for(session)
        super().__init__(*args, coach=template.coach, **kwargs)
        self.fields["week"].choices = [(i, f"Week {i + 1}") for i in range(template.weeks)]
        moves = Exercise.objects.choosable_by(template.coach).filter(kind=Kind.STRENGTH)
        for line in range(1, EXERCISE_LINES + 1):
            self.fields[f"exercise_{line}"] = forms.ModelChoiceField(
                queryset=moves, required=False, label=f"Exercise {line}"
            )
            self.fields[f"sets_{line}"] = forms.IntegerField(
                min_value=1, max_value=10, required=False, label="Sets"
            )
            self.fields[f"rep_min_{line}"] = forms.IntegerField(
                min_value=1, max_value=100, required=False, label="Reps"
            )
            self.fields[f"rep_max_{line}"] = forms.IntegerField(
                min_value=1, max_value=100, required=False, label="to"
            )
        _bootstrap(self)

    def clean(self):
        data = super().clean()
        self.lines = []
        for line in range(1, EXERCISE_LINES + 1):
            exercise, sets = data.get(f"exercise_{line}"), data.get(f"sets_{line}")
            rep_min, rep_max = data.get(f"rep_min_{line}"), data.get(f"rep_max_{line}")
            if exercise is None:
                continue
            if not sets or not rep_min:
                self.add_error(f"sets_{line}", f"Give sets and reps for {exercise.name}.")
                continue
            if rep_max is not None and rep_max < rep_min:
                self.add_error(f"rep_max_{line}", "The top of the range is below its bottom.")
                continue
            self.lines.append(
                ExerciseLine(exercise_id=exercise.pk, sets=sets, rep_min=rep_min, rep_max=rep_max)
            )
        if data.get("kind") == SessionKind.STRENGTH and not self.lines and not self.errors:
            self.add_error("exercise_1", "A strength session needs at least one exercise.")
        return data

    @property
    def session_details(self) -> list[forms.BoundField]:
        return [self[name] for name in self.SESSION_DETAILS]

    @property
    def exercise_lines(self) -> list[list[forms.BoundField]]:
        return [
            [self[f"{name}_{line}"] for name in EXERCISE_LINE_FIELDS]
            for line in range(1, EXERCISE_LINES + 1)
        ]

    @property
    def session_data(self) -> TemplateSessionData:
        data = self.cleaned_data
        return TemplateSessionData(
            week_index=data["week"],
            weekday=data["weekday"],
            post_run=data["post_run"],
            exercises=self.lines,
            **self.session_values,
        )

    @staticmethod
    def initial_for(session) -> dict:
        """The form filled in with a stored template session, for editing it."""
        initial = {
            "week": session.week_index,
            "weekday": session.weekday,
            "kind": session.kind,
            "purpose": session.purpose,
            "activity": session.activity_id,
            "title": session.title,
            "minutes": session.minutes,
            "post_run": session.post_run,
        }
        for line, item in enumerate(session.exercises.all(), start=1):
            initial |= {
                f"exercise_{line}": item.exercise_id,
                f"sets_{line}": item.sets,
                f"rep_min_{line}": item.rep_min,
                f"rep_max_{line}": item.rep_max,
            }
        return initial


class AssignForm(forms.Form):
    athletes = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    start = forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="A Monday: week 1 of the template starts that day.",
    )

    def __init__(self, *args, coach: User, **kwargs):
        super().__init__(*args, **kwargs)
        athletes_field = cast(forms.ModelChoiceField, self.fields["athletes"])
        athletes_field.queryset = (
            User.objects.filter(
                pk__in=Coaching.objects.current().filter(coach=coach).values("athlete_id")
            )
            .select_related("runner_profile")  # for each athlete's own today
            .order_by("display_name", "email")
        )
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

    field_order = ["day", "kind", "purpose", "activity", "title", "minutes", "coach_note"]

    def __init__(self, *args, week_start: date, **kwargs):
        super().__init__(*args, **kwargs)
        days = [week_start + timedelta(days=offset) for offset in range(7)]
        self.fields["day"].choices = [(day.isoformat(), f"{day:%A %-d %b}") for day in days]
        self.helper = _helper("Add session")


class CoachSessionEditForm(forms.Form):
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    title = forms.CharField(max_length=120)
    purpose = forms.ChoiceField(choices=[("", "—")] + RunPurpose.choices, required=False)
    minutes = forms.IntegerField(min_value=5, max_value=MAX_SESSION_MINUTES)
    coach_note = forms.CharField(
        max_length=500,
        required=False,
        label="Note for the athlete",
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, session, **kwargs):
        """Starts filled in with the `session` it edits."""
        super().__init__(*args, initial=self.initial_for(session), **kwargs)
        self.session = session
        if not session.is_run:
            del self.fields["purpose"]
        self.helper = _helper("Save changes")

    @staticmethod
    def initial_for(session) -> dict:
        return {
            "day": session.date,
            "title": session.title,
            "purpose": session.purpose,
            "minutes": session.minutes,
            "coach_note": session.coach_note,
        }

    @property
    def changes(self) -> dict:
        """The cleaned form as coach_session_update takes it; only a run has a purpose."""
        data = self.cleaned_data
        return {
            "day": data["day"],
            "title": data["title"],
            "minutes": data["minutes"],
            "purpose": data.get("purpose", ""),
            "coach_note": data["coach_note"],
        }

    def clean_purpose(self):
        if not self.cleaned_data["purpose"]:
            raise forms.ValidationError("Choose what kind of run it is.")
        return self.cleaned_data["purpose"]

    def clean_day(self):
        day = self.cleaned_data["day"]
        if abs((day - self.session.date).days) > 366:
            raise forms.ValidationError("Move it within a year of its day.")
        return day


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
