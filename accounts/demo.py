"""Demo accounts that `make run` loads; loading twice changes nothing."""

from accounts.models import User

DEMO_PASSWORD = "runstrong-demo"
DEMO_RUNNER_EMAIL = "runner@demo.runstrong.local"
DEMO_COACH_EMAIL = "coach@demo.runstrong.local"


def ensure_user(email: str, **fields) -> User:
    user, created = User.objects.get_or_create(email=email, defaults=fields)
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def load_demo_accounts() -> dict[str, User]:
    return {
        "runner": ensure_user(DEMO_RUNNER_EMAIL, display_name="Robin Runner"),
        "coach": ensure_user(DEMO_COACH_EMAIL, display_name="Casey Coach", is_coach=True),
    }
