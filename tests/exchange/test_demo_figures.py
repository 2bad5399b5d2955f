"""The demo's figures: the survey's Table 1 as structured claims, and the disagreements the
detector finds in them by itself (the files hold no conflict, only one explanation)."""

import datetime

import pytest

from claims.choices import ClaimState, Quantity
from claims.models import Figure, FigureConflict, Subject

pytestmark = pytest.mark.django_db


def test_every_model_of_table_1_is_a_subject_with_its_release_date(demo):
    models = Subject.objects.filter(released_on__isnull=False, kind="model")

    assert models.count() == 26  # the survey's Table 1, 2020 to 2022
    assert models.get(name="PanGu-α").released_on == datetime.date(2021, 4, 26)
    assert models.get(name="ALM 1.0").released_on == datetime.date(2022, 11, 28)
    # Subjects no figure mentions come with the registry file.
    assert not Figure.objects.filter(subject__name="ALM 1.0").exists()


def test_the_tables_figures_are_published_claims_located_in_the_table(demo):
    table = Figure.objects.filter(claim__first_appeared_locator__startswith="Table 1, row")

    assert table.count() == 70
    assert not table.exclude(claim__state=ClaimState.PUBLISHED).exists()
    pangu = Figure.objects.get(subject__name="PanGu-α", quantity=Quantity.PARAMETERS)
    assert pangu.normalised == 207e9
    assert Figure.objects.get(claim__slug="yuan-1-0-used-more-compute-than-gpt-3").normalised == (
        pytest.approx(4095 * 8.64e19)
    )


def test_the_detector_finds_the_disagreements_in_the_demo_by_itself(demo):
    explained = FigureConflict.objects.exclude(explanation="").get()
    assert explained.figure.subject.name == "BaGuaLu"

    found = {
        (c.figure.subject.name, c.figure.quantity): round(c.ratio, 2)
        for c in FigureConflict.objects.select_related("figure__subject")
    }

    assert found == {
        # 4,095 petaFLOP/s-days (the developers) = 3.54e23 FLOP against the table's 4.1e23
        ("Yuan 1.0", Quantity.TRAINING_COMPUTE): 1.16,
        ("PanGu-α", Quantity.TRAINING_COMPUTE): 1.18,
        ("ERNIE 3.0 Titan", Quantity.TRAINING_COMPUTE): 7.48,
        ("ERNIE 3.0", Quantity.TRAINING_COMPUTE): 9375.0,
        ("BaGuaLu", Quantity.PARAMETERS): 12.0,
    }


def test_plug_in_flop_and_petaflop_days_agree_and_planned_never_conflicts_with_achieved(demo):
    assert not FigureConflict.objects.filter(figure__subject__name="PLUG").exists()
    assert not FigureConflict.objects.filter(figure__subject__name__contains="CPM-2").exists()


def test_the_chart_shows_the_demo(client, demo):
    compute = client.get("/figures/?quantity=training_compute").content.decode()
    parameters = client.get("/figures/?quantity=parameters").content.decode()

    assert compute.count('class="conflict-line"') == 4
    assert parameters.count('class="conflict-line"') == 1  # BaGuaLu
    assert "ERNIE 3.0 Titan" in compute
    assert parameters.count('<g class="point') >= 23
