"""The words the library, the runner profile and the plan builder share.

Stored values are plain strings so that `plans.builder` can use them without Django.
"""

from django.db import models


class Kind(models.TextChoices):
    STRENGTH = "strength", "Strength"
    CROSS_TRAINING = "cross_training", "Cross-training activity"
    YOGA = "yoga", "Yoga pose"
    MOBILITY = "mobility", "Mobility"


class Muscle(models.TextChoices):
    CALVES = "calves", "Calves"
    QUADS = "quads", "Quads"
    HAMSTRINGS = "hamstrings", "Hamstrings"
    GLUTES = "glutes", "Glutes"
    INNER_THIGHS = "inner_thighs", "Inner thighs"
    CORE = "core", "Core"
    BACK = "back", "Back"
    SHOULDERS = "shoulders", "Shoulders"
    FULL_BODY = "full_body", "Full body"


class Equipment(models.TextChoices):
    NONE = "none", "No equipment"
    STABILITY_BALL = "stability_ball", "Stability ball"
    DUMBBELLS = "dumbbells", "Dumbbells"
    BARBELL = "barbell", "Barbell"
    LEG_PRESS_MACHINE = "leg_press_machine", "Leg press machine"
    RESISTANCE_BAND = "resistance_band", "Resistance band"
    KICKBOARD = "kickboard", "Kickboard"
    ROWING_MACHINE = "rowing_machine", "Rowing machine"
    BIKE = "bike", "Bike"
    ELLIPTICAL = "elliptical", "Elliptical trainer"
    SKIS = "skis", "Skis"
    SKATES = "skates", "Skates"
    MAT = "mat", "Mat"


class Place(models.TextChoices):
    HOME = "home", "Home"
    GYM = "gym", "Gym"
    POOL = "pool", "Pool"
    OUTDOORS = "outdoors", "Outdoors"


class Impact(models.TextChoices):
    NONE = "none", "No impact"
    LOW = "low", "Low impact"
    HIGH = "high", "High impact"


class InjuryArea(models.TextChoices):
    KNEE = "knee", "Knee"
    ACHILLES = "achilles", "Achilles"
    SHIN = "shin", "Shin"
    HIP = "hip", "Hip"
    BACK = "back", "Back"
    ANKLE = "ankle", "Ankle"


class Activity(models.TextChoices):
    """The cross-training activities of the seeded library; each value is its exercise slug."""

    SWIMMING = "swimming", "Swimming"
    DEEP_WATER_RUNNING = "deep-water-running", "Deep-water running"
    ROWING = "rowing", "Rowing"
    CYCLING = "cycling", "Cycling or spinning"
    ELLIPTICAL = "elliptical", "Elliptical trainer"
    CROSS_COUNTRY_SKIING = "cross-country-skiing", "Cross-country skiing"
    DOWNHILL_SKIING = "downhill-skiing", "Downhill skiing"
    YOGA = "yoga", "Yoga"
    ICE_SKATING = "ice-skating", "Ice skating"
    SPEED_WALKING = "speed-walking", "Speed walking"
    TENNIS = "tennis", "Tennis"
    PILATES = "pilates", "Pilates"
    BARRE = "barre", "Barre"
