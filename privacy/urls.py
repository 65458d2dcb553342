from django.urls import path

from privacy import views

app_name = "privacy"

urlpatterns = [
    path("data/", views.data, name="data"),
    path("data/export/", views.export_request, name="export_request"),
    path("data/export/<int:export_id>/status/", views.export_status, name="export_status"),
    path("data/export/<int:export_id>/download/", views.export_download, name="export_download"),
    path("delete/", views.account_delete, name="account_delete"),
]
