"""The dashboard rows kept as HTML under the values they show."""

from dataclasses import replace
from datetime import date
from unittest import mock

from plans.coaching import dashboard_rows
from plans.coaching.dashboard_rows import row_html
from plans.coaching.selectors import DashboardLine, SoFar

LINE = DashboardLine(
    athlete_id=7,
    name="Ada Ames",
    onboarded=True,
    injury="",
    silent=False,
    silent_days=7,
    last_activity=date(2026, 12, 3),
    flagged=0,
    minutes=SoFar(done=80, due=80, week=210),
    sessions=SoFar(done=3, due=3, week=7),
    race_date=None,
    race_label="",
    race_days=None,
    group="Tuesday squad",
)


def test_a_row_is_rendered_once_for_the_same_values():
    with mock.patch.object(
        dashboard_rows, "render_to_string", wraps=dashboard_rows.render_to_string
    ) as render:
        first = row_html(LINE)
        again = row_html(replace(LINE))  # equal values, another object
    assert render.call_count == 1
    assert again == first
    assert "Ada Ames" in first and "80 of 80 min due so far" in first and "Tuesday squad" in first


def test_any_changed_value_renders_the_row_again():
    row_html(LINE)
    changed = [
        replace(LINE, minutes=SoFar(done=40, due=80, week=210)),
        replace(LINE, name="Ada Lovelace"),
        replace(LINE, group=""),
        replace(LINE, injury="Knee"),
        replace(LINE, silent=True),
    ]
    html = [row_html(line) for line in changed]
    assert "40 of 80 min due so far" in html[0] and "50%" in html[0]
    assert "Ada Lovelace" in html[1]
    assert "Tuesday squad" not in html[2]
    assert 'data-testid="injured">Knee<' in html[3]
    assert 'data-testid="silent"' in html[4] and 'data-testid="silent"' not in row_html(LINE)


def test_the_kept_rows_are_bounded(monkeypatch):
    monkeypatch.setattr(dashboard_rows, "KEPT_ROWS", 3)
    for athlete_id in range(10):
        row_html(replace(LINE, athlete_id=athlete_id))
    assert len(dashboard_rows._kept) == 3
