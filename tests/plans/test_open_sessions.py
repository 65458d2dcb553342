"""One rule for what a change may remove or replace: a session still planned with no run logged
against it. A logged run counts as touched even when its status was never changed (as an
import or an edit in the admin can leave it)."""

import datetime
from itertools import product

from django.urls import reverse

from accounts.services import CommitmentData, profile_save
from plans.models import Session, Source, Status
from plans.services import monday_of, weeks_ensure
from tests.plans.factories import RunLogFactory, SessionFactory


def logged(session: Session) -> Session:
    RunLogFactory(runner=session.runner, session=session, date=session.date)
    return session


def next_week_runs(profile) -> list[Session]:
    weeks_ensure(runner=profile.user, today=profile.today())
    next_monday = monday_of(profile.today()) + datetime.timedelta(days=7)
    runs = Session.objects.filter(
        runner=profile.user, date__gte=next_monday, kind="run", source=Source.GENERATED
    ).order_by("date")
    return list(runs)


def test_the_model_and_the_queryset_tell_the_same_sessions_apart(profile):
    day = monday_of(profile.today()) + datetime.timedelta(days=7)
    kinds = {}
    for status, source, has_log in product(Status.values, Source.values, [False, True]):
        session = SessionFactory(runner=profile.user, date=day, status=status, source=source)
        kinds[session.pk] = (status, source, logged(session) if has_log else None)
    open_ones = {pk for pk, (status, _, log) in kinds.items() if status == "planned" and not log}
    untouched = {pk for pk in open_ones if kinds[pk][1] == "generated"}
    by_template = {pk for pk in open_ones if kinds[pk][1] in ("generated", "template")}
    mine = Session.objects.filter(runner=profile.user)
    assert {session.pk for session in mine if session.is_open} == open_ones
    assert set(mine.open().values_list("pk", flat=True)) == open_ones
    assert set(mine.untouched().values_list("pk", flat=True)) == untouched
    assert set(mine.touched().values_list("pk", flat=True)) == set(kinds) - untouched
    assert set(mine.replaceable_by_template().values_list("pk", flat=True)) == by_template
    assert len(open_ones) == len(Source.values)  # each source once, planned and not logged


def test_a_replan_replaces_a_planned_run_but_keeps_one_with_a_log(client, profile):
    plain, with_log = next_week_runs(profile)[:2]
    logged(with_log)
    only_saturday = [
        CommitmentData(weekday=day, available=day == 5, minutes=60 if day == 5 else 0)
        for day in range(7)
    ]
    profile_save(user=profile.user, profile_fields={}, commitments=only_saturday, goals=[])
    assert not Session.objects.filter(pk=plain.pk).exists()
    kept = Session.objects.get(pk=with_log.pk)
    assert kept.has_log and kept.status == Status.PLANNED
    client.force_login(profile.user)
    week = client.get(reverse("plans:week_of", args=[with_log.date])).content.decode()
    assert 'data-testid="run-log"' in week


def test_the_runner_marks_only_a_session_without_a_log(client, profile):
    day = monday_of(profile.today()) + datetime.timedelta(days=7)
    plain = SessionFactory(runner=profile.user, date=day, title="Plain run")
    with_log = logged(SessionFactory(runner=profile.user, date=day, title="Logged run"))
    client.force_login(profile.user)
    week = client.get(reverse("plans:week_of", args=[day])).content.decode()
    assert reverse("plans:session_status", args=[plain.pk]) in week
    assert reverse("plans:session_status", args=[with_log.pk]) not in week
    assert reverse("plans:run_log_delete", args=[with_log.run_log.pk]) in week  # "Undo log"


def test_the_coach_may_remove_a_planned_session_but_not_one_with_a_log(client, profile, coach):
    day = monday_of(profile.today()) + datetime.timedelta(days=7)
    plain = SessionFactory(runner=profile.user, date=day, title="Plain run")
    with_log = logged(SessionFactory(runner=profile.user, date=day, title="Logged run"))
    client.force_login(coach)
    week = client.get(reverse("plans:athlete_week_of", args=[profile.user.pk, day]))
    body = week.content.decode()
    assert 'aria-label="Remove Plain run"' in body
    assert 'aria-label="Remove Logged run"' not in body
    refused = client.post(reverse("plans:session_delete", args=[with_log.pk]), follow=True)
    assert "already marked or logged" in refused.content.decode()
    assert Session.objects.filter(pk=with_log.pk).exists()
    client.post(reverse("plans:session_delete", args=[plain.pk]))
    assert not Session.objects.filter(pk=plain.pk).exists()
