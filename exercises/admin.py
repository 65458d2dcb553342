from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from exercises.forms import add_problems
from exercises.models import TAG_FIELDS, Cue, Exercise, Tag
from exercises.validation import cue_problems, range_problems


class ExerciseAdminForm(forms.ModelForm):
    """The exercise's own fields; its cues are checked by `CueFormSet`."""

    def clean(self):
        super().clean()
        data = self.cleaned_data
        add_problems(self, range_problems(data))
        return data


class CueFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form.cleaned_data["text"]
            for form in self.forms
            if form.cleaned_data.get("text") and not form.cleaned_data.get("DELETE")
        ]
        problems = cue_problems(kind=self.instance.kind, cues=kept)
        if problems:
            raise ValidationError([problem.message for problem in problems])


class CueInline(admin.TabularInline):
    model = Cue
    formset = CueFormSet
    extra = 1
    ordering = ["position"]


@admin.register(Exercise)
class ExerciseAdmin(admin.ModelAdmin):
    form = ExerciseAdminForm
    list_display = ["name", "kind", "impact", "rep_min", "rep_max", "per_side", "owner"]
    list_filter = [
        "kind",
        "impact",
        ("owner", admin.EmptyFieldListFilter),
        "plyometric",
        "running_sport",
        "leg_heavy",
        *TAG_FIELDS,
    ]
    search_fields = ["name", "slug", "description", "owner__email"]
    list_select_related = ["owner"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["owner", "easier", "harder"]
    inlines = [CueInline]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in TAG_FIELDS:
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "facet", "code", "position"]
    list_filter = ["facet"]
    search_fields = ["name", "code"]
