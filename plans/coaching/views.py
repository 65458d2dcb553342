from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from accounts.access import AuthenticatedHttpRequest, coach_or_404, coaching_of_coach
from accounts.models import User, Weekday
from plans.access import assignment_for, coached_session_for, template_for
from plans.coaching import selectors as coach_selectors
from plans.coaching import services as coaching
from plans.coaching.dashboard_rows import row_html
from plans.coaching.forms import (
    AssignForm,
    CoachSessionEditForm,
    CoachSessionForm,
    GroupForm,
    SaveWeeksForm,
    TemplateForm,
    TemplateSessionForm,
    WeekNoteForm,
)
from plans.coaching.selectors import (
    ORDERS,
    active_assignments,
    dashboard_page,
    templates_of,
)
from plans.comeback import comebacks_of_athletes
from plans.models import TemplateExercise
from plans.services import monday_of
from plans.week_page import onboarded_profile, render_week


def _athlete_week_url(athlete_id: int, day: date) -> str:
    return reverse("plans:athlete_week_of", args=[athlete_id, monday_of(day)])


# Dashboard


@login_required
@require_safe
def dashboard(request):
    coach = coach_or_404(request.user)
    today = coach.today()
    group, sort = request.GET.get("group", "")[:40], request.GET.get("sort", "name")
    query = request.GET.get("q", "").strip()[:100]
    sort = sort if sort in ORDERS else "name"
    page = dashboard_page(
        coach, today, group=group, sort=sort, query=query, number=request.GET.get("page")
    )
    athlete_ids = [line.athlete_id for line in page.lines]
    return render(
        request,
        "plans/coach/dashboard.html",
        {
            "rows": [row_html(line) for line in page.lines],
            "page": page.page,
            "groups": page.groups,
            "group": group,
            "sort": sort,
            "query": query,
            "filters": urlencode({"group": group, "sort": sort, "q": query}),
            "sorts": [("name", "Name"), ("progress", "Done"), ("activity", "Last activity"),
                      ("race", "Next race")],
            "today": today,
            "week_start": monday_of(today),
            "assignments": active_assignments(coach).filter(athlete_id__in=athlete_ids),
            "silent_days": coach_selectors.SILENT_DAYS,
        },
    )  # fmt: skip


@login_required
@require_POST
def athlete_group(request, athlete_id: int):
    coach = coach_or_404(request.user)
    link = coaching_of_coach(coach, athlete_id)
    form = GroupForm(request.POST)
    if not form.is_valid():
        return _week_again(
            request,
            link.athlete,
            link.athlete.today(),
            "A group name is at most 40 characters: shorten it; nothing was saved.",
            {"group_name": request.POST.get("name", "")},
        )
    coaching.athlete_group_set(coach=coach, athlete=link.athlete, name=form.cleaned_data["name"])
    messages.success(request, f"Group saved for {link.athlete}.")
    return redirect("plans:athlete_week", link.athlete.pk)


def _week_again(
    request: AuthenticatedHttpRequest,
    athlete: User,
    day: date,
    message: str,
    typed: dict[str, Any],
) -> HttpResponse:
    """A form of the coach's tools refused: the athlete's week again, the tools open with what
    the coach typed in them, to correct."""
    messages.error(request, message)
    profile = onboarded_profile(athlete)
    if profile is None:
        raise Http404("This athlete has not set up their profile yet.")
    return render_week(
        request, runner=athlete, profile=profile, week_start=day, own=False, coach_edits=True,
        typed={**typed, "tools_refused": True},
    )  # fmt: skip


# Templates


@login_required
def template_list(request):
    coach = coach_or_404(request.user)
    archived = request.GET.get("archived") == "1"
    return render(
        request,
        "plans/coach/template_list.html",
        {"templates": templates_of(coach, archived=archived), "archived": archived},
    )


@login_required
def template_new(request):
    coach = coach_or_404(request.user)
    form = TemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.coach = coach
        template = form.save()
        messages.success(request, "Template created. Now add its sessions.")
        return redirect("plans:template_detail", template.pk)
    return render(request, "plans/coach/template_form.html", {"form": form})


@login_required
def template_edit(request, template_id: int):
    template = template_for(request.user, template_id)
    form = TemplateForm(request.POST or None, instance=template)
    if request.method == "POST" and form.is_valid():
        coaching.template_save(template=form.save(commit=False))
        messages.success(request, "Template saved.")
        return redirect("plans:template_detail", template.pk)
    return render(request, "plans/coach/template_form.html", {"form": form, "template": template})


