"""Reads behind the coach's pages, shaped so their query counts stay flat."""

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, TypeAlias, TypedDict, cast

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from accounts.models import Coaching, RunnerProfile, User
from accounts.selectors import RaceAhead, next_races
from plans.models import Assignment, AthleteGroup, PlanTemplate, RunLog, Session, Source, Status
from plans.services import monday_of

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

SILENT_DAYS = 7
SORTS = {
    "name": lambda row: str(row.athlete).lower(),
    # the least done first; athletes with nothing due yet are behind no one: last
    "progress": lambda row: row.minutes.percent if row.minutes.due else math.inf,
    "activity": lambda row: -(row.last_activity or date.min).toordinal(),
    "race": lambda row: row.race.goal.race_date if row.race else date.max,
}


@dataclass(frozen=True)
class SoFar:
    """This week's done against what was due by the athlete's today, and the week's plan.

    Due: what the plan asked for on the days before the athlete's today, and anything of the
    week already done or skipped (today's run is not missed until today is over). Runs the
    athlete added themselves count as done, never as due."""

    done: int
    due: int
    week: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.due) if self.due else 0


def band(progress: SoFar) -> str:
    """green within ±20% of what was due; amber 50–79% or 121–150%; red otherwise."""
    if not progress.due:
        return "none"
    if 80 <= progress.percent <= 120:
        return "green"
    if 50 <= progress.percent <= 150:
        return "amber"
    return "red"


@dataclass
class AthleteRow:
    athlete: User
    profile: RunnerProfile | None
    group: str
    last_activity: date | None
    sessions: SoFar
    minutes: SoFar
    flagged: int
    race: RaceAhead | None
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


SeenCoaching: TypeAlias = "WithAnnotations[Coaching, LastSeen]"


def dashboard_rows(
    coach: User, today: date, *, group: str = "", sort: str = "name"
) -> tuple[list[AthleteRow], list[str]]:
    """Every current athlete with the week of `today` (the coach's date) done against what was
    due by their own today, the silent ones first; and the coach's group names. Three queries
    whatever the number of athletes. Races too count from each athlete's own today."""
    athlete = OuterRef("athlete_id")
    # django-stubs loses what `annotate` adds once a custom queryset method ran: LastSeen.
    coachings = cast(
        "list[SeenCoaching]",
        list(
            Coaching.objects.current()
            .filter(coach=coach)
            .select_related("athlete__runner_profile")
            .annotate(
                group=_latest(AthleteGroup.objects.filter(coach=coach, athlete=athlete), "name"),
                last_run=_latest(RunLog.objects.filter(runner=athlete), "date"),
                last_done=_latest(
                    Session.objects.filter(runner=athlete).filter(
                        Q(status=Status.DONE) | Q(routine_done_at__isnull=False)
                    ),
                    "date",
                ),
            )
        ),
    )
    athlete_ids = Coaching.objects.current().filter(coach=coach).values("athlete_id")
    races = next_races(filter(None, map(_profile, coachings)))
    days = _week_days(athlete_ids, today)
    rows = [
        _row(link, days.get(link.athlete_id, []), races.get(link.athlete_id), today)
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


def _week_days(athlete_ids: AthleteIds, today: date) -> dict[int, list[dict[str, Any]]]:
    """Per athlete, one row per day of this week (and per later day with a session flagged
    for the coach) with its sessions and minutes counted by the database: what was planned,
    what the plan asked for and got done, skipped or done, and what was done at all."""
    monday = monday_of(today)
    this_week = Q(date__range=(monday, monday + timedelta(days=6)))
    # The athletes' own todays are a day either side of the coach's at most.
    flagged = Q(needs_attention=True, status=Status.PLANNED, date__gte=today - timedelta(days=1))
    counts = (
        Session.objects.filter(runner_id__in=athlete_ids)
        .filter(this_week | flagged)
        .order_by()
        .values("runner_id", "date")
        .annotate(**compliance_counts(), flagged=Count("pk", filter=flagged))
    )
    days: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in counts:
        days[row["runner_id"]].append(row)
    return days


def compliance_counts() -> dict[str, Any]:
    """The counts of one day (or of any group of sessions) that `so_far` reads: what was
    planned, what the plan asked for and got done, skipped or done, and what was done at all;
    in sessions and in minutes."""
    planned = ~Q(source=Source.RUNNER)  # a run the athlete added was done, not planned
    settled = planned & ~Q(status=Status.PLANNED)
    done = Q(status=Status.DONE)
    return {
        "planned": Count("pk", filter=planned),
        "settled": Count("pk", filter=settled),
        "done": Count("pk", filter=done),
        "minutes_planned": Coalesce(Sum("minutes", filter=planned), 0),
        "minutes_settled": Coalesce(Sum("minutes", filter=settled), 0),
        "minutes_done": Coalesce(Sum("minutes", filter=done), 0),
    }


def _profile(coaching: Coaching) -> RunnerProfile | None:
    return getattr(coaching.athlete, "runner_profile", None)


def so_far(days: list[dict[str, Any]], monday: date, their_today: date, measure: str) -> SoFar:
    """One measure ("" for sessions, "minutes_" for minutes) of the week from `monday`, summed
    over day rows of `compliance_counts` (each with its "date")."""
    in_week = [day for day in days if monday <= day["date"] <= monday + timedelta(days=6)]
    return SoFar(
        done=sum(day[f"{measure}done"] for day in in_week),
        due=sum(
            day[f"{measure}planned"] if day["date"] < their_today else day[f"{measure}settled"]
            for day in in_week
        ),
        week=sum(day[f"{measure}planned"] for day in in_week),
    )


def _last_activity(
    coaching: "WithAnnotations[Coaching, LastSeen]", their_today: date
) -> date | None:
    """The latest day with a run logged, a session done or a post-run routine ticked; a
    session done ahead of its date was done by today at the latest."""
    days = [day for day in (coaching.last_run, coaching.last_done) if day is not None]
    return min(max(days), their_today) if days else None


def _row(
    coaching: SeenCoaching, days: list[dict[str, Any]], race: RaceAhead | None, today: date
) -> AthleteRow:
    profile = _profile(coaching)
    their_today = coaching.athlete.today()
    last_activity = _last_activity(coaching, their_today)
    monday = monday_of(today)
    return AthleteRow(
        athlete=coaching.athlete,
        profile=profile,
        group=coaching.group or "",
        last_activity=last_activity,
        sessions=so_far(days, monday, their_today, ""),
        minutes=so_far(days, monday, their_today, "minutes_"),
        flagged=sum(day["flagged"] for day in days if day["date"] >= their_today),
        race=race,
        silent=last_activity is None or (their_today - last_activity).days >= SILENT_DAYS,
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
