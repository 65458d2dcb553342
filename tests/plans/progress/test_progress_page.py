"""The progress page: the runner's own at /progress/, and per athlete for their coach."""

import json

import pytest
from django.urls import reverse

from tests.accounts.factories import RunnerProfileFactory
from tests.plans.progress import history
from tests.test_security_headers import INLINE_HANDLER, INLINE_SCRIPT, STYLE_ATTRIBUTE

pytestmark = pytest.mark.django_db


@pytest.fixture
def rita(runner, frozen_now):
    frozen_now(history.NOW)
    RunnerProfileFactory(user=runner, time_zone="UTC")
    history.build(runner)
    return runner


def _chart_data(response) -> dict:
    html = response.content.decode()
    start = html.index('id="chart-data" type="application/json">') + len(
        'id="chart-data" type="application/json">'
    )
    return json.loads(html[start : html.index("</script>", start)])


def test_the_runner_sees_their_weeks_planned_against_done(client, rita):
    client.force_login(rita)
    response = client.get(reverse("plans:progress"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "My progress" in html and "The last 12 weeks" in html
    assert "plan started on Wednesday 4 November 2026" in html
    assert "1 run in a row</strong> followed by your post-run routine" in html
    data = _chart_data(response)
    assert data["labels"] == ["2 Nov", "9 Nov", "16 Nov", "23 Nov"]
    assert data["charts"]["minutes"]["series"] == {
        "Planned": [90, 0, 120, 180], "Done": [31, 0, 147, 60]
    }  # fmt: skip
    assert data["charts"]["distance"]["series"]["Done"] == [5.2, 0, 17.0, 5.0]
    assert data["charts"]["compliance"]["series"]["Done of what was due"] == [56, None, 107, 67]
    assert data["charts"]["compliance"]["bands"] == ["amber", "none", "green", "amber"]
    assert "vendor/chartjs/chart.umd.min.js" in html and "js/progress.js" in html


def test_each_chart_has_a_table_with_the_same_numbers(client, rita):
    client.force_login(rita)
    html = client.get(reverse("plans:progress")).content.decode()
    for table in ("minutes", "distance", "strength", "long", "compliance"):
        assert f'data-testid="table-{table}"' in html
    assert (
        '<td>13.5 <span class="text-muted">(+1 run without an estimate)</span></td><td>17.0</td>'
        in html
    )
    assert "<td>145</td><td>135</td>" in html and "107%</span> on track" in html
    assert html.count('data-testid="compliance-row"') == 4
    assert "Nothing due" in html


def test_distances_in_miles_for_a_runner_in_miles(client, rita):
    rita.runner_profile.distance_unit = "mi"
    rita.runner_profile.save()
    client.force_login(rita)
    response = client.get(reverse("plans:progress"))
    assert "Distances in miles" in response.content.decode()
    assert _chart_data(response)["charts"]["distance"]["series"]["Done"] == [3.2, 0, 10.6, 3.1]


def test_fifty_two_weeks_on_asking_and_twelve_for_anything_else(client, rita):
    client.force_login(rita)
    url = reverse("plans:progress")
    year = client.get(url, {"weeks": "52"}).content.decode()
    assert "The last 52 weeks" in year and 'aria-current="page" data-testid="weeks-52"' in year
    for asked in ("13", "0", "-12", "52.0", "x" * 500):
        refused = client.get(url, {"weeks": asked}).content.decode()
        assert "The last 12 weeks" in refused and "here are the last 12" in refused
    assert "here are the last 12" not in client.get(url).content.decode()


def test_a_runner_with_nothing_planned_yet_is_told_so_without_a_chart(client, other_runner):
    RunnerProfileFactory(user=other_runner, time_zone="UTC")
    client.force_login(other_runner)
    html = client.get(reverse("plans:progress")).content.decode()
    assert "Nothing planned yet" in html and "chart.umd" not in html


# Who may see it


def test_anonymous_is_sent_to_log_in(client, rita):
    for url in (reverse("plans:progress"), reverse("plans:athlete_progress", args=[rita.pk])):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_runner_sees_only_their_own(client, rita, other_runner):
    RunnerProfileFactory(user=other_runner, time_zone="UTC")
    client.force_login(other_runner)
    assert client.get(reverse("plans:athlete_progress", args=[rita.pk])).status_code == 404
    own = client.get(reverse("plans:progress")).content.decode()
    assert "Nothing planned yet" in own and "Rita" not in own
    assert client.get(reverse("plans:athlete_progress", args=[other_runner.pk])).status_code == 200


def test_the_coach_sees_their_athletes_progress(client, rita, coach):
    client.force_login(coach)
    response = client.get(reverse("plans:athlete_progress", args=[rita.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rita Runner’s progress" in html and "followed by their post-run routine" in html
    assert _chart_data(response)["charts"]["minutes"]["series"]["Done"] == [31, 0, 147, 60]
    assert reverse("plans:athlete_calendar", args=[rita.pk]) in html


def test_a_coach_without_a_plan_of_their_own_goes_to_their_dashboard(client, coach):
    client.force_login(coach)
    response = client.get(reverse("plans:progress"))
    assert response.status_code == 302 and response["Location"] == reverse("plans:coach_dashboard")


def test_another_coach_gets_a_404(client, rita, other_coach):
    client.force_login(other_coach)
    assert client.get(reverse("plans:athlete_progress", args=[rita.pk])).status_code == 404
    assert client.get(reverse("plans:squad")).status_code == 200  # their own squad, empty


def test_query_count_is_flat_in_weeks_and_sessions(client, rita, django_assert_num_queries):
    client.force_login(rita)
    url = reverse("plans:progress")
    # user, profile, first planned day, sessions by day, run logs by day, streak
    with django_assert_num_queries(6):
        client.get(url)
    history.build(rita)  # the same history again: twice the sessions and logs
    with django_assert_num_queries(6):
        client.get(url, {"weeks": "52"})


def test_query_count_for_the_coach(client, rita, coach, django_assert_num_queries):
    client.force_login(coach)
    url = reverse("plans:athlete_progress", args=[rita.pk])
    # user, the coaching, profile, first planned day, sessions, run logs, streak
    with django_assert_num_queries(7):
        client.get(url, {"weeks": "52"})


def test_the_chart_pages_hold_nothing_inline_the_policy_would_block(client, rita, coach):
    client.force_login(coach)
    pages = [
        reverse("plans:athlete_progress", args=[rita.pk]),
        reverse("plans:athlete_calendar", args=[rita.pk]),
        reverse("plans:squad"),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert 'type="application/json"' in html or "calendar" in url
        for pattern in (INLINE_SCRIPT, INLINE_HANDLER, STYLE_ATTRIBUTE):
            assert not pattern.search(html), url
