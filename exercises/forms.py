from collections.abc import Iterable
from typing import cast

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row, Submit
from django import forms
from django.db.models import Q

from config.forms import IdsChoiceField
from exercises.models import TAG_FIELDS, Exercise
from exercises.validation import Problem, exercise_problems
from exercises.vocabulary import Equipment, Impact, InjuryArea, Kind, Muscle, Place

LOW_OR_NO_IMPACT = "low"
SAFE_FOR_CHOICES = [(code, f"{label} injury") for code, label in InjuryArea.choices]


def _any(label: str, choices) -> list[tuple[str, str]]:
    return [("", label), *choices]


def add_problems(form: forms.BaseForm, problems: Iterable[Problem]) -> None:
    """Show each problem next to its field."""
    for problem in problems:
        form.add_error(problem.field, problem.message)


class ExerciseFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=100)
    kind = forms.ChoiceField(required=False, choices=_any("Any kind", Kind.choices))
    muscle = forms.ChoiceField(required=False, choices=_any("Any muscle", Muscle.choices))
    equipment = forms.ChoiceField(required=False, choices=_any("Any equipment", Equipment.choices))
    place = forms.ChoiceField(required=False, choices=_any("Anywhere", Place.choices))
    impact = forms.ChoiceField(
        required=False,
        choices=[
            ("", "Any impact"),
            (LOW_OR_NO_IMPACT, "Low or no impact"),
            (Impact.NONE, "No impact only"),
            (Impact.HIGH, "High impact"),
        ],
    )
    safe_for = forms.ChoiceField(
        label="Safe for",
        required=False,
        choices=_any("Any injury", SAFE_FOR_CHOICES),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Row(
                Column("q", css_class="col-md-6"),
                Column("kind", css_class="col-md-3"),
                Column("impact", css_class="col-md-3"),
            ),
            Row(
                Column("muscle", css_class="col-md-3"),
                Column("equipment", css_class="col-md-3"),
                Column("place", css_class="col-md-3"),
                Column("safe_for", css_class="col-md-3"),
            ),
        )

    def filter(self, exercises):
        """Narrow the queryset by every filled-in field; call after `is_valid()`."""
        data = self.cleaned_data
        if data["q"]:
            exercises = exercises.filter(
                Q(name__icontains=data["q"]) | Q(description__icontains=data["q"])
            )
        if data["kind"]:
            exercises = exercises.filter(kind=data["kind"])
        if data["impact"] == LOW_OR_NO_IMPACT:
            exercises = exercises.filter(impact__in=[Impact.NONE, Impact.LOW])
        elif data["impact"]:
            exercises = exercises.filter(impact=data["impact"])
        # One join per list filter: each matches at most one tag row, so no duplicates.
        for field, relation in [
            ("muscle", "muscles"),
            ("equipment", "equipment"),
            ("place", "places"),
            ("safe_for", "suits"),
        ]:
            if data[field]:
                exercises = exercises.filter(**{f"{relation}__code": data[field]})
        return exercises


class ExerciseForm(forms.ModelForm):
    cues = forms.CharField(
        label="Form cues",
        required=False,
        max_length=3000,  # ten cues of the longest kind
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="One step per line, in the order the athlete does them.",
    )

    class Meta:
        model = Exercise
        fields = [
            "name",
            "kind",
            "description",
            "cues",
            "rep_min",
            "rep_max",
            "per_side",
            "hold_seconds_min",
            "hold_seconds_max",
            "duration_min_seconds",
            "duration_max_seconds",
            "default_sets",
            "easier",
            "harder",
            *TAG_FIELDS,
            "impact",
            "plyometric",
            "running_sport",
            "leg_heavy",
        ]
        field_classes = {name: IdsChoiceField for name in TAG_FIELDS}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            **{name: forms.CheckboxSelectMultiple for name in TAG_FIELDS},
        }

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        if self.instance.pk:
            self.initial["cues"] = "\n".join(cue.text for cue in self.instance.cues.all())
        variations = Exercise.objects.choosable_by(owner).exclude(pk=self.instance.pk)
        easier_field = cast(forms.ModelChoiceField, self.fields["easier"])
        easier_field.queryset = variations
        harder_field = cast(forms.ModelChoiceField, self.fields["harder"])
        harder_field.queryset = variations
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Fieldset("The exercise", "name", "kind", "description", "cues"),
            Fieldset(
                "How much",
                Row(Column("rep_min"), Column("rep_max"), Column("per_side")),
                Row(Column("hold_seconds_min"), Column("hold_seconds_max")),
                Row(Column("duration_min_seconds"), Column("duration_max_seconds")),
                "default_sets",
            ),
            Fieldset("Variations", Row(Column("easier"), Column("harder"))),
            Fieldset(
                "Tags",
                Row(Column("muscles"), Column("equipment"), Column("places")),
                Row(Column("impact"), Column("plyometric", "running_sport", "leg_heavy")),
                Row(Column("suits"), Column("avoids")),
            ),
            Submit("save", "Save exercise"),
        )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        same_name = Exercise.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if same_name.filter(owner__isnull=True).exists():
            raise forms.ValidationError(
                f"The library already has “{name}”: open it from the library instead."
            )
        if same_name.filter(owner=self.owner).exists():
            raise forms.ValidationError(f"You already have an exercise called “{name}”.")
        return name

    def clean_cues(self):
        return [line.strip() for line in self.cleaned_data["cues"].splitlines() if line.strip()]

    def clean(self):
        super().clean()
        data = self.cleaned_data
        add_problems(self, exercise_problems(data))
        return data

    def exercise_parts(self) -> dict:
        """The unsaved exercise, its cues and its tags, as `exercise_create` and
        `exercise_update` take them; call after `is_valid()`."""
        return {
            "exercise": self.save(commit=False),
            "cues": self.cleaned_data["cues"],
            "tags": {name: self.cleaned_data[name] for name in TAG_FIELDS},
        }
