"""A person's data is theirs: a zip of all of it on request, and deletion of all of it."""

import io
from datetime import timedelta
from functools import partial
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session as LoginSession
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from accounts.models import Coaching, Invitation, PasswordResetRequest, User
from exercises.models import Exercise
from limits.models import Hit
from outbox.models import Email
from outbox.services import email_queue
from plans.models import Assignment, Session, SessionExercise
from privacy.archive import write_archive
from privacy.models import EXPORT_KEPT_FOR, DataExport, ExportState, FormerAthlete

EXPORT_LEASE = timedelta(minutes=10)
MAX_EXPORT_ATTEMPTS = 3


class ExportRunning(Exception):
    """An export for this person is already being built."""


def export_request(*, user: User) -> DataExport:
    """Queue a new export; ExportRunning if one is already waiting or being built."""
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        waiting = DataExport.objects.filter(
            user=user, state__in=[ExportState.QUEUED, ExportState.RUNNING]
        ).first()
        if waiting is not None:
            raise ExportRunning(waiting.pk)
        export = DataExport.objects.create(user=user)
        transaction.on_commit(partial(_queue_build, export.pk))
    return export


def _queue_build(export_id: int) -> None:
    from privacy.tasks import build_export

    build_export.delay(export_id)


def _claim(export_id: int) -> bool:
    now = timezone.now()
    return bool(
        DataExport.objects.filter(pk=export_id, attempts__lt=MAX_EXPORT_ATTEMPTS)
        .filter(Q(state=ExportState.QUEUED) | Q(state=ExportState.RUNNING, claimed_until__lt=now))
        .update(
            state=ExportState.RUNNING,
            claimed_until=now + EXPORT_LEASE,
            progress=0,
            attempts=F("attempts") + 1,
        )
    )


def export_build(*, export_id: int) -> bool:
    """Build the zip of one claimed export and email its owner; False if someone else holds
    it or it is not waiting."""
    if not _claim(export_id):
        return False
    export = DataExport.objects.select_related("user").get(pk=export_id)
    buffer = io.BytesIO()
    now = timezone.now()
    write_archive(export.user, buffer, now=now, step=partial(_progress, export_id))
    with transaction.atomic():
        finished = DataExport.objects.filter(pk=export_id, state=ExportState.RUNNING).update(
            state=ExportState.READY,
            progress=100,
            archive=buffer.getvalue(),
            size_bytes=buffer.tell(),
            finished_at=timezone.now(),
            claimed_until=None,
        )
        if finished:
            _email_ready(export)
    return bool(finished)


def _progress(export_id: int, percent: int) -> None:
    DataExport.objects.filter(pk=export_id, state=ExportState.RUNNING).update(progress=percent)


def _email_ready(export: DataExport) -> None:
    email_queue(
        template="export_ready",
        to=export.user.email,
        kind="export_ready",
        context={
            "site_url": settings.SITE_URL,
            "path": reverse("privacy:data"),
            "days": EXPORT_KEPT_FOR.days,
        },
    )


def exports_stalled() -> list[int]:
    """Exports whose task was lost or whose worker died, still worth another try."""
    now = timezone.now()
    return list(
        DataExport.objects.filter(attempts__lt=MAX_EXPORT_ATTEMPTS)
        .filter(
            Q(state=ExportState.QUEUED, created_at__lt=now - timedelta(minutes=1))
            | Q(state=ExportState.RUNNING, claimed_until__lt=now)
        )
        .values_list("pk", flat=True)
    )


