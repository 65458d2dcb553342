"""What coaches write: templates, assigning them, and changes to an athlete's week.

Each public function is one transaction. Every run session created, moved or changed here is
announced with `run_changed`, as the plans services do.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from django.db import transaction
from django.db.models import Prefetch, QuerySet, Sum
from django.utils import timezone

from accounts.models import RunnerProfile, User, Weekday
from accounts.selectors import next_race
from plans import builder
from plans.cache import week_changed, weeks_changed
from plans.comeback import comeback
from plans.inputs import goal_km
from plans.models import (
    Assignment,
    AssignmentQuerySet,
    AthleteGroup,
    ExerciseDose,
    PlanTemplate,
    RunPurpose,
    Session,
    SessionContent,
    SessionExercise,
    SessionKind,
    Source,
    Status,
    TemplateExercise,
    TemplateSession,
    WeekNote,
)
from plans.paces import pace_zones_by_runner
from plans.runs import run_fields
from plans.services import (
    announce_if_run,
    announce_new_runs,
    blocks_link,
    monday_of,
    next_position,
    post_run_blocks_add,
    run_delete,
    session_place_on,
    weeks_regenerate,
)

COPIED_EXERCISE_FIELDS = tuple(field.attname for field in ExerciseDose._meta.fields)
# Where a copied session stands on its day is set where it lands.
COPIED_SESSION_FIELDS = tuple(
    field.attname for field in SessionContent._meta.fields if field.name != "position"
)


# A plan session or a template session: both can be copied into a template.
_Copyable = TypeVar("_Copyable", Session, TemplateSession)


def _copied(source: object, fields: Sequence[str]) -> dict[str, Any]:
    return {field: getattr(source, field) for field in fields}


@dataclass(frozen=True)
class ExerciseLine:
    exercise_id: int
    sets: int
    rep_min: int | None = None
    rep_max: int | None = None
    per_side: bool = False
    duration_min: int | None = None
    duration_max: int | None = None


# Templates


@dataclass(frozen=True)
class TemplateSessionData:
    """What the coach fills in for one template session."""

    week_index: int
    weekday: int
    kind: str
    title: str
    minutes: int
    purpose: str = ""
    activity_id: int | None = None
    post_run: bool = False
    exercises: Sequence[ExerciseLine] = ()


def _template_day(template: PlanTemplate, data: TemplateSessionData) -> QuerySet[TemplateSession]:
    return template.sessions.filter(week_index=data.week_index, weekday=data.weekday)


def _save_template_session(session: TemplateSession, data: TemplateSessionData) -> None:
    """Only what fits the kind is kept: a purpose for a run, an activity for cross-training,
    exercises for strength."""
    session.week_index, session.weekday = data.week_index, data.weekday
    session.kind, session.title, session.minutes = data.kind, data.title, data.minutes
    session.purpose = data.purpose if data.kind == SessionKind.RUN else ""
    session.activity_id = data.activity_id if data.kind == SessionKind.CROSS_TRAINING else None
    session.post_run = data.post_run and data.kind == SessionKind.STRENGTH
    session.save()
    session.exercises.all().delete()
    if data.kind == SessionKind.STRENGTH:
        TemplateExercise.objects.bulk_create(
            TemplateExercise(template_session=session, position=position, **vars(line))
            for position, line in enumerate(data.exercises)
        )
    session.template.save(update_fields=["updated_at"])


@transaction.atomic
def template_session_add(*, template: PlanTemplate, data: TemplateSessionData) -> TemplateSession:
    """Add one session to a template day, after the sessions already on that day."""
    session = TemplateSession(
        template=template,
        position=next_position(_template_day(template, data)),
    )
    _save_template_session(session, data)
    return session


@transaction.atomic
def template_session_update(*, session: TemplateSession, data: TemplateSessionData) -> None:
    """Change a template session; moved to another day, it goes after that day's sessions."""
    if (data.week_index, data.weekday) != (session.week_index, session.weekday):
        session.position = next_position(_template_day(session.template, data))
    _save_template_session(session, data)


