"""Reads behind the coach's pages, shaped so their query counts stay flat."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, TypedDict, cast

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from accounts.models import Coaching, Goal, GoalKind, RunnerProfile, User
from plans.models import Assignment, AthleteGroup, PlanTemplate, RunLog, Session, Source, Status
from plans.selectors import Tally
from plans.services import monday_of

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

SILENT_DAYS = 7
SORTS = {
    "name": lambda row: str(row.athlete).lower(),
    "progress": lambda row: row.minutes.percent if row.minutes.planned else -1,
    "activity": lambda row: -(row.last_activity or date.min).toordinal(),
    "race": lambda row: row.race.race_date if row.race else date.max,
}


def band(tally: Tally) -> str:
    """green within ±20% of the plan; amber 50–79% or 121–150%; red otherwise."""
    if not tally.planned:
        return "none"
    if 80 <= tally.percent <= 120:
        return "green"
    if 50 <= tally.percent <= 150:
        return "amber"
    return "red"


@dataclass
class AthleteRow:
    athlete: User
    profile: RunnerProfile | None
    group: str
    last_activity: date | None
    sessions: Tally
    minutes: Tally
    flagged: int
    race: Goal | None
    days_to_race: int | None
    silent: bool

    @property
    def band(self) -> str:
        return band(self.minutes)


def _latest(queryset: QuerySet[Any], field: str) -> Subquery:
    return Subquery(queryset.order_by(f"-{field}").values(field)[:1])


class LastSeen(TypedDict):
    """What `dashboard_rows` annotates on each coaching."""

    group: str | None
    last_run: date | None
    last_done: date | None


def dashboard_rows(
    coach: User, today: date, *, group: str = "", sort: str = "name"
) -> tuple[list[AthleteRow], list[str]]:
    """Every current athlete with this week's planned vs done, the silent ones first; and the
    coach's group names. Three queries whatever the number of athletes."""
    athlete = OuterRef("athlete_id")
    # django-stubs loses what `annotate` adds once a custom queryset method ran: LastSeen.
    coachings = cast(
        "list[WithAnnotations[Coaching, LastSeen]]",
        list(
            Coaching.objects.current()
            .filter(coach=coach)
            .select_related("athlete__runner_profile")
            .annotate(
                group=_latest(AthleteGroup.objects.filter(coach=coach, athlete=athlete), "name"),
                last_run=_latest(RunLog.objects.filter(runner=athlete), "date"),
                last_done=_latest(
                    Session.objects.filter(runner=athlete, status=Status.DONE, date__lte=today),
                    "date",
                ),
            )
        ),
    )
    athlete_ids = Coaching.objects.current().filter(coach=coach).values("athlete_id")
    races = _next_races(athlete_ids, today)
    tallies = _week_tallies(athlete_ids, today)
    rows = [
        _row(link, tallies.get(link.athlete_id, {}), races.get(link.athlete_id), today)
        for link in coachings
    ]
    groups = sorted({row.group for row in rows if row.group})
    if group:
        rows = [row for row in rows if row.group == group]
    rows.sort(key=SORTS.get(sort, SORTS["name"]))
    rows.sort(key=lambda row: not row.silent)
    return rows, groups


# The ids of the coach's current athletes, as a subquery.
AthleteIds = QuerySet[Coaching, Mapping[str, object]]


def _next_races(athlete_ids: AthleteIds, today: date) -> dict[int, Goal]:
    """Each athlete's nearest race ahead, keyed by athlete id."""
    races = Goal.objects.filter(
        profile__user_id__in=athlete_ids, kind=GoalKind.RACE, race_date__gte=today
    ).annotate(athlete_id=F("profile__user_id"))
    nearest: dict[int, Goal] = {}
    for race in races.order_by("-race_date"):
        nearest[race.athlete_id] = race
    return nearest


def _week_tallies(athlete_ids: AthleteIds, today: date) -> dict[int, dict[str, int]]:
    """Sessions and minutes planned and done this week, and sessions flagged for the coach,
    counted by the database: one row per athlete."""
    this_week = Q(date__range=(monday_of(today), monday_of(today) + timedelta(days=6)))
    done = this_week & Q(status=Status.DONE)
    planned = this_week & ~Q(source=Source.RUNNER)  # a run the athlete added was done, not planned
    flagged = Q(needs_attention=True, status=Status.PLANNED, date__gte=today)
    counts = (
        Session.objects.filter(runner_id__in=athlete_ids)
        .filter(this_week | flagged)
        .order_by()
        .values("runner_id")
        .annotate(
            planned=Count("pk", filter=planned),
            done=Count("pk", filter=done),
            minutes_planned=Coalesce(Sum("minutes", filter=planned), 0),
            minutes_done=Coalesce(Sum("minutes", filter=done), 0),
            flagged=Count("pk", filter=flagged),
        )
    )
    return {row["runner_id"]: row for row in counts}


def _row(
    coaching: "WithAnnotations[Coaching, LastSeen]",
    tally: dict[str, int],
    race: Goal | None,
    today: date,
) -> AthleteRow:
    profile = getattr(coaching.athlete, "runner_profile", None)
    last = max(filter(None, [coaching.last_run, coaching.last_done]), default=None)
    return AthleteRow(
        athlete=coaching.athlete,
        profile=profile,
        group=coaching.group or "",
        last_activity=last,
        sessions=Tally(planned=tally.get("planned", 0), done=tally.get("done", 0)),
        minutes=Tally(planned=tally.get("minutes_planned", 0), done=tally.get("minutes_done", 0)),
        flagged=tally.get("flagged", 0),
        race=race,
        days_to_race=(race.race_date - today).days if race and race.race_date else None,
        silent=last is None or (today - last).days >= SILENT_DAYS,
    )


def templates_of(coach: User, *, archived: bool = False) -> QuerySet[PlanTemplate]:
    return PlanTemplate.objects.filter(coach=coach, archived=archived).order_by("name")


def active_assignments(coach: User) -> QuerySet[Assignment]:
    return (
        Assignment.objects.active()
        .filter(
            coach=coach,
            athlete__coachings__coach=coach,
            athlete__coachings__ended_at__isnull=True,
        )
        .select_related("athlete", "template")
        .order_by("start", "athlete__display_name")
    )
