import re
from datetime import date, timedelta
from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from accounts.models import validate_plausible_date
from plans.models import PAUSE_MAX_DAYS, PlanPause, Session

METRES_PER = {"km": Decimal("1000"), "mi": Decimal("1609.344")}
# ":" or, from a phone's number pad, "." or ","; seconds always take two digits.
DURATION = re.compile(r"^(?:(\d+)[:.,])?(\d{1,2})[:.,](\d{2})$|^(\d+)$")


def parse_duration(text: str) -> timedelta | None:
    """ "45" (minutes), "45:30" or "45.30" (min:s), "1:05:30" or "1.05.30" (h:min:s)."""
    match = DURATION.match(text.strip())
    if match is None:
        return None
    hours, minutes, seconds, only_minutes = match.groups()
    if only_minutes is not None:
        return timedelta(minutes=int(only_minutes))
    if int(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
        return None
    return timedelta(hours=int(hours or 0), minutes=int(minutes), seconds=int(seconds))


class RunLogForm(forms.Form):
    run_date = forms.DateField(
        label="Date", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    distance = forms.DecimalField(
        min_value=Decimal("0.1"), max_value=Decimal("300"), decimal_places=2
    )
    duration = forms.CharField(
        help_text="Minutes (45), minutes and seconds (45:30 or 45.30) or hours (1:05:30).",
        max_length=10,
        # A phone's number pad has "." but no ":", so "45.30" reads as 45:30.
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    effort = forms.IntegerField(
        min_value=1, max_value=10, help_text="1 = very easy, 10 = all-out.", initial=5
    )
    notes = forms.CharField(
        required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, unit: str, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit, self.today = unit, today
        self.fields["run_date"].widget.attrs["max"] = today.isoformat()
        self.fields["distance"].label = f"Distance ({unit})"
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", "Save run"))

    def clean_run_date(self):
        run_date = self.cleaned_data["run_date"]
        if run_date > self.today:
            raise forms.ValidationError("You can only log a run you have already done.")
        if run_date < self.today - timedelta(days=365):
            raise forms.ValidationError("That is more than a year ago.")
        return run_date

    def clean_duration(self):
        duration = parse_duration(self.cleaned_data["duration"])
        if duration is None:
            raise forms.ValidationError("Write the time as 45, 45:30 (or 45.30) or 1:05:30.")
        if not timedelta(minutes=1) <= duration <= timedelta(hours=24):
            raise forms.ValidationError("A run lasts between one minute and 24 hours.")
        return duration

    @property
    def distance_m(self) -> int:
        return int(self.cleaned_data["distance"] * METRES_PER[self.unit])


class SessionStatusForm(forms.Form):
    status = forms.ChoiceField(choices=[("done", "Done"), ("skipped", "Skipped"), ("planned", "")])
    note = forms.CharField(
        required=False,
        max_length=500,
        error_messages={"max_length": "A note is at most 500 characters: shorten it a little."},
    )

    def __init__(self, *args, day: date, today: date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.day, self.today = day, today

    def clean(self) -> dict:
        if self.cleaned_data.get("status") == "done" and self.day > self.today:
            raise forms.ValidationError(
                f"{self.day:%A} is still ahead: tick it off on the day, or skip it now if "
                "you will not do it."
            )
        return self.cleaned_data


class SessionMoveForm(forms.Form):
    """The runner moves a session still ahead to another day of its week, today or later."""

    day = forms.DateField(input_formats=["%Y-%m-%d"])

    def __init__(self, *args, session: Session, today: date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.session, self.today = session, today

    def clean(self) -> dict:
        day = self.cleaned_data.get("day")
        session = self.session
        if session.date < self.today or not session.is_open or session.post_run:
            raise forms.ValidationError(
                "Only a planned session from today on moves (a run's block goes with its run)."
            )
        week = session.date - timedelta(days=session.date.weekday())
        if day is not None and not (max(week, self.today) <= day <= week + timedelta(days=6)):
            raise forms.ValidationError(
                "Pick a day of the same week, from today on; nothing was moved."
            )
        return self.cleaned_data


class PauseForm(forms.Form):
    """Pause the plan: the days from `start` to `end` stay free."""

    start = forms.DateField(
        label="From",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[validate_plausible_date],
    )
    end = forms.DateField(
        label="To (the last free day)",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[validate_plausible_date],
    )
    reason = forms.CharField(
        label="Why (optional)", max_length=100, required=False, help_text="A holiday, an illness…"
    )

    def __init__(self, *args, runner_id: int, today: date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.runner_id = runner_id
        self.today = today
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean(self) -> dict:
        data = self.cleaned_data
        start, end = data.get("start"), data.get("end")
        if start is None or end is None:
            return data
        if start < self.today:
            raise forms.ValidationError("A pause can start today at the earliest.")
        if end < start:
            raise forms.ValidationError("The last day of the pause cannot be before its first.")
        if (end - start).days + 1 > PAUSE_MAX_DAYS:
            raise forms.ValidationError(
                f"A pause lasts at most {PAUSE_MAX_DAYS // 7} weeks. For a longer break, "
                "change your goal instead."
            )
        overlap = (
            PlanPause.objects.filter(runner_id=self.runner_id, start__lte=end, end__gte=start)
            .order_by("start")
            .first()
        )
        if overlap is not None:
            raise forms.ValidationError(
                f"This overlaps your pause from {overlap.start:%-d %b} to {overlap.end:%-d %b}. "
                "Change the dates, or end that pause first."
            )
        return data
