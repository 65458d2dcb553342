from datetime import date

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from accounts import access, selectors, services
from accounts.forms import (
    EMAIL_TAKEN,
    AccountForm,
    GoalForm,
    GoalsForm,
    InviteForm,
    ProfileForm,
    SignupForm,
    WeekForm,
)
from accounts.models import INVITATION_DAYS, Goal, GoalKind, Invitation, RunnerProfile, User
from accounts.services import EmailConfirmed, EmailConfirmError, EmailNotConfirmed, InvitationError
from config.network import client_ip
from limits.services import LimitReached
from plans.paces import pace_zones_for
from plans.runs import pace_zone_rows


def _safe_next(request: HttpRequest) -> str | None:
    """The page to go to after sign-up: this site only, and never from HTTPS down to HTTP."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def signup(request):
    if request.user.is_authenticated:
        return redirect("plans:week")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.signup_count(
                    email=form.cleaned_data["email"], ip_address=client_ip(request) or ""
                )
                user = form.save()
                services.email_confirmation_send(user=user)
        except IntegrityError:  # the same email signed up a moment ago, after validation
            form.add_error("email", EMAIL_TAKEN)
            return render(
                request, "accounts/signup.html", {"form": form, "next": _safe_next(request)}
            )
        except LimitReached as refused:
            form.add_error(None, refused.message)
            return render(
                request,
                "accounts/signup.html",
                {"form": form, "next": _safe_next(request)},
                status=429,
            )
        login(request, user, backend="accounts.backends.AccountBackend")
        messages.success(
            request,
            f"Welcome to RunStrong, {user.get_short_name()}! We sent a link to {user.email}: "
            "open it to confirm your address.",
        )
        if next_url := _safe_next(request):
            return redirect(next_url)
        return redirect("accounts:athletes" if user.is_coach else "accounts:onboarding")
    return render(request, "accounts/signup.html", {"form": form, "next": _safe_next(request)})


def password_reset(request):
    """The same answer, after the same work, whether or not the address has an account: the
    lookup and the email happen in a task after the response."""
    form = PasswordResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.password_reset_request(email=form.cleaned_data["email"])
        except LimitReached as refused:
            form.add_error(None, refused.message)
            return render(request, "accounts/password_reset.html", {"form": form}, status=429)
        return redirect("accounts:password_reset_done")
    return render(request, "accounts/password_reset.html", {"form": form})


def _profile_with_related(user: User) -> RunnerProfile | None:
    return RunnerProfile.objects.prefetch_related("commitments", "goals").filter(user=user).first()


def _profile_page(request, *, onboarding: bool, runner: User | None = None):
    """The runner's own profile form, or (with `runner`) a coach editing an athlete's."""
    runner = runner or request.user
    profile = _profile_with_related(runner)
    injured_now = profile is not None and profile.injured  # before the form changes it
    data = request.POST if request.method == "POST" else None
    profile_form = ProfileForm(
        data, instance=profile or RunnerProfile(user=runner), by_coach=runner != request.user
    )
    week_form = WeekForm(data, initial=WeekForm.initial_for(profile))
    # The first goals come with onboarding; afterwards each goal has its own page.
    goals_form = GoalsForm(data, today=profile_form.runner_today()) if onboarding else None
    forms_valid = data is not None and all(
        [form.is_valid() for form in (profile_form, week_form, goals_form) if form is not None]
    )
    if forms_valid:
        services.profile_save(
            user=runner,
            profile_fields={
                **profile_form.profile_fields(),
                "long_run_day": week_form.cleaned_data["long_run_day"],
            },
            commitments=week_form.commitments(),
            goals=goals_form.goals() if goals_form is not None else [],
            injury_was_nothing=profile_form.cleaned_data["injury_was_nothing"],
        )
        if onboarding:
            messages.success(request, "You are all set. Here is your week.")
            return redirect("plans:week")
        if runner != request.user:
            messages.success(
                request, f"{runner}’s profile is saved; their days ahead are re-planned."
            )
            return redirect("accounts:athlete", runner.pk)
        messages.success(request, "Your profile is saved.")
        return redirect("accounts:profile")
    if data is not None:
        messages.error(request, "Some answers need another look; nothing was saved yet.")
    return render(
        request,
        "accounts/profile_form.html",
        {
            "profile_form": profile_form,
            "week_form": week_form,
            "goals_form": goals_form,
            "goals": _goals_by_time(profile) if profile is not None else None,
            "pace_zones": _pace_zone_rows(profile) if profile is not None else None,
            "onboarding": onboarding,
            "injured_now": injured_now,
            "athlete": runner if runner != request.user else None,
            "coaching": access.current_coaching(request.user),
        },
    )


def _pace_zone_rows(profile: RunnerProfile) -> list[tuple[str, str, str]]:
    """The runner's pace zones in their unit; none without a personal best."""
    zones = pace_zones_for(profile)
    return pace_zone_rows(zones, profile.distance_unit) if zones is not None else []


