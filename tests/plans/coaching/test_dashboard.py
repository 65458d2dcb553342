import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.demo import load_demo_accounts
from accounts.models import Coaching, Goal, RunnerProfile, User
from plans.cache import weeks_changed
from plans.coaching.selectors import SoFar, band, summaries_refresh, summaries_refresh_due
from plans.demo import load_demo_plan
from plans.models import AthleteGroup, AthleteSummary, Session, Status
from plans.services import session_mark
from reminders import links
from reminders.models import Reminder
from tests.accounts.factories import RaceGoalFactory, RunnerProfileFactory
from tests.factories import CoachFactory, CoachingFactory, UserFactory
from tests.plans.factories import RunLogFactory, SessionFactory
from tests.reminders.conftest import plan_run

URL = "/coach/"
MONDAY = datetime.date(2026, 11, 23)
DAY = datetime.timedelta(days=1)
TODAY = FRIDAY = MONDAY + 4 * DAY  # the page is read at noon, London (UTC in November)


def at(day: datetime.date, hour: int = 12) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """The page is read on a Friday at noon UTC unless a test moves the clock."""

    def move(moment: datetime.datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: moment)

    move(at(FRIDAY))
    return move


@pytest.fixture
def coach(db):
    """A coach with no athletes yet: each test brings its own."""
    return CoachFactory(display_name="Cora Coach")


def athlete(coach, name, time_zone="UTC", **profile):
    user = RunnerProfileFactory(user__display_name=name, time_zone=time_zone, **profile).user
    CoachingFactory(coach=coach, athlete=user)
    return user


def rows(client, query=""):
    body = client.get(URL + query).content.decode()
    return body.split('data-testid="athlete-row"')[1:]


def week(runner, *days):
    """Sessions this week: (weekday, minutes, status)."""
    for weekday, minutes, status in days:
        SessionFactory(runner=runner, date=MONDAY + weekday * DAY, minutes=minutes, status=status)


def test_the_url_is_the_documented_one():
    assert reverse("plans:coach_dashboard") == URL


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get(URL).url.startswith(reverse("accounts:login"))


def test_runners_get_404(client, runner):
    client.force_login(runner)
    assert client.get(URL).status_code == 404


def test_a_coach_sees_only_their_own_athletes(client, coach, other_coach):
    athlete(coach, "Mine")
    athlete(other_coach, "Theirs")
    client.force_login(coach)
    body = "".join(rows(client))
    assert "Mine" in body and "Theirs" not in body


@pytest.mark.parametrize(
    ("planned", "done", "colour"),
    [(100, 100, "green"), (100, 80, "green"), (100, 79, "amber"), (100, 50, "amber"),
     (100, 49, "red"), (100, 121, "amber"), (100, 150, "amber"), (100, 151, "red"),
     (0, 0, "none")],
)  # fmt: skip
def test_the_colour_band_follows_minutes_done_against_what_was_due(planned, done, colour):
    assert band(SoFar(done=done, due=planned, week=planned)) == colour


def test_a_row_shows_sessions_and_minutes_done_last_activity_injury_and_race(client, coach):
    ann = athlete(coach, "Ann", injured=True, injury_area="knee")
    RaceGoalFactory(profile=ann.runner_profile, race_date=TODAY + 20 * DAY)
    week(ann, (0, 60, "done"), (2, 60, "planned"), (6, 40, "planned"))
    RunLogFactory(runner=ann, date=MONDAY)
    client.force_login(coach)
    [row] = rows(client)
    assert "1 of 2 due" in row and "(50%)" in row and "3 planned this week" in row
    assert "60 of 120 min due so far" in row and "band-amber" in row
    assert "160 min planned this week" in row
    assert "Mon 23 Nov" in row
    assert 'data-testid="injured">Knee' in row
    assert "10 km in <strong>20 days</strong>" in row


def test_on_a_friday_a_runner_who_did_all_that_was_due_is_green(client, coach):
    ann = athlete(coach, "Ann")
    week(ann, (0, 30, "done"), (2, 50, "done"), (4, 40, "planned"), (5, 40, "planned"),
         (6, 50, "planned"))  # fmt: skip
    client.force_login(coach)
    [row] = rows(client)
    assert "band-green" in row and ">100%<" in row
    assert "80 of 80 min due so far" in row and "210 min planned this week" in row
    assert "2 of 2 due" in row and "5 planned this week" in row


