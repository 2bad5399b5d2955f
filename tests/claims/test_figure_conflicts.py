"""Conflict detection: figures for the same thing that disagree are found when written."""

import pytest
from django.core.exceptions import ValidationError

from claims.choices import Bound, Quantity, Rank, Scope
from claims.models import Figure, FigureConflict
from claims.services import conflict_explain, figure_delete, figure_save
from tests.factories import FigureFactory, SubjectFactory

pytestmark = pytest.mark.django_db


def conflicts() -> list[tuple[float, str, str]]:
    return [
        (round(c.ratio, 3), c.figure.stated, c.other.stated)
        for c in FigureConflict.objects.select_related("figure", "other")
    ]


@pytest.fixture
def subject():
    return SubjectFactory(name="PanGu-α")


def test_the_same_compute_in_flop_and_petaflop_days_agrees(subject):
    FigureFactory(subject=subject, quantity=Quantity.TRAINING_COMPUTE, value=3.6e22, unit="FLOP")
    FigureFactory(
        subject=subject, quantity=Quantity.TRAINING_COMPUTE, value=427, unit="petaFLOP/s-days"
    )

    assert conflicts() == []  # 3.69e22 against 3.6e22: 2.5% apart


def test_figures_further_apart_than_the_tolerance_conflict_with_their_ratio(subject):
    FigureFactory(subject=subject, quantity=Quantity.TRAINING_COMPUTE, value=4.1e23, unit="FLOP")
    FigureFactory(subject=subject, quantity=Quantity.TRAINING_COMPUTE, value=4095, unit="PF/s-days")

    assert conflicts() == [(1.159, "4.1 × 10²³ FLOP", "4,095 PF/s-days")]


@pytest.mark.parametrize(
    "other, conflict", [(110, False), (110.5, True), (90.91, False), (90.0, True)]
)
def test_the_tolerance_edge(settings, subject, other, conflict):
    settings.WORKBENCH_FIGURE_TOLERANCE = 0.10
    FigureFactory(subject=subject, value=100)
    FigureFactory(subject=subject, value=other)

    assert bool(conflicts()) is conflict


def test_bounds_are_respected(subject):
    FigureFactory(subject=subject, value=100, bound=Bound.AT_MOST)
    FigureFactory(subject=subject, value=50)  # within "at most 100"
    FigureFactory(subject=subject, value=30, bound=Bound.AT_LEAST)

    assert conflicts() == []

    FigureFactory(subject=subject, value=500)

    assert sorted((stated, other) for _, stated, other in conflicts()) == [
        ("50 B", "500 B"),
        ("at most 100 B", "500 B"),
    ]


def test_ranges_conflict_only_outside_themselves(subject):
    FigureFactory(subject=subject, value=3, lower=1, upper=5)
    FigureFactory(subject=subject, value=4.5)
    assert conflicts() == []

    FigureFactory(subject=subject, value=20)
    assert [c[0] for c in conflicts()] == [pytest.approx(6.667, rel=1e-3), 4.444]


def test_different_scopes_and_different_subjects_or_quantities_never_conflict(subject):
    FigureFactory(subject=subject, value=11, scope=Scope.DENSE)
    FigureFactory(subject=subject, value=198, scope=Scope.MOE_TOTAL)
    FigureFactory(subject=SubjectFactory(), value=1000)
    FigureFactory(subject=subject, quantity=Quantity.ACCELERATORS, value=2048, unit="NPUs")

    assert conflicts() == []


def test_currencies_without_a_rate_are_not_compared(subject):
    FigureFactory(subject=subject, quantity=Quantity.INVESTMENT, value=380, unit="billion CNY")
    FigureFactory(subject=subject, quantity=Quantity.INVESTMENT, value=5, unit="billion USD")
    assert conflicts() == []

    FigureFactory(
        subject=subject,
        quantity=Quantity.INVESTMENT,
        value=380,
        unit="billion CNY",
        usd_rate=0.14,
        usd_rate_on="2025-02-24",
    )
    assert [c[0] for c in conflicts()] == [pytest.approx(10.64)]


def test_a_deprecated_figure_still_conflicts_and_readers_see_why(subject):
    FigureFactory(subject=subject, value=100, rank=Rank.PREFERRED)
    FigureFactory(subject=subject, value=1, rank=Rank.DEPRECATED, rank_reason="A typo.")

    assert len(conflicts()) == 1


def test_editing_a_figure_resolves_or_raises_conflicts_and_keeps_explanations(subject, editor):
    first = FigureFactory(subject=subject, value=100)
    second = FigureFactory(subject=subject, value=1000)
    conflict_explain(conflict=FigureConflict.objects.get(), explanation="Two models.", by=editor)

    note = {"correction_note": "Re-read the source."}
    second.value = 1010
    figure_save(figure=second, by=editor, **note)
    assert FigureConflict.objects.get().explanation == "Two models."
    assert FigureConflict.objects.get().ratio == pytest.approx(10.1)

    second.value = 105
    figure_save(figure=second, by=editor, **note)
    assert conflicts() == []

    second.value = 2000
    figure_save(figure=second, by=editor, **note)
    figure_delete(figure=first, by=editor, **note)
    assert conflicts() == []


def test_moving_a_figure_to_another_subject_clears_its_old_conflicts(subject, editor):
    FigureFactory(subject=subject, value=100)
    moved = FigureFactory(subject=subject, value=1000)
    moved.subject = SubjectFactory()
    figure_save(figure=moved, by=editor, correction_note="Another model.")

    assert conflicts() == []


def test_an_unknown_unit_is_refused_and_nothing_is_saved(subject):
    with pytest.raises(ValidationError) as refused:
        FigureFactory(subject=subject, unit="furlongs")

    assert "Known units: parameters; scale words" in refused.value.message_dict["unit"][0]
    assert not Figure.objects.exists()


def test_changing_or_removing_a_published_claims_figure_is_a_public_correction(subject, editor):
    figure = FigureFactory(subject=subject, value=100)  # adding one needs no note
    assert not figure.claim.corrections.exists()

    figure.value = 120
    with pytest.raises(ValidationError) as refused:
        figure_save(figure=figure, by=editor)
    assert "correction_note" in refused.value.message_dict

    figure_save(figure=figure, by=editor, correction_note="The paper's final count is 120B.")
    with pytest.raises(ValidationError):
        figure_delete(figure=figure, by=editor)
    figure_delete(figure=figure, by=editor, correction_note="The claim gives no figure after all.")

    assert list(figure.claim.corrections.values_list("note", flat=True).order_by("pk")) == [
        "The paper's final count is 120B.",
        "The claim gives no figure after all.",
    ]