def _goals_by_time(profile: RunnerProfile) -> dict[str, list[Goal]]:
    """The goals still to aim at, and the races already run: history, kept as it is."""
    today = profile.today()
    goals = list(profile.goals.all())
    past = [goal for goal in goals if _is_history(goal, today)]
    return {"current": [goal for goal in goals if goal not in past], "past": past}


def _is_history(goal: Goal, today: date) -> bool:
    return goal.kind == GoalKind.RACE and goal.race_date is not None and goal.race_date < today


def _goals_page_url(request, profile: RunnerProfile) -> str:
    """Where goals are listed: the runner's profile, or the coach's copy of it."""
    if profile.user_id == request.user.pk:
        return reverse("accounts:profile")
    return reverse("accounts:athlete_edit", args=[profile.user_id])


def _goal_form(request, profile: RunnerProfile, goal: Goal | None) -> GoalForm:
    others = profile.goals.exclude(pk=goal.pk) if goal is not None else profile.goals.all()
    return GoalForm(
        request.POST if request.method == "POST" else None,
        initial=GoalForm.initial_for(goal) if goal is not None else {},
        today=profile.today(),
        habits_taken=set(others.values_list("process_focus", flat=True)) - {""},
    )


@login_required
def goal_new(request, athlete_id: int):
    profile = access.goals_profile_for(request.user, athlete_id)
    form = _goal_form(request, profile, None)
    if request.method == "POST" and form.is_valid():
        goal = services.goal_save(goal=Goal(profile=profile), fields=form.goal_fields())
        messages.success(request, f"Goal added: {goal}. The days ahead are planned around it.")
        return redirect(_goals_page_url(request, profile))
    return _goal_page(request, profile, form, None)


@login_required
def goal_edit(request, athlete_id: int, goal_id: int):
    goal = access.goal_for(request.user, athlete_id, goal_id)
    if _is_history(goal, goal.profile.today()):
        messages.error(request, "That race has passed: it stays in the history as it was.")
        return redirect(_goals_page_url(request, goal.profile))
    form = _goal_form(request, goal.profile, goal)
    if request.method == "POST" and form.is_valid():
        services.goal_save(goal=goal, fields=form.goal_fields())
        messages.success(request, f"Goal saved: {goal}.")
        return redirect(_goals_page_url(request, goal.profile))
    return _goal_page(request, goal.profile, form, goal)


def _goal_page(request, profile: RunnerProfile, form: GoalForm, goal: Goal | None):
    if form.is_bound:
        messages.error(request, "The goal needs another look; nothing was saved yet.")
    return render(
        request,
        "accounts/goal_form.html",
        {
            "form": form,
            "goal": goal,
            "athlete": profile.user if profile.user_id != request.user.pk else None,
            "back_url": _goals_page_url(request, profile),
        },
    )


@login_required
def goal_delete(request, athlete_id: int, goal_id: int):
    """GET asks first; POST removes. A race already run stays as history."""
    goal = access.goal_for(request.user, athlete_id, goal_id)
    back_url = _goals_page_url(request, goal.profile)
    if _is_history(goal, goal.profile.today()):
        messages.error(request, "That race has passed: it stays in the history as it was.")
        return redirect(back_url)
    if request.method == "POST":
        services.goal_delete(goal=goal)
        messages.success(request, f"Goal removed: {goal}.")
        return redirect(back_url)
    return render(request, "accounts/goal_delete.html", {"goal": goal, "back_url": back_url})