@transaction.atomic
def template_save(*, template: PlanTemplate) -> PlanTemplate:
    """Save a template's name and details; the weeks that follow it show its name."""
    template.save()
    weeks_changed(template.assignments.values_list("athlete_id", flat=True))
    return template


@transaction.atomic
def template_duplicate(*, template: PlanTemplate) -> PlanTemplate:
    """A copy the coach can change without touching the original, named "… (copy)"."""
    copy = PlanTemplate.objects.create(
        coach=template.coach,
        name=f"{template.name} (copy)"[:120],
        description=template.description,
        runner_type=template.runner_type,
        weeks=template.weeks,
    )
    sessions = list(template.sessions.prefetch_related("exercises"))
    _copy_sessions(copy, sessions, lambda s: (s.week_index, s.weekday))
    return copy


@transaction.atomic
def template_from_weeks(
    *, coach: User, athlete: User, first_week: date, weeks: int, name: str, runner_type: str
) -> PlanTemplate:
    """Save an athlete's weeks (from the Monday `first_week`) as a new template: what was
    planned, done or not; runs the athlete added on their own were never part of the plan."""
    template = PlanTemplate.objects.create(
        coach=coach,
        name=name,
        description=f"Saved from {athlete}'s weeks from {first_week:%-d %b %Y}.",
        runner_type=runner_type,
        weeks=weeks,
    )
    sessions = list(
        Session.objects.filter(
            runner=athlete, date__range=(first_week, first_week + timedelta(weeks=weeks, days=-1))
        )
        .exclude(source=Source.RUNNER)
        .order_by("date", "position")
        .prefetch_related("exercises")
    )
    _copy_sessions(template, sessions, lambda s: divmod((s.date - first_week).days, 7))
    return template


def _copy_sessions(
    template: PlanTemplate,
    sessions: Sequence[_Copyable],
    place: Callable[[_Copyable], tuple[int, int]],
) -> None:
    rows = []
    for position, session in enumerate(sessions):
        week_index, weekday = place(session)
        rows.append(
            TemplateSession(
                template=template,
                week_index=week_index,
                weekday=weekday,
                position=position,
                **_copied(session, COPIED_SESSION_FIELDS),
            )
        )
    created = TemplateSession.objects.bulk_create(rows)
    TemplateExercise.objects.bulk_create(
        TemplateExercise(template_session=new, **_copied(item, COPIED_EXERCISE_FIELDS))
        for new, old in zip(created, sessions, strict=True)
        for item in old.exercises.all()
    )


# Assigning

Placed = tuple[Session, Iterable[TemplateExercise]]  # a session for the calendar, its exercises


@dataclass(frozen=True)
class Placement:
    day: date
    note: str = ""
    needs_attention: bool = False


@dataclass
class TrainingDays:
    """The weekdays an athlete trains with the minutes they offer on each, and the minutes
    already taken on each date as a template is placed."""

    offered: dict[int, int] | None  # weekday → minutes; None: never said, so any day, no cap
    taken: dict[date, int]

    def trains_on(self, day: date) -> bool:
        return self.offered is None or day.weekday() in self.offered

    def has_room(self, day: date, minutes: int) -> bool:
        if self.offered is None:
            return True
        return self.offered.get(day.weekday(), 0) - self.taken.get(day, 0) >= minutes

    def take(self, day: date, minutes: int) -> None:
        self.taken[day] = self.taken.get(day, 0) + minutes


def place_session(target: date, minutes: int, days: TrainingDays, today: date) -> Placement | None:
    """Where a template session lands: its own day if the athlete trains then; else the
    nearest training day of the same week, not past, with room left for its minutes; flagged
    on its own day if there is none. None when its day is already past."""
    if target < today:
        return None
    if days.trains_on(target):
        days.take(target, minutes)
        return Placement(target)
    week = [monday_of(target) + timedelta(days=offset) for offset in range(7)]
    ahead = [day for day in week if day >= today and days.trains_on(day)]
    if not ahead:
        return Placement(
            target, note="No training day left free in this week.", needs_attention=True
        )
    with_room = [day for day in ahead if days.has_room(day, minutes)]
    if not with_room:
        return Placement(
            target,
            note=f"No training day left this week has room for its {minutes} minutes.",
            needs_attention=True,
        )
    best = min(with_room, key=lambda day: (abs((day - target).days), day))
    days.take(best, minutes)
    return Placement(
        best, note=f"Moved from {Weekday(target.weekday()).label}, not a training day."
    )


