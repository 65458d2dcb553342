"""Writes for post-run reminders: keep each run's row in step, claim due rows, send them."""

import logging
import math
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from datetime import time as time_of_day
from functools import partial
from typing import Any, TypedDict
from uuid import uuid4

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import Commitment, RunnerProfile
from plans.cache import week_changed, weeks_changed
from plans.models import Session, SessionKind, Status
from plans.services import refuse_if_ahead, run_routine_done, session_mark
from reminders import schedule
from reminders.emails import post_run_email
from reminders.models import Reminder, SenderSlot, State
from reminders.routine import Routine, routines_for

logger = logging.getLogger(__name__)

# The SMTP exchanges that may each wait up to EMAIL_TIMEOUT: MAIL, RCPT, DATA and the
# message's own reply for each message; connect and EHLO (plus the TLS handshake, STARTTLS
# and a second EHLO, AUTH, when they are used) to open a connection.
SMTP_STEPS_PER_MESSAGE = 4


def smtp_steps_to_connect() -> int:
    tls = 2 if settings.EMAIL_USE_TLS else 1 if settings.EMAIL_USE_SSL else 0
    return 2 + tls + (1 if settings.EMAIL_HOST_USER else 0)


def worst_case_send_seconds() -> float:
    """The longest one reminder may take to send on a fresh connection: a lease shorter than
    this would let a second sender take a row the first is still sending."""
    timeout: float = settings.EMAIL_TIMEOUT
    return (smtp_steps_to_connect() + SMTP_STEPS_PER_MESSAGE) * timeout


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
    claim = _claim_one(reminder_id)
    return claim is not None and claim_deliver(claim=claim) == 1


def reminders_send_due(*, seconds: float) -> int:
    """Claim due reminders a batch at a time and send them, for up to `seconds`; how many went
    out."""
    sent = 0
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        claim = reminders_claim(limit=settings.REMINDER_BATCH_SIZE)
        if not claim.reminders:
            break
        sent += claim_deliver(claim=claim, stop=stop)
    return sent


def sender_slots_book(*, wanted: int) -> list[tuple[int, str]]:
    """Book up to `wanted` free sender slots for senders about to be queued: (slot, token)
    pairs. A booking lapses after `REMINDER_SENDER_BOOKING_SECONDS` if no sender took it."""
    SenderSlot.objects.bulk_create(
        [SenderSlot(pk=number) for number in range(1, settings.REMINDER_SENDERS + 1)],
        ignore_conflicts=True,
    )
    now = timezone.now()
    until = now + timedelta(seconds=settings.REMINDER_SENDER_BOOKING_SECONDS)
    free = _free_slots(now).values_list("pk", flat=True)[:wanted]
    booked = []
    for number in free:
        token = uuid4().hex
        if _free_slots(now).filter(pk=number).update(busy_until=until, token=token):
            booked.append((number, token))
    return booked


def _free_slots(now: datetime) -> QuerySet[SenderSlot]:
    lapsed = Q(busy_until__isnull=True) | Q(busy_until__lt=now)
    return SenderSlot.objects.filter(lapsed, pk__lte=settings.REMINDER_SENDERS).order_by("pk")


def slot_send_due(*, slot: int, token: str, seconds: float) -> int:
    """A sender's run in the slot booked for it: nothing when the booking lapsed and the slot
    went to another sender; otherwise `reminders_send_due`, holding the slot meanwhile."""
    now = timezone.now()
    held_until = now + timedelta(seconds=seconds + settings.REMINDER_LEASE_SECONDS)
    if not SenderSlot.objects.filter(pk=slot, token=token).update(busy_until=held_until):
        return 0
    try:
        return reminders_send_due(seconds=seconds)
    finally:
        SenderSlot.objects.filter(pk=slot, token=token).update(busy_until=None)


def reminders_due_count() -> int:
    now = timezone.now()
    return _due_rows(now).count() + _lease_ran_out_rows(now).count()


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


def _due_rows(now: datetime) -> QuerySet[Reminder]:
    """Waiting and due, in due order: read from the partial index on scheduled rows."""
    return Reminder.objects.filter(state=State.SCHEDULED, due_at__lte=now).order_by("due_at")


def _lease_ran_out_rows(now: datetime) -> QuerySet[Reminder]:
    """Held by a sender whose lease ran out (it died mid-send): read from their own index."""
    return Reminder.objects.filter(state=State.SENDING, claimed_until__lt=now).order_by(
        "claimed_until"
    )


