"""Figures moved from their own app into claims (claims/migrations/0006): a database that holds
figures under the old schema comes through the move with every row, history record and
permission intact."""

import pytest
from django.contrib.auth.models import Group

from claims.models import Figure, FigureConflict, Subject
from tests.migrating import migrate, newest

BEFORE_THE_MOVE = [("claims", "0005_claim_verdict_index"), ("figures", "0002_editor_permissions")]


@pytest.mark.django_db(transaction=True)
def test_a_database_with_figures_loses_nothing_when_they_move_into_claims():
    old = migrate(BEFORE_THE_MOVE)
    # As figures/migrations/0002 left it: editors may change figures and explain conflicts.
    editors, _ = old.get_model("auth", "Group").objects.get_or_create(name="Editors")
    editors.permissions.add(
        *old.get_model("auth", "Permission").objects.filter(
            content_type__app_label="figures",
            codename__in=["change_figure", "change_figureconflict"],
        )
    )
    granted_before = set(
        editors.permissions.filter(content_type__app_label="figures").values_list(
            "codename", flat=True
        )
    )
    user = old.get_model("auth", "User").objects.create(username="editor")
    source = old.get_model("sources", "Source").objects.create(
        title="GovAI survey", slug="govai", url=""
    )
    Claim = old.get_model("claims", "Claim")
    first, second = (
        Claim.objects.create(
            statement=f"PanGu-α has {n} billion parameters.",
            slug=f"pangu-{n}",
            claimant="Huawei",
            first_appeared_in=source,
        )
        for n in (200, 207)
    )
    subject = old.get_model("figures", "Subject").objects.create(name="PanGu-α", slug="pangu")
    OldFigure = old.get_model("figures", "Figure")
    figures = [
        OldFigure.objects.create(
            claim=claim,
            subject=subject,
            quantity="parameters",
            value=value,
            unit="B",
            normalised=value * 1e9,
            normalised_lower=value * 1e9,
            normalised_upper=value * 1e9,
            normalised_unit="parameter",
            created_by=user,
        )
        for claim, value in [(first, 200), (second, 207)]
    ]
    old.get_model("figures", "FigureConflict").objects.create(
        figure=figures[0], other=figures[1], ratio=1.035, explanation="Rounded in the press."
    )
    old.get_model("figures", "HistoricalFigure").objects.create(
        id=figures[0].pk,
        claim=first,
        subject=subject,
        quantity="parameters",
        value=200,
        unit="B",
        normalised=2e11,
        normalised_lower=2e11,
        normalised_upper=2e11,
        normalised_unit="parameter",
        created_at="2026-01-01T00:00:00Z",
        updated_at="2026-01-01T00:00:00Z",
        history_date="2026-01-01T00:00:00Z",
        history_type="+",
        history_user=user,
    )

    migrate(newest())

    assert Subject.objects.get().name == "PanGu-α"
    assert sorted(Figure.objects.values_list("claim__slug", "value")) == [
        ("pangu-200", 200),
        ("pangu-207", 207),
    ]
    assert FigureConflict.objects.get().explanation == "Rounded in the press."
    assert Figure.objects.get(value=200).history.get().history_user.username == "editor"
    # Permissions granted on figures before the move still hold, now as the claims app's.
    editors = Group.objects.get(name="Editors")
    granted = set(editors.permissions.values_list("content_type__app_label", "codename"))
    assert {("claims", codename) for codename in granted_before} <= granted
    assert {"change_figure", "change_figureconflict"} <= granted_before
    assert not editors.permissions.filter(content_type__app_label="figures").exists()
