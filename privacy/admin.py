from django.contrib import admin

from privacy.models import DataExport, FormerAthlete


@admin.register(DataExport)
class DataExportAdmin(admin.ModelAdmin):
    list_display = ("user", "state", "progress", "size_bytes", "created_at", "finished_at")
    list_filter = ("state",)
    exclude = ("archive",)  # the zip is the person's, downloaded only by them
    readonly_fields = ("user", "state", "progress", "attempts", "size_bytes", "finished_at")


@admin.register(FormerAthlete)
class FormerAthleteAdmin(admin.ModelAdmin):
    list_display = ("coach", "started_at", "ended_at")
