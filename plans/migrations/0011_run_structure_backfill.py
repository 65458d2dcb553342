"""Runs planned before runs had steps get them, by effort (no paces: the baseline is worked out
when weeks are planned). Runs the runner added by logging them stay without, as new ones do."""

from collections import defaultdict
from datetime import timedelta

from django.db import migrations

BATCH = 500


def backfill(apps, schema_editor):
    # The builder is pure Python with no models: safe to use from a migration.
    from plans.builder import phase_for, run_structure
    from plans.runs import structure_json

    Session = apps.get_model("plans", "Session")
    Goal = apps.get_model("accounts", "Goal")
    races = defaultdict(list)
    for user_id, race_date in Goal.objects.filter(kind="race", race_date__isnull=False).values_list(
        "profile__user_id", "race_date"
    ):
        races[user_id].append(race_date)
    runs = Session.objects.filter(kind="run", structure=[]).exclude(source="runner")
    changed = []
    for run in runs.iterator(chunk_size=BATCH):
        monday = run.date - timedelta(days=run.date.weekday())
        race = min((day for day in races[run.runner_id] if day >= monday), default=None)
        steps = run_structure(run.purpose or "easy", run.minutes, phase_for(monday, race), None)
        run.structure = structure_json(steps)
        changed.append(run)
        if len(changed) == BATCH:
            Session.objects.bulk_update(changed, ["structure"])
            changed = []
    Session.objects.bulk_update(changed, ["structure"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_runner_profile_and_invitations"),
        ("plans", "0010_session_structure_and_distance"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
