"""The demo runner's plan: a full current week with the days before today done."""

from plans.models import PlanWeek, SessionKind, Status
from plans.services import (
    monday_of,
    run_log_create,
    session_mark,
    week_generate,
    weeks_ensure,
)

DEMO_RUN_PACE_SECONDS_PER_KM = 360


def load_demo_plan(runner) -> None:
    """Plan the demo runner's week from Monday, as if they had joined earlier; idempotent."""
    if runner.run_logs.exists() or runner.sessions.exclude(status=Status.PLANNED).exists():
        return
    today = runner.runner_profile.today()
    monday = monday_of(today)
    # A week first planned later in the week would be built from that day on.
    PlanWeek.objects.filter(runner=runner, week_start=monday).update(planned_from=monday)
    week_generate(runner=runner, week_start=monday, today=monday)
    weeks_ensure(runner=runner, today=today)
    for session in runner.sessions.filter(date__lt=today).order_by("date", "position"):
        if session.kind == SessionKind.RUN:
            kilometres = session.minutes * 60 // DEMO_RUN_PACE_SECONDS_PER_KM
            run_log_create(
                runner=runner,
                run_date=session.date,
                distance_m=kilometres * 1000,
                duration_seconds=session.minutes * 60,
                effort=5,
                session=session,
            )
        else:
            session_mark(session=session, status=Status.DONE)
