"""Writes that touch several models; each runs in one transaction."""

import logging
import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum
from functools import partial
from typing import Any

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import (
    INVITATION_DAYS,
    Coaching,
    Commitment,
    Goal,
    Injury,
    Invitation,
    InvitationStatus,
    PasswordResetRequest,
    RunnerProfile,
    User,
)
from accounts.signals import account_changed, coaching_ended, profile_changed
from limits.services import Counter, Limit, limit_check, limit_hit
from outbox.models import Email as OutboxEmail
from outbox.services import email_queue

INVITATION_SALT = "accounts.invitation"
logger = logging.getLogger(__name__)
EMAIL_CONFIRM_SALT = "accounts.email-confirm"
EMAIL_CONFIRM_DAYS = 3


class InvitationError(Exception):
    """An invitation that cannot be answered; the message is meant for the runner."""


class EmailNotConfirmed(InvitationError):
    """The invited address is the runner's, but they have not proved yet that it reaches them."""


class EmailConfirmError(Exception):
    """A confirmation link that cannot be used; the message is meant for the person."""


class EmailConfirmed(StrEnum):
    """What opening a confirmation link did."""

    CONFIRMED = "confirmed"  # the address the account signed up with
    ALREADY = "already"  # the address was confirmed before
    CHANGED = "changed"  # the new address asked for replaced the old one
    TAKEN = "taken"  # another account took the new address meanwhile: the old one stays


@dataclass(frozen=True)
class CommitmentData:
    weekday: int
    available: bool
    minutes: int
    usual_run_time: time | None = None


@transaction.atomic
def profile_save(
    *,
    user: User,
    profile_fields: dict[str, Any],
    commitments: list[CommitmentData],
    goals: list[dict[str, Any]] | None = None,
    injury_was_nothing: bool = False,
) -> RunnerProfile:
    """Create or update the runner profile with its week; the first save onboards. `goals` are
    added (the first ones, at onboarding): the goals already there are never touched here.

    An injury set or cleared is written to the injury history too; `injury_was_nothing` says
    an injury cleared now needs no easing back into running.
    """
    profile, _ = RunnerProfile.objects.select_for_update().get_or_create(user=user)
    was_injured = profile.injured
    before = Injury(area=profile.injury_area, started_on=profile.injured_since)
    for field, value in profile_fields.items():
        setattr(profile, field, value)
    today = profile.today()
    if profile.injured and not was_injured:
        # The injury was there, at the latest, on the day the runner said so.
        profile.injured_since = min(profile.injured_since or today, today)
    elif was_injured and not profile.injured:
        profile.injury_cleared_on = today
    if profile.onboarded_at is None:
        profile.onboarded_at = timezone.now()
    profile.full_clean()
    profile.save()
    if profile.injured:
        _injury_record(profile)
    elif was_injured:
        _injury_clear(profile, before, today=today, was_nothing=injury_was_nothing)
    for day in commitments:
        Commitment.objects.update_or_create(
            profile=profile,
            weekday=day.weekday,
            defaults={
                "available": day.available,
                "minutes": day.minutes,
                "usual_run_time": day.usual_run_time,
            },
        )
    Goal.objects.bulk_create([Goal(profile=profile, **fields) for fields in goals or []])
    profile_changed.send(sender=RunnerProfile, profile=profile)
    return profile


@transaction.atomic
def goal_save(*, goal: Goal, fields: dict[str, Any]) -> Goal:
    """Add or change one goal; the days ahead are planned again around it."""
    for field, value in fields.items():
        setattr(goal, field, value)
    goal.full_clean()
    goal.save()
    profile_changed.send(sender=RunnerProfile, profile=goal.profile)
    return goal


@transaction.atomic
def goal_delete(*, goal: Goal) -> None:
    profile = goal.profile
    goal.delete()
    profile_changed.send(sender=RunnerProfile, profile=profile)


def _injury_record(profile: RunnerProfile) -> None:
    """The current injury's history row follows the profile: its area and start."""
    Injury.objects.update_or_create(
        profile=profile,
        cleared_on=None,
        defaults={"area": profile.injury_area, "started_on": profile.injured_since},
    )


def _injury_clear(
    profile: RunnerProfile, before: Injury, *, today: date, was_nothing: bool
) -> None:
    """Close the current injury's row; one flagged without a row (by an admin) gets one now."""
    current = Injury.objects.filter(profile=profile, cleared_on__isnull=True).first()
    if current is None:
        current = before
        current.profile = profile
    current.cleared_on = max(today, current.started_on or today)
    current.was_nothing = was_nothing
    current.save()


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps(invitation.pk, salt=INVITATION_SALT)


EXPIRED = "This invitation has expired. Ask your coach to send you a new one."


