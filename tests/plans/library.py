"""A library like the seeded one, as builder entries: the builder's tests need no database."""

from plans.builder import LibraryEntry

ALL_AREAS = frozenset({"knee", "achilles", "shin", "hip", "back", "ankle"})
HOME_GYM = frozenset({"home", "gym"})
ANYWHERE = frozenset({"home", "gym", "outdoors"})
NOTHING = frozenset({"none"})


def _strength(slug: str, name: str, muscles: set[str], **extra) -> LibraryEntry:
    return LibraryEntry(
        slug=slug,
        name=name,
        kind="strength",
        muscles=frozenset(muscles),
        equipment=frozenset(extra.pop("equipment", NOTHING)),
        places=frozenset(extra.pop("places", ANYWHERE)),
        impact=extra.pop("impact", "low"),
        avoids=frozenset(extra.pop("avoids", ())),
        **extra,
    )


def _activity(slug: str, name: str, muscles: set[str], **extra) -> LibraryEntry:
    return LibraryEntry(
        slug=slug,
        name=name,
        kind="cross_training",
        muscles=frozenset(muscles),
        equipment=frozenset(extra.pop("equipment", NOTHING)),
        places=frozenset(extra.pop("places")),
        impact=extra.pop("impact"),
        suits=frozenset(extra.pop("suits", ())),
        avoids=frozenset(extra.pop("avoids", ())),
        default_sets=1,
        **extra,
    )


def _pose(slug: str, name: str, muscles: set[str]) -> LibraryEntry:
    return LibraryEntry(
        slug=slug,
        name=name,
        kind="yoga",
        muscles=frozenset(muscles),
        equipment=frozenset({"mat", "none"}),
        places=HOME_GYM,
        impact="none",
        duration_min=30,
        duration_max=60,
        default_sets=1,
    )


STRENGTH = (
    _strength("calf-raise", "Calf raise", {"calves"}, rep_min=12, rep_max=15, avoids={"achilles"}),
    _strength(
        "squat",
        "Squat",
        {"glutes", "quads", "hamstrings"},
        equipment={"none", "dumbbells", "barbell"},
        rep_min=10,
        rep_max=12,
        leg_heavy=True,
        avoids={"knee"},
    ),
    _strength(
        "lunge",
        "Forward lunge",
        {"quads", "glutes"},
        equipment={"none", "dumbbells"},
        rep_min=8,
        rep_max=10,
        per_side=True,
        leg_heavy=True,
        avoids={"knee"},
    ),
    _strength(
        "leg-press",
        "Leg press",
        {"quads", "glutes", "hamstrings"},
        equipment={"leg_press_machine"},
        places={"gym"},
        rep_min=10,
        rep_max=12,
        leg_heavy=True,
        avoids={"knee", "back"},
    ),
    _strength(
        "back-extension",
        "Back extension",
        {"back", "glutes", "core"},
        equipment={"stability_ball", "mat"},
        places=HOME_GYM,
        rep_min=10,
        rep_max=12,
        avoids={"back"},
    ),
    _strength(
        "stability-ball-leg-curl",
        "Stability ball leg curl",
        {"hamstrings", "glutes", "core"},
        equipment={"stability_ball"},
        places=HOME_GYM,
        rep_min=6,
        rep_max=8,
        leg_heavy=True,
    ),
    _strength(
        "squat-to-overhead-press",
        "Squat to overhead press",
        {"quads", "glutes", "shoulders"},
        equipment={"none", "dumbbells"},
        rep_min=10,
        rep_max=12,
        leg_heavy=True,
        avoids={"knee"},
    ),
    _strength(
        "overhead-forward-lunge",
        "Overhead forward lunge",
        {"quads", "glutes", "core", "shoulders"},
        equipment={"dumbbells"},
        places=HOME_GYM,
        rep_min=8,
        rep_max=8,
        per_side=True,
        leg_heavy=True,
        avoids={"knee"},
    ),
    _strength(
        "glute-bridge", "Glute bridge", {"glutes", "hamstrings", "core"}, rep_min=12, rep_max=15
    ),
    _strength(
        "plank",
        "Plank",
        {"core", "shoulders", "back"},
        duration_min=30,
        duration_max=45,
        default_sets=2,
    ),
    _strength(
        "side-plank",
        "Side plank",
        {"core", "inner_thighs"},
        duration_min=20,
        duration_max=30,
        per_side=True,
        default_sets=2,
    ),
    _strength(
        "side-lying-leg-lift",
        "Side-lying leg lift",
        {"inner_thighs", "glutes"},
        rep_min=12,
        rep_max=15,
        per_side=True,
        default_sets=2,
        avoids={"hip"},
    ),
    _strength(
        "band-lateral-walk",
        "Band lateral walk",
        {"glutes", "inner_thighs"},
        equipment={"resistance_band"},
        rep_min=10,
        rep_max=12,
        per_side=True,
        avoids={"hip"},
    ),
    _strength(
        "jump-squat",
        "Jump squat",
        {"quads", "glutes", "calves"},
        impact="high",
        plyometric=True,
        rep_min=8,
        rep_max=10,
        leg_heavy=True,
        avoids={"knee", "achilles", "shin", "ankle"},
    ),
)

