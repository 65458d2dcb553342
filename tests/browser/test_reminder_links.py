"""The pages behind the post-run email's buttons, as a runner on a phone sees them."""

import pytest

from plans.models import Status
from reminders import links
from reminders.models import Reminder
from tests.accounts.factories import RunnerProfileFactory
from tests.plans.factories import SessionExerciseFactory, StrengthSessionFactory
from tests.reminders.conftest import MONDAY, plan_run

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(page):
    page.set_viewport_size({"width": 390, "height": 844})
    return page


def test_the_done_link_asks_then_ticks_the_routine_off_without_a_login(
    live_server, phone, screenshot
):
    profile = RunnerProfileFactory()
    run = plan_run(profile.user)
    reminder = Reminder.objects.get(session=run)
    block = StrengthSessionFactory(runner=profile.user, date=MONDAY, for_run=run)
    SessionExerciseFactory(session=block)
    phone.goto(live_server.url + links.done_path(reminder.pk))
    assert phone.get_by_role("heading", name="Did you do your strength routine?").is_visible()
    assert phone.get_by_text("Calf raise: 2 × 12–15 reps").is_visible()
    screenshot("reminder-done-ask")
    block.refresh_from_db()
    assert block.status == Status.PLANNED  # opening the link changed nothing
    phone.get_by_role("button", name="I did my routine").click()
    phone.wait_for_selector("text=Routine ticked off")
    screenshot("reminder-done")
    block.refresh_from_db()
    assert block.status == Status.DONE


def test_unsubscribing_asks_first_then_confirms(live_server, phone, screenshot):
    profile = RunnerProfileFactory()
    phone.goto(live_server.url + links.unsubscribe_path(profile.user.pk))
    assert profile.user.email not in phone.content()
    screenshot("reminder-unsubscribe")
    phone.get_by_role("button", name="Stop the emails").click()
    phone.wait_for_selector("text=Post-run emails are off")
    screenshot("reminder-unsubscribed")
    profile.refresh_from_db()
    assert not profile.reminders_enabled