def invitation_url(invitation: Invitation) -> str:
    return reverse("accounts:invitation", args=[invitation_token(invitation)])


def invitation_from_token(token: str) -> Invitation:
    try:
        pk = signing.loads(token, salt=INVITATION_SALT, max_age=timedelta(days=INVITATION_DAYS))
    except signing.SignatureExpired as exc:
        raise InvitationError(EXPIRED) from exc
    except signing.BadSignature as exc:
        raise InvitationError(
            "This invitation link is not valid. Check that you copied the whole link."
        ) from exc
    invitation = Invitation.objects.select_related("coach").filter(pk=pk).first()
    if invitation is None:
        raise InvitationError("This invitation no longer exists.")
    return invitation


COACH_NAME_MAX = 60
# Anything a mail client could turn into a link: a scheme, www., an address, a dotted host.
_LINK_LIKE = re.compile(r"\S*(?:://|www\.|@)\S*|\S*\w\.[a-z]{2,}\b\S*", re.IGNORECASE)


def email_safe_name(name: str) -> str:
    """A coach's name as invitation emails show it: one line of plain text, at most 60
    characters, with nothing in it a mail client would make into a link."""
    plain = " ".join(_LINK_LIKE.sub(" ", name).split())
    if len(plain) > COACH_NAME_MAX:
        plain = plain[: COACH_NAME_MAX - 1].rstrip() + "…"
    return plain or "A RunStrong coach"


def _invitation_limits(coach: User, email: str) -> None:
    """Raise LimitReached if this coach, or this address, has had enough invitations."""
    per_coach = settings.INVITATIONS_PER_COACH_PER_HOUR
    limit_check(
        rows=Invitation.objects.filter(coach=coach),
        at_field="created_at",
        limit=Limit(
            count=per_coach,
            window=timedelta(hours=1),
            message=f"You have sent {per_coach} invitations in the last hour, the most we allow.",
        ),
    )
    per_address = settings.INVITATIONS_PER_ADDRESS_PER_DAY
    limit_check(
        rows=Invitation.objects.filter(email=email),
        at_field="created_at",
        limit=Limit(
            count=per_address,
            window=timedelta(days=1),
            message=f"{email} has had {per_address} invitations in the last day, "
            "the most we send to one address.",
        ),
    )


@transaction.atomic
def invitation_send(*, coach: User, email: str) -> Invitation:
    """Invite a runner by email; an earlier pending invitation to the same address is replaced.

    Raises limits.services.LimitReached, with nothing saved or sent, past the hourly limit of
    the coach or the daily limit of the address."""
    email = email.strip().lower()
    _invitation_limits(coach, email)
    Invitation.objects.filter(coach=coach, email=email, status=InvitationStatus.PENDING).update(
        status=InvitationStatus.REVOKED, responded_at=timezone.now()
    )
    now = timezone.now()
    invitation = Invitation.objects.create(
        coach=coach, email=email, created_at=now, expires_at=now + timedelta(days=INVITATION_DAYS)
    )
    invitation.message = email_queue(
        template="invitation",
        to=email,
        context={
            "invitation": invitation,
            "coach_name": email_safe_name(coach.display_name),
            "path": invitation_url(invitation),
            "days": INVITATION_DAYS,
        },
    )
    invitation.save(update_fields=["message"])
    return invitation


def invitation_check(*, invitation: Invitation, user: User) -> None:
    """Raise InvitationError unless this user may still answer the invitation: it was sent to
    their address, and they have proved that the address reaches them."""
    if invitation.email.lower() != user.email.lower():
        raise InvitationError(
            f"This invitation was sent to another email address. Log in as {invitation.email} "
            "to answer it."
        )
    if not user.email_verified:
        raise EmailNotConfirmed(
            f"Confirm your email address first: open the link we sent to {user.email}, then "
            "come back to this invitation."
        )
    if invitation.status == InvitationStatus.ACCEPTED:
        raise InvitationError("You have already accepted this invitation.")
    if invitation.status == InvitationStatus.DECLINED:
        raise InvitationError("You have already declined this invitation.")
    if invitation.status == InvitationStatus.REVOKED:
        raise InvitationError("Your coach withdrew this invitation.")
    if invitation.is_expired():
        raise InvitationError(EXPIRED)


def _locked_answerable(invitation: Invitation, user: User) -> Invitation:
    invitation = (
        Invitation.objects.select_for_update().select_related("coach").get(pk=invitation.pk)
    )
    invitation_check(invitation=invitation, user=user)
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Coaching:
    invitation = _locked_answerable(invitation, user)
    if invitation.coach_id == user.pk:
        raise InvitationError("You cannot coach yourself.")
    current = Coaching.objects.current().select_for_update().filter(athlete=user).first()
    if current is not None:
        raise InvitationError(
            f"{current.coach} is already your coach. Leave them first, then accept this invitation."
        )
    invitation.status = InvitationStatus.ACCEPTED
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at"])
    return Coaching.objects.create(coach=invitation.coach, athlete=user)


