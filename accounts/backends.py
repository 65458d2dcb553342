"""How a request's signed-in user is read: Django's model backend, with the one query every
signed-in request makes written as SQL."""

import functools
from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.db import connection

from accounts.models import User


class AccountBackend(ModelBackend):
    """Signs in as Django's `ModelBackend` does. Reading the user back on each request skips
    building the ORM query, which cost more than the query itself on a cached week page."""

    def get_user(self, user_id: Any) -> User | None:
        try:
            pk = int(user_id)
        except (TypeError, ValueError):
            return None
        user = next(iter(User._default_manager.raw(_user_by_id_sql(), [pk])), None)
        return user if user is not None and self.user_can_authenticate(user) else None


@functools.cache
def _user_by_id_sql() -> str:
    return f"SELECT * FROM {connection.ops.quote_name(User._meta.db_table)} WHERE id = %s"