def _offered_minutes(profile: RunnerProfile | None) -> dict[int, int] | None:
    """A runner who never said which days they train could train on any of them."""
    commitments = list(profile.commitments.all()) if profile else []
    if not commitments:
        return None
    return {c.weekday: c.minutes for c in commitments if c.available}


def _minutes_kept(athlete_ids: list[int], start: date, end: date) -> dict[int, dict[date, int]]:
    """Per athlete and date, the minutes of the sessions that stay where a template goes (a
    session the athlete skipped leaves its room free)."""
    kept: dict[int, dict[date, int]] = defaultdict(dict)
    for row in (
        Session.objects.filter(runner_id__in=athlete_ids, date__range=(start, end))
        .exclude(status=Status.SKIPPED)
        .order_by()
        .values("runner_id", "date")
        .annotate(minutes=Sum("minutes"))
    ):
        kept[row["runner_id"]][row["date"]] = row["minutes"]
    return kept


def _template_sessions(template: PlanTemplate) -> list[TemplateSession]:
    return list(
        template.sessions.prefetch_related(
            Prefetch("exercises", queryset=TemplateExercise.objects.order_by("position"))
        )
    )


def unassignable(template: PlanTemplate) -> str:
    """Why this template cannot be assigned, or "" when it can."""
    if template.archived:
        return "Bring the template back from the archive before assigning it."
    if not template.sessions.exists():
        return "This template has no sessions yet: add some before assigning."
    return ""


@transaction.atomic
def plan_assign(
    *,
    template: PlanTemplate,
    athletes: list[User],
    start: date,
    coach: User,
    override_return: bool = False,
) -> list[Assignment]:
    """Place the template on each athlete's calendar from the Monday `start`, from their own
    today on.

    Their planned generated (or earlier template) sessions on the covered dates go; done,
    skipped, logged and coach-set sessions stay, and so does a run whose block was done. Each
    run gets the block the template puts after it, or else the builder's. Runs that fall in an
    athlete's return from injury keep to its limits unless `override_return`. Overlapping
    assignments end. A fixed number of queries for any number of athletes.
    """
    end = start + timedelta(weeks=template.weeks, days=-1)
    athlete_ids = [athlete.pk for athlete in athletes]
    profiles = {
        profile.user_id: profile
        for profile in RunnerProfile.objects.filter(user_id__in=athlete_ids).prefetch_related(
            "commitments", "injuries", "goals"
        )
    }
    # "Past" is each athlete's own date; they share one of two or three across time zones.
    local_today = {pk: profiles.get(pk, RunnerProfile()).today() for pk in athlete_ids}
    blueprint = _template_sessions(template)
    now = timezone.now()
    Assignment.objects.active().filter(
        athlete_id__in=athlete_ids, start__lte=end, end__gte=start
    ).update(ended_at=now)
    for their_today in set(local_today.values()):
        Session.objects.replaceable_by_template().filter(
            runner_id__in=[pk for pk, day in local_today.items() if day == their_today],
            date__range=(max(start, their_today), end),
        ).going_with_blocks().delete()
    assignments = Assignment.objects.bulk_create(
        Assignment(template=template, athlete=athlete, coach=coach, start=start, end=end)
        for athlete in athletes
    )
    kept = _minutes_kept(athlete_ids, start, end)
    block_minutes = _block_minutes_by_run(blueprint)
    placed: list[Placed] = []
    for assignment in assignments:
        profile = profiles.get(assignment.athlete_id)
        days = TrainingDays(offered=_offered_minutes(profile), taken=kept[assignment.athlete_id])
        theirs: list[Placed] = []
        runs_placed: dict[tuple[int, int], Placement | None] = {}
        for item, target in _in_placing_order(blueprint, start, days):
            key = (item.week_index, item.weekday)
            if item.post_run and key in runs_placed:
                placement = _beside(runs_placed[key])  # its run already took its room
            else:
                minutes = item.minutes + block_minutes.get(item.pk, 0)
                placement = place_session(target, minutes, days, local_today[assignment.athlete_id])
                if item.is_run:
                    runs_placed[key] = placement
            if placement is not None:
                theirs.append((_session_from(item, assignment, placement), item.exercises.all()))
        if profile is not None and not override_return:
            theirs = _held_to_return(theirs, profile, local_today[profile.user_id])
        placed += theirs
    sessions = [session for session, _ in placed]
    _runs_structured(sessions, profiles)
    exercise_lists = [exercises for _, exercises in placed]
    created = Session.objects.bulk_create(sessions, batch_size=500)
    SessionExercise.objects.bulk_create(
        (
            SessionExercise(session=session, **_copied(item, COPIED_EXERCISE_FIELDS))
            for session, items in zip(created, exercise_lists, strict=True)
            for item in items
        ),
        batch_size=500,
    )
    post_run_blocks_add(runs=blocks_link(created))
    announce_new_runs(created)
    weeks_changed(athlete_ids)
    return assignments