@login_required
def onboarding(request):
    profile = RunnerProfile.objects.filter(user=request.user).first()
    if profile and profile.is_onboarded:
        return redirect("accounts:profile")
    return _profile_page(request, onboarding=True)


@login_required
def profile(request):
    if not RunnerProfile.objects.filter(user=request.user, onboarded_at__isnull=False).exists():
        if request.user.is_coach:
            # A coach needs no runner profile: say so, and leave setting one up to them.
            return render(request, "accounts/coach_without_runner_profile.html")
        return redirect("accounts:onboarding")
    return _profile_page(request, onboarding=False)


@login_required
def account(request):
    form = AccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        old_email, waiting = request.user.email, request.user.pending_email
        try:
            link_sent = services.account_update(
                user=request.user,
                display_name=form.cleaned_data["display_name"],
                email=form.cleaned_data["email"],
            )
        except LimitReached as refused:
            request.user.refresh_from_db()  # the service's changes were rolled back
            form.add_error("email", refused.message)
            return render(request, "accounts/account.html", {"form": form}, status=429)
        if link_sent:
            messages.success(
                request,
                f"We sent a link to {form.cleaned_data['email']}. Until you open it, your "
                f"address stays {old_email}.",
            )
        elif waiting:
            messages.success(
                request,
                f"Your account details are saved. The change to {waiting} is called off: your "
                f"address stays {old_email}.",
            )
        else:
            messages.success(request, "Your account details are saved.")
        return redirect("accounts:account")
    return render(request, "accounts/account.html", {"form": form})


@login_required
def email_confirm(request, token: str):
    try:
        outcome = services.email_confirm(token=token, user=request.user)
    except EmailConfirmError as error:
        return render(request, "accounts/email_confirm.html", {"error": str(error)}, status=400)
    request.user.refresh_from_db()
    email = request.user.email
    if outcome == EmailConfirmed.TAKEN:
        messages.error(request, f"Another account uses that address now; yours stays {email}.")
        return redirect("accounts:account")
    if outcome == EmailConfirmed.ALREADY:
        messages.info(request, f"Your address {email} was already confirmed.")
    elif outcome == EmailConfirmed.CHANGED:
        messages.success(request, f"Your email address is now {email}.")
    else:
        messages.success(request, f"Thank you: {email} is confirmed.")
    if selectors.pending_invitations(request.user):
        return redirect("accounts:my_coach")  # a coach's invitation waited for this
    return redirect("plans:week")


@require_POST
@login_required
def email_confirm_resend(request):
    try:
        address = services.email_confirmation_send(user=request.user)
    except LimitReached as refused:
        messages.error(request, refused.message)
        return redirect(_safe_next(request) or "accounts:account")
    if address is None:
        messages.info(request, f"Your address {request.user.email} is already confirmed.")
    else:
        messages.success(request, f"We sent a new link to {address}.")
    return redirect(_safe_next(request) or "accounts:account")


@login_required
def athlete_edit(request, athlete_id: int):
    athlete = access.athlete_for(request.user, athlete_id)
    if athlete == request.user:
        return redirect("accounts:profile")
    if not RunnerProfile.objects.filter(user=athlete, onboarded_at__isnull=False).exists():
        raise Http404("This athlete has not set up their profile yet.")
    return _profile_page(request, onboarding=False, runner=athlete)


@login_required
def athlete(request, athlete_id: int):
    athlete = access.athlete_for(request.user, athlete_id)
    profile = (
        RunnerProfile.objects.prefetch_related("commitments", "goals", "injuries")
        .filter(user=athlete)
        .first()
    )
    return render(
        request,
        "accounts/athlete.html",
        {
            "athlete": athlete,
            "profile": profile,
            "race": selectors.next_race(profile) if profile else None,
            "injury_days": _injury_days(profile),
            "healed": [i for i in profile.injuries.all() if i.cleared_on] if profile else [],
            "is_self": athlete == request.user,
        },
    )


