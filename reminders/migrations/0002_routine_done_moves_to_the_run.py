"""The tick of a post-run routine now lives on the run (plans.Session) where the coach's
dashboard reads it without plans importing reminders: copy it there, then drop it here."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def copy_to_runs(apps, schema_editor):
    Reminder = apps.get_model("reminders", "Reminder")
    Session = apps.get_model("plans", "Session")
    ticked = Reminder.objects.filter(session=OuterRef("pk"), routine_done_at__isnull=False)
    Session.objects.filter(reminder__routine_done_at__isnull=False).update(
        routine_done_at=Subquery(ticked.values("routine_done_at")[:1])
    )


def copy_back(apps, schema_editor):
    Reminder = apps.get_model("reminders", "Reminder")
    Session = apps.get_model("plans", "Session")
    ticked = Session.objects.filter(pk=OuterRef("session_id"))
    Reminder.objects.filter(session__routine_done_at__isnull=False).update(
        routine_done_at=Subquery(ticked.values("routine_done_at")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0004_session_routine_done_at"),
        ("reminders", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(copy_to_runs, copy_back),
        migrations.RemoveField(model_name="reminder", name="routine_done_at"),
    ]
