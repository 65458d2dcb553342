from datetime import timedelta

import pytest
from django.utils import timezone


def week_data(available: dict[int, int]) -> dict:
    """POST data of the weekday table: {weekday: minutes} for the days the runner can train."""
    data = {"long_run_day": ""}
    for day in range(7):
        if day in available:
            data[f"available_{day}"] = "on"
        data[f"minutes_{day}"] = str(available.get(day, 0))
        data[f"time_{day}"] = "07:30" if day in available else ""
    return data


@pytest.fixture
def profile_post():
    """A valid onboarding form: recreational, four days, a 10 km race in ten weeks, not injured."""
    race_date = timezone.localdate() + timedelta(weeks=10)
    return {
        "runner_type": "recreational",
        **week_data({0: 40, 2: 45, 4: 40, 6: 75}),
        "long_run_day": "6",
        "race_distance": "10k",
        "race_date": race_date.isoformat(),
        "race_target_time": "0:58:00",
        "pb_distance": "",
        "process_focuses": ["sleep"],
        "liked_activities": ["swimming", "cycling"],
        "equipment": ["none", "dumbbells"],
        "places": ["home"],
        "time_zone": "Europe/Madrid",
        "distance_unit": "km",
        "reminders_enabled": "on",
        "reminder_delay_minutes": "20",
        "quiet_hours_start": "22:00",
        "quiet_hours_end": "07:00",
    }
