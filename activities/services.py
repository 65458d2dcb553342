"""Writes for imported activities: one file is one transaction; plans' own services mark the
planned session done and log the run, so its reminder follows the existing rules."""

import hashlib
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import RunnerProfile, User
from activities import archive
from activities.models import Activity, BatchState, ImportBatch, ImportItem, Outcome, Sport
from activities.parsing import FileRefused, Measured, parse
from plans import services as plan_services
from plans.models import RunLog, Session, SessionKind, Source, Status

logger = logging.getLogger(__name__)

SAME_START = timedelta(minutes=2)
SAME_DISTANCE = 0.03  # the same run recorded by two devices is within 3 % in distance
HAND_LOG_DISTANCE = 0.10  # a typed distance is rounder than a recorded one
CROSS_TRAINING_FOR = {
    Sport.RIDE: ["cycling"],
    Sport.SWIM: ["swimming"],
    Sport.ROW: ["rowing"],
    Sport.SKI: ["cross-country-skiing", "downhill-skiing"],
    Sport.WALK: ["speed-walking"],
    Sport.HIKE: ["speed-walking"],
    Sport.ELLIPTICAL: ["elliptical"],
}


@dataclass(frozen=True)
class Imported:
    activity: Activity  # the new activity, or the earlier one this file repeats
    duplicate: bool
    message: str


def file_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def activity_import(*, runner: User, uploaded_by: User | None, name: str, data: bytes) -> Imported:
    """Import one file for `runner`; FileRefused (nothing written) when it cannot be read."""
    digest = file_sha256(data)
    earlier = Activity.objects.filter(runner=runner, file_sha256=digest).first()
    if earlier is not None:
        return _duplicate(earlier)
    measured = parse(name, data, now=timezone.now())
    try:
        return _store(runner, uploaded_by, name, data, measured)
    except IntegrityError:  # the same file, uploaded at the same moment, won the race
        earlier = Activity.objects.filter(runner=runner, file_sha256=digest).first()
        if earlier is None:
            raise
        return _duplicate(earlier)


def _duplicate(earlier: Activity) -> Imported:
    return Imported(activity=earlier, duplicate=True, message="Already imported.")


@transaction.atomic
def _store(
    runner: User, uploaded_by: User | None, name: str, data: bytes, measured: Measured
) -> Imported:
    # One import per runner at a time, so two copies of a run cannot both pass the check.
    User.objects.select_for_update().filter(pk=runner.pk).first()
    same_run = _same_run(runner, measured)
    if same_run is not None:
        return _duplicate(same_run)
    activity = Activity.objects.create(
        runner=runner,
        uploaded_by=uploaded_by,
        file_name=name[:255],
        file_sha256=file_sha256(data),
        original=data,
        **_fields(measured),
    )
    try:
        message = _match(activity, local_date(runner, measured.started_at))
    except plan_services.NotYetError as exc:  # the runner's day has not come yet
        raise FileRefused(
            "This run is dated after your today, so it cannot be marked done yet. Check the "
            "watch's clock and time zone."
        ) from exc
    return Imported(activity=activity, duplicate=False, message=message)


def _fields(measured: Measured) -> dict[str, Any]:
    return {
        "file_format": measured.file_format,
        "sport": measured.sport,
        "started_at": measured.started_at,
        "distance_m": measured.distance_m,
        "moving_seconds": measured.moving_seconds,
        "elapsed_seconds": measured.elapsed_seconds,
        "ascent_m": measured.ascent_m,
        "avg_hr": measured.avg_hr,
        "max_hr": measured.max_hr,
        "avg_cadence": measured.avg_cadence,
        "max_cadence": measured.max_cadence,
        "splits": measured.splits,
        "track": measured.track,
    }


def _same_run(runner: User, measured: Measured) -> Activity | None:
    """The same run from another device or app: same sport, start within two minutes,
    distance within 3 %."""
    nearby = Activity.objects.filter(
        runner=runner,
        sport=measured.sport,
        started_at__range=(measured.started_at - SAME_START, measured.started_at + SAME_START),
    )
    return next(
        (a for a in nearby if _close(a.distance_m, measured.distance_m, SAME_DISTANCE)), None
    )


