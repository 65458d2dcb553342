"""Writes for post-run reminders: keep each run's row in step, claim due rows, send them."""

import logging
import time
from datetime import datetime, timedelta
from datetime import time as time_of_day
from functools import partial
from typing import Any, TypedDict

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from accounts.models import Commitment, RunnerProfile
from plans.cache import week_changed
from plans.models import Session, SessionKind, Status
from plans.services import refuse_if_ahead, run_routine_done, session_mark
from reminders import schedule
from reminders.emails import post_run_email_send
from reminders.models import Reminder, State
from reminders.routine import Routine, routine_for

logger = logging.getLogger(__name__)


def on_run_changed(sender: object, session: Session, **kwargs: object) -> None:
    reminder_sync(session=session)


def on_runs_created(sender: object, sessions: list[Session], **kwargs: object) -> None:
    reminders_create(sessions=sessions)


def on_profile_changed(sender: object, profile: RunnerProfile, **kwargs: object) -> None:
    reminders_resync(profile=profile)


def reminders_resync(*, profile: RunnerProfile) -> None:
    """After a change of delay, quiet hours, time zone, usual run times or opt-in: the runs
    still to be reminded about get their due time again (ones ever claimed are left). Reads
    in three queries; writes only the rows whose time or state changed."""
    since = profile.today() - schedule.STALE_AFTER
    runs = Session.objects.filter(
        runner_id=profile.user_id, kind=SessionKind.RUN, date__gte=since
    ).select_related("reminder")
    run_times = dict(profile.commitments.values_list("weekday", "usual_run_time"))
    now = timezone.now()
    missing = []
    for session in runs:
        due = _due(session, profile, run_times.get(session.date.weekday()), now)
        reminder = getattr(session, "reminder", None)
        if reminder is None:
            missing.append(Reminder(session=session, **_schedule_fields(due)))
        elif (reminder.state, reminder.due_at) != tuple(_schedule_fields(due).values()):
            _reschedule(reminder.pk, due)
    _create(missing, now)


class ScheduleFields(TypedDict):
    state: str
    due_at: datetime | None


def _schedule_fields(due: datetime | None) -> ScheduleFields:
    return {"state": State.SCHEDULED if due else State.CANCELLED, "due_at": due}


def _reschedule(reminder_id: int, due: datetime | None) -> None:
    """Only a row no sender ever claimed may move: the conditional UPDATE keeps it so."""
    Reminder.objects.filter(
        pk=reminder_id, state__in=[State.SCHEDULED, State.CANCELLED], attempts=0
    ).update(**_schedule_fields(due))
    if due is not None and due <= timezone.now():
        transaction.on_commit(partial(_queue_send, reminder_id))


def _create(rows: list[Reminder], now: datetime) -> None:
    for reminder in Reminder.objects.bulk_create(rows, batch_size=500):
        if reminder.due_at is not None and reminder.due_at <= now:
            transaction.on_commit(partial(_queue_send, reminder.pk))


def reminders_create(*, sessions: list[Session]) -> None:
    """Rows for runs just created in bulk (a planned week, an assigned template), in a fixed
    number of queries whatever their number."""
    runner_ids = {session.runner_id for session in sessions}
    profiles = {p.user_id: p for p in RunnerProfile.objects.filter(user_id__in=runner_ids)}
    run_times = {
        (runner_id, weekday): usual_run_time
        for runner_id, weekday, usual_run_time in Commitment.objects.filter(
            profile__user_id__in=runner_ids
        ).values_list("profile__user_id", "weekday", "usual_run_time")
    }
    now = timezone.now()
    rows = []
    for session in sessions:
        profile = profiles.get(session.runner_id)
        usual_run_time = run_times.get((session.runner_id, session.date.weekday()))
        due = _due(session, profile, usual_run_time, now) if profile else None
        rows.append(Reminder(session=session, **_schedule_fields(due)))
    _create(rows, now)


def reminder_sync(*, session: Session) -> None:
    """Bring a run's reminder in line with the run as it is now, in the caller's transaction.

    A row that was ever claimed (sending, sent, failed, or waiting to retry) is left alone:
    the send path checks the run again before it sends.
    """
    due = _due_for(session)
    reminder, created = Reminder.objects.get_or_create(
        session=session, defaults=_schedule_fields(due)
    )
    if not created:
        _reschedule(reminder.pk, due)
    elif due is not None and due <= timezone.now():
        transaction.on_commit(partial(_queue_send, reminder.pk))


def reminder_send(*, reminder_id: int) -> bool:
    """Send one reminder if it is due and no one else holds it; True if it went out."""
    reminder = _claim(reminder_id)
    return reminder is not None and _deliver(reminder)


def reminders_send_due(*, seconds: float) -> int:
    """Claim and send due reminders one at a time for up to `seconds`; how many went out."""
    sent = 0
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        reminder_id = _next_due_id()
        if reminder_id is None:
            break
        reminder = _claim(reminder_id)
        if reminder is not None:
            sent += _deliver(reminder)
    return sent


def reminders_due_count() -> int:
    return Reminder.objects.filter(_claimable(timezone.now())).count()


class RoutineRefused(ValueError):
    """The done link names a run whose routine cannot be ticked off; the message says why."""


def routine_refusal(run: Session, routine: Routine) -> str:
    """Why the routine after `run` cannot be ticked off from the email, or "" when it can.
    (A run still ahead is plans' NotYetError.)"""
    if run.status == Status.SKIPPED:
        return "You marked this run skipped, so there is no routine after it to tick off."
    block = run.block
    if block is not None and block.status == Status.SKIPPED:
        return "You marked the strength routine after this run skipped on your week."
    if not routine.moves:
        return "This run has no strength routine after it, so there is nothing to tick off."
    return ""