def exports_tidy() -> int:
    """Give up on exports that failed every try, and delete zips older than a week."""
    now = timezone.now()
    DataExport.objects.filter(attempts__gte=MAX_EXPORT_ATTEMPTS).filter(
        Q(state=ExportState.QUEUED) | Q(state=ExportState.RUNNING, claimed_until__lt=now)
    ).update(state=ExportState.FAILED, claimed_until=None)
    deleted, _ = DataExport.objects.filter(
        Q(finished_at__lt=now - EXPORT_KEPT_FOR)
        | Q(state=ExportState.FAILED, created_at__lt=now - EXPORT_KEPT_FOR)
    ).delete()
    return deleted


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Remove the person and everything of theirs. Their coaches keep only the fact that a
    link existed; their athletes keep their own weeks, including what this coach planned."""
    addresses = [address for address in (user.email, user.pending_email) if address]
    _remember_links(user)
    _hand_over_exercises(user)
    # A template cannot go while assignments point at it (PROTECT): end those first.
    Assignment.objects.filter(Q(coach=user) | Q(athlete=user)).delete()
    _forget_addresses(addresses, user)
    _end_logins(user)
    user.delete()


def _remember_links(athlete: User) -> None:
    now = timezone.now()
    FormerAthlete.objects.bulk_create(
        FormerAthlete(
            coach_id=link.coach_id, started_at=link.started_at, ended_at=link.ended_at or now
        )
        for link in Coaching.objects.filter(athlete=athlete)
    )


def _hand_over_exercises(coach: User) -> None:
    """A coach's own exercise that an athlete's sessions still use becomes that athlete's own
    copy, so the athlete's weeks keep their moves when the coach leaves."""
    for exercise in Exercise.objects.filter(owner=coach).prefetch_related("cues"):
        runner_ids = set(
            SessionExercise.objects.filter(exercise=exercise)
            .exclude(session__runner=coach)
            .values_list("session__runner_id", flat=True)
        ) | set(
            Session.objects.filter(activity=exercise)
            .exclude(runner=coach)
            .values_list("runner_id", flat=True)
        )
        for runner_id in sorted(runner_ids):
            _copy_for(exercise, runner_id)


def _copy_for(exercise: Exercise, runner_id: int) -> None:
    tags = {
        name: list(getattr(exercise, name).all())
        for name in ("muscles", "equipment", "places", "suits", "avoids")
    }
    cues = [(cue.position, cue.text) for cue in exercise.cues.all()]
    original_pk = exercise.pk
    copy = Exercise.objects.get(pk=original_pk)
    copy.pk = None
    copy.owner_id = runner_id
    copy.slug = f"{exercise.slug[:120]}-kept-{runner_id}"
    copy.easier = copy.harder = None
    copy.save()
    for name, values in tags.items():
        getattr(copy, name).set(values)
    copy.cues.bulk_create(
        [copy.cues.model(exercise=copy, position=position, text=text) for position, text in cues]
    )
    SessionExercise.objects.filter(exercise_id=original_pk, session__runner_id=runner_id).update(
        exercise=copy
    )
    Session.objects.filter(activity_id=original_pk, runner_id=runner_id).update(activity=copy)


def _forget_addresses(addresses: list[str], user: User) -> None:
    by_address = Q()
    for address in addresses:
        by_address |= Q(email__iexact=address)
    Invitation.objects.filter(by_address).delete()
    PasswordResetRequest.objects.filter(by_address).delete()
    sent_to = Q()
    for address in addresses:
        sent_to |= Q(to__iexact=address)
    Email.objects.filter(sent_to).delete()
    Hit.objects.filter(key__in=[*addresses, *(a.lower() for a in addresses), str(user.pk)]).delete()
    _forget_sign_ins(addresses)


def _forget_sign_ins(addresses: list[str]) -> None:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        query = Q()
        for address in addresses:
            query |= Q(username__iexact=address)
        model.objects.filter(query).delete()


def _end_logins(user: User) -> None:
    """Sign the person out everywhere: sessions hold only an id, so each live one is read."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    user_id = str(user.pk)
    for login in LoginSession.objects.filter(expire_date__gt=timezone.now()).iterator():
        if login.get_decoded().get("_auth_user_id") == user_id:
            store(session_key=login.session_key).delete()  # its cached copy too, if any