@transaction.atomic
def invitation_decline(*, invitation: Invitation, user: User) -> Invitation:
    invitation = _locked_answerable(invitation, user)
    invitation.status = InvitationStatus.DECLINED
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at"])
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> Invitation:
    Invitation.objects.filter(pk=invitation.pk, status=InvitationStatus.PENDING).update(
        status=InvitationStatus.REVOKED, responded_at=timezone.now()
    )
    invitation.refresh_from_db()
    return invitation


@transaction.atomic
def coaching_end(*, coaching: Coaching) -> Coaching:
    """End a coach–athlete link, whichever side ends it; the history is kept. Listeners end
    what the coach set on the athlete's plan, in the same transaction."""
    ended = Coaching.objects.filter(pk=coaching.pk, ended_at__isnull=True).update(
        ended_at=timezone.now()
    )
    coaching.refresh_from_db()
    if ended:
        coaching_ended.send(sender=Coaching, coaching=coaching)
    return coaching


RESET_SWEEP_AFTER = timedelta(seconds=30)  # the on-commit task had its chance by then


def password_reset_request(*, email: str) -> PasswordResetRequest:
    """Note that a reset link was asked for; the lookup and the email happen in a task.

    The same two queries for any address, known or not. Raises limits.services.LimitReached,
    writing nothing, past the hourly limit per address."""
    email = email.strip().lower()
    per_hour = settings.PASSWORD_RESETS_PER_ADDRESS_PER_HOUR
    limit_check(
        rows=PasswordResetRequest.objects.filter(email=email),
        at_field="requested_at",
        limit=Limit(
            count=per_hour,
            window=timedelta(hours=1),
            message=f"A reset link was asked for that address {per_hour} times in the last hour, "
            "the most we allow.",
        ),
    )
    request = PasswordResetRequest.objects.create(email=email, requested_at=timezone.now())
    transaction.on_commit(partial(_queue_reset, request.pk))
    return request


