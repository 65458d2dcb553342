"""Every entry DOMAIN.md names, as the library shows it; the dose where DOMAIN.md gives one."""

DOMAIN_STRENGTH = {
    "Calf raise": None,
    "Squat": None,
    "Lunge": None,
    "Leg press": None,
    "Back extension": "10–12 reps",
    "Stability ball leg curl": "6–8 reps",
    "Squat to overhead press": "10–12 reps",
    "Overhead forward lunge": "8 per leg",
}
DOMAIN_POSES = [
    "Downward dog",
    "Big toe pose",
    "Bridge pose",
    "Chair pose",
    "Extended hand-to-big-toe pose",
    "Extended side angle pose",
    "High lunge",
    "Firefly pose",
    "Extended triangle pose",
    "Handstand",
]

DOMAIN_ACTIVITIES = [
    "Swimming",
    "Deep-water running",
    "Rowing",
    "Cycling or spinning",
    "Elliptical trainer",
    "Cross-country skiing",
    "Downhill skiing",
    "Yoga",
    "Ice skating",
    "Speed walking",
    "Tennis",
    "Pilates",
    "Barre",
]

DOMAIN_EXERCISES = [*DOMAIN_STRENGTH, *DOMAIN_ACTIVITIES, *DOMAIN_POSES]
