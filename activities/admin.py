from django.contrib import admin

from activities.models import Activity, ImportBatch, ImportItem


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["started_at", "runner", "sport", "distance_m", "moving_seconds", "file_format"]
    list_filter = ["sport", "file_format"]
    search_fields = ["runner__email", "file_name", "file_sha256"]
    date_hierarchy = "started_at"
    raw_id_fields = ["runner", "uploaded_by", "session", "run_log"]
    exclude = ["track"]  # a few hundred points: not for reading in a form


class ImportItemInline(admin.TabularInline):
    model = ImportItem
    extra = 0
    fields = readonly_fields = ("position", "name", "outcome", "message", "activity")


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["created_at", "runner", "archive_name", "state", "finished_at"]
    list_filter = ["state"]
    search_fields = ["runner__email", "archive_name"]
    raw_id_fields = ["runner", "uploaded_by"]
    exclude = ["archive"]
    inlines = [ImportItemInline]