@transaction.atomic
def password_reset_handle(*, request_id: int) -> int:
    """Queue a reset email to each active account with a password at that address; how many.
    The conditional UPDATE makes one worker, and only one, handle a request; if queueing
    fails, the claim rolls back with it and the sweep tries again."""
    claimed = PasswordResetRequest.objects.filter(pk=request_id, handled_at__isnull=True).update(
        handled_at=timezone.now()
    )
    if not claimed:
        return 0
    email = PasswordResetRequest.objects.values_list("email", flat=True).get(pk=request_id)
    users = list(PasswordResetForm().get_users(email))
    for user in users:
        email_queue(
            template="password_reset",
            to=user.email,
            context={
                "user": user,
                "uid": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
            secret=True,
        )
    return len(users)


def password_resets_handle_waiting() -> int:
    waiting = PasswordResetRequest.objects.filter(
        handled_at__isnull=True, requested_at__lt=timezone.now() - RESET_SWEEP_AFTER
    ).values_list("pk", flat=True)
    return sum(password_reset_handle(request_id=pk) for pk in waiting)


def _queue_reset(request_id: int) -> None:
    from accounts.tasks import password_reset_handle as handle

    try:
        handle.delay(request_id)
    except Exception:  # the broker is down: the sweep handles the request from the database
        logger.warning("could not queue password reset %s; the sweep will", request_id)


def signup_count(*, email: str, ip_address: str) -> None:
    """Count a sign-up about to be made; raise limits.services.LimitReached, counting nothing,
    past the hourly limits per address and per IP address."""
    per_address = settings.SIGNUPS_PER_ADDRESS_PER_HOUR
    per_ip = settings.SIGNUPS_PER_IP_PER_HOUR
    hour = timedelta(hours=1)
    limit_hit(
        Counter(
            scope="signup-address",
            key=email.strip().lower(),
            limit=Limit(
                count=per_address,
                window=hour,
                message=f"That address has been used for {per_address} sign-ups in the last hour.",
            ),
        ),
        Counter(
            scope="signup-ip",
            key=ip_address,
            limit=Limit(
                count=per_ip,
                window=hour,
                message=f"{per_ip} accounts have been made from your network in the last hour, "
                "the most we allow.",
            ),
        ),
    )


def _password_stamp(user: User) -> str:
    """Changes with the password, so that a new password voids every confirmation link sent
    before it (say, one an intruder who knew the old password asked for)."""
    return salted_hmac(EMAIL_CONFIRM_SALT, user.password).hexdigest()[:16]


def email_confirm_token(*, user: User, email: str) -> str:
    return signing.dumps(
        {"user": user.pk, "email": email, "stamp": _password_stamp(user)}, salt=EMAIL_CONFIRM_SALT
    )


def email_confirm_url(*, user: User, email: str) -> str:
    return reverse("accounts:email_confirm", args=[email_confirm_token(user=user, email=email)])


def _queue_email_confirmation(user: User, email: str) -> None:
    email_queue(
        template="email_confirm",
        to=email,
        context={
            "user": user,
            "email": email,
            "is_change": email != user.email,
            "path": email_confirm_url(user=user, email=email),
            "days": EMAIL_CONFIRM_DAYS,
        },
        secret=True,
    )


def _queue_email_change_notice(user: User, old_email: str, new_email: str) -> None:
    email_queue(
        template="email_change_notice",
        to=old_email,
        context={
            "user": user,
            "old_email": old_email,
            "new_email": new_email,
            "path": reverse("accounts:password_reset"),
        },
    )


def email_confirmation_send(*, user: User) -> str | None:
    """Send a fresh link for the address that waits to be confirmed: a new address asked for,
    else an unconfirmed current one. Returns that address, or None when nothing waits.

    Raises limits.services.LimitReached, sending nothing, once that address has had its
    hourly number of links (anyone may type any address into the account form)."""
    address = user.pending_email or (None if user.email_verified else user.email)
    if address is not None:
        per_hour = settings.EMAIL_CONFIRMATIONS_PER_ADDRESS_PER_HOUR
        limit_check(
            rows=OutboxEmail.objects.filter(kind="email_confirm", to=address),
            at_field="created_at",
            limit=Limit(
                count=per_hour,
                window=timedelta(hours=1),
                message=f"We have sent {per_hour} confirmation links to {address} in the last "
                "hour, the most we send to one address.",
            ),
        )
        _queue_email_confirmation(user, address)
    return address


@transaction.atomic
def account_update(*, user: User, display_name: str, email: str) -> bool:
    """Save the name; a different address waits apart, the current one staying in force, until
    the link sent to it is opened, and the current address is told. True if a link went out."""
    email = email.strip().lower()
    user.display_name = display_name
    changing = email != user.email
    # Asking for the current address again drops a change that was waiting.
    user.pending_email = email if changing else ""
    user.save(update_fields=["display_name", "pending_email"])
    account_changed.send(sender=User, user=user)
    if changing:
        old_email = user.email
        email_confirmation_send(user=user)
        _queue_email_change_notice(user, old_email, email)
    return changing


def _confirm_token_email(token: str, user: User) -> str:
    try:
        data = signing.loads(
            token, salt=EMAIL_CONFIRM_SALT, max_age=timedelta(days=EMAIL_CONFIRM_DAYS)
        )
    except signing.SignatureExpired as exc:
        raise EmailConfirmError(
            f"This link has expired: links work for {EMAIL_CONFIRM_DAYS} days. "
            "Ask for a new one below."
        ) from exc
    except signing.BadSignature as exc:
        raise EmailConfirmError(
            "This link is not valid. Check that you copied the whole link."
        ) from exc
    if data.get("user") != user.pk:
        raise EmailConfirmError(
            "This link confirms an address for another RunStrong account. Log out, log in to "
            "that account and open the link again."
        )
    if data.get("stamp") != _password_stamp(user):
        raise EmailConfirmError(
            "Your password has changed since this link was sent, so it no longer works. "
            "Ask for a new one below."
        )
    return str(data["email"])


@transaction.atomic
def email_confirm(*, token: str, user: User) -> EmailConfirmed:
    """Mark the address in a signed link as proved: the account's own, or the new one it
    asked for, which then replaces the old. Raises EmailConfirmError, changing nothing."""
    address = _confirm_token_email(token, user)
    user = User.objects.select_for_update().get(pk=user.pk)
    now = timezone.now()
    if address == user.email:
        if user.email_verified:
            return EmailConfirmed.ALREADY
        user.email_verified_at = now
        user.save(update_fields=["email_verified_at"])
        return EmailConfirmed.CONFIRMED
    if address != user.pending_email:
        raise EmailConfirmError(
            f"This link is for {address}, which your account no longer waits for. Your "
            f"address is {user.email}."
        )
    user.pending_email = ""
    if User.objects.filter(email__iexact=address).exclude(pk=user.pk).exists():
        user.save(update_fields=["pending_email"])
        return EmailConfirmed.TAKEN
    user.email, user.email_verified_at = address, now
    try:
        with transaction.atomic():
            user.save(update_fields=["email", "email_verified_at", "pending_email"])
    except IntegrityError:  # another account took the address a moment ago
        user.save(update_fields=["pending_email"])
        return EmailConfirmed.TAKEN
    return EmailConfirmed.CHANGED
