"""What belongs to a person here, table by table: the export writes each of these, and the
account deletion leaves none of them behind. A model that is neither listed here nor in
`NOT_EXPORTED` fails tests/privacy/test_inventory.py, so a new table cannot be forgotten."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, Q, QuerySet

from accounts.models import Coaching, Commitment, Goal, Injury, Invitation, RunnerProfile, User
from activities.models import Activity
from exercises.models import Cue, Exercise
from plans.models import (
    Assignment,
    AthleteGroup,
    PlanPause,
    PlanTemplate,
    PlanWeek,
    RunLog,
    Session,
    SessionExercise,
    TemplateExercise,
    TemplateSession,
    WeekNote,
)
from reminders.models import Reminder


@dataclass(frozen=True)
class Table:
    name: str
    model: type[Model]
    rows: Callable[[User], QuerySet]
    left_out: tuple[str, ...] = ()  # columns never written: secrets and file bytes


TABLES: tuple[Table, ...] = (
    Table(
        "account",
        User,
        lambda user: User.objects.filter(pk=user.pk),
        left_out=("password",),
    ),
    Table("runner_profile", RunnerProfile, lambda user: RunnerProfile.objects.filter(user=user)),
    Table("commitments", Commitment, lambda user: Commitment.objects.filter(profile__user=user)),
    Table("goals", Goal, lambda user: Goal.objects.filter(profile__user=user)),
    Table("injuries", Injury, lambda user: Injury.objects.filter(profile__user=user)),
    Table(
        "coaching_links",
        Coaching,
        lambda user: Coaching.objects.filter(Q(athlete=user) | Q(coach=user)),
    ),
    Table(
        "invitations",
        Invitation,
        lambda user: Invitation.objects.filter(Q(coach=user) | Q(email__iexact=user.email)),
    ),
    Table("plan_weeks", PlanWeek, lambda user: PlanWeek.objects.filter(runner=user)),
    Table("plan_pauses", PlanPause, lambda user: PlanPause.objects.filter(runner=user)),
    Table("sessions", Session, lambda user: Session.objects.filter(runner=user)),
    Table(
        "session_exercises",
        SessionExercise,
        lambda user: SessionExercise.objects.filter(session__runner=user),
    ),
    Table("run_logs", RunLog, lambda user: RunLog.objects.filter(runner=user)),
    Table(
        "week_notes",
        WeekNote,
        lambda user: WeekNote.objects.filter(Q(runner=user) | Q(author=user)),
    ),
    Table("reminders", Reminder, lambda user: Reminder.objects.filter(session__runner=user)),
    Table(
        "activities",
        Activity,
        lambda user: Activity.objects.filter(runner=user),
        left_out=("original",),  # written as the files themselves, under activities/
    ),
    Table(
        "assignments",
        Assignment,
        lambda user: Assignment.objects.filter(Q(athlete=user) | Q(coach=user)),
    ),
    Table("plan_templates", PlanTemplate, lambda user: PlanTemplate.objects.filter(coach=user)),
    Table(
        "template_sessions",
        TemplateSession,
        lambda user: TemplateSession.objects.filter(template__coach=user),
    ),
    Table(
        "template_exercises",
        TemplateExercise,
        lambda user: TemplateExercise.objects.filter(template_session__template__coach=user),
    ),
    Table(
        "athlete_groups",
        AthleteGroup,
        lambda user: AthleteGroup.objects.filter(Q(coach=user) | Q(athlete=user)),
    ),
    Table("own_exercises", Exercise, lambda user: Exercise.objects.filter(owner=user)),
    Table("own_exercise_cues", Cue, lambda user: Cue.objects.filter(exercise__owner=user)),
)

# Models that hold nothing a person saved, with the reason; the deletion still clears the
# ones that name them (see privacy.services).
NOT_EXPORTED: dict[str, str] = {
    "admin.LogEntry": "the admin's audit trail",
    "auth.Permission": "the site's own vocabulary",
    "auth.Group": "the site's own vocabulary",
    "contenttypes.ContentType": "the site's own vocabulary",
    "sessions.Session": "sign-in cookies, removed on deletion",
    "plans.WeekVersion": "a counter the week page's cache is keyed by, removed on deletion",
    "axes.AccessAttempt": "failed sign-ins, removed on deletion",
    "axes.AccessLog": "sign-in records, removed on deletion",
    "axes.AccessAttemptExpiration": "lock-out timers, removed with their attempts",
    "axes.AccessFailureLog": "failed sign-ins, removed on deletion",
    "exercises.Tag": "the library's vocabulary",
    "activities.ImportBatch": "an upload waiting to be read; its runs are in activities",
    "activities.ImportItem": "an upload waiting to be read; its runs are in activities",
    "outbox.Email": "emails we sent, removed on deletion",
    "accounts.PasswordResetRequest": "reset requests, removed on deletion",
    "limits.Hit": "rate-limit counters, removed on deletion",
    "privacy.DataExport": "the exports themselves",
    "apitokens.ApiToken": "API tokens: a hash of each, a name and times; removed on deletion",
    "privacy.FormerAthlete": "the coach's record that a link existed, nothing of the athlete",
    "feeds.CalendarFeed": "a calendar link's secret (nonce and digest), removed on deletion",
    "plans.AthleteSummary": "the coach dashboard's line, recomputed from the sessions",
    "exercises.LibraryVersion": "the library's version stamp",
    "reminders.SenderSlot": "which email senders are running",
}
