"""A runner's hand-counted history for the progress and calendar tests. Today is Thursday
26 November 2026 (UTC); the runner's plan began on Wednesday 4 November, mid-week.

Week of 2 Nov (joined Wednesday):
  Mon 2   extra run logged before the plan began: counts for nothing
  Wed 4   easy run 30 min, est. 5 km, logged 5.2 km in 30:50; its routine block (15 min) done
  Fri 6   strength session 30 min, done
  Sun 8   long run 60 min, est. 10 km, skipped
  → runs 90 planned / 31 done; 15.0 km planned / 5.2 done; long 60 / 0; strength 1;
    1 run done, 1 with its routine; minutes due 135 (30+15+30+60), done 75: 56 %, amber
Week of 9 Nov: nothing at all → zeros, nothing due
Week of 16 Nov:
  Tue 17  easy run 40 min, no estimate, ticked done without a log; routine ticked
  Thu 19  extra run, logged 4.0 km in 25:00 (its session 25 min, done)
  Sat 21  long run 80 min, est. 13.5 km, logged 13.0 km in 81:40; its block (15 min) planned
  → runs 120 planned / 147 done (40 + 25 + 81.67); 13.5 km planned (+1 run without an
    estimate) / 17.0 done; long 80 / 82; 3 runs done, 1 with its routine; due 135
    (40+80+15), done 145 (40+25+80): 107 %, green
Week of 23 Nov (this week, today Thursday):
  Mon 23  easy run 30 min, logged 5.0 km in 30:00; routine ticked
  Wed 25  easy run 30 min, not done (missed)
  Thu 26  easy run 30 min, ticked done today without a log, no routine yet
  Sat 28  long run 90 min, planned
  → runs 180 planned / 60 done; 5.0 km done; long 90 / 0; due 90 (Mon, Wed, and today's
    done run), done 60: 67 %, amber
Routine streak: the last done run before today without its routine is Sat 21; after it, Mon 23
has its routine; today's run without one does not break it → 1.
"""

from datetime import UTC, date, datetime
from decimal import Decimal

from plans.models import PlanWeek, RunLog, Session, Source, Status

TODAY = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
FIRST_DAY = date(2026, 11, 4)


def _run(runner, day, minutes, *, purpose="easy", km=None, status=Status.PLANNED, **extra):
    return Session.objects.create(
        runner=runner, date=day, kind="run", purpose=purpose, minutes=minutes,
        title=f"{purpose.capitalize()} run", distance_km=Decimal(km) if km else None,
        status=status, **extra,
    )  # fmt: skip


def _block(run, *, status=Status.PLANNED):
    return Session.objects.create(
        runner=run.runner, date=run.date, position=1, kind="strength", post_run=True,
        for_run=run, title="Strength after your run", minutes=15, status=status,
    )  # fmt: skip


def _log(runner, day, metres, seconds, session=None):
    return RunLog.objects.create(
        runner=runner, session=session, date=day, distance_m=metres, duration_seconds=seconds
    )


def build(runner):
    PlanWeek.objects.get_or_create(
        runner=runner,
        week_start=date(2026, 11, 2),
        defaults={"phase": "base", "planned_from": FIRST_DAY},
    )
    before = _run(runner, date(2026, 11, 2), 20, status=Status.DONE, source=Source.RUNNER)
    _log(runner, date(2026, 11, 2), 3000, 1200, before)
    wednesday = _run(runner, date(2026, 11, 4), 30, km="5.00", status=Status.DONE)
    _log(runner, wednesday.date, 5200, 1850, wednesday)
    _block(wednesday, status=Status.DONE)
    Session.objects.create(
        runner=runner, date=date(2026, 11, 6), kind="strength", title="Strength", minutes=30,
        status=Status.DONE,
    )  # fmt: skip
    _run(runner, date(2026, 11, 8), 60, purpose="long", km="10.00", status=Status.SKIPPED)

    _run(runner, date(2026, 11, 17), 40, status=Status.DONE, routine_done_at=NOW)
    extra = _run(runner, date(2026, 11, 19), 25, status=Status.DONE, source=Source.RUNNER)
    _log(runner, extra.date, 4000, 1500, extra)
    saturday = _run(runner, date(2026, 11, 21), 80, purpose="long", km="13.50", status=Status.DONE)
    _log(runner, saturday.date, 13000, 4900, saturday)
    _block(saturday)

    monday = _run(runner, date(2026, 11, 23), 30, status=Status.DONE, routine_done_at=NOW)
    _log(runner, monday.date, 5000, 1800, monday)
    _run(runner, date(2026, 11, 25), 30)
    _run(runner, TODAY, 30, status=Status.DONE)
    _run(runner, date(2026, 11, 28), 90, purpose="long")
