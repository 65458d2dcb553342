"""Each post-run strength block names the run it follows; existing blocks are linked to the run
of the same runner and day that comes before them, one block per run."""

import django.db.models.deletion
from django.db import migrations, models


def link_blocks_to_their_runs(apps, schema_editor):
    Session = apps.get_model("plans", "Session")
    sessions = Session.objects.filter(kind__in=["run", "strength"]).order_by(
        "runner_id", "date", "position", "pk"
    )
    day, runs_waiting, linked = None, [], []
    for session in sessions.only("pk", "runner_id", "date", "kind", "post_run").iterator():
        if (session.runner_id, session.date) != day:
            day, runs_waiting = (session.runner_id, session.date), []
        if session.kind == "run":
            runs_waiting.append(session.pk)
        elif session.post_run and runs_waiting:
            session.for_run_id = runs_waiting.pop()
            linked.append(session)
    Session.objects.bulk_update(linked, ["for_run"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0004_session_routine_done_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="session",
            name="for_run",
            field=models.OneToOneField(
                blank=True,
                help_text="The run this post-run block follows; it goes when the run goes.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="post_run_block",
                to="plans.session",
            ),
        ),
        migrations.RunPython(link_blocks_to_their_runs, migrations.RunPython.noop),
    ]
