from django.urls import path

from activities import api, views

app_name = "activities"

urlpatterns = [
    path("activities/upload/", views.upload, name="upload"),
    path("athletes/<int:athlete_id>/activities/upload/", views.upload, name="athlete_upload"),
    path("activities/imports/<int:batch_id>/", views.batch, name="batch"),
    path("activities/imports/<int:batch_id>/status/", views.batch_status, name="batch_status"),
    path("activities/<int:activity_id>/", views.detail, name="detail"),
    path("activities/<int:activity_id>/delete/", views.delete, name="delete"),
    path("api/v1/activities/", api.activities, name="api_activities"),
]
