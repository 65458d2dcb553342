"""Every run carries its post-run routine, whoever planned it: the week page shows it right
under the run and the run's email carries the same moves and minutes."""

import datetime
import html
import re
from dataclasses import dataclass

import pytest
from django.core import mail
from django.urls import reverse

from plans.coaching.services import TemplateSessionData, plan_assign, template_session_add
from plans.models import PlanTemplate, Session, Source
from reminders.services import reminders_send_due
from tests.reminders.conftest import MONDAY

pytestmark = pytest.mark.django_db

TUESDAY = MONDAY + datetime.timedelta(days=1)
SESSION = re.compile(
    r'<article[^>]*data-testid="session-(?P<kind>[a-z_-]+)"(?P<rest>.*?)</article>', re.S
)
MINUTES = re.compile(r"· (\d+) min")
MOVE = re.compile(
    r'<a href="/exercises/[^"]+/">([^<]+)</a>\s*<span class="text-nowrap" data-testid="dose">'
    r"([^<]+)</span>"
)
EMAIL_MOVE = re.compile(r"^\d+\. (.+): (\d+ × .+)$", re.M)


@dataclass(frozen=True)
class Shown:
    kind: str
    minutes: int
    moves: tuple[tuple[str, str], ...]


def week_page(client, user) -> dict[datetime.date, list[Shown]]:
    """Each day's sessions as the runner's page for MONDAY's week lists them, in order."""
    client.force_login(user)
    body = client.get(reverse("plans:week_of", args=[MONDAY])).content.decode()
    days = {}
    cards = re.split(r'data-testid="day-(?:mon|tue|wed|thu|fri|sat|sun)"', body)[1:]
    for offset, part in enumerate(cards):
        days[MONDAY + datetime.timedelta(days=offset)] = [
            Shown(
                kind=match["kind"],
                minutes=int(MINUTES.findall(match["rest"])[0]),
                moves=tuple(
                    (html.unescape(n), html.unescape(d)) for n, d in MOVE.findall(match["rest"])
                ),
            )
            for match in SESSION.finditer(part)
        ]
    return days


def emailed_routine(run: Session) -> Shown:
    """The routine in the run's own post-run email."""
    reminder = str(run.reminder.pk)
    [message] = [m for m in mail.outbox if m.extra_headers["X-RunStrong-Reminder"] == reminder]
    minutes = int(message.subject.split("Your ")[1].split("-minute")[0])
    return Shown("strength-post-run", minutes, tuple(EMAIL_MOVE.findall(str(message.body))))


def send_due(clock, hour: int) -> None:
    clock.set(hour)
    reminders_send_due(seconds=5)


def under_each_run(sessions: list[Shown]) -> list[Shown]:
    """The block shown right under each run of a day; fails if a run has none."""
    blocks = []
    for position, shown in enumerate(sessions):
        if shown.kind == "run":
            block = sessions[position + 1]
            assert block.kind == "strength-post-run" and block.moves, sessions
            blocks.append(block)
    return blocks


def add_run(client, coach, runner, day=MONDAY, minutes=30):
    client.force_login(coach)
    response = client.post(
        reverse("plans:week_session_add", args=[runner.pk, day]),
        {"day": day.isoformat(), "kind": "run", "purpose": "easy", "minutes": minutes},
    )
    assert response.status_code == 302
    return Session.objects.filter(runner=runner, kind="run").latest("pk")


def test_a_coach_added_run_shows_its_routine_on_the_week_page_and_in_the_email(
    client, clock, profile, coach
):
    run = add_run(client, coach, profile.user)
    [block] = under_each_run(week_page(client, profile.user)[MONDAY])
    send_due(clock, 9)
    assert emailed_routine(run) == block
    assert 10 <= block.minutes <= 20 and 3 <= len(block.moves) <= 5


def test_two_runs_on_one_day_each_get_their_own_block_and_their_own_email(
    client, clock, profile, coach
):
    first = add_run(client, coach, profile.user, minutes=30)
    second = add_run(client, coach, profile.user, minutes=20)
    assert first.block != second.block
    assert {first.block.for_run, second.block.for_run} == {first, second}
    blocks = under_each_run(week_page(client, profile.user)[MONDAY])
    assert len(blocks) == 2
    send_due(clock, 12)
    assert [emailed_routine(first), emailed_routine(second)] == blocks


def test_a_coach_assigned_template_run_shows_its_routine_on_the_week_page_and_in_the_email(
    client, clock, profile, coach
):
    template = PlanTemplate.objects.create(coach=coach, name="Block", weeks=1)
    template_session_add(
        template=template,
        data=TemplateSessionData(
            week_index=0, weekday=0, kind="run", purpose="easy", title="Easy run", minutes=30
        ),
    )
    plan_assign(template=template, athletes=[profile.user], start=MONDAY, coach=coach)
    run = Session.objects.get(runner=profile.user, kind="run", source=Source.TEMPLATE)
    assert run.block.source == Source.TEMPLATE
    [block] = under_each_run(week_page(client, profile.user)[MONDAY])
    send_due(clock, 9)
    assert emailed_routine(run) == block


def test_a_run_the_runner_adds_gets_its_routine_on_the_week_page_and_in_the_email(
    client, clock, profile
):
    clock.set(10, day=TUESDAY)  # Tuesday: a day without a run in the plan
    client.force_login(profile.user)
    client.post(
        reverse("plans:run_log_new"),
        {"run_date": TUESDAY.isoformat(), "distance": "5", "duration": "28", "effort": "4"},
    )
    run = Session.objects.get(runner=profile.user, date=TUESDAY, kind="run")
    assert run.source == Source.RUNNER
    [block] = under_each_run(week_page(client, profile.user)[TUESDAY])
    clock.set(12, day=TUESDAY)
    reminders_send_due(seconds=5)
    assert emailed_routine(run) == block


def test_the_generated_weeks_runs_email_what_the_week_page_shows(client, clock, profile):
    days = week_page(client, profile.user)
    [block] = under_each_run(days[MONDAY])
    run = Session.objects.get(runner=profile.user, date=MONDAY, kind="run")
    send_due(clock, 9)
    assert emailed_routine(run) == block
