"""When a post-run reminder is due: pure functions of the run, the runner's settings and a clock.

`profile` is anything with `zone`, `reminders_enabled`, `reminder_delay_minutes`,
`quiet_hours_end` and `in_quiet_hours(time)` (a RunnerProfile in the app).
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

STALE_AFTER = timedelta(days=1)


@dataclass(frozen=True)
class Run:
    date: date
    minutes: int
    status: str  # planned / done / skipped
    done_at: datetime | None = None


def due_at(*, run: Run, profile, usual_run_time: time | None, now: datetime) -> datetime | None:
    """The UTC moment the reminder should go out, or None when this run gets no reminder.

    A done run is due its delay after it was done; a planned run at the usual run time plus
    its minutes plus the delay, provided that moment is still ahead. When both apply the
    earlier wins, so a run has one reminder whichever happens first.
    """
    if not profile.reminders_enabled or run.status == "skipped":
        return None
    if run.date < now.astimezone(profile.zone).date() - STALE_AFTER:
        return None  # a run logged days later: "strength for today" would come too late
    delay = timedelta(minutes=profile.reminder_delay_minutes)
    candidates = []
    if usual_run_time is not None:
        started = datetime.combine(run.date, usual_run_time, tzinfo=profile.zone)
        planned = (started + timedelta(minutes=run.minutes) + delay).astimezone(UTC)
        if planned > now:
            candidates.append(planned)
    if run.status == "done":
        candidates.append((run.done_at or now) + delay)
    if not candidates:
        return None
    return after_quiet_hours(min(candidates), profile)


def after_quiet_hours(moment: datetime, profile) -> datetime:
    """`moment`, or the end of the runner's quiet hours when it falls inside them."""
    local = moment.astimezone(profile.zone)
    if not profile.in_quiet_hours(local.time()):
        return moment
    end = datetime.combine(local.date(), profile.quiet_hours_end, tzinfo=profile.zone)
    if end <= local:  # today's end has passed: these quiet hours end tomorrow
        end = datetime.combine(local.date() + timedelta(days=1), profile.quiet_hours_end)
        end = end.replace(tzinfo=profile.zone)
    return end.astimezone(UTC)
