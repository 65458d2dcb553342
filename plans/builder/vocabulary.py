"""Words the builder speaks: mirrors of exercises.vocabulary (a test keeps them equal)."""

KINDS = ("strength", "cross_training", "yoga", "mobility")
MUSCLES = (
    "calves",
    "quads",
    "hamstrings",
    "glutes",
    "inner_thighs",
    "core",
    "back",
    "shoulders",
    "full_body",
)
EQUIPMENT = (
    "none",
    "stability_ball",
    "dumbbells",
    "barbell",
    "leg_press_machine",
    "resistance_band",
    "kickboard",
    "rowing_machine",
    "bike",
    "elliptical",
    "skis",
    "skates",
    "mat",
)
PLACES = ("home", "gym", "pool", "outdoors")
IMPACTS = ("none", "low", "high")
INJURY_AREAS = ("knee", "achilles", "shin", "hip", "back", "ankle")
ACTIVITIES = (
    "swimming",
    "deep-water-running",
    "rowing",
    "cycling",
    "elliptical",
    "cross-country-skiing",
    "downhill-skiing",
    "yoga",
    "ice-skating",
    "speed-walking",
    "tennis",
    "pilates",
    "barre",
)

RUNNER_TYPES = ("recreational", "competitive")
DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