def _close(a: float, b: float, share: float) -> bool:
    return abs(a - b) <= share * max(a, b, 1)


def local_date(runner: User, moment: datetime) -> date:
    profile = RunnerProfile.objects.filter(user=runner).first()
    return timezone.localtime(moment, profile.zone).date() if profile else moment.date()


def _match(activity: Activity, day: date) -> str:
    if activity.is_run:
        return _match_run(activity, day)
    return _match_cross_training(activity, day)


def _match_run(activity: Activity, day: date) -> str:
    hand_log = _hand_log(activity, day)
    if hand_log is not None:
        activity.run_log, activity.session = hand_log, hand_log.session
        activity.save(update_fields=["run_log", "session"])
        return "Joined to the run logged by hand that day."
    run_log = plan_services.run_log_create(
        runner=activity.runner,
        run_date=day,
        distance_m=activity.distance_m,
        duration_seconds=activity.moving_seconds,
        effort=None,
        session=_closest(_open_runs(activity.runner, day), activity.moving_seconds),
    )
    activity.run_log, activity.session = run_log, run_log.session
    activity.logged_by_import = True
    activity.save(update_fields=["run_log", "session", "logged_by_import"])
    if run_log.session is None or run_log.session.source == Source.RUNNER:
        return "Nothing was planned for this run, so it was added to the week as an extra run."
    return f"Matched to {run_log.session.title}; marked done."


def _hand_log(activity: Activity, day: date) -> RunLog | None:
    """A run typed in by hand that day that no import has claimed yet, of about this length."""
    claimed = Activity.objects.filter(runner=activity.runner, run_log__isnull=False).values(
        "run_log"
    )
    logs = RunLog.objects.filter(runner=activity.runner, date=day).exclude(pk__in=claimed)
    close = [log for log in logs if _close(log.distance_m, activity.distance_m, HAND_LOG_DISTANCE)]
    return min(close, key=lambda log: abs(log.distance_m - activity.distance_m), default=None)


def _open_runs(runner: User, day: date) -> list[Session]:
    """The day's planned runs without a log (one ticked done by hand still takes the log)."""
    return list(
        Session.objects.filter(
            runner=runner,
            date=day,
            kind=SessionKind.RUN,
            status__in=[Status.PLANNED, Status.DONE],
            run_log__isnull=True,
        ).order_by("position")
    )


def _closest(sessions: list[Session], seconds: int) -> Session | None:
    return min(sessions, key=lambda s: abs(s.minutes * 60 - seconds), default=None)


def _match_cross_training(activity: Activity, day: date) -> str:
    slugs = CROSS_TRAINING_FOR.get(Sport(activity.sport), [])
    sessions = list(
        Session.objects.filter(
            runner=activity.runner,
            date=day,
            kind=SessionKind.CROSS_TRAINING,
            activity__slug__in=slugs,
            status__in=[Status.PLANNED, Status.DONE],
        )
        .exclude(
            pk__in=Activity.objects.filter(runner=activity.runner, session__isnull=False).values(
                "session"
            )
        )
        .order_by("position")
    )
    session = _closest(sessions, activity.moving_seconds)
    if session is None:
        return "Saved. Nothing of this kind was planned that day, so your week is unchanged."
    if session.status != Status.DONE:
        plan_services.session_mark(session=session, status=Status.DONE)
    activity.session = session
    activity.save(update_fields=["session"])
    return f"Matched to {session.title}; marked done."


@transaction.atomic
def activity_delete(*, activity: Activity) -> None:
    """Remove an import: the run log it wrote goes too (its planned run is planned again, an
    extra run disappears); a hand log it joined, or a session ticked off, stays as it is."""
    if activity.logged_by_import and activity.run_log is not None:
        plan_services.run_log_delete(run_log=activity.run_log)
    activity.delete()


BATCH_LEASE = timedelta(minutes=5)


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes
    refused: str = ""  # why the file was refused before it was read (too big)