def _template_weeks(template) -> list[list[dict]]:
    """weeks × days, each day with its sessions and their exercises, in two queries."""
    sessions = template.sessions.select_related("activity").prefetch_related(
        Prefetch(
            "exercises",
            queryset=TemplateExercise.objects.select_related("exercise"),
            to_attr="exercise_list",
        )
    )
    weeks = [
        [{"weekday": label, "sessions": []} for _, label in Weekday.choices]
        for _ in range(template.weeks)
    ]
    for session in sessions:
        weeks[session.week_index][session.weekday]["sessions"].append(session)
    return weeks


@login_required
def template_detail(request, template_id: int):
    template = template_for(request.user, template_id)
    form = TemplateSessionForm(request.POST or None, template=template)
    if request.method == "POST" and form.is_valid():
        coaching.template_session_add(template=template, data=form.session_data)
        messages.success(
            request, f"Added {form.session_data.title} to week {form.session_data.week_index + 1}."
        )
        return redirect("plans:template_detail", template.pk)
    return render(
        request,
        "plans/coach/template_detail.html",
        {
            "template": template,
            "weeks": _template_weeks(template),
            "form": form,
        },
    )


@login_required
def template_session_edit(request, template_id: int, session_id: int):
    template = template_for(request.user, template_id)
    session = get_object_or_404(template.sessions, pk=session_id)
    form = TemplateSessionForm(request.POST or None, template=template, session=session)
    if request.method == "POST" and form.is_valid():
        coaching.template_session_update(session=session, data=form.session_data)
        messages.success(request, f"{form.session_data.title} saved.")
        return redirect("plans:template_detail", template.pk)
    return render(
        request,
        "plans/coach/template_session_form.html",
        {"template": template, "session": session, "form": form},
    )


@login_required
def template_session_delete(request, template_id: int, session_id: int):
    """GET asks first, saying what goes; POST removes."""
    template = template_for(request.user, template_id)
    session = get_object_or_404(template.sessions.select_related("activity"), pk=session_id)
    if request.method == "POST":
        session.delete()
        messages.success(
            request, f"{session.title} removed from week {session.week_index + 1} of the template."
        )
        return redirect("plans:template_detail", template.pk)
    return render(
        request,
        "plans/coach/template_session_delete.html",
        {
            "template": template,
            "session": session,
            "weekday": Weekday(session.weekday).label,
            "exercises": session.exercises.select_related("exercise"),
        },
    )


@login_required
@require_POST
def template_duplicate(request, template_id: int):
    template = template_for(request.user, template_id)
    copy = coaching.template_duplicate(template=template)
    messages.success(request, f"Copied as “{copy.name}”.")
    return redirect("plans:template_detail", copy.pk)


@login_required
@require_POST
def template_archive(request, template_id: int):
    template = template_for(request.user, template_id)
    template.archived = not template.archived
    template.save(update_fields=["archived", "updated_at"])
    if template.archived:
        messages.success(request, f"“{template.name}” archived. Its assignments carry on.")
    else:
        messages.success(request, f"“{template.name}” is back among your templates.")
    return redirect("plans:template_list")


@login_required
def template_assign(request, template_id: int):
    template = template_for(request.user, template_id)
    form = AssignForm(request.POST or None, coach=request.user)
    returning = comebacks_of_athletes(form.athlete_choices)
    problem = coaching.unassignable(template) if request.method == "POST" else ""
    if problem:
        messages.error(request, problem)
    elif request.method == "POST" and form.is_valid():
        athletes = list(form.cleaned_data["athletes"])
        start, override = form.cleaned_data["start"], form.cleaned_data["override_return"]
        coaching.plan_assign(
            template=template,
            athletes=athletes,
            start=start,
            coach=request.user,
            override_return=override,
        )
        messages.success(
            request,
            f"“{template.name}” assigned to {len(athletes)} athlete{'s' * (len(athletes) > 1)} "
            f"from {start:%A %-d %B}.{_return_message(returning, athletes, start, override)}",
        )
        return redirect("plans:coach_dashboard")
    return render(
        request,
        "plans/coach/template_assign.html",
        {"template": template, "form": form, "returning": returning},
    )


def _return_message(returning: list[tuple], athletes: list, start: date, override: bool) -> str:
    """What the assignment did to the runs of athletes returning from injury, if it met any."""
    names = [str(a) for a, back in returning if a in athletes and start <= back.block.ends_on]
    if not names:
        return ""
    who = ", ".join(names)
    if override:
        return f" As you chose, it goes as written through the return from injury of {who}."
    return f" Its runs in the return from injury of {who} keep to the return’s limits."


