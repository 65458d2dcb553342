"""What the post-run email says: the day's routine, its cues, the links, in text and HTML."""

import pytest
from django.core import mail

from exercises.models import Exercise
from exercises.snapshot import library_entries
from reminders import routine
from reminders.routine import Move, Routine
from reminders.services import reminders_send_due
from tests.plans.factories import SessionExerciseFactory, StrengthSessionFactory
from tests.reminders.conftest import MONDAY, plan_run

pytestmark = pytest.mark.django_db


def send_for(profile, clock):
    plan_run(profile.user)
    clock.set(8, 0)
    reminders_send_due(seconds=5)
    [message] = mail.outbox
    return message, message.alternatives[0][0]


@pytest.fixture
def planned_block(profile):
    block = StrengthSessionFactory(runner=profile.user, date=MONDAY)
    SessionExerciseFactory(session=block, sets=3, rep_min=12, rep_max=15)
    lunge = Exercise.objects.get(slug="lunge")
    SessionExerciseFactory(
        session=block, exercise=lunge, position=1, sets=2, rep_min=8, rep_max=10, per_side=True
    )
    return block


def test_the_email_carries_the_plans_post_run_block_with_sets_reps_and_cues(
    clock, profile, planned_block
):
    message, html = send_for(profile, clock)
    assert "1. Calf raise: 3 × 12–15 reps" in message.body
    assert "2. Lunge: 2 × 8–10 per leg" in message.body
    assert "Push the floor away through the balls of your feet" in message.body
    assert "<strong>Lunge</strong> — 2 × 8–10 per leg" in html


def test_each_move_shows_three_of_its_cues(clock, profile, planned_block):
    message, _ = send_for(profile, clock)
    cue_lines = [line for line in message.body.splitlines() if line.startswith("   - ")]
    assert len(cue_lines) == 6


def test_the_estimate_is_the_moves_time_kept_between_ten_and_twenty():
    def routine(*seconds) -> Routine:
        return Routine(tuple(Move("Move", 2, "10 reps", (), each) for each in seconds))

    assert routine(6 * 60, 6 * 60).minutes == 12
    assert routine(60).minutes == 10
    assert routine(15 * 60, 15 * 60).minutes == 20


def test_the_subject_and_body_give_the_same_estimate(clock, profile, planned_block):
    message, _ = send_for(profile, clock)
    minutes = int(message.subject.split("Your ")[1].split("-minute")[0])
    assert 10 <= minutes <= 20
    assert f"about {minutes} minutes" in message.body


def test_a_planned_block_keeps_the_minutes_the_week_page_shows(clock, profile, planned_block):
    planned_block.minutes = 17
    planned_block.save()
    message, _ = send_for(profile, clock)
    assert message.subject.startswith("Your 17-minute strength routine")


def test_the_library_routine_is_a_quick_circuit_of_at_most_two_sets(clock, profile):
    message, _ = send_for(profile, clock)
    sets = [int(line.split(": ")[1].split(" × ")[0]) for line in message.body.splitlines()
            if line[:2] in {f"{n}." for n in range(1, 10)}]  # fmt: skip
    assert sets and max(sets) <= 2


def test_without_a_planned_block_the_library_gives_running_muscle_moves(clock, profile):
    message, _ = send_for(profile, clock)
    moves = [line for line in message.body.splitlines() if line[:2] in {f"{n}." for n in range(10)}]
    assert 3 <= len(moves) <= 5
    assert any("Calf raise" in move for move in moves)
    minutes = int(message.subject.split("Your ")[1].split("-minute")[0])
    assert 10 <= minutes <= 20


def test_the_library_routine_leaves_out_equipment_the_runner_does_not_have(profile):
    offered = _offered(profile, equipment=["none"])
    assert not offered & {"leg-press", "stability-ball-leg-curl"}
    assert "stability-ball-leg-curl" in _offered(profile, equipment=["stability_ball"])


def test_the_library_routine_starts_each_move_at_its_easiest_variation(profile):
    profile.equipment = ["none", "dumbbells", "stability_ball", "mat"]
    strength = library_entries(profile.user, kind="strength")
    offered = {entry.slug for entry in strength if routine.suits_runner(entry, profile)}
    harder = {entry.slug for entry in strength if entry.family != entry.slug}
    assert {"single-leg-calf-raise", "goblet-squat", "weighted-back-extension"} <= harder
    assert not offered & harder
    assert {"calf-raise", "squat", "back-extension"} <= offered


def test_the_library_routine_avoids_moves_bad_for_the_runners_injury(profile):
    assert "lunge" in _offered(profile, equipment=["none"])
    profile.injured, profile.injury_area = True, "knee"
    assert not _offered(profile, equipment=["none"]) & {"lunge", "squat"}


def _offered(profile, equipment) -> set[str]:
    profile.equipment = equipment
    strength = library_entries(profile.user, kind="strength")
    return {entry.slug for entry in strength if routine.suits_runner(entry, profile)}


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