def _injury_days(profile: RunnerProfile | None) -> int | None:
    """How long the current injury has lasted, when it has a start."""
    if profile is None or not profile.injured or profile.injured_since is None:
        return None
    return (profile.today() - profile.injured_since).days


@login_required
def athletes(request):
    coach = access.coach_or_404(request.user)
    form = InviteForm(request.POST or None, coach=coach)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_send(coach=coach, email=form.cleaned_data["email"])
        except LimitReached as refused:
            form.add_error(None, refused.message)
            return _athletes_page(request, coach, form, status=429)
        messages.success(request, f"Invitation sent to {invitation.email}.")
        return redirect("accounts:athletes")
    return _athletes_page(request, coach, form)


def _athletes_page(request, coach: User, form: InviteForm, status: int = 200) -> HttpResponse:
    return render(
        request,
        "accounts/athletes.html",
        {
            "rows": selectors.athlete_rows(coach),
            "invitations": Invitation.objects.pending()
            .filter(coach=coach)
            .select_related("message"),
            "form": form,
            "invitation_days": INVITATION_DAYS,
        },
        status=status,
    )


@login_required
def athlete_remove(request, athlete_id: int):
    coaching = access.coaching_of_coach(access.coach_or_404(request.user), athlete_id)
    if request.method == "POST":
        services.coaching_end(coaching=coaching)
        messages.success(request, f"{coaching.athlete} is no longer one of your athletes.")
        return redirect("accounts:athletes")
    return render(request, "accounts/athlete_remove.html", {"coaching": coaching})


@require_POST
@login_required
def invitation_resend(request, invitation_id: int):
    coach = access.coach_or_404(request.user)
    invitation = get_object_or_404(Invitation.objects.pending(), pk=invitation_id, coach=coach)
    try:
        services.invitation_send(coach=coach, email=invitation.email)
    except LimitReached as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, f"Invitation sent again to {invitation.email}.")
    return redirect("accounts:athletes")


@require_POST
@login_required
def invitation_revoke(request, invitation_id: int):
    coach = access.coach_or_404(request.user)
    invitation = get_object_or_404(Invitation.objects.pending(), pk=invitation_id, coach=coach)
    services.invitation_revoke(invitation=invitation)
    messages.success(request, f"The invitation to {invitation.email} is withdrawn.")
    return redirect("accounts:athletes")


def invitation(request, token: str):
    try:
        invitation = services.invitation_from_token(token)
        if not request.user.is_authenticated:
            return render(request, "accounts/invitation_anonymous.html", {"invitation": invitation})
        answer = request.POST.get("answer") if request.method == "POST" else None
        if answer == "accept":
            services.invitation_accept(invitation=invitation, user=request.user)
            messages.success(request, f"{invitation.coach} is now your coach.")
        elif answer == "decline":
            services.invitation_decline(invitation=invitation, user=request.user)
            messages.info(request, f"You declined {invitation.coach}'s invitation.")
        else:
            services.invitation_check(invitation=invitation, user=request.user)
            return render(request, "accounts/invitation.html", {"invitation": invitation})
    except InvitationError as error:
        return render(
            request,
            "accounts/invitation.html",
            {"error": str(error), "unconfirmed": isinstance(error, EmailNotConfirmed)},
            status=400,
        )
    return redirect("accounts:my_coach")


@login_required
def my_coach(request):
    coaching = access.current_coaching(request.user)
    if request.method == "POST" and coaching is not None:
        services.coaching_end(coaching=coaching)
        messages.success(
            request,
            f"You left {coaching.coach}. The days ahead are planned for you; your record stays.",
        )
        return redirect("accounts:my_coach")
    invitations = [
        (invitation, services.invitation_url(invitation))
        for invitation in selectors.pending_invitations(request.user)
    ]
    return render(
        request,
        "accounts/my_coach.html",
        {"coaching": coaching, "invitations": invitations, "leaving": "leave" in request.GET},
    )
