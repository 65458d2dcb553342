from django.contrib import admin
from django.urls import include, path

from config import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("accounts.urls")),
    path("accounts/tokens/", include("apitokens.urls")),
    path("accounts/", include("privacy.urls")),
    path("exercises/", include("exercises.urls")),
    path("", include("plans.urls")),
    path("reminders/", include("reminders.urls")),
    path("", include("activities.urls")),
    path("", include("feeds.urls")),
    path("", include("config.api_urls")),
    path("admin/", admin.site.urls),
]

handler404 = "config.views.not_found"
handler500 = "config.views.server_error"
