"""The season chart draws for a runner with a half marathon 16 weeks out."""

from datetime import timedelta

import pytest

from accounts.models import Commitment
from plans.services import monday_of
from tests.accounts.factories import RaceGoalFactory, RunnerProfileFactory
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a long enough password"


def test_the_season_chart_draws_and_the_table_holds_every_week(live_server, page, screenshot):
    user = UserFactory(email="hana@example.com")
    user.set_password(PASSWORD)
    user.save()
    profile = RunnerProfileFactory(user=user, time_zone="UTC")
    Commitment.objects.filter(profile=profile, available=True).update(minutes=75)
    race_day = monday_of(profile.today()) + timedelta(weeks=15, days=6)
    RaceGoalFactory(profile=profile, distance="half", race_date=race_day)

    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/week/")
    page.get_by_role("link", name="My season").click()
    page.wait_for_url("**/season/")

    canvas = page.locator("#season-chart")
    canvas.wait_for()
    box = canvas.bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] > 100
    # Drawn: the canvas holds pixels that are not transparent.
    painted = page.evaluate(
        """() => {
            const canvas = document.getElementById("season-chart");
            const context = canvas.getContext("2d");
            const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
            let count = 0;
            for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) count++;
            return count;
        }"""
    )
    assert painted > 1000
    assert page.evaluate("() => Chart.getChart('season-chart').data.datasets[0].data.length") == 16
    assert page.locator("[data-testid=season-week]").count() == 16
    assert page.locator("[data-testid=taper]").count() == 2
    screenshot("season-half-marathon")
