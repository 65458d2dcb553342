from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import Injury, Invitation, RunnerProfile, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "is_coach", "is_staff", "date_joined"]
    list_filter = ["is_coach", "is_staff", "is_active"]
    search_fields = ["email", "display_name"]
    fieldsets = [
        (None, {"fields": ["email", "email_verified_at", "pending_email", "password"]}),
        ("Profile", {"fields": ["display_name", "is_coach"]}),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


class InjuryInline(admin.TabularInline):
    model = Injury
    extra = 0
    fields = ["area", "started_on", "cleared_on", "was_nothing"]


@admin.register(RunnerProfile)
class RunnerProfileAdmin(admin.ModelAdmin):
    inlines = [InjuryInline]
    list_display = ["user", "runner_type", "time_zone", "injured", "onboarded_at"]
    list_filter = ["runner_type", "injured"]
    search_fields = ["user__email", "user__display_name"]
    list_select_related = ["user"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "coach", "status", "created_at", "expires_at"]
    list_filter = ["status"]
    search_fields = ["email", "coach__email"]
    list_select_related = ["coach"]
