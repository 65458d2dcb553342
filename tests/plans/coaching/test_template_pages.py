import pytest
from django.urls import reverse

from plans.coaching.lines import LINE_FIELDS
from plans.models import PlanTemplate, TemplateSession
from tests.plans.coaching.conftest import slug


def detail_url(template):
    return reverse("plans:template_detail", args=[template.pk])


def test_anonymous_visitors_are_sent_to_log_in(client, template):
    for url in (
        reverse("plans:template_list"),
        reverse("plans:template_new"),
        detail_url(template),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("stranger", ["other_coach", "runner"])
def test_only_the_coach_who_built_a_template_sees_or_changes_it(
    client, template, stranger, request
):
    client.force_login(request.getfixturevalue(stranger))
    assert client.get(detail_url(template)).status_code == 404
    assert client.get(reverse("plans:template_edit", args=[template.pk])).status_code == 404
    for action in ("template_duplicate", "template_archive"):
        assert client.post(reverse(f"plans:{action}", args=[template.pk])).status_code == 404
    template.refresh_from_db()
    assert not template.archived
    assert PlanTemplate.objects.count() == 1


def test_a_runner_has_no_template_pages(client, runner):
    client.force_login(runner)
    assert client.get(reverse("plans:template_list")).status_code == 404


def test_the_coach_lists_only_their_own_templates(client, template, other_coach):
    PlanTemplate.objects.create(coach=other_coach, name="Not yours", weeks=1)
    client.force_login(template.coach)
    body = client.get(reverse("plans:template_list")).content.decode()
    assert "Base block" in body
    assert "Not yours" not in body


def test_a_coach_creates_a_template_and_lands_on_its_week_grid(client, coach):
    client.force_login(coach)
    response = client.post(
        reverse("plans:template_new"),
        {"name": "Marathon base", "description": "", "runner_type": "competitive", "weeks": 3},
    )
    template = PlanTemplate.objects.get(name="Marathon base")
    assert response.url == detail_url(template)
    body = client.get(response.url).content.decode()
    assert "Week 3" in body and "Week 4" not in body


def test_a_template_is_one_to_twelve_weeks_long(client, coach):
    client.force_login(coach)
    response = client.post(
        reverse("plans:template_new"),
        {"name": "Too long", "runner_type": "competitive", "weeks": 13},
    )
    assert response.status_code == 200
    assert "less than or equal to 12" in response.content.decode()
    assert not PlanTemplate.objects.exists()


def strength_post(**changes):
    data = {
        "week": 1,
        "weekday": 3,
        "kind": "strength",
        "minutes": 30,
        "title": "",
        "exercise_1": slug("back-extension"),
        "sets_1": 3,
        "low_1": 10,
        "high_1": 12,
        "counted_in_1": "reps",
        "exercise_2": slug("stability-ball-leg-curl"),
        "sets_2": 3,
        "low_2": 6,
        "high_2": 8,
        "counted_in_2": "reps",
    }
    data.update(changes)
    return data


def test_the_coach_adds_a_strength_session_with_sets_and_rep_ranges(client, template):
    client.force_login(template.coach)
    response = client.post(detail_url(template), strength_post())
    assert response.status_code == 302
    added = TemplateSession.objects.get(template=template, week_index=1, weekday=3)
    assert added.title == "Strength session"
    body = client.get(detail_url(template)).content.decode()
    assert "Back extension" in body and "3 × 6–8 reps" in body


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "run", "purpose": ""}, "Choose what kind of run it is."),
        ({"kind": "cross_training", "activity": ""}, "Choose the activity."),
        (
            {f"{name}_{n}": "" for name in LINE_FIELDS for n in (1, 2)},
            "needs at least one exercise",
        ),
        ({"low_1": 12, "high_1": 10}, "below its bottom"),
        ({"low_1": 150, "high_1": ""}, "Reps for Back extension go from 1 to 100."),
        (
            {"counted_in_1": "seconds", "low_1": 2, "high_1": 4},
            "Seconds for Back extension go from 5 to 600.",
        ),
        ({"low_1": 0}, "greater than or equal to 1"),
        ({"high_1": 700}, "less than or equal to 600"),
        ({"exercise_2": "", "sets_2": 3}, "Pick the exercise for these numbers."),
        (
            {"counted_in_2": "seconds", "low_2": "", "high_2": ""},
            "Give the seconds for Stability ball leg curl.",
        ),
        ({"week": 2}, "Select a valid choice"),
    ],
)
def test_a_session_that_does_not_add_up_is_refused_with_a_reason(
    client, template, changes, message
):
    client.force_login(template.coach)
    before = template.sessions.count()
    response = client.post(detail_url(template), strength_post(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert template.sessions.count() == before


def test_removing_a_session_from_the_template(client, template):
    client.force_login(template.coach)
    swim = template.sessions.get(title="Swim")
    client.post(reverse("plans:template_session_delete", args=[template.pk, swim.pk]))
    assert not template.sessions.filter(title="Swim").exists()


def test_a_duplicate_copies_every_session_and_exercise(client, template):
    client.force_login(template.coach)
    response = client.post(reverse("plans:template_duplicate", args=[template.pk]))
    copy = PlanTemplate.objects.get(name="Base block (copy)")
    assert response.url == detail_url(copy)
    assert copy.sessions.count() == 3
    strength = copy.sessions.get(kind="strength")
    assert [(e.sets, e.rep_min, e.rep_max) for e in strength.exercises.all()] == [
        (3, 10, 12),
        (3, 6, 8),
    ]


def listed(client, query=""):
    body = client.get(reverse("plans:template_list") + query).content.decode()
    return body.split('data-testid="templates"')[1]


def test_an_archived_template_leaves_the_list_and_can_come_back(client, template):
    client.force_login(template.coach)
    client.post(reverse("plans:template_archive", args=[template.pk]))
    assert "Base block" not in listed(client)
    assert "Base block" in listed(client, "?archived=1")
    client.post(reverse("plans:template_archive", args=[template.pk]))
    assert "Base block" in listed(client)


def test_a_template_cannot_be_shortened_below_its_sessions(client, template):
    client.force_login(template.coach)
    response = client.post(
        reverse("plans:template_edit", args=[template.pk]),
        {"name": "Base block", "runner_type": "recreational", "weeks": 1},
    )
    assert "Week 2 or later holds sessions" in response.content.decode()
    template.refresh_from_db()
    assert template.weeks == 2


def test_the_coach_edits_a_session_its_day_and_its_exercises(client, template):
    strength = template.sessions.get(kind="strength")
    url = reverse("plans:template_session_edit", args=[template.pk, strength.pk])
    client.force_login(template.coach)
    form = client.get(url).content.decode()
    assert 'value="10"' in form and 'value="12"' in form  # the stored rep range, filled in
    response = client.post(
        url,
        strength_post(week=0, weekday=4, exercise_2="", sets_2="", low_2="", high_2="",
                      counted_in_2=""),
    )  # fmt: skip
    assert response.url == detail_url(template)
    strength.refresh_from_db()
    assert (strength.week_index, strength.weekday) == (0, 4)
    assert [item.exercise.slug for item in strength.exercises.all()] == ["back-extension"]


@pytest.mark.parametrize("stranger", ["other_coach", "runner"])
def test_strangers_cannot_edit_a_template_session(client, template, stranger, request):
    strength = template.sessions.get(kind="strength")
    client.force_login(request.getfixturevalue(stranger))
    url = reverse("plans:template_session_edit", args=[template.pk, strength.pk])
    assert client.post(url, strength_post(weekday=4)).status_code == 404
    strength.refresh_from_db()
    assert strength.weekday == 1


def test_a_description_over_2000_characters_is_refused_and_2000_are_kept(client, coach):
    client.force_login(coach)
    data = {"name": "Long notes", "runner_type": "competitive", "weeks": 1}
    response = client.post(reverse("plans:template_new"), {**data, "description": "x" * 2001})
    assert "at most 2000 characters (it has 2001)" in response.content.decode()
    assert not PlanTemplate.objects.exists()
    client.post(reverse("plans:template_new"), {**data, "description": "x" * 2000})
    assert PlanTemplate.objects.get().description == "x" * 2000
