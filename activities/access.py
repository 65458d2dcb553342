"""Who may see or add activities: the runner and their current coach. Anyone else gets a 404."""

from django.db.models import Q
from django.http import Http404

from accounts.access import athlete_for
from accounts.models import User
from activities.models import Activity, ImportBatch


def _visible(user: User) -> Q:
    """Rows of the user's own, or of an athlete they coach now."""
    return Q(runner_id=user.pk) | Q(
        runner__coachings__coach_id=user.pk, runner__coachings__ended_at__isnull=True
    )


def activity_for(user: User, activity_id: int) -> Activity:
    activity = (
        Activity.objects.select_related("runner", "session")
        .filter(_visible(user), pk=activity_id)
        .first()
    )
    if activity is None:
        raise Http404("No such activity.")
    return activity


def batch_for(user: User, batch_id: int) -> ImportBatch:
    batch = ImportBatch.objects.select_related("runner").filter(_visible(user), pk=batch_id).first()
    if batch is None:
        raise Http404("No such import.")
    return batch


def runner_for_upload(user: User, athlete_id: int | None) -> User:
    """Whose week the files go to: the user's own, or an athlete they coach now."""
    return user if athlete_id is None else athlete_for(user, athlete_id)