def test_the_demo_runner_who_did_everything_before_friday_is_green_on_friday(client, db):
    users = load_demo_accounts()
    robin = users["runner"]
    load_demo_plan(robin)
    this_week = Session.objects.filter(runner=robin, date__range=(MONDAY, MONDAY + 6 * DAY))
    due = sum(session.minutes for session in this_week.filter(date__lt=FRIDAY))
    whole_week = sum(session.minutes for session in this_week)
    assert 0 < due < whole_week
    client.force_login(users["coach"])
    [row] = rows(client)
    assert "band-green" in row
    assert f"{due} of {due} min due so far" in row
    assert f"{whole_week} min planned this week" in row


def test_a_session_done_today_counts_and_one_still_ahead_today_does_not(client, coach):
    ann, bob = athlete(coach, "Ann"), athlete(coach, "Bob")
    week(ann, (2, 50, "done"), (4, 40, "done"))
    week(bob, (2, 50, "done"), (4, 40, "planned"))
    client.force_login(coach)
    ann_row, bob_row = rows(client)
    assert "90 of 90 min due so far" in ann_row
    assert "50 of 50 min due so far" in bob_row and "90 min planned this week" in bob_row


def test_a_missed_day_makes_the_row_red(client, coach):
    ann = athlete(coach, "Ann")
    week(ann, (0, 30, "done"), (2, 50, "planned"), (3, 20, "skipped"), (5, 60, "planned"))
    client.force_login(coach)
    [row] = rows(client)
    assert "30 of 100 min due so far" in row and "band-red" in row


def test_on_monday_morning_nothing_is_due_yet(client, coach, clock):
    clock(at(MONDAY, hour=7))
    ann, bob = athlete(coach, "Ann"), athlete(coach, "Bob")
    week(ann, (0, 30, "planned"), (2, 50, "planned"))
    week(bob, (0, 30, "planned"))
    SessionFactory(runner=bob, date=MONDAY, minutes=25, status="done", source="runner")
    client.force_login(coach)
    ann_row, bob_row = rows(client)
    assert "Nothing due yet" in ann_row and "80 min planned this week" in ann_row
    assert "0%" not in ann_row and 'data-testid="band"' not in ann_row
    assert "25 min done, none due yet" in bob_row and 'data-testid="band"' not in bob_row


def test_what_is_due_follows_the_athletes_own_date(client, coach):
    # Friday noon in London is already Saturday 01:00 in Auckland: Friday's run is missed.
    kiwi = athlete(coach, "Kiri", time_zone="Pacific/Auckland")
    londoner = athlete(coach, "Lou")
    for runner in (kiwi, londoner):
        week(runner, (2, 50, "done"), (4, 40, "planned"))
    client.force_login(coach)
    kiri_row, lou_row = rows(client)
    assert "50 of 90 min due so far" in kiri_row
    assert "50 of 50 min due so far" in lou_row


def test_a_run_the_athlete_added_counts_as_done_but_not_as_planned(client, coach):
    ann = athlete(coach, "Ann")
    week(ann, (0, 40, "planned"))
    SessionFactory(runner=ann, date=MONDAY, minutes=30, status="done", source="runner")
    client.force_login(coach)
    [row] = rows(client)
    assert "1 of 1 due" in row and "1 planned this week" in row
    assert "30 of 40 min due so far" in row and "40 min planned this week" in row


def test_a_run_marked_done_without_a_log_is_activity(client, coach):
    # Saturday already in Auckland: the run marked done there is today's, not the future's.
    kiri = athlete(coach, "Kiri", time_zone="Pacific/Auckland")
    run = SessionFactory(runner=kiri, date=FRIDAY + DAY)
    client.force_login(kiri)
    client.post(reverse("plans:session_status", args=[run.pk]), {"status": "done"})
    client.force_login(coach)
    [row] = rows(client)
    assert "Sat 28 Nov" in row
    assert "Never" not in row and 'data-testid="silent"' not in row


