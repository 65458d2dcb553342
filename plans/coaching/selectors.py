"""Reads behind the coach's pages, shaped so their query counts stay flat."""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeAlias, TypedDict, cast

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils import timezone

from accounts.models import Coaching, RunnerProfile, User
from accounts.selectors import RaceAhead, next_races
from exercises.vocabulary import InjuryArea
from plans.models import (
    Assignment,
    AthleteGroup,
    AthleteSummary,
    PlanTemplate,
    RunLog,
    Session,
    Source,
    Status,
)
from plans.services import monday_of

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

SILENT_DAYS = 7
PAGE_SIZE = 50
_SUMMARY = "athlete__dashboard_summary__"
# Each sort as SQL over the stored lines, the silent athletes always first.
ORDERS: dict[str, tuple[Any, ...]] = {
    "name": (Lower(Coalesce(NullIf("athlete__display_name", Value("")), "athlete__email")),),
    # the least done first; athletes with nothing due yet are behind no one: last
    "progress": (F(f"{_SUMMARY}progress").asc(nulls_last=True),),
    "activity": (F(f"{_SUMMARY}last_activity").desc(nulls_last=True),),
    "race": (F(f"{_SUMMARY}race_date").asc(nulls_last=True),),
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


@dataclass(frozen=True)
class DashboardLine:
    """An athlete's row as the dashboard shows it, read from their stored summary: plain
    values, everything the row shows and nothing else (plans/coaching/dashboard_rows.py keeps
    each row's HTML under them)."""

    athlete_id: int
    name: str
    onboarded: bool
    injury: str  # what is injured, "" when nothing is
    silent: bool
    silent_days: int
    last_activity: date | None
    flagged: int
    minutes: SoFar
    sessions: SoFar
    race_date: date | None
    race_label: str
    race_days: int | None
    group: str

    @property
    def band(self) -> str:
        return band(self.minutes)


@dataclass(frozen=True)
class DashboardPage:
    lines: list[DashboardLine]
    page: Page[Any]
    groups: list[str]
    stale_refreshed: int


def _latest(queryset: QuerySet[Any], field: str) -> Subquery:
    return Subquery(queryset.order_by(f"-{field}").values(field)[:1])


class LastSeen(TypedDict):
    """What `dashboard_rows` annotates on each coaching."""

    group: str | None
    last_run: date | None
    last_done: date | None


SeenCoaching: TypeAlias = "WithAnnotations[Coaching, LastSeen]"


def _fresh_rows(coach: User, today: date, athlete_ids: list[int]) -> list[AthleteRow]:
    """These athletes' week of `today` (the coach's date) done against what was due by their
    own today, computed from their sessions. Three queries whatever their number. Races too
    count from each athlete's own today."""
    athlete = OuterRef("athlete_id")
    # django-stubs loses what `annotate` adds once a custom queryset method ran: LastSeen.
    coachings = cast(
        "list[SeenCoaching]",
        list(
            Coaching.objects.current()
            .filter(coach=coach, athlete_id__in=athlete_ids)
            .select_related("athlete__runner_profile")
            .annotate(
                group=Value(""),
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
    races = next_races(filter(None, map(_profile, coachings)))
    days = _week_days(athlete_ids, today)
    return [
        _row(link, days.get(link.athlete_id, []), races.get(link.athlete_id), today)
        for link in coachings
    ]


def _stale_athlete_versions(coach: User, monday: date, now: datetime) -> dict[int, int]:
    """The coach's athletes whose stored line is missing or stale, with their week version
    read now (before the line is computed: a write in between leaves it stale again)."""
    version = Coalesce("athlete__week_version__number", Value(0))
    stale = (
        Q(athlete__dashboard_summary__isnull=True)
        | ~Q(**{f"{_SUMMARY}version": F("current_version")})
        | Q(**{f"{_SUMMARY}valid_until__lte": now})
        | Q(**{f"{_SUMMARY}week_start__lt": monday})
        | Q(**{f"{_SUMMARY}week_start__gt": monday})
    )
    rows = (
        Coaching.objects.current()
        .filter(coach=coach)
        .annotate(current_version=version)
        .filter(stale)
        .values_list("athlete_id", "current_version")
    )
    return dict(rows)


def _next_midnight(row: AthleteRow) -> datetime:
    zone = row.profile.zone if row.profile else RunnerProfile().zone
    their_today = row.athlete.today()
    return datetime.combine(their_today + timedelta(days=1), time.min, tzinfo=zone)


def _summary(row: AthleteRow, monday: date, version: int) -> AthleteSummary:
    return AthleteSummary(
        runner=row.athlete,
        version=version,
        week_start=monday,
        their_today=row.athlete.today(),
        valid_until=_next_midnight(row),
        minutes_done=row.minutes.done,
        minutes_due=row.minutes.due,
        minutes_week=row.minutes.week,
        sessions_done=row.sessions.done,
        sessions_due=row.sessions.due,
        sessions_week=row.sessions.week,
        flagged=row.flagged,
        last_activity=row.last_activity,
        silent=row.silent,
        progress=row.minutes.done / row.minutes.due if row.minutes.due else None,
        race_date=row.race.goal.race_date if row.race else None,
        race_label=row.race.goal.distance_label[:40] if row.race else "",
        race_days=row.race.days if row.race else None,
    )


SUMMARY_FIELDS = [
    field.name for field in AthleteSummary._meta.concrete_fields if not field.primary_key
]


def summaries_refresh(coach: User, today: date) -> int:
    """Recompute the dashboard lines of the coach's athletes that are stale; how many. In a
    fixed number of queries however many are stale."""
    monday = monday_of(today)
    versions = _stale_athlete_versions(coach, monday, timezone.now())
    if not versions:
        return 0
    summaries = [
        _summary(row, monday, versions[row.athlete.pk])
        for row in _fresh_rows(coach, today, list(versions))
    ]
    AthleteSummary.objects.bulk_create(
        summaries,
        update_conflicts=True,
        unique_fields=["runner"],
        update_fields=SUMMARY_FIELDS,
    )
    return len(summaries)


def summaries_refresh_due() -> int:
    """Recompute the lines whose athlete's day has ended, coach by coach, so that the first
    dashboard read of a new day (or week) finds them fresh; how many."""
    due = Coaching.objects.current().filter(
        athlete__dashboard_summary__valid_until__lte=timezone.now()
    )
    coaches = User.objects.filter(pk__in=due.values("coach_id")).select_related("runner_profile")
    return sum(summaries_refresh(coach, coach.today()) for coach in coaches)


def dashboard_page(
    coach: User,
    today: date,
    *,
    group: str = "",
    sort: str = "name",
    query: str = "",
    number: str | int | None = 1,
) -> DashboardPage:
    """One page of the coach's current athletes, the silent ones first, then by `sort`;
    filtered by group and by a part of the name or email. The same queries for 50 athletes
    or 5,000: the lines are stored, only stale ones are recomputed."""
    refreshed = summaries_refresh(coach, today)
    links = Coaching.objects.current().filter(coach=coach).annotate(group=_group_of(coach))
    if group:
        links = links.filter(group=group)
    if query:
        links = links.filter(
            Q(athlete__display_name__icontains=query) | Q(athlete__email__icontains=query)
        )
    order = ORDERS.get(sort, ORDERS["name"])
    links = links.order_by(F(f"{_SUMMARY}silent").desc(), *order, "athlete_id")
    page = _AthletesPaginator(links, PAGE_SIZE).get_page(number)
    return DashboardPage(
        lines=_lines(coach, list(page.object_list)),
        page=page,
        groups=_groups(coach),
        stale_refreshed=refreshed,
    )


def _group_of(coach: User) -> Subquery:
    return _latest(AthleteGroup.objects.filter(coach=coach, athlete=OuterRef("athlete_id")), "name")


def _lines(coach: User, athlete_ids: list[int]) -> list[DashboardLine]:
    """The lines of one page's athletes, in the page's order. Read apart from the sorting of
    all the coach's athletes, so that the sort carries ids only and the group is looked up
    for these athletes alone."""
    rows = (
        Coaching.objects.current()
        .filter(coach=coach, athlete_id__in=athlete_ids)
        .annotate(group=_group_of(coach))
        .values(*_LINE_COLUMNS)
    )
    by_athlete = {row["athlete_id"]: row for row in rows}
    return [_line(by_athlete[pk]) for pk in athlete_ids if pk in by_athlete]


class _AthletesPaginator(Paginator):  # type: ignore[type-arg]  # not subscriptable at run time
    """Pages of the sorted links as athlete ids, counted on the links alone: counting the
    sorting query would join every athlete's row for nothing."""

    def __init__(self, links: QuerySet[Coaching], per_page: int) -> None:
        super().__init__(links.values_list("athlete_id", flat=True), per_page)
        self._links = links

    @cached_property
    def count(self) -> int:
        return self._links.count()


# What a dashboard line reads, as plain columns: no model is built for a page of athletes.
_LINE_COLUMNS = (
    "athlete_id",
    "athlete__display_name",
    "athlete__email",
    "athlete__runner_profile__onboarded_at",
    "athlete__runner_profile__injured",
    "athlete__runner_profile__injury_area",
    "group",
    *(
        f"{_SUMMARY}{field}"
        for field in (
            "silent",
            "last_activity",
            "flagged",
            "minutes_done",
            "minutes_due",
            "minutes_week",
            "sessions_done",
            "sessions_due",
            "sessions_week",
            "race_date",
            "race_label",
            "race_days",
        )
    ),
)
_INJURY_AREAS = dict(InjuryArea.choices)


def _line(row: dict[str, Any]) -> DashboardLine:
    def summary(field: str) -> Any:
        """A stored figure; 0 for a line not stored yet (an athlete who joined this moment)."""
        value = row[f"{_SUMMARY}{field}"]
        return 0 if value is None and field.startswith(("minutes_", "sessions_")) else value

    injury = ""
    if row["athlete__runner_profile__injured"]:
        injury = _INJURY_AREAS.get(row["athlete__runner_profile__injury_area"], "") or "Injured"
    return DashboardLine(
        athlete_id=row["athlete_id"],
        name=row["athlete__display_name"] or row["athlete__email"],  # as User.__str__
        onboarded=row["athlete__runner_profile__onboarded_at"] is not None,
        injury=injury,
        silent=bool(summary("silent")),
        silent_days=SILENT_DAYS,
        last_activity=summary("last_activity"),
        flagged=summary("flagged") or 0,
        minutes=SoFar(summary("minutes_done"), summary("minutes_due"), summary("minutes_week")),
        sessions=SoFar(summary("sessions_done"), summary("sessions_due"), summary("sessions_week")),
        race_date=summary("race_date"),
        race_label=summary("race_label") or "",
        race_days=summary("race_days"),
        group=row["group"] or "",
    )


def _groups(coach: User) -> list[str]:
    current = Coaching.objects.current().filter(coach=coach).values("athlete_id")
    return list(
        AthleteGroup.objects.filter(coach=coach, athlete_id__in=current)
        .order_by("name")
        .values_list("name", flat=True)
        .distinct()
    )


# The ids of the coach's current athletes, as a subquery.
AthleteIds = QuerySet[Coaching, Mapping[str, object]]


def _week_days(athlete_ids: AthleteIds | list[int], today: date) -> dict[int, list[dict[str, Any]]]:
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
