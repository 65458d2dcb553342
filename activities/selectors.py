"""Reads behind the activities pages and the week page's links."""

from accounts.models import User
from activities.models import Activity, ImportBatch, ImportItem


def recent_activities(runner: User, limit: int = 20) -> list[Activity]:
    return list(
        Activity.objects.filter(runner=runner)
        .defer("track", "splits")
        .select_related("session")
        .order_by("-started_at")[:limit]
    )


def batch_items(batch: ImportBatch) -> list[ImportItem]:
    return list(batch.items.defer("content").select_related("activity").order_by("position"))


def batch_progress(batch: ImportBatch) -> dict[str, int]:
    """Files in the batch and how many are handled, in one query."""
    outcomes = list(batch.items.values_list("outcome", flat=True))
    return {"total": len(outcomes), "done": sum(outcome != "pending" for outcome in outcomes)}


def activity_ids_by_session(session_ids: list[int]) -> dict[int, int]:
    """The imported activity behind each done session, in one query."""
    rows = Activity.objects.filter(session_id__in=session_ids).order_by("started_at")
    return dict(rows.values_list("session_id", "pk"))
