from datetime import date, timedelta
from typing import Any, cast

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout
from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.utils import timezone

from accounts.models import (
    MAX_DAY_MINUTES,
    RUNNER_TYPE_HELP,
    Goal,
    GoalKind,
    ProcessFocus,
    RaceDistance,
    RunnerProfile,
    RunnerType,
    User,
    Weekday,
    validate_plausible_date,
    validate_time_zone,
)
from accounts.services import CommitmentData
from exercises.vocabulary import Activity, Equipment, InjuryArea, Place

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DURATION_HELP = "Hours, minutes and seconds, e.g. 0:55:00."


def _without_form_tag() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    return helper


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email", widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )


EMAIL_TAKEN = "An account with this email already exists. Log in instead."


class EmailUniqueMixin:
    # Provided by the ModelForm this is mixed into.
    cleaned_data: dict[str, Any]
    instance: User

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        others = User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(EMAIL_TAKEN)
        return email


class SignupForm(EmailUniqueMixin, forms.ModelForm):
    role = forms.ChoiceField(
        label="I am signing up as",
        choices=[("runner", "A runner"), ("coach", "A coach (you can add your own running later)")],
        widget=forms.RadioSelect,
        initial="runner",
    )
    password1 = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    class Meta:
        model = User
        fields = ["role", "display_name", "email"]
        labels = {"display_name": "Your name"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
        self.helper = _without_form_tag()

    def clean_password2(self):
        first, second = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if first and second and first != second:
            raise forms.ValidationError("The two passwords differ. Type the same one twice.")
        return second

    def _post_clean(self):
        super()._post_clean()  # type: ignore[misc]  # private to Django: not in the stubs
        password = self.cleaned_data.get("password2")
        if password:
            try:
                password_validation.validate_password(password, self.instance)
            except forms.ValidationError as error:
                self.add_error("password2", error)

    def save(self, commit=True):
        user = super().save(commit=False)
        user.is_coach = self.cleaned_data["role"] == "coach"
        user.set_password(self.cleaned_data["password1"])
        if commit:
            user.save()
        return user


class AccountForm(EmailUniqueMixin, forms.Form):
    """Name and email address. A new address asks for the current password, and only counts
    once the link sent to it is opened (the service keeps it apart until then)."""

    display_name = forms.CharField(label="Your name", max_length=150)
    email = forms.EmailField(
        label="Email",
        max_length=254,  # the column's width
        help_text="A new address takes over once you open the link we send to it.",
    )
    current_password = forms.CharField(
        label="Current password",
        strip=False,
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Needed to change your email address.",
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"display_name": user.display_name, "email": user.email})
        super().__init__(*args, **kwargs)
        self.user = self.instance = user
        self.helper = _without_form_tag()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        email = cleaned.get("email")
        if email and email != self.user.email:
            password = cleaned.get("current_password")
            if not password:
                self.add_error(
                    "current_password", "Enter your current password to change your email."
                )
            elif not self.user.check_password(password):
                self.add_error("current_password", "That is not your current password.")
        return cleaned


# Whether and when the runner gets emails, and the clock they live by: theirs alone to set.
RUNNER_ONLY_FIELDS = (
    "time_zone",
    "reminders_enabled",
    "reminder_delay_minutes",
    "quiet_hours_start",
    "quiet_hours_end",
)


