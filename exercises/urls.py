from django.urls import path

from exercises import views

app_name = "exercises"

urlpatterns = [
    path("", views.exercise_list, name="list"),
    path("new/", views.exercise_new, name="create"),
    path("<slug:slug>/", views.exercise_detail, name="detail"),
    path("<slug:slug>/edit/", views.exercise_edit, name="edit"),
]