@dataclass
class Claim:
    """Reminders one sender holds until `until`; a write about them names `token`, and changes
    nothing once another sender took them over."""

    token: str
    until: datetime
    reminders: list[Reminder]

    def rows(self, *reminders: Reminder) -> QuerySet[Reminder]:
        return Reminder.objects.filter(pk__in=[r.pk for r in reminders], claim_token=self.token)

    def covers(self, seconds: float) -> bool:
        return timezone.now() + timedelta(seconds=seconds) <= self.until

    def renew(self) -> set[int]:
        """A new lease for the rows still held and not yet sent; their ids. A row whose lease
        ran out and that another sender took is not among them."""
        until = timezone.now() + timedelta(seconds=settings.REMINDER_LEASE_SECONDS)
        held = Reminder.objects.filter(claim_token=self.token, state=State.SENDING)
        held.update(claimed_until=until)
        self.until = until
        return set(held.values_list("pk", flat=True))


def reminders_claim(*, limit: int) -> Claim:
    """Make this sender the only one holding up to `limit` rows: those whose lease ran out
    first, then the due ones in due order, each batch in one conditional UPDATE."""
    now = timezone.now()
    token = uuid4().hex
    until = now + timedelta(seconds=settings.REMINDER_LEASE_SECONDS)
    claim_fields: dict[str, Any] = {
        "state": State.SENDING,
        "claim_token": token,
        "claimed_until": until,
        "first_try_at": now,
    }
    ids = _claim_rows(_lease_ran_out_rows(now), limit, claim_fields)
    if len(ids) < limit:
        ids += _claim_rows(_due_rows(now), limit - len(ids), claim_fields)
    return Claim(
        token=token,
        until=until,
        reminders=list(_with_run(Reminder.objects.filter(pk__in=ids))) if ids else [],
    )


def _claim_rows(candidates: QuerySet[Reminder], limit: int, fields: dict[str, Any]) -> list[int]:
    """Claim up to `limit` of the candidates; their ids. On PostgreSQL rows another sender is
    claiming are skipped, not waited for; SQLite runs one write at a time anyway."""
    if connection.vendor == "postgresql":
        return _claim_rows_skip_locked(candidates, limit, fields)
    picked = Reminder.objects.filter(pk__in=candidates.values("pk")[:limit])
    picked.update(
        **{**fields, "first_try_at": Coalesce("first_try_at", Value(fields["first_try_at"]))},
        attempts=F("attempts") + 1,
    )
    return list(
        Reminder.objects.filter(state=State.SENDING, claim_token=fields["claim_token"]).values_list(
            "pk", flat=True
        )
    )


def _claim_rows_skip_locked(
    candidates: QuerySet[Reminder], limit: int, fields: dict[str, Any]
) -> list[int]:
    table = Reminder._meta.db_table
    sql, params = candidates.values("pk")[:limit].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET state = %s, claim_token = %s, claimed_until = %s,"
            " attempts = attempts + 1, first_try_at = COALESCE(first_try_at, %s)"
            f" WHERE id IN ({sql} FOR UPDATE SKIP LOCKED) RETURNING id",
            [
                fields["state"],
                fields["claim_token"],
                fields["claimed_until"],
                fields["first_try_at"],
                *params,
            ],
        )
        return [row[0] for row in cursor.fetchall()]


def _claim_one(reminder_id: int) -> Claim | None:
    """The claim of one row named by its id (a send queued when the row fell due)."""
    now = timezone.now()
    token = uuid4().hex
    until = now + timedelta(seconds=settings.REMINDER_LEASE_SECONDS)
    claimable = Q(state=State.SCHEDULED, due_at__lte=now) | Q(
        state=State.SENDING, claimed_until__lt=now
    )
    claimed = Reminder.objects.filter(claimable, pk=reminder_id).update(
        state=State.SENDING,
        claim_token=token,
        claimed_until=until,
        attempts=F("attempts") + 1,
        first_try_at=Coalesce("first_try_at", Value(now)),
    )
    if not claimed:
        return None
    reminders = list(_with_run(Reminder.objects.filter(pk=reminder_id)))
    return Claim(token=token, until=until, reminders=reminders)


def _with_run(reminders: QuerySet[Reminder]) -> QuerySet[Reminder]:
    return reminders.select_related("session__runner__runner_profile")


def claim_deliver(*, claim: Claim, stop: float = math.inf) -> int:
    """Send the claimed reminders over one SMTP connection; how many went out. Each row is
    marked sent as soon as the server has accepted its message, before the next is sent.
    The lease is renewed whenever it could not cover one more send; rows left at `stop` (a
    `time.monotonic()` moment) are given back to be due at once."""
    ready = [reminder for reminder in claim.reminders if _still_wanted(claim, reminder)]
    routines = routines_for([reminder.session for reminder in ready])
    sendable = []
    for reminder in ready:
        if routines[reminder.session_id].moves:
            sendable.append(reminder)
        else:  # no strength move suits the runner: an empty routine helps no one
            _release(claim, reminder, state=State.CANCELLED, due_at=None)
    sent = 0
    held = {reminder.pk for reminder in sendable}
    with SmtpConnection() as smtp:
        for position, reminder in enumerate(sendable):
            if time.monotonic() >= stop:
                _give_back(claim, sendable[position:])
                break
            if not claim.covers(smtp.worst_case_seconds()):
                held = claim.renew()
            if reminder.pk in held:
                sent += _send_one(claim, smtp, reminder, routines[reminder.session_id])
    return sent


