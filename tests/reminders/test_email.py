"""What the post-run email says: the day's routine, its cues, the links, in text and HTML."""

import math

import pytest
from django.core import mail

from exercises.models import Exercise
from exercises.snapshot import library_entries
from plans.builder import RUNNING_MUSCLES
from reminders.models import Reminder, State
from reminders.services import reminders_send_due
from tests.plans.factories import SessionExerciseFactory, SessionFactory, StrengthSessionFactory
from tests.reminders.conftest import MONDAY, plan_run

pytestmark = pytest.mark.django_db


def send(clock):
    clock.set(8, 0)
    reminders_send_due(seconds=5)
    [message] = mail.outbox
    return message, message.alternatives[0][0]


def send_for(profile, clock):
    """The email after a run that carries no block of its own (planned before runs did)."""
    plan_run(profile.user)
    return send(clock)


@pytest.fixture
def planned_block(profile):
    run = plan_run(profile.user)
    block = StrengthSessionFactory(runner=profile.user, date=MONDAY, for_run=run)
    SessionExerciseFactory(session=block, sets=3, rep_min=12, rep_max=15)
    lunge = Exercise.objects.get(slug="lunge")
    SessionExerciseFactory(
        session=block, exercise=lunge, position=1, sets=2, rep_min=8, rep_max=10, per_side=True
    )
    return block


def listed_moves(body: str) -> list[tuple[str, int]]:
    """(name, sets) of each numbered move in the text part."""
    lines = [line for line in body.splitlines() if line[:2] in {f"{n}." for n in range(1, 10)}]
    return [
        (line.split(". ", 1)[1].split(": ")[0], int(line.split(": ")[1].split(" × ")[0]))
        for line in lines
    ]


def subject_minutes(message) -> int:
    return int(message.subject.split("Your ")[1].split("-minute")[0])


def test_the_email_carries_the_runs_post_run_block_with_sets_reps_and_cues(
    clock, profile, planned_block
):
    message, html = send(clock)
    assert "1. Calf raise: 3 × 12–15 reps" in message.body
    assert "2. Lunge: 2 × 8–10 per leg" in message.body
    assert "Push the floor away through the balls of your feet" in message.body
    assert "<strong>Lunge</strong> — 2 × 8–10 per leg" in html


def test_each_move_shows_three_of_its_cues(clock, profile, planned_block):
    message, _ = send(clock)
    cue_lines = [line for line in message.body.splitlines() if line.startswith("   - ")]
    assert len(cue_lines) == 6


def test_the_subject_and_body_give_the_same_estimate(clock, profile, planned_block):
    message, _ = send(clock)
    minutes = subject_minutes(message)
    assert 10 <= minutes <= 20
    assert f"about {minutes} minutes" in message.body


def test_a_planned_block_keeps_the_minutes_the_week_page_shows(clock, profile, planned_block):
    planned_block.minutes = 17
    planned_block.save()
    message, _ = send(clock)
    assert message.subject.startswith("Your 17-minute strength routine")


def test_another_runs_block_on_the_same_day_is_not_this_runs_routine(clock, profile, planned_block):
    planned_block.for_run = SessionFactory(runner=profile.user, date=MONDAY, position=5)
    planned_block.save()
    message, _ = send(clock)
    assert "Lunge: 2 × 8–10 per leg" not in message.body
    assert listed_moves(message.body)  # this run's own routine, by the builder's rules


def test_without_a_block_the_routine_is_a_quick_circuit_of_running_muscle_moves(clock, profile):
    message, _ = send_for(profile, clock)
    moves = listed_moves(message.body)
    assert 3 <= len(moves) <= 5
    assert max(sets for _, sets in moves) <= 2
    for name, _ in moves:
        assert Exercise.objects.get(name=name).muscles.filter(code__in=RUNNING_MUSCLES).exists()
    assert 10 <= subject_minutes(message) <= 20


def test_without_a_block_the_minutes_follow_the_builders_timing(clock, profile):
    """3 s a rep (both sides when per side) and 30 s of rest a set, at least ten minutes."""
    message, _ = send_for(profile, clock)
    seconds = 0
    for name, sets in listed_moves(message.body):
        move = Exercise.objects.get(name=name)
        work = move.rep_max * 3 if move.rep_max else move.duration_max_seconds
        seconds += sets * (work * (2 if move.per_side else 1) + 30)
    assert subject_minutes(message) == max(10, math.ceil(seconds / 60))


def test_without_a_block_the_routine_counts_the_inner_thighs_as_running_muscles(clock, profile):
    assert "inner_thighs" in RUNNING_MUSCLES
    profile.injured, profile.injury_area = True, "knee"  # leaves few moves for the legs
    profile.save()
    message, _ = send_for(profile, clock)
    assert "Inner-thigh lift" in dict(listed_moves(message.body))


def test_without_a_block_the_routine_needs_nothing_the_runner_lacks(clock, profile):
    profile.equipment = []
    profile.save()
    message, _ = send_for(profile, clock)
    for name, _ in listed_moves(message.body):
        kit = set(Exercise.objects.get(name=name).equipment.values_list("code", flat=True))
        assert not kit or "none" in kit, name


def test_without_a_block_each_move_starts_at_its_easiest_variation(clock, profile):
    profile.equipment = ["dumbbells", "stability_ball", "mat"]
    profile.save()
    harder = {e.name for e in library_entries(profile.user) if e.family != e.slug}
    assert {"Single-leg calf raise", "Goblet squat"} <= harder
    message, _ = send_for(profile, clock)
    assert not set(dict(listed_moves(message.body))) & harder


def test_without_a_block_the_routine_avoids_moves_bad_for_the_runners_injury(clock, profile):
    profile.injured, profile.injury_area = True, "knee"
    profile.save()
    message, _ = send_for(profile, clock)
    names = dict(listed_moves(message.body))
    assert names
    for name in names:
        assert not Exercise.objects.get(name=name).avoids.filter(code="knee").exists(), name


def test_the_email_links_the_done_button_the_week_and_unsubscribe(clock, profile):
    message, html = send_for(profile, clock)
    assert "/reminders/done/" in message.body and "/reminders/done/" in html
    assert "/week/" in message.body
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http") and "/reminders/unsubscribe/" in unsubscribe
    assert unsubscribe[1:-1] in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_html_part_is_sized_for_a_phone(clock, profile):
    _, html = send_for(profile, clock)
    assert 'name="viewport"' in html
    assert "max-width:600px" in html


def test_a_runner_name_with_an_apostrophe_reads_plainly_in_the_text_part(clock, profile):
    profile.user.display_name = "Rita O'Hara"
    profile.user.save()
    message, _ = send_for(profile, clock)
    assert "Hi Rita O'Hara," in message.body


def test_when_no_move_suits_the_runner_no_empty_email_goes_out(clock, profile):
    for exercise in Exercise.objects.filter(kind="strength"):
        exercise.muscles.clear()  # nothing left that works the running muscles
    run = plan_run(profile.user)
    clock.set(8, 0)
    assert reminders_send_due(seconds=5) == 0
    assert not mail.outbox
    assert Reminder.objects.get(session=run).state == State.CANCELLED


def test_with_a_move_that_suits_the_email_goes_out(clock, profile):
    run = plan_run(profile.user)
    clock.set(8, 0)
    assert reminders_send_due(seconds=5) == 1
    assert Reminder.objects.get(session=run).state == State.SENT
