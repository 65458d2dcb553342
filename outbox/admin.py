from django.contrib import admin

from outbox.models import Email


@admin.register(Email)
class EmailAdmin(admin.ModelAdmin):
    list_display = ["kind", "to", "state", "attempts", "next_try_at", "sent_at", "last_error"]
    list_filter = ["state", "kind"]
    search_fields = ["to"]
    readonly_fields = ["to", "subject", "text", "html", "headers", "kind", "created_at"]