def _still_wanted(claim: Claim, reminder: Reminder) -> bool:
    """Whether the run still gets its email now; gives the row back when it does not."""
    session = reminder.session
    profile = getattr(session.runner, "runner_profile", None)
    if profile is None or not profile.reminders_enabled or session.status == Status.SKIPPED:
        _release(claim, reminder, state=State.CANCELLED, due_at=None)
        return False
    now = timezone.now()
    if profile.in_quiet_hours(now.astimezone(profile.zone).time()):
        due = schedule.after_quiet_hours(now, profile)
        _release(claim, reminder, state=State.SCHEDULED, due_at=due)
        return False
    return True


def _send_one(claim: Claim, smtp: "SmtpConnection", reminder: Reminder, routine: Routine) -> int:
    try:
        smtp.send(post_run_email(reminder=reminder, routine=routine))
    except Exception as error:  # SMTP refusals, timeouts, a server that is down or hung up
        _attempt_failed(claim, reminder, error)
        return 0
    _write(
        claim,
        [reminder],
        state=State.SENT,
        sent_at=timezone.now(),
        claimed_until=None,
        last_error="",
    )
    return 1


class SmtpConnection:
    """One connection for a batch, opened on the first message and again after a failure
    (a server that hung up or timed out is not trusted with the next message)."""

    def __init__(self) -> None:
        self.backend: Any = None

    def __enter__(self) -> "SmtpConnection":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def worst_case_seconds(self) -> float:
        """How long the next message may take at worst, the connection's opening included."""
        if self.backend is None:
            return worst_case_send_seconds()
        timeout: float = settings.EMAIL_TIMEOUT
        return SMTP_STEPS_PER_MESSAGE * timeout

    def send(self, message: EmailMessage) -> None:
        """Returns once the server answered 250 to the message's DATA; raises otherwise."""
        if self.backend is None:
            self.backend = get_connection()
            self.backend.open()
        try:
            self.backend.send_messages([message])
        except Exception:
            self.close()
            raise

    def close(self) -> None:
        backend, self.backend = self.backend, None
        if backend is not None:
            try:
                backend.close()
            except Exception:  # the connection is already gone: nothing left to close
                logger.info("closing an SMTP connection that failed", exc_info=True)


def _release(claim: Claim, reminder: Reminder, *, state: str, due_at: datetime | None) -> None:
    """Give a claimed row back without counting it as an attempt to send."""
    _write(
        claim,
        [reminder],
        state=state,
        due_at=due_at,
        claimed_until=None,
        attempts=F("attempts") - 1,
    )


def _give_back(claim: Claim, reminders: list[Reminder]) -> None:
    """Rows the lease has no time left for: due again at once, for this or another sender."""
    _write(claim, reminders, state=State.SCHEDULED, claimed_until=None, attempts=F("attempts") - 1)


def _attempt_failed(claim: Claim, reminder: Reminder, error: Exception) -> None:
    """A refused send, or one whose fate is unknown (the server hung up or went quiet after
    the message was sent): both are tried again later as the same message, Message-ID and
    all, so a copy the server did keep can be told apart."""
    message = f"{type(error).__name__}: {error}"[:500]
    attempts = reminder.attempts  # read after the claim counted this try
    logger.warning("reminder %s attempt %s failed: %s", reminder.pk, attempts, message)
    if attempts >= settings.REMINDER_MAX_ATTEMPTS:
        fields: dict[str, Any] = {"state": State.FAILED}
    else:
        backoff = settings.REMINDER_RETRY_SECONDS * 2 ** (attempts - 1)
        fields = {"state": State.SCHEDULED, "due_at": timezone.now() + timedelta(seconds=backoff)}
    _write(claim, [reminder], claimed_until=None, last_error=message, **fields)


@transaction.atomic
def _write(claim: Claim, reminders: list[Reminder], **fields: Any) -> None:
    """The claimed rows' new state, if the claim still holds them; the runs' weeks show it
    (sent, not delivered, waiting), so their versions move with it."""
    if claim.rows(*reminders).update(**fields):
        weeks_changed(reminder.session.runner_id for reminder in reminders)