def test_a_routine_ticked_in_the_email_is_activity(client, coach):
    ann = athlete(coach, "Ann")
    # Thursday's run: never marked done, never logged; its email went out.
    run = plan_run(ann, day=FRIDAY - DAY)
    reminder = Reminder.objects.get(session=run)
    client.force_login(coach)
    [before] = rows(client)
    assert "Never" in before and "No activity yet" in before
    client.logout()
    assert client.post(links.done_path(reminder.pk)).status_code == 302  # the page's button
    client.force_login(coach)
    [after] = rows(client)
    assert "Thu 26 Nov" in after
    assert "Never" not in after and 'data-testid="silent"' not in after


def test_athletes_silent_for_seven_days_come_first(client, coach):
    busy = athlete(coach, "Aaron Busy")
    athlete(coach, "Zoe Quiet")
    RunLogFactory(runner=busy, date=TODAY)
    client.force_login(coach)
    first, second = rows(client)
    assert "Zoe Quiet" in first and 'data-testid="silent"' in first
    assert "Aaron Busy" in second and 'data-testid="silent"' not in second


def test_the_silence_the_page_speaks_of_is_the_one_it_sorts_by(client, coach, monkeypatch):
    monkeypatch.setattr("plans.coaching.selectors.SILENT_DAYS", 3)
    RunLogFactory(runner=athlete(coach, "Aaron Away"), date=TODAY - 4 * DAY)
    RunLogFactory(runner=athlete(coach, "Bea Busy"), date=TODAY - 2 * DAY)
    client.force_login(coach)
    body = client.get(URL).content.decode()
    first, second = rows(client)
    assert "a routine ticked) for 3 days come first" in body
    assert "Aaron Away" in first and "No activity for 3+ days" in first
    assert "Bea Busy" in second and 'data-testid="silent"' not in second


def test_the_coach_groups_athletes_and_filters_by_group(client, coach):
    ann = athlete(coach, "Ann")
    athlete(coach, "Bob")
    client.force_login(coach)
    response = client.post(
        reverse("plans:athlete_group", args=[ann.pk]), {"name": "Tuesday club"}, follow=True
    )
    assert 'value="Tuesday club"' in response.content.decode()  # on Ann's week, saved
    assert AthleteGroup.objects.get(athlete=ann).name == "Tuesday club"
    [only] = rows(client, "?group=Tuesday+club")
    assert "Ann" in only


def test_another_coach_cannot_group_my_athlete(client, coach, other_coach):
    ann = athlete(coach, "Ann")
    client.force_login(other_coach)
    response = client.post(reverse("plans:athlete_group", args=[ann.pk]), {"name": "Mine"})
    assert response.status_code == 404
    assert not AthleteGroup.objects.exists()


def test_sorting_by_progress_puts_the_least_done_first(client, coach):
    for name, done in [("Ann", "done"), ("Bob", "planned")]:
        user = athlete(coach, name)
        SessionFactory(runner=user, date=MONDAY, status=done)
        RunLogFactory(runner=user, date=TODAY)
    client.force_login(coach)
    first, second = rows(client, "?sort=progress")
    assert "Bob" in first and "Ann" in second


def test_a_session_with_no_free_day_is_listed_for_the_coach(client, coach):
    ann = athlete(coach, "Ann")
    SessionFactory(runner=ann, date=TODAY + 8 * DAY, needs_attention=True)
    client.force_login(coach)
    [row] = rows(client)
    assert "1 session needs a day" in row


def _athletes_with_a_week(coach, count):
    for index in range(count):
        user = athlete(coach, f"Athlete {index}")
        RaceGoalFactory(profile=user.runner_profile)
        SessionFactory(runner=user, date=MONDAY, status="done")
        SessionFactory(runner=user, date=MONDAY + 3 * DAY)
        RunLogFactory(runner=user, date=MONDAY)
        AthleteGroup.objects.create(coach=coach, athlete=user, name=f"Group {index % 3}")


