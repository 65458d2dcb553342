import datetime

import pytest

from accounts.services import CommitmentData, profile_save
from plans.models import PlanWeek, Session, SessionKind, Source, Status
from plans.services import week_generate, weeks_ensure

MONDAY = datetime.date(2026, 11, 23)
WEDNESDAY = MONDAY + datetime.timedelta(days=2)


def sessions_by_date(runner):
    return {
        day: list(Session.objects.filter(runner=runner, date=day))
        for day in Session.objects.filter(runner=runner).dates("date", "day")
    }


def test_a_week_is_planned_only_on_the_days_the_runner_can_train(profile):
    week_generate(runner=profile.user, week_start=MONDAY, today=MONDAY)
    weekdays = set(Session.objects.filter(runner=profile.user).values_list("date", flat=True))
    assert {day.weekday() for day in weekdays} <= {0, 2, 4, 6}
    assert Session.objects.filter(runner=profile.user, kind=SessionKind.RUN).exists()


def test_every_run_is_followed_by_its_strength_block_with_exercises(profile):
    week_generate(runner=profile.user, week_start=MONDAY, today=MONDAY)
    for run in Session.objects.filter(runner=profile.user, kind=SessionKind.RUN):
        block = Session.objects.get(runner=profile.user, date=run.date, post_run=True)
        assert 10 <= block.minutes <= 20
        assert block.exercises.count() >= 3


def test_days_before_today_are_not_planned_in_a_runners_first_week(profile):
    week = week_generate(runner=profile.user, week_start=MONDAY, today=WEDNESDAY)
    assert week.planned_from == WEDNESDAY
    assert not Session.objects.filter(runner=profile.user, date__lt=WEDNESDAY).exists()


def test_regenerating_replaces_untouched_future_days_but_keeps_done_and_coach_sessions(profile):
    runner = profile.user
    week_generate(runner=runner, week_start=MONDAY, today=MONDAY)
    done = Session.objects.filter(runner=runner, date=MONDAY).first()
    done.status = Status.DONE
    done.save()
    friday_run = Session.objects.filter(runner=runner, date=MONDAY + datetime.timedelta(4)).first()
    friday_run.source = Source.COACH
    friday_run.title = "Coach's tempo"
    friday_run.save()
    untouched_before = set(
        Session.objects.untouched()
        .filter(runner=runner, date__gt=WEDNESDAY)
        .values_list("pk", flat=True)
    )

    week_generate(runner=runner, week_start=MONDAY, today=WEDNESDAY)

    assert Session.objects.get(pk=done.pk).status == Status.DONE
    assert Session.objects.get(pk=friday_run.pk).title == "Coach's tempo"
    untouched_after = set(
        Session.objects.untouched()
        .filter(runner=runner, date__gt=WEDNESDAY)
        .values_list("pk", flat=True)
    )
    assert untouched_before.isdisjoint(untouched_after)  # the untouched Sunday was planned anew
    assert PlanWeek.objects.filter(runner=runner, week_start=MONDAY).count() == 1


def test_a_touched_day_gets_no_generated_sessions_added(profile):
    runner = profile.user
    week_generate(runner=runner, week_start=MONDAY, today=MONDAY)
    friday = MONDAY + datetime.timedelta(4)
    count = Session.objects.filter(runner=runner, date=friday).count()
    Session.objects.filter(runner=runner, date=friday).update(status=Status.SKIPPED)
    week_generate(runner=runner, week_start=MONDAY, today=MONDAY)
    assert Session.objects.filter(runner=runner, date=friday).count() == count


def test_weeks_ensure_plans_this_week_and_next_once(profile):
    weeks_ensure(runner=profile.user, today=WEDNESDAY)
    weeks_ensure(runner=profile.user, today=WEDNESDAY)
    starts = PlanWeek.objects.filter(runner=profile.user).values_list("week_start", flat=True)
    assert sorted(starts) == [MONDAY, MONDAY + datetime.timedelta(7)]


def test_changing_commitments_replans_the_days_ahead(profile):
    runner = profile.user
    weeks_ensure(runner=runner, today=datetime.date.today())
    only_saturday = [
        CommitmentData(weekday=day, available=day == 5, minutes=60 if day == 5 else 0)
        for day in range(7)
    ]
    profile_save(user=runner, profile_fields={}, commitments=only_saturday, goals=[])
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    ahead = Session.objects.filter(runner=runner, date__gte=tomorrow)
    assert ahead.exists()
    assert {session.date.weekday() for session in ahead} == {5}


def test_injury_mode_plans_no_runs_and_only_cross_training_that_suits_the_area(profile):
    profile.injured = True
    profile.injury_area = "knee"
    profile.save()
    week_generate(runner=profile.user, week_start=MONDAY, today=MONDAY)
    sessions = Session.objects.filter(runner=profile.user).select_related("activity")
    assert not sessions.filter(kind=SessionKind.RUN).exists()
    activities = [s.activity for s in sessions if s.kind == SessionKind.CROSS_TRAINING]
    assert activities
    for activity in activities:
        assert activity.suits.filter(code="knee").exists()
        assert activity.impact in ("none", "low")


def test_clearing_an_injury_records_the_day_for_the_gradual_return(profile):
    profile.injured, profile.injury_area = True, "shin"
    profile.save()
    profile_save(
        user=profile.user,
        profile_fields={"injured": False, "injury_area": ""},
        commitments=[],
        goals=[],
    )
    profile.refresh_from_db()
    assert profile.injury_cleared_on is not None


@pytest.mark.parametrize("runner_type", ["recreational", "competitive"])
def test_the_same_profile_gives_the_same_week(profile, runner_type):
    profile.runner_type = runner_type
    profile.save()

    def snapshot():
        return [
            (
                s.date,
                s.kind,
                s.purpose,
                s.minutes,
                s.activity_id,
                [e.exercise_id for e in s.exercises.all()],
            )
            for s in Session.objects.filter(runner=profile.user).order_by("date", "position")
        ]

    week_generate(runner=profile.user, week_start=MONDAY, today=MONDAY)
    first = snapshot()
    Session.objects.all().delete()
    PlanWeek.objects.all().delete()
    week_generate(runner=profile.user, week_start=MONDAY, today=MONDAY)
    assert snapshot() == first
