from django.urls import path

from apitokens import views

app_name = "apitokens"

urlpatterns = [
    path("new/", views.token_new, name="new"),
    path("<int:token_id>/revoke/", views.token_revoke, name="revoke"),
]