def _runs_structured(sessions: Sequence[Session], profiles: dict[int, RunnerProfile]) -> None:
    """Give each run its steps and distance, by the athlete's paces and the phase of its day."""
    paces = pace_zones_by_runner(profiles.values())
    for session in sessions:
        if session.is_run:
            _structure_set(session, profiles.get(session.runner_id), paces.get(session.runner_id))


def _structure_set(
    session: Session, profile: RunnerProfile | None, paces: builder.PaceZones | None
) -> None:
    """A run's steps from its purpose and minutes; its race, if any, sets the phase."""
    race = next_race(profile, monday_of(session.date)) if profile is not None else None
    for field, value in run_fields(
        purpose=session.purpose,
        minutes=session.minutes,
        day=session.date,
        race_date=race.goal.race_date if race else None,
        paces=paces,
        race_km=goal_km(race.goal) if race else None,
    ).items():
        setattr(session, field, value)


def _block_minutes_by_run(blueprint: list[TemplateSession]) -> dict[int, int]:
    """The minutes of the post-run block a template puts after each run (by the run's id):
    the run makes room for both, since the block goes wherever its run goes."""
    minutes: dict[int, int] = {}
    last_run: dict[tuple[int, int], TemplateSession] = {}
    for item in blueprint:  # in week, day and position order
        key = (item.week_index, item.weekday)
        if item.is_run:
            last_run[key] = item
        elif item.post_run and key in last_run:
            minutes[last_run.pop(key).pk] = item.minutes
    return minutes


def _beside(run: Placement | None) -> Placement | None:
    """A post-run block lands on the day its run landed (nowhere if the run's day is over)."""
    return None if run is None else Placement(run.day)


def _in_placing_order(
    blueprint: list[TemplateSession], start: date, days: TrainingDays
) -> list[tuple[TemplateSession, date]]:
    """Each session with its date; those on the athlete's training days first, so that the
    ones that must move find the room the others leave."""
    dated = [
        (item, start + timedelta(weeks=item.week_index, days=item.weekday)) for item in blueprint
    ]
    return sorted(dated, key=lambda pair: not days.trains_on(pair[1]))


def _session_from(item: TemplateSession, assignment: Assignment, placement: Placement) -> Session:
    return Session(
        runner_id=assignment.athlete_id,
        date=placement.day,
        position=10 + item.position,  # after anything the athlete kept on that day
        source=Source.TEMPLATE,
        assignment=assignment,
        placement_note=placement.note,
        needs_attention=placement.needs_attention,
        **_copied(item, COPIED_SESSION_FIELDS),
    )


