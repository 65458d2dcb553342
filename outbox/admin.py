from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from outbox.models import Email
from outbox.services import email_retry


@admin.register(Email)
class EmailAdmin(admin.ModelAdmin):
    list_display = ["kind", "to", "state", "attempts", "next_try_at", "sent_at", "last_error"]
    list_filter = ["state", "kind"]
    search_fields = ["to"]
    readonly_fields = ["to", "subject", "text", "html", "headers", "kind", "created_at"]
    actions = ["retry_now"]

    @admin.action(description="Try the chosen failed or waiting emails again now")
    def retry_now(self, request: HttpRequest, queryset: QuerySet[Email]) -> None:
        retried = sum(email_retry(email=email) for email in queryset)
        self.message_user(request, f"{retried} queued again.", messages.SUCCESS)