@login_required
@require_POST
def assignment_end(request, assignment_id: int):
    assignment = assignment_for(request.user, assignment_id)
    coaching.assignment_end(assignment=assignment)
    messages.success(
        request,
        f"“{assignment.template.name}” unassigned from {assignment.athlete}: "
        "the days ahead are planned as before.",
    )
    return redirect("plans:coach_dashboard")


# The athlete's week, edited by their coach


@login_required
def week_session_add(request, athlete_id: int, week_start: date):
    """The week page carries this form; on its own page it shows what needs another look."""
    coach = coach_or_404(request.user)
    athlete = coaching_of_coach(coach, athlete_id).athlete
    form = CoachSessionForm(request.POST or None, coach=coach, week_start=monday_of(week_start))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        coaching.coach_session_add(
            runner=athlete, day=data["day"], coach_note=data["coach_note"], **form.session_values
        )
        messages.success(request, f"{data['title']} added for {data['day']:%A}.")
        return redirect(_athlete_week_url(athlete.pk, data["day"]))
    if request.method == "POST":
        messages.error(request, "The session was not added: see what needs another look below.")
    return render(
        request,
        "plans/coach/session_add.html",
        {"form": form, "athlete": athlete, "week_start": monday_of(week_start)},
    )


@login_required
def week_session_edit(request, session_id: int):
    session = coached_session_for(request.user, session_id)
    form = CoachSessionEditForm(request.POST or None, session=session, coach=request.user)
    if request.method == "POST" and form.is_valid():
        if form.locked:
            coaching.coach_note_set(session=session, coach_note=form.cleaned_data["coach_note"])
            messages.success(request, f"Your note on {session.title} is saved.")
        else:
            coaching.coach_session_update(session=session, **form.changes)
            messages.success(request, f"{session.title} saved.")
        return redirect(_athlete_week_url(session.runner_id, session.date))
    return render(request, "plans/coach/session_form.html", {"form": form, "session": session})


@login_required
def week_session_delete(request, session_id: int):
    """GET asks first, saying what goes; POST removes. What the athlete marked or logged stays."""
    session = coached_session_for(request.user, session_id)
    week_url = _athlete_week_url(session.runner_id, session.date)
    if not session.is_open:
        messages.error(request, "The athlete has already marked or logged this one: it stays.")
        return redirect(week_url)
    if request.method == "POST":
        coaching.coach_session_delete(session=session)
        messages.success(request, f"{session.title} removed from {session.date:%A}.")
        return redirect(week_url)
    return render(
        request,
        "plans/coach/session_delete.html",
        {
            "session": session,
            "exercises": session.exercises.select_related("exercise"),
            "run_block": session.block if session.is_run else None,
            "week_url": week_url,
        },
    )


@login_required
@require_POST
def week_note(request, athlete_id: int, week_start: date):
    coach = coach_or_404(request.user)
    athlete = coaching_of_coach(coach, athlete_id).athlete
    form = WeekNoteForm(request.POST)
    if not form.is_valid():
        return _week_again(
            request,
            athlete,
            week_start,
            "A week note is at most 2000 characters: shorten it; nothing was saved.",
            {"note_text": request.POST.get("text", "")},
        )
    note = coaching.week_note_set(
        runner=athlete,
        week_start=monday_of(week_start),
        text=form.cleaned_data["text"],
        author=coach,
    )
    messages.success(request, "Note saved." if note else "Note removed.")
    return redirect(_athlete_week_url(athlete.pk, week_start))


@login_required
@require_POST
def week_save_as_template(request, athlete_id: int, week_start: date):
    coach = coach_or_404(request.user)
    link = coaching_of_coach(coach, athlete_id)
    form = SaveWeeksForm(request.POST)
    if not form.is_valid():
        return _week_again(
            request,
            link.athlete,
            week_start,
            "Give the template a name of at most 120 characters and a length of 1 to 4 weeks; "
            "nothing was saved.",
            {"save_weeks_form": form},
        )
    profile = getattr(link.athlete, "runner_profile", None)
    template = coaching.template_from_weeks(
        coach=coach,
        athlete=link.athlete,
        first_week=monday_of(week_start),
        weeks=form.cleaned_data["weeks"],
        name=form.cleaned_data["name"],
        runner_type=profile.runner_type if profile else "recreational",
    )
    messages.success(request, f"Saved as the template “{template.name}”.")
    return redirect("plans:template_detail", template.pk)