def routine_mark_done(*, reminder: Reminder, routine: Routine) -> None:
    """The email's done button: the run's post-run strength block (if it has one) is done.
    A run still ahead raises plans.services.NotYetError, one the routine does not fit
    RoutineRefused, and nothing changes."""
    run = reminder.session
    refuse_if_ahead(runner_id=run.runner_id, day=run.date)
    refusal = routine_refusal(run, routine)
    if refusal:
        raise RoutineRefused(refusal)
    with transaction.atomic():
        strength = run.block
        if strength is not None and strength.status != Status.DONE:
            session_mark(session=strength, status=Status.DONE, note="Done from the email")
        run_routine_done(run=run)


def reminders_turn_off(*, profile: RunnerProfile) -> None:
    """Unsubscribe: no more post-run emails; rows still waiting are cancelled when claimed."""
    with transaction.atomic():
        profile.reminders_enabled = False
        profile.save(update_fields=["reminders_enabled"])
        week_changed(profile.user_id)


def _due_for(session: Session) -> datetime | None:
    profile = RunnerProfile.objects.filter(user_id=session.runner_id).first()
    if profile is None or not session.is_run:
        return None
    usual_run_time = (
        Commitment.objects.filter(profile=profile, weekday=session.date.weekday())
        .values_list("usual_run_time", flat=True)
        .first()
    )
    return _due(session, profile, usual_run_time, timezone.now())


def _due(
    session: Session,
    profile: RunnerProfile,
    usual_run_time: time_of_day | None,
    now: datetime,
) -> datetime | None:
    run = schedule.Run(
        date=session.date,
        minutes=session.minutes,
        status=session.status,
        done_at=session.status_changed_at,
    )
    return schedule.due_at(run=run, profile=profile, usual_run_time=usual_run_time, now=now)


def _queue_send(reminder_id: int) -> None:
    from reminders.tasks import send_reminder

    try:
        send_reminder.delay(reminder_id)
    except Exception:  # the broker is down: the next sweep sends it from the database
        logger.warning("could not queue reminder %s; the sweep will send it", reminder_id)


def _claimable(now: datetime) -> Q:
    """Due and waiting, or held by a worker whose lease ran out (it died mid-send)."""
    return Q(state=State.SCHEDULED, due_at__lte=now) | Q(state=State.SENDING, claimed_until__lt=now)


def _next_due_id() -> int | None:
    with transaction.atomic():
        return (
            Reminder.objects.select_for_update(skip_locked=True)
            .filter(_claimable(timezone.now()))
            .order_by("due_at")
            .values_list("pk", flat=True)
            .first()
        )


def _claim(reminder_id: int) -> Reminder | None:
    """The conditional UPDATE that makes one worker, and only one, the sender of a row."""
    now = timezone.now()
    claimed = Reminder.objects.filter(_claimable(now), pk=reminder_id).update(
        state=State.SENDING,
        claimed_until=now + timedelta(seconds=settings.REMINDER_LEASE_SECONDS),
        attempts=F("attempts") + 1,
    )
    if not claimed:
        return None
    return Reminder.objects.select_related("session__runner__runner_profile").get(pk=reminder_id)


def _deliver(reminder: Reminder) -> bool:
    session = reminder.session
    profile = getattr(session.runner, "runner_profile", None)
    now = timezone.now()
    if profile is None or not profile.reminders_enabled or session.status == Status.SKIPPED:
        _release(reminder, state=State.CANCELLED, due_at=None)
        return False
    if profile.in_quiet_hours(now.astimezone(profile.zone).time()):
        _release(reminder, state=State.SCHEDULED, due_at=schedule.after_quiet_hours(now, profile))
        return False
    routine = routine_for(session)
    if not routine.moves:  # no strength move suits the runner: an empty routine helps no one
        _release(reminder, state=State.CANCELLED, due_at=None)
        return False
    try:
        post_run_email_send(reminder=reminder, routine=routine)
    except Exception as error:  # SMTP refusals, timeouts, a server that is down
        _attempt_failed(reminder, error)
        return False
    _state_write(
        reminder, state=State.SENT, sent_at=timezone.now(), claimed_until=None, last_error=""
    )
    return True


def _release(reminder: Reminder, *, state: str, due_at: datetime | None) -> None:
    """Give a claimed row back without counting it as an attempt to send."""
    _state_write(
        reminder, state=state, due_at=due_at, claimed_until=None, attempts=F("attempts") - 1
    )


def _attempt_failed(reminder: Reminder, error: Exception) -> None:
    message = f"{type(error).__name__}: {error}"[:500]
    logger.warning("reminder %s attempt %s failed: %s", reminder.pk, reminder.attempts, message)
    if reminder.attempts >= settings.REMINDER_MAX_ATTEMPTS:
        fields: dict[str, Any] = {"state": State.FAILED}
    else:
        backoff = settings.REMINDER_RETRY_SECONDS * 2 ** (reminder.attempts - 1)
        fields = {"state": State.SCHEDULED, "due_at": timezone.now() + timedelta(seconds=backoff)}
    _state_write(reminder, claimed_until=None, last_error=message, **fields)


@transaction.atomic
def _state_write(reminder: Reminder, **fields: Any) -> None:
    """A claimed row's new state; the run's week shows it (sent, not delivered, waiting)."""
    Reminder.objects.filter(pk=reminder.pk).update(**fields)
    week_changed(reminder.session.runner_id)
