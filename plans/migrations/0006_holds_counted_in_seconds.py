"""Holds that the coach's old form stored as reps are counted in seconds again.

Until now the template form offered reps only, and saving a line dropped its seconds and its
per-side flag: a plank went out as "3 × 30–45 reps", a side plank without "per side". The
builder always copies the library's seconds, so a hold with reps and no seconds can only come
from that form (or from a template filled by it and then assigned). The numbers the coach typed
were seconds, since a hold has no reps; they move across, and the library's per-side flag comes
back. Rep moves are left as they are: whether "8" of a lunge meant per leg cannot be known.
"""

from django.db import migrations
from django.db.models import F, Q


def holds_in_seconds(apps, schema_editor):
    Exercise = apps.get_model("exercises", "Exercise")
    holds = Exercise.objects.filter(rep_min__isnull=True, rep_max__isnull=True).filter(
        Q(duration_min_seconds__isnull=False) | Q(duration_max_seconds__isnull=False)
    )
    for name in ("TemplateExercise", "SessionExercise"):
        lines = apps.get_model("plans", name).objects.filter(
            Q(rep_min__isnull=False) | Q(rep_max__isnull=False),
            duration_min__isnull=True,
            duration_max__isnull=True,
        )
        for per_side in (False, True):
            lines.filter(exercise__in=holds.filter(per_side=per_side)).update(
                duration_min=F("rep_min"),
                duration_max=F("rep_max"),
                rep_min=None,
                rep_max=None,
                per_side=per_side,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("exercises", "0001_initial"),
        ("plans", "0005_post_run_block_for_run"),
    ]

    operations = [
        # Going back leaves the seconds in place: they are what the coach meant.
        migrations.RunPython(holds_in_seconds, migrations.RunPython.noop),
    ]