ACTIVITIES = (
    _activity(
        "swimming",
        "Swimming",
        {"full_body", "shoulders"},
        equipment={"none", "kickboard"},
        places={"pool"},
        impact="none",
        suits=ALL_AREAS,
    ),
    _activity(
        "deep-water-running",
        "Deep-water running",
        {"quads", "hamstrings", "glutes", "core"},
        places={"pool"},
        impact="none",
        suits=ALL_AREAS,
    ),
    _activity(
        "rowing",
        "Rowing",
        {"full_body", "back"},
        equipment={"rowing_machine"},
        places=HOME_GYM,
        impact="low",
        avoids={"back"},
    ),
    _activity(
        "cycling",
        "Cycling or spinning",
        {"quads", "glutes"},
        equipment={"bike"},
        places=ANYWHERE,
        impact="low",
        suits=ALL_AREAS,
    ),
    _activity(
        "elliptical",
        "Elliptical trainer",
        {"quads", "glutes", "hamstrings"},
        equipment={"elliptical"},
        places=HOME_GYM,
        impact="low",
        suits=ALL_AREAS - {"back"},
    ),
    _activity(
        "cross-country-skiing",
        "Cross-country skiing",
        {"full_body"},
        equipment={"skis"},
        places={"outdoors"},
        impact="low",
    ),
    _activity(
        "downhill-skiing",
        "Downhill skiing",
        {"quads", "core"},
        equipment={"skis"},
        places={"outdoors"},
        impact="high",
        avoids={"knee"},
    ),
    _activity("yoga", "Yoga", {"full_body"}, places=HOME_GYM, impact="none"),
    _activity(
        "ice-skating",
        "Ice skating",
        {"glutes", "quads", "back"},
        equipment={"skates"},
        places={"outdoors"},
        impact="low",
        suits={"knee", "achilles", "shin"},
        avoids={"ankle"},
    ),
    _activity("speed-walking", "Speed walking", {"calves"}, places={"outdoors"}, impact="low"),
    _activity(
        "tennis",
        "Tennis",
        {"full_body"},
        places={"outdoors"},
        impact="high",
        avoids={"achilles", "ankle"},
    ),
    _activity("pilates", "Pilates", {"core"}, places=HOME_GYM, impact="none"),
    _activity("barre", "Barre", {"glutes", "inner_thighs", "core"}, places=HOME_GYM, impact="low"),
    _activity(
        "soccer", "Soccer", {"full_body"}, places={"outdoors"}, impact="high", running_sport=True
    ),
    _activity(
        "rugby", "Rugby", {"full_body"}, places={"outdoors"}, impact="high", running_sport=True
    ),
)

POSES = (
    _pose("downward-dog", "Downward dog", {"calves", "hamstrings", "shoulders"}),
    _pose("big-toe-pose", "Big toe pose", {"hamstrings"}),
    _pose("bridge-pose", "Bridge pose", {"glutes", "back"}),
    _pose("chair-pose", "Chair pose", {"quads", "glutes"}),
    _pose("extended-hand-to-big-toe", "Extended hand-to-big-toe pose", {"hamstrings", "core"}),
    _pose("extended-side-angle", "Extended side angle pose", {"quads", "inner_thighs"}),
    _pose("high-lunge", "High lunge", {"quads", "glutes"}),
    _pose("firefly", "Firefly pose", {"core", "shoulders", "inner_thighs"}),
    _pose("extended-triangle", "Extended triangle pose", {"hamstrings", "inner_thighs"}),
    _pose("handstand", "Handstand", {"shoulders", "core"}),
)

LIBRARY = STRENGTH + ACTIVITIES + POSES
BY_SLUG = {entry.slug: entry for entry in LIBRARY}
