from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from accounts import views
from accounts.forms import EmailAuthenticationForm, ResetPasswordForm

app_name = "accounts"

password_urls = [
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            success_url=reverse_lazy("accounts:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="password_change_done",
    ),
    path("password-reset/", views.password_reset, name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            form_class=ResetPasswordForm,
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", authentication_form=EmailAuthenticationForm
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("signup/", views.signup, name="signup"),
    path("onboarding/", views.onboarding, name="onboarding"),
    path("profile/", views.profile, name="profile"),
    path("account/", views.account, name="account"),
    path("email/confirm/<str:token>/", views.email_confirm, name="email_confirm"),
    path("email/confirm-again/", views.email_confirm_resend, name="email_confirm_resend"),
    path("coach/", views.my_coach, name="my_coach"),
    path("athletes/", views.athletes, name="athletes"),
    path("athletes/<int:athlete_id>/", views.athlete, name="athlete"),
    path("athletes/<int:athlete_id>/edit/", views.athlete_edit, name="athlete_edit"),
    path("athletes/<int:athlete_id>/goals/new/", views.goal_new, name="goal_new"),
    path("athletes/<int:athlete_id>/goals/<int:goal_id>/", views.goal_edit, name="goal_edit"),
    path(
        "athletes/<int:athlete_id>/goals/<int:goal_id>/delete/",
        views.goal_delete,
        name="goal_delete",
    ),
    path("athletes/<int:athlete_id>/remove/", views.athlete_remove, name="athlete_remove"),
    path(
        "invitations/<int:invitation_id>/resend/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "invitations/<int:invitation_id>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    *password_urls,
]