def _held_to_return(placed: list[Placed], profile: RunnerProfile, today: date) -> list[Placed]:
    """The template's runs in the athlete's return from injury kept to its limits: eased, or
    left out with their post-run strength when the week has no room for them."""
    back = comeback(profile, profile.injuries.all(), today)
    if back is None:
        return placed
    runs = sorted((s for s, _ in placed if s.is_run), key=_by_day)
    eased = builder.eased_runs(
        back.block,
        profile.runner_type,
        [builder.CoachRun(s.date, s.purpose, s.minutes) for s in runs],
    )
    left_out = {id(session) for session, run in zip(runs, eased, strict=True) if run is None}
    for session, run in zip(runs, eased, strict=True):
        if run is not None and (run.purpose, run.minutes) != (session.purpose, session.minutes):
            _ease(session, run)
    running_days = {s.date for s, _ in placed if s.is_run and id(s) not in left_out}
    return [
        (session, exercises)
        for session, exercises in placed
        if id(session) not in left_out and (not session.post_run or session.date in running_days)
    ]


def _by_day(session: Session) -> tuple[date, int]:
    return session.date, session.position


def _ease(session: Session, run: builder.CoachRun) -> None:
    was = f"{session.title}, {session.minutes} min"
    if run.purpose != session.purpose:
        session.title = RunPurpose(run.purpose).label
    session.purpose, session.minutes = run.purpose, run.minutes
    note = f"Eased for the return from injury (the template says {was})."
    session.placement_note = f"{session.placement_note} {note}".strip()[:200]


@transaction.atomic
def assignment_end(*, assignment: Assignment) -> None:
    """Unassign, by the coach or the athlete: the template's sessions still ahead and
    untouched go, and the coming days are planned again as if it had never been assigned."""
    _assignments_end(Assignment.objects.filter(pk=assignment.pk), athlete=assignment.athlete)
    assignment.refresh_from_db(fields=["ended_at"])


@transaction.atomic
def coach_assignments_end(*, coach: User, athlete: User) -> None:
    """A coaching link ended: what that coach assigned ends as if unassigned."""
    _assignments_end(Assignment.objects.filter(coach=coach, athlete=athlete), athlete=athlete)


def _assignments_end(assignments: AssignmentQuerySet, *, athlete: User) -> None:
    """End the still active `assignments` of one athlete from their today: what they did,
    skipped or logged stays, and today, being under way, is left as it is."""
    active = list(assignments.active().values_list("pk", flat=True))
    if not active:
        return
    Assignment.objects.filter(pk__in=active).update(ended_at=timezone.now())
    week_changed(athlete.pk)
    profile = RunnerProfile.objects.filter(user_id=athlete.pk).first()
    today = (profile or RunnerProfile()).today()
    Session.objects.ending_with(active, after=today).delete()
    if profile is not None and profile.is_onboarded:
        weeks_regenerate(runner=athlete, today=today)


# The athlete's week


def _session_exercises_set(session: Session, exercises: Sequence[ExerciseLine]) -> None:
    """The session's lines become `exercises`, in order; only strength holds any."""
    session.exercises.all().delete()
    if session.kind == SessionKind.STRENGTH:
        SessionExercise.objects.bulk_create(
            SessionExercise(session=session, position=position, **vars(line))
            for position, line in enumerate(exercises)
        )


@transaction.atomic
def coach_session_add(
    *,
    runner: User,
    day: date,
    kind: str,
    title: str,
    minutes: int,
    purpose: str = "",
    activity_id: int | None = None,
    coach_note: str = "",
    exercises: Sequence[ExerciseLine] = (),
) -> Session:
    """A session the coach sets: generation never replaces it. A run comes with its block."""
    session = Session.objects.create(
        runner=runner,
        date=day,
        position=next_position(Session.objects.filter(runner=runner, date=day)),
        kind=kind,
        purpose=purpose if kind == SessionKind.RUN else "",
        title=title,
        minutes=minutes,
        activity_id=activity_id if kind == SessionKind.CROSS_TRAINING else None,
        source=Source.COACH,
        coach_note=coach_note,
    )
    if session.is_run:
        _structure_of_one(session)
        session.save(update_fields=["structure", "distance_km"])
    _session_exercises_set(session, exercises)
    if session.is_run:
        post_run_blocks_add(runs=[session])
    week_changed(runner.pk)
    announce_if_run(session)
    return session