def _many_athletes(coach, count):
    """`count` athletes written in bulk, each with a race, a week of two sessions (one done)
    and a group: enough to fill the dashboard's pages quickly."""
    users = User.objects.bulk_create(
        UserFactory.build(display_name=f"Athlete {index:04}") for index in range(count)
    )
    RunnerProfile.objects.bulk_create(
        RunnerProfile(
            user=user,
            runner_type="recreational",
            time_zone="UTC",
            long_run_day=6,
            onboarded_at=timezone.now(),
        )
        for user in users
    )
    profiles = RunnerProfile.objects.filter(user__in=users)
    Coaching.objects.bulk_create(Coaching(coach=coach, athlete=user) for user in users)
    Goal.objects.bulk_create(
        Goal(profile=profile, kind="race", distance="10k", race_date=TODAY + 30 * DAY)
        for profile in profiles
    )
    Session.objects.bulk_create(
        SessionFactory.build(runner=user, date=MONDAY + offset * DAY, status=status)
        for user in users
        for offset, status in ((0, "done"), (3, "planned"))
    )
    AthleteGroup.objects.bulk_create(
        AthleteGroup(coach=coach, athlete=user, name=f"Group {index % 3}")
        for index, user in enumerate(users)
    )


@pytest.mark.parametrize("count", [30, 3000])
def test_a_dashboard_page_costs_the_same_for_30_or_3000_athletes(
    client, coach, count, django_assert_num_queries
):
    _many_athletes(coach, count)
    summaries_refresh(coach, TODAY)  # what the 15-minute task does for a new day
    written = User.objects.filter(coachings__coach=coach).order_by("pk")[:3]
    weeks_changed(user.pk for user in written)  # three athletes' weeks changed since
    client.force_login(coach)
    # user (the session is read from the cache), the coach's profile (for their today), the
    # stale lines with their week versions, then to recompute those three the coachings with
    # last activity, the races ahead, their weeks counted by the database and one upsert;
    # then the count, the page's athletes in order, their lines and groups, the group names,
    # the assignments of the athletes on the page.
    with django_assert_num_queries(12):
        first = rows(client)
    # The next read finds every line fresh.
    with django_assert_num_queries(8):
        again = rows(client)
    assert len(first) == min(count, 50)
    assert again == first


def test_a_new_day_is_recomputed_by_the_task_not_by_the_page(client, coach, clock):
    _many_athletes(coach, 30)
    summaries_refresh(coach, TODAY)
    clock(at(FRIDAY + DAY, hour=1))

    assert summaries_refresh_due() == 30
    assert summaries_refresh_due() == 0  # fresh until the next midnight
    client.force_login(coach)
    assert len(rows(client)) == 30
    assert not AthleteSummary.objects.filter(their_today=FRIDAY).exists()


def test_athletes_come_50_a_page_in_order(client, coach):
    _many_athletes(coach, 120)
    client.force_login(coach)

    pages = [rows(client, f"?sort=name&page={number}") for number in (1, 2, 3)]

    assert [len(page) for page in pages] == [50, 50, 20]
    assert "Athlete 0050" in pages[1][0] and "Athlete 0119" in pages[2][-1]


def test_the_page_links_keep_the_group_sort_and_search(client, coach):
    _many_athletes(coach, 160)
    client.force_login(coach)

    body = client.get(URL + "?group=Group+1&sort=progress&q=Athlete").content.decode()

    assert body.count('data-testid="athlete-row"') == 50  # 53 athletes are in Group 1
    assert "?group=Group+1&amp;sort=progress&amp;q=Athlete&amp;page=2" in body
    assert "Page 1 of 2" in body


def test_the_search_finds_athletes_by_a_part_of_their_name(client, coach):
    _many_athletes(coach, 60)
    client.force_login(coach)

    found = rows(client, "?q=lete+0042")

    assert len(found) == 1 and "Athlete 0042" in found[0]
    assert "No athlete whose name or email holds" in client.get(URL + "?q=zzz").content.decode()


def test_a_write_to_an_athletes_week_shows_on_the_next_read(client, coach):
    ann = athlete(coach, "Ann")
    week(ann, (0, 40, "planned"))
    client.force_login(coach)
    [before] = rows(client)
    assert "0 of 40 min due so far" in before
    session = Session.objects.get(runner=ann)

    session_mark(session=session, status=Status.DONE)

    [after] = rows(client)
    assert "40 of 40 min due so far" in after


def test_a_line_is_recomputed_when_the_athletes_day_ends(client, coach, clock):
    ann = athlete(coach, "Ann")
    week(ann, (4, 30, "planned"))
    client.force_login(coach)
    [friday] = rows(client)
    assert "Nothing due yet" in friday

    clock(at(FRIDAY + DAY, hour=9))

    [saturday] = rows(client)
    assert "0 of 30 min due so far" in saturday