class ProfileForm(forms.ModelForm):
    runner_type = forms.ChoiceField(
        label="What kind of runner are you?",
        choices=[
            (value, f"{label} — {RUNNER_TYPE_HELP[value]}") for value, label in RunnerType.choices
        ],
        widget=forms.RadioSelect,
    )
    time_zone = forms.CharField(
        max_length=64,
        validators=[validate_time_zone],
        help_text="Filled in from your browser; a name such as Europe/Paris.",
    )
    liked_activities = forms.MultipleChoiceField(
        label="Cross-training you enjoy",
        choices=Activity.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    equipment = forms.MultipleChoiceField(
        label="Equipment you have",
        choices=Equipment.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    places = forms.MultipleChoiceField(
        label="Places you can train",
        choices=Place.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    injury_was_nothing = forms.BooleanField(
        label="It was nothing: no need to ease back in",
        help_text="Tick this as you untick the injury and your plan goes straight back to normal.",
        required=False,
    )

    class Meta:
        model = RunnerProfile
        fields = [
            "runner_type",
            "liked_activities",
            "equipment",
            "places",
            "injured",
            "injury_area",
            "injured_since",
            "time_zone",
            "distance_unit",
            "reminders_enabled",
            "reminder_delay_minutes",
            "quiet_hours_start",
            "quiet_hours_end",
        ]
        labels = {
            "injured": "I am injured right now",
            "injury_area": "Where",
            "injured_since": "Since",
            "distance_unit": "Distances in",
            "reminders_enabled": "Email me a strength routine after each run",
            "reminder_delay_minutes": "Minutes after the run",
            "quiet_hours_start": "No emails from",
            "quiet_hours_end": "until",
        }
        help_texts = {
            "injured": (
                "Untick it once the injury has healed: running comes back gradually, for about "
                "a week after less than a week off, two weeks after up to three weeks off and "
                "four weeks after longer."
            ),
            "injured_since": "Empty means today.",
        }
        widgets = {
            "distance_unit": forms.RadioSelect,
            "injured_since": DATE_INPUT,
            "quiet_hours_start": TIME_INPUT,
            "quiet_hours_end": TIME_INPUT,
        }

    def __init__(self, *args, by_coach: bool = False, **kwargs):
        """`by_coach`: the athlete's coach edits it, without the runner's own settings."""
        super().__init__(*args, **kwargs)
        for name in RUNNER_ONLY_FIELDS if by_coach else ():
            del self.fields[name]
        injury_area_field = cast(forms.ChoiceField, self.fields["injury_area"])
        injury_area_field.choices = [("", "—")] + list(InjuryArea.choices)
        if "reminder_delay_minutes" in self.fields:
            self.fields["reminder_delay_minutes"].widget.attrs.update(min=0, max=60)
        if "injured_since" in self.fields:
            self.fields["injured_since"].validators.append(validate_plausible_date)

    def runner_today(self) -> date:
        """The runner's today by the time zone given on this form (a new runner's first answer)
        when it is one we know, else by the one saved."""
        given = self.is_bound and "time_zone" in self.fields
        zone = str(self.data.get("time_zone") or "").strip() if given else ""
        try:
            validate_time_zone(zone)
        except forms.ValidationError:
            zone = self.instance.time_zone
        return RunnerProfile(time_zone=zone).today()

    def clean_injured_since(self):
        since = self.cleaned_data.get("injured_since")
        if since and since > self.runner_today():
            raise forms.ValidationError("The injury cannot start in the future.")
        return since

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("injured"):
            if not cleaned.get("injury_area"):
                self.add_error("injury_area", "Tell us where the injury is.")
            if cleaned.get("injury_was_nothing"):
                self.add_error(
                    "injury_was_nothing",
                    "Untick “I am injured right now” too, or leave this one unticked.",
                )
        else:
            cleaned["injury_area"], cleaned["injured_since"] = "", None
        start, end = cleaned.get("quiet_hours_start"), cleaned.get("quiet_hours_end")
        if (start is None) != (end is None):
            self.add_error("quiet_hours_end", "Give both ends of the quiet hours, or neither.")
        return cleaned

    def profile_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.fields}


class WeekForm(forms.Form):
    """The seven weekdays as table rows: can train, minutes, usual run time; plus the long run."""

    long_run_day = forms.TypedChoiceField(
        label="Long run day",
        choices=[("", "No preference")] + list(Weekday.choices),
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for day in Weekday:
            self.fields[f"available_{day.value}"] = forms.BooleanField(
                label=f"I can train on {day.label}", required=False
            )
            self.fields[f"minutes_{day.value}"] = forms.IntegerField(
                label=f"Minutes on {day.label}",
                min_value=0,
                max_value=MAX_DAY_MINUTES,
                initial=0,
                required=False,
                widget=forms.NumberInput(attrs={"min": 0, "max": MAX_DAY_MINUTES, "step": 5}),
                error_messages={
                    "min_value": f"Minutes go from 0 to {MAX_DAY_MINUTES}.",
                    "max_value": f"Minutes go from 0 to {MAX_DAY_MINUTES}.",
                },
            )
            self.fields[f"time_{day.value}"] = forms.TimeField(
                label=f"Usual run time on {day.label}", required=False, widget=TIME_INPUT
            )

    def rows(self):
        for day in Weekday:
            yield (
                day.label,
                self[f"available_{day.value}"],
                self[f"minutes_{day.value}"],
                self[f"time_{day.value}"],
            )

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        available = [day for day in Weekday if cleaned.get(f"available_{day.value}")]
        if not available:
            raise forms.ValidationError("Pick at least one day you can train.")
        for day in available:
            if (
                not cleaned.get(f"minutes_{day.value}")
                and f"minutes_{day.value}" not in self.errors
            ):
                self.add_error(
                    f"minutes_{day.value}", f"How many minutes do you have on {day.label}?"
                )
        long_run_day = cleaned.get("long_run_day")
        if long_run_day is not None and long_run_day not in available:
            self.add_error("long_run_day", "Pick a long run day you can train on.")
        return cleaned

    def commitments(self) -> list[CommitmentData]:
        return [
            CommitmentData(
                weekday=day.value,
                available=self.cleaned_data[f"available_{day.value}"],
                minutes=self.cleaned_data[f"minutes_{day.value}"] or 0,
                usual_run_time=self.cleaned_data[f"time_{day.value}"],
            )
            for day in Weekday
        ]

    @staticmethod
    def initial_for(profile: RunnerProfile | None) -> dict:
        if profile is None:
            return {}
        initial: dict[str, object] = {"long_run_day": profile.long_run_day}
        for commitment in profile.commitments.all():
            day = commitment.weekday
            initial[f"available_{day}"] = commitment.available
            initial[f"minutes_{day}"] = commitment.minutes
            initial[f"time_{day}"] = commitment.usual_run_time
        return initial


def _other_distance(label: str) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, min_value=1, max_value=500, decimal_places=3, required=False
    )


def _race_date() -> forms.DateField:
    return forms.DateField(
        label="Race date", widget=DATE_INPUT, required=False, validators=[validate_plausible_date]
    )


def _time(label: str) -> forms.DurationField:
    return forms.DurationField(label=label, help_text=DURATION_HELP, required=False)


def _refuse_times_of_zero(form: forms.Form, names: tuple[str, ...]) -> None:
    for name in names:
        duration = form.cleaned_data.get(name)
        if duration is not None and duration <= timedelta(0):
            form.add_error(name, "A time must be longer than zero.")


class GoalsForm(forms.Form):
    """The first goals, at onboarding: a race, a personal best and process habits, each part
    optional. Afterwards each goal is edited on its own (`GoalForm`)."""

    race_distance = forms.ChoiceField(
        label="Race distance",
        choices=[("", "No race")] + list(RaceDistance.choices),
        required=False,
    )
    race_distance_km = _other_distance("Race distance in km (other distance)")
    race_date = _race_date()
    race_target_time = _time("Target time (optional)")
    pb_distance = forms.ChoiceField(
        label="Personal best to beat",
        choices=[("", "None")] + list(RaceDistance.choices),
        required=False,
    )
    pb_distance_km = _other_distance("Distance in km (other distance)")
    pb_time = _time("Current best time")
    process_focuses = forms.MultipleChoiceField(
        label="Habits to work on",
        choices=ProcessFocus.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, today: date, **kwargs):
        """`today` is the runner's: a race before it has passed."""
        super().__init__(*args, **kwargs)
        self.today = today
        self.helper = _without_form_tag()
        self.helper.layout = Layout(
            Div(
                Div("race_distance", css_class="col-md-3"),
                Div("race_distance_km", css_class="col-md-3"),
                Div("race_date", css_class="col-md-3"),
                Div("race_target_time", css_class="col-md-3"),
                css_class="row",
            ),
            Div(
                Div("pb_distance", css_class="col-md-4"),
                Div("pb_distance_km", css_class="col-md-4"),
                Div("pb_time", css_class="col-md-4"),
                css_class="row",
            ),
            "process_focuses",
        )

    def clean_race_date(self):
        race_date = self.cleaned_data.get("race_date")
        if race_date and race_date < self.today:
            raise forms.ValidationError("That date has passed. Pick a race still ahead of you.")
        return race_date

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("race_distance"):
            if not cleaned.get("race_date") and "race_date" not in self.errors:
                self.add_error("race_date", "When is the race?")
            if cleaned["race_distance"] == RaceDistance.OTHER and not cleaned.get(
                "race_distance_km"
            ):
                self.add_error("race_distance_km", "How long is the race, in km?")
        elif cleaned.get("race_date") or cleaned.get("race_target_time"):
            self.add_error("race_distance", "Pick the race distance.")
        if cleaned.get("pb_distance"):
            if not cleaned.get("pb_time"):
                self.add_error("pb_time", "What is your best time over that distance?")
            if cleaned["pb_distance"] == RaceDistance.OTHER and not cleaned.get("pb_distance_km"):
                self.add_error("pb_distance_km", "How long is that distance, in km?")
        _refuse_times_of_zero(self, ("race_target_time", "pb_time"))
        return cleaned

    def goals(self) -> list[dict]:
        data, goals = self.cleaned_data, []
        if data["race_distance"]:
            goals.append(
                {
                    "kind": GoalKind.RACE,
                    "distance": data["race_distance"],
                    "distance_km": data["race_distance_km"]
                    if data["race_distance"] == "other"
                    else None,
                    "race_date": data["race_date"],
                    "target_time": data["race_target_time"],
                }
            )
        if data["pb_distance"]:
            goals.append(
                {
                    "kind": GoalKind.PERSONAL_BEST,
                    "distance": data["pb_distance"],
                    "distance_km": data["pb_distance_km"]
                    if data["pb_distance"] == "other"
                    else None,
                    "pb_time": data["pb_time"],
                }
            )
        goals += [
            {"kind": GoalKind.PROCESS, "process_focus": focus} for focus in data["process_focuses"]
        ]
        return goals


class GoalForm(forms.Form):
    """One goal: a race ahead, a personal best to beat or a habit to work on."""

    kind = forms.ChoiceField(
        label="Kind of goal", choices=GoalKind.choices, widget=forms.RadioSelect
    )
    distance = forms.ChoiceField(
        label="Distance", choices=[("", "—")] + list(RaceDistance.choices), required=False
    )
    distance_km = _other_distance("Distance in km (other distance)")
    race_date = _race_date()
    target_time = _time("Target time (optional)")
    pb_time = _time("Current best time")
    process_focus = forms.ChoiceField(
        label="Habit", choices=[("", "—")] + list(ProcessFocus.choices), required=False
    )

    def __init__(self, *args, today: date, habits_taken: set[str], **kwargs):
        """`today` is the runner's: a race before it has passed. `habits_taken`: the habits
        the runner's other goals already name."""
        super().__init__(*args, **kwargs)
        self.today = today
        self.habits_taken = habits_taken
        self.helper = _without_form_tag()

    def clean(self):
        super().clean()
        data = self.cleaned_data
        kind = data.get("kind")
        if kind in (GoalKind.RACE, GoalKind.PERSONAL_BEST):
            if not data.get("distance"):
                self.add_error("distance", "Pick the distance.")
            elif data["distance"] == RaceDistance.OTHER and not data.get("distance_km"):
                self.add_error("distance_km", "How long is it, in km?")
        if kind == GoalKind.RACE:
            race_date = data.get("race_date")
            if race_date is None and "race_date" not in self.errors:
                self.add_error("race_date", "When is the race?")
            elif race_date is not None and race_date < self.today:
                self.add_error("race_date", "That date has passed. Pick a race still ahead.")
        if kind == GoalKind.PERSONAL_BEST and not data.get("pb_time"):
            self.add_error("pb_time", "What is the best time over that distance?")
        if kind == GoalKind.PROCESS:
            focus = data.get("process_focus")
            if not focus:
                self.add_error("process_focus", "Pick the habit to work on.")
            elif focus in self.habits_taken:
                self.add_error("process_focus", "That habit is already one of the goals.")
        _refuse_times_of_zero(self, ("target_time", "pb_time"))
        return data

    def goal_fields(self) -> dict[str, Any]:
        """The goal's fields: what its kind needs, the rest emptied."""
        data, kind = self.cleaned_data, self.cleaned_data["kind"]
        measured = kind in (GoalKind.RACE, GoalKind.PERSONAL_BEST)
        other = measured and data["distance"] == RaceDistance.OTHER
        return {
            "kind": kind,
            "distance": data["distance"] if measured else "",
            "distance_km": data["distance_km"] if other else None,
            "race_date": data["race_date"] if kind == GoalKind.RACE else None,
            "target_time": data["target_time"] if kind == GoalKind.RACE else None,
            "pb_time": data["pb_time"] if kind == GoalKind.PERSONAL_BEST else None,
            "process_focus": data["process_focus"] if kind == GoalKind.PROCESS else "",
        }

    @staticmethod
    def initial_for(goal: Goal) -> dict[str, Any]:
        return {name: getattr(goal, name) for name in GoalForm.base_fields}


class InviteForm(forms.Form):
    email = forms.EmailField(label="Runner's email", max_length=254)  # the invitation's column

    def __init__(self, *args, coach: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.coach = coach
        self.helper = _without_form_tag()

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email == self.coach.email.lower():
            raise forms.ValidationError("That is your own email address.")
        if self.coach.coachings_given.current().filter(athlete__email__iexact=email).exists():
            raise forms.ValidationError("This runner is already one of your athletes.")
        return email


class ResetPasswordForm(SetPasswordForm):
    """A new password from an emailed reset link. The link reached the account's address, so
    that address is proved too: an owner locked out by someone who signed up with their
    address first gets it back this way."""

    user: User

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        if user.email_verified_at is None:
            user.email_verified_at = timezone.now()
        if commit:
            user.save()
        return user
