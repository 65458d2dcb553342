import dataclasses

import pytest

from exercises import library
from exercises.loader import load_library
from exercises.models import Cue, Exercise
from exercises.vocabulary import Activity, Kind
from tests.exercises.domain import DOMAIN_POSES, DOMAIN_STRENGTH

pytestmark = pytest.mark.django_db


def _library_state():
    return [
        (e.slug, e.name, e.description, e.rep_min, e.rep_max, e.easier_id, e.harder_id)
        for e in Exercise.objects.library().order_by("slug")
    ], list(Cue.objects.order_by("pk").values_list("pk", "text"))


def test_migrate_leaves_every_strength_move_of_the_domain_with_its_rep_range():
    moves = {e.name: e for e in Exercise.objects.library().filter(kind=Kind.STRENGTH)}
    for name, dose in DOMAIN_STRENGTH.items():
        assert name in moves, name
        assert moves[name].rep_min and moves[name].rep_max, name
        assert moves[name].cues.count() >= 3, name
        if dose:
            assert moves[name].dose_text == dose
    assert moves["Calf raise"].hold_text == "hold 2–3 s at the top"


def test_every_cross_training_activity_is_seeded_under_its_activity_slug():
    seeded = set(
        Exercise.objects.library().filter(kind=Kind.CROSS_TRAINING).values_list("slug", flat=True)
    )
    assert set(Activity.values) <= seeded


def test_soccer_and_rugby_are_flagged_as_running_sports_and_nothing_else_is():
    flagged = Exercise.objects.library().filter(running_sport=True)
    assert set(flagged.values_list("slug", flat=True)) == {"soccer", "rugby"}


def test_the_ten_yoga_poses_are_seeded_as_yoga():
    poses = Exercise.objects.library().filter(kind=Kind.YOGA).values_list("name", flat=True)
    assert sorted(poses) == sorted(DOMAIN_POSES)


def test_easier_and_harder_variations_point_at_each_other():
    curl = Exercise.objects.get(slug="stability-ball-leg-curl")
    assert curl.harder.name == "Single-leg stability ball leg curl"
    assert curl.harder.easier == curl


def test_loading_twice_changes_nothing():
    before = _library_state()
    report = load_library()
    assert (report.created, report.updated) == (0, 0)
    assert _library_state() == before


def test_an_edited_cue_updates_the_row_in_place(monkeypatch):
    old = Exercise.objects.get(slug="back-extension")
    edited = [
        dataclasses.replace(entry, cues=("Lie over the ball.", "Lift your chest slowly."))
        if entry.slug == "back-extension"
        else entry
        for entry in library.LIBRARY
    ]
    count = Exercise.objects.count()

    report = load_library(edited)

    assert (report.created, report.updated) == (0, 1)
    assert Exercise.objects.count() == count
    new = Exercise.objects.get(slug="back-extension")
    assert new.pk == old.pk
    assert [cue.text for cue in new.cues.all()] == ["Lie over the ball.", "Lift your chest slowly."]


def test_a_library_edit_that_breaks_a_rule_is_refused_and_changes_nothing():
    before = _library_state()
    broken = dataclasses.replace(library.STRENGTH[0], rep_min=15, rep_max=10)
    with pytest.raises(ValueError, match="range starts above its end"):
        load_library([broken])
    no_cues = dataclasses.replace(library.STRENGTH[0], cues=())
    with pytest.raises(ValueError, match="needs at least one cue"):
        load_library([no_cues])
    assert _library_state() == before


def test_a_new_library_entry_is_added_once():
    extra = dataclasses.replace(library.STRENGTH[0], slug="wall-sit", name="Wall sit")
    load_library([*library.LIBRARY, extra])
    load_library([*library.LIBRARY, extra])
    assert Exercise.objects.filter(slug="wall-sit").count() == 1


def test_injury_tags_follow_the_domain():
    safe_for_knee = set(Exercise.objects.filter(suits__code="knee").values_list("slug", flat=True))
    assert {"deep-water-running", "swimming", "cycling", "elliptical", "ice-skating"} <= (
        safe_for_knee
    )
    for entry in library.LIBRARY:
        if entry.impact == "high" or entry.plyometric:
            assert {"knee", "achilles", "shin", "ankle"} <= set(entry.avoids), entry.slug
        assert not set(entry.suits) & set(entry.avoids), entry.slug


def test_no_leg_heavy_strength_move_is_offered_to_a_knee_injury():
    load_library()
    heavy = Exercise.objects.library().filter(kind=Kind.STRENGTH, leg_heavy=True)
    assert heavy.exists()
    for exercise in heavy:
        assert exercise.avoids.filter(code="knee").exists(), exercise.slug


def test_a_library_entry_that_breaks_two_rules_names_both():
    broken = dataclasses.replace(
        library.STRENGTH[0], cues=(), hold_seconds_min=5, hold_seconds_max=2
    )
    with pytest.raises(ValueError) as refused:
        load_library([broken])
    assert str(refused.value) == (
        f"{broken.slug}: a strength move needs at least one cue; "
        "a range starts above its end (5 > 2)."
    )
