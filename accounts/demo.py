"""Demo accounts that `make run` loads; loading twice changes nothing."""

from datetime import time, timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import Coaching, GoalKind, RunnerProfile, User
from accounts.services import CommitmentData, profile_save
from exercises.vocabulary import Activity, Equipment, Place

DEMO_PASSWORD = "runstrong-demo"
DEMO_RUNNER_EMAIL = "runner@demo.runstrong.local"
DEMO_COACH_EMAIL = "coach@demo.runstrong.local"

# weekday: (minutes, usual run time); the days not listed are free of training.
DEMO_WEEK = {
    0: (45, time(7, 0)),
    2: (45, time(7, 0)),
    4: (40, time(18, 0)),
    5: (60, time(9, 0)),
    6: (90, time(9, 0)),
}


def ensure_user(email: str, **fields) -> User:
    # Demo addresses reach nobody, so they count as confirmed from the start.
    user, created = User.objects.get_or_create(
        email=email, defaults={"email_verified_at": timezone.now(), **fields}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def ensure_runner_profile(user: User) -> None:
    if RunnerProfile.objects.filter(user=user, onboarded_at__isnull=False).exists():
        return
    profile_save(
        user=user,
        profile_fields={
            "runner_type": "recreational",
            "time_zone": "Europe/London",
            "long_run_day": 6,
            "liked_activities": [Activity.SWIMMING, Activity.CYCLING],
            "equipment": [Equipment.NONE, Equipment.STABILITY_BALL, Equipment.DUMBBELLS],
            "places": [Place.HOME, Place.GYM],
            # So that a newcomer who logs a run sees its reminder at once under `make run`.
            "reminder_delay_minutes": 0,
        },
        commitments=[
            CommitmentData(
                weekday=day,
                available=day in DEMO_WEEK,
                minutes=DEMO_WEEK.get(day, (0, None))[0],
                usual_run_time=DEMO_WEEK.get(day, (0, None))[1],
            )
            for day in range(7)
        ],
        goals=[
            {
                "kind": GoalKind.RACE,
                "distance": "10k",
                "race_date": timezone.localdate() + timedelta(weeks=10),
                "target_time": timedelta(minutes=55),
            }
        ],
    )


@transaction.atomic
def load_demo_accounts() -> dict[str, User]:
    runner = ensure_user(DEMO_RUNNER_EMAIL, display_name="Robin Runner")
    coach = ensure_user(DEMO_COACH_EMAIL, display_name="Casey Coach", is_coach=True)
    ensure_runner_profile(runner)
    if not Coaching.objects.current().filter(athlete=runner).exists():
        Coaching.objects.create(coach=coach, athlete=runner)
    return {"runner": runner, "coach": coach}
