from django.urls import path

from feeds import views

app_name = "feeds"

urlpatterns = [
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("calendar-links/<str:kind>/new/", views.feed_renew, name="feed_renew"),
    path("sessions/<int:session_id>/workout.fit", views.workout_download, name="workout"),
]