@transaction.atomic
def batch_create(*, runner: User, uploaded_by: User | None, uploads: list[Upload]) -> ImportBatch:
    """Store several files, or one .zip (already checked by `archive.members`), for the task
    that imports them; the task is queued once this is committed."""
    zipped = [upload for upload in uploads if archive.is_zip(upload.name)]
    batch = ImportBatch.objects.create(
        runner=runner,
        uploaded_by=uploaded_by,
        archive=zipped[0].data if zipped else b"",
        archive_name=zipped[0].name if zipped else "",
    )
    if zipped:
        items = [
            ImportItem(batch=batch, position=position, name=member, in_archive=True)
            for position, member in enumerate(archive.members(zipped[0].name, zipped[0].data))
        ]
    else:
        items = [
            ImportItem(
                batch=batch,
                position=position,
                name=upload.name,
                content=upload.data,
                outcome=Outcome.REFUSED if upload.refused else Outcome.PENDING,
                message=upload.refused,
            )
            for position, upload in enumerate(uploads)
        ]
    ImportItem.objects.bulk_create(items)
    transaction.on_commit(partial(_queue_batch, batch.pk))
    return batch


def _queue_batch(batch_id: int) -> None:
    from activities.tasks import import_batch

    try:
        import_batch.delay(batch_id)
    except Exception:  # the broker is down: the sweep picks the batch up from the database
        logger.warning("could not queue import batch %s; the sweep will start it", batch_id)


def batch_claim(*, batch_id: int) -> bool:
    """Take the batch if it waits, or if the worker that held it let its lease run out."""
    now = timezone.now()
    return bool(
        ImportBatch.objects.filter(pk=batch_id)
        .filter(Q(state=BatchState.QUEUED) | Q(state=BatchState.RUNNING, claimed_until__lt=now))
        .update(state=BatchState.RUNNING, claimed_until=now + BATCH_LEASE)
    )


def batch_run(*, batch_id: int) -> int:
    """Import every file of the batch still waiting, each in its own transaction; a bad file
    gets its message and the others go on. How many files this call handled."""
    if not batch_claim(batch_id=batch_id):
        return 0
    batch = ImportBatch.objects.select_related("runner", "uploaded_by").get(pk=batch_id)
    reader = archive.Reader(bytes(batch.archive)) if batch.archive_name else None
    handled = 0
    try:
        for item_id in batch.items.filter(outcome=Outcome.PENDING).values_list("pk", flat=True):
            handled += _import_item(batch, item_id, reader)
            ImportBatch.objects.filter(pk=batch_id).update(
                claimed_until=timezone.now() + BATCH_LEASE
            )
    finally:
        if reader is not None:
            reader.close()
    ImportBatch.objects.filter(pk=batch_id).update(
        state=BatchState.DONE, finished_at=timezone.now(), archive=b"", claimed_until=None
    )
    return handled


def _import_item(batch: ImportBatch, item_id: int, reader: "archive.Reader | None") -> int:
    with transaction.atomic():
        item = (
            ImportItem.objects.select_for_update()
            .filter(pk=item_id, outcome=Outcome.PENDING)
            .first()
        )
        if item is None:
            return 0
        try:
            data = reader.read(item.name) if reader and item.in_archive else bytes(item.content)
            with transaction.atomic():  # a failure undoes this file alone
                result = activity_import(
                    runner=batch.runner, uploaded_by=batch.uploaded_by, name=item.label, data=data
                )
        except FileRefused as exc:
            item.outcome, item.message = Outcome.REFUSED, str(exc)[:500]
        except Exception:  # one file we failed on must not stop the rest, nor retry forever
            logger.exception("Importing %s of batch %s failed", item.label, batch.pk)
            item.outcome = Outcome.REFUSED
            item.message = "This file could not be imported because of a fault on our side."
        else:
            item.outcome = Outcome.DUPLICATE if result.duplicate else Outcome.IMPORTED
            item.message, item.activity = result.message[:500], result.activity
        item.content = b""
        item.save(update_fields=["outcome", "message", "activity", "content"])
        return 1


def batches_stalled() -> list[int]:
    """Batches whose queued task never ran (a lost message) or whose worker died."""
    now = timezone.now()
    return list(
        ImportBatch.objects.filter(
            Q(state=BatchState.QUEUED, created_at__lt=now - timedelta(minutes=1))
            | Q(state=BatchState.RUNNING, claimed_until__lt=now)
        ).values_list("pk", flat=True)[:20]
    )
