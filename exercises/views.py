from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.shortcuts import redirect, render

from exercises.access import get_exercise_for_user
from exercises.forms import ExerciseFilterForm, ExerciseForm
from exercises.models import Exercise, tag_lists
from exercises.services import exercise_create, exercise_update

PAGE_SIZE = 50
# The list page shows only these of an exercise's tags.
LIST_PAGE_TAG_FIELDS = ("muscles", "equipment")


@login_required
def exercise_list(request):
    form = ExerciseFilterForm(request.GET or None)
    exercises = Exercise.objects.visible_to(request.user)
    if form.is_valid():
        exercises = form.filter(exercises)
    exercises = exercises.prefetch_related(*tag_lists(LIST_PAGE_TAG_FIELDS))
    page = Paginator(exercises, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "exercises/list.html", {"form": form, "page": page})


@login_required
def exercise_detail(request, slug):
    exercise = get_exercise_for_user(request.user, slug)
    prefetch_related_objects([exercise], "cues", *tag_lists())
    return render(
        request,
        "exercises/detail.html",
        {"exercise": exercise, "can_edit": exercise.owner_id == request.user.pk},
    )


@login_required
def exercise_new(request):
    if not request.user.is_coach:
        raise PermissionDenied("Only coaches can add exercises.")
    form = ExerciseForm(request.POST or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        exercise = exercise_create(owner=request.user, **form.exercise_parts())
        messages.success(request, f"“{exercise.name}” is saved; your athletes can see it too.")
        return redirect(exercise)
    return render(request, "exercises/form.html", {"form": form, "exercise": None})


@login_required
def exercise_edit(request, slug):
    exercise = get_exercise_for_user(request.user, slug, to_edit=True)
    form = ExerciseForm(request.POST or None, instance=exercise, owner=request.user)
    if request.method == "POST" and form.is_valid():
        exercise_update(**form.exercise_parts())
        messages.success(request, f"“{exercise.name}” is saved.")
        return redirect(exercise)
    return render(request, "exercises/form.html", {"form": form, "exercise": exercise})
