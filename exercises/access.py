from django.http import Http404

from accounts.models import User
from exercises.models import Exercise


def get_exercise_for_user(user: User, slug: str, *, to_edit: bool = False) -> Exercise:
    """The exercise if `user` may see it (or, with `to_edit`, change it); 404 otherwise."""
    exercises = (
        Exercise.objects.filter(owner=user) if to_edit else Exercise.objects.visible_to(user)
    )
    try:
        return exercises.select_related("owner", "easier", "harder").get(slug=slug)
    except Exercise.DoesNotExist:
        raise Http404("No such exercise.") from None
