"""Reads behind the coach's pages, shaped so their query counts stay flat."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from accounts.models import Coaching, RunnerProfile
from accounts.selectors import RaceAhead, next_races
from plans.models import Assignment, AthleteGroup, PlanTemplate, RunLog, Session, Source, Status
from plans.selectors import Tally
from plans.services import monday_of

SILENT_DAYS = 7
SORTS = {
    "name": lambda row: str(row.athlete).lower(),
    "progress": lambda row: row.minutes.percent if row.minutes.planned else -1,
    "activity": lambda row: -(row.last_activity or date.min).toordinal(),
    "race": lambda row: row.race.goal.race_date if row.race else date.max,
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
    athlete: object
    profile: RunnerProfile | None
    group: str
    last_activity: date | None
    sessions: Tally
    minutes: Tally
    flagged: int
    race: RaceAhead | None
    silent: bool

    @property
    def band(self) -> str:
        return band(self.minutes)


def _latest(queryset, field: str):
    return Subquery(queryset.order_by(f"-{field}").values(field)[:1])


def dashboard_rows(
    coach, today: date, *, group: str = "", sort: str = "name"
) -> tuple[list[AthleteRow], list[str]]:
    """Every current athlete with this week's planned vs done, the silent ones first; and the
    coach's group names. Three queries whatever the number of athletes. The week is the one of
    `today`, the coach's date; races and silence count from each athlete's own today."""
    athlete = OuterRef("athlete_id")
    coachings = list(
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
    )
    athlete_ids = Coaching.objects.current().filter(coach=coach).values("athlete_id")
    races = next_races(filter(None, map(_profile, coachings)))
    tallies = _week_tallies(athlete_ids, today)
    rows = [
        _row(link, tallies.get(link.athlete_id, {}), races.get(link.athlete_id))
        for link in coachings
    ]
    groups = sorted({row.group for row in rows if row.group})
    if group:
        rows = [row for row in rows if row.group == group]
    rows.sort(key=SORTS.get(sort, SORTS["name"]))
    rows.sort(key=lambda row: not row.silent)
    return rows, groups


def _week_tallies(athlete_ids, today: date) -> dict[int, dict]:
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


def _profile(coaching) -> RunnerProfile | None:
    return getattr(coaching.athlete, "runner_profile", None)


def _row(coaching, tally: dict, race: RaceAhead | None) -> AthleteRow:
    profile = _profile(coaching)
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
        silent=last is None or (coaching.athlete.today() - last).days >= SILENT_DAYS,
    )


def templates_of(coach, *, archived: bool = False):
    return PlanTemplate.objects.filter(coach=coach, archived=archived).order_by("name")


def active_assignments(coach):
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
