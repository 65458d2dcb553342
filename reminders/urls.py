from django.urls import path

from reminders import views

app_name = "reminders"

urlpatterns = [
    path("done/<str:token>/", views.routine_done, name="done"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
