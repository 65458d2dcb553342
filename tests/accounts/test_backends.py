"""The backend that reads each request's signed-in user back with one SQL statement."""

import pytest
from django.urls import reverse

from accounts.backends import AccountBackend
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_it_reads_the_user_back_with_every_field_in_one_query(django_assert_num_queries):
    user = UserFactory(display_name="Ada Ames")
    with django_assert_num_queries(1):
        found = AccountBackend().get_user(user.pk)
    assert found == user
    assert (found.email, found.display_name, found.date_joined) == (
        user.email,
        "Ada Ames",
        user.date_joined,
    )


@pytest.mark.parametrize("user_id", [None, "", "not a number", "12abc"])
def test_an_id_that_is_not_a_number_reads_nobody(user_id, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert AccountBackend().get_user(user_id) is None


def test_a_deleted_or_deactivated_user_is_nobody():
    gone = UserFactory()
    gone_id = gone.pk
    gone.delete()
    inactive = UserFactory(is_active=False)
    assert AccountBackend().get_user(gone_id) is None
    assert AccountBackend().get_user(inactive.pk) is None


def test_logging_in_signs_in_through_it_and_a_deactivated_user_is_signed_out(client):
    user = UserFactory()
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_backend"] == "accounts.backends.AccountBackend"
    assert client.get(reverse("accounts:account")).status_code == 200
    user.is_active = False
    user.save()
    assert client.get(reverse("accounts:account")).status_code == 302
