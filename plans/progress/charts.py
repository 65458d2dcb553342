"""What the progress charts draw, as the JSON the pages embed (`json_script`): the numbers are
the server's; static/js/progress.js only draws them."""

from typing import Any

from plans.progress.selectors import BANDS, Progress, SquadWeek

BAND_LABELS = {
    "green": "On track (80–120%)",
    "amber": "Worth a look (50–79% or 121–150%)",
    "red": "Time to talk (below 50% or above 150%)",
    "none": "Nothing due",
}


def _label(week: Any) -> str:
    return f"{week.monday:%-d %b}"


def progress_data(progress: Progress) -> dict[str, Any]:
    """One series per line or bar; a week before the runner's plan began is left out."""
    weeks = progress.shown
    unit = progress.unit
    return {
        "labels": [_label(week) for week in weeks],
        "charts": {
            "minutes": {
                "type": "bar",
                "unit": "min",
                "series": {
                    "Planned": [w.run_minutes_planned for w in weeks],
                    "Done": [w.run_minutes_done for w in weeks],
                },
            },
            "distance": {
                "type": "bar",
                "unit": unit,
                "series": {
                    "Planned": [w.distance_planned for w in weeks],
                    "Done": [w.distance_done for w in weeks],
                },
            },
            "strength": {
                "type": "bar",
                "unit": "",
                "series": {
                    "Strength sessions": [w.strength_done for w in weeks],
                    "Runs followed by their routine": [w.routines_done for w in weeks],
                },
            },
            "long": {
                "type": "line",
                "unit": "min",
                "series": {
                    "Planned": [w.long_minutes_planned for w in weeks],
                    "Done": [w.long_minutes_done for w in weeks],
                },
            },
            "compliance": {
                "type": "bar",
                "unit": "%",
                "series": {
                    "Done of what was due": [
                        w.compliance.percent if w.compliance.due else None for w in weeks
                    ],
                },
                "bands": [w.band for w in weeks],
            },
        },
    }


def squad_data(weeks: list[SquadWeek]) -> dict[str, Any]:
    return {
        "labels": [_label(week) for week in weeks],
        "charts": {
            "squad": {
                "type": "stacked",
                "unit": "athletes",
                "series": {BAND_LABELS[name]: [w.bands[name] for w in weeks] for name in BANDS},
                "bands": list(BANDS),
                "mean": [w.mean for w in weeks],
            },
        },
    }
