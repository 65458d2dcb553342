"""The seeded library plus the edge cases it lacks, as builder entries: no database needed.

The seeded part comes from `exercises/library.py` itself (see `tests/plans/seeded.py`), so it
cannot drift; only moves the real library has no example of are written out here.
"""

from plans.builder import LibraryEntry
from tests.plans.seeded import SEEDED

EDGE_CASES = (
    # A jump: the real library holds no plyometrics, which only a coach may allow.
    LibraryEntry(
        slug="jump-squat",
        name="Jump squat",
        kind="strength",
        muscles=frozenset({"quads", "glutes", "calves"}),
        equipment=frozenset({"none"}),
        places=frozenset({"home", "gym", "outdoors"}),
        impact="high",
        plyometric=True,
        rep_min=8,
        rep_max=10,
        leg_heavy=True,
        avoids=frozenset({"knee", "achilles", "shin", "ankle"}),
    ),
    # A move that needs only a small piece of the runner's own kit, portable after a run.
    LibraryEntry(
        slug="band-lateral-walk",
        name="Band lateral walk",
        kind="strength",
        muscles=frozenset({"glutes", "inner_thighs"}),
        equipment=frozenset({"resistance_band"}),
        places=frozenset({"home", "gym", "outdoors"}),
        rep_min=10,
        rep_max=12,
        per_side=True,
        avoids=frozenset({"hip"}),
    ),
)

LIBRARY = SEEDED + EDGE_CASES
STRENGTH = tuple(entry for entry in LIBRARY if entry.kind == "strength")
ACTIVITIES = tuple(entry for entry in LIBRARY if entry.kind == "cross_training")
BY_SLUG = {entry.slug: entry for entry in LIBRARY}