@transaction.atomic
def coach_session_update(
    *,
    session: Session,
    day: date,
    title: str,
    minutes: int,
    purpose: str,
    coach_note: str,
    activity_id: int | None = None,
    exercises: Sequence[ExerciseLine] | None = None,
) -> Session:
    """Change, move or annotate an open session; from now on it is the coach's (what the
    athlete marked or logged only takes a note: `coach_note_set`). A run keeps its
    block, which moves with it unless the athlete already did or skipped it. A cross-training
    session keeps its activity and a strength session its exercises unless new ones are given."""
    if day != session.date:
        session_place_on(session, day)
    session.title = title
    session.minutes = minutes
    session.purpose = purpose if session.kind == SessionKind.RUN else ""
    if session.kind == SessionKind.CROSS_TRAINING and activity_id is not None:
        session.activity_id = activity_id
    session.coach_note = coach_note
    session.source = Source.COACH
    if session.is_run:
        _structure_of_one(session)
    session.save()
    if exercises is not None and session.kind == SessionKind.STRENGTH:
        _session_exercises_set(session, exercises)
    week_changed(session.runner_id)
    announce_if_run(session)
    return session


def _structure_of_one(session: Session) -> None:
    profile = (
        RunnerProfile.objects.prefetch_related("goals").filter(user_id=session.runner_id).first()
    )
    paces = pace_zones_by_runner([profile]).get(session.runner_id) if profile else None
    _structure_set(session, profile, paces)


@transaction.atomic
def coach_note_set(*, session: Session, coach_note: str) -> Session:
    """The coach's note on a session the athlete marked or logged: their record stays as is."""
    session.coach_note = coach_note
    session.save(update_fields=["coach_note"])
    week_changed(session.runner_id)
    return session


@transaction.atomic
def coach_session_delete(*, session: Session) -> None:
    """Removing a run removes its block too, unless the athlete already did or skipped it."""
    week_changed(session.runner_id)
    if session.is_run:
        run_delete(run=session)
    else:
        session.delete()


@transaction.atomic
def week_note_set(*, runner: User, week_start: date, text: str, author: User) -> WeekNote | None:
    """Write the week's note; an empty text removes it."""
    week_changed(runner.pk)
    if not text.strip():
        WeekNote.objects.filter(runner=runner, week_start=week_start).delete()
        return None
    note, _ = WeekNote.objects.update_or_create(
        runner=runner, week_start=week_start, defaults={"text": text.strip(), "author": author}
    )
    return note


@transaction.atomic
def athlete_group_set(*, coach: User, athlete: User, name: str) -> None:
    """Put the athlete in one of the coach's groups (the coach's copy of their week shows it);
    an empty name takes them out."""
    week_changed(athlete.pk)
    if not name.strip():
        AthleteGroup.objects.filter(coach=coach, athlete=athlete).delete()
        return
    AthleteGroup.objects.update_or_create(
        coach=coach, athlete=athlete, defaults={"name": name.strip()}
    )


@transaction.atomic
def template_archived_set(*, template: PlanTemplate, archived: bool) -> PlanTemplate:
    """Archive a template (its assignments carry on) or bring it back."""
    template.archived = archived
    template.save(update_fields=["archived", "updated_at"])
    return template


class TemplateInUse(Exception):
    """A template that was assigned stays: its assignments point at it."""


@transaction.atomic
def template_delete(*, template: PlanTemplate) -> None:
    """Remove a template never assigned, with its sessions; an assigned one raises TemplateInUse."""
    if template.assignments.exists():
        raise TemplateInUse(template.name)
    template.delete()
