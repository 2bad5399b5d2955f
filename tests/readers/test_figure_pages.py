"""What readers see of figures: the claim page, /contested/ and the chart; what editors enter."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.choices import ClaimState, Quantity, Rank, Verdict
from claims.models import Figure, FigureConflict
from claims.services import conflict_explain
from tests.admin_forms import inline_post
from tests.factories import ClaimFactory, FigureFactory, PublishedClaimFactory, SubjectFactory

pytestmark = pytest.mark.django_db

CHART = reverse("figures:chart")
CONTESTED = reverse("figures:contested")


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def yuan(editor):
    subject = SubjectFactory(name="Yuan 1.0", released_on="2021-10-10")
    paper = FigureFactory(
        subject=subject,
        quantity=Quantity.TRAINING_COMPUTE,
        value=4095,
        unit="petaFLOP/s-days",
        rank=Rank.PREFERRED,
        rank_reason="The developers' own figure.",
        claim=PublishedClaimFactory(statement="Yuan 1.0 took 4,095 petaFLOP/s-days."),
    )
    table = FigureFactory(
        subject=subject,
        quantity=Quantity.TRAINING_COMPUTE,
        value=4.1e23,
        unit="FLOP",
        claim=PublishedClaimFactory(
            statement="Yuan 1.0 took 4.1e23 FLOPs.", verdict=Verdict.MOSTLY_ACCURATE
        ),
    )
    return paper, table


def test_a_claim_page_shows_its_figure_the_others_and_the_conflict(client, yuan, editor):
    paper, table = yuan
    conflict_explain(
        conflict=FigureConflict.objects.get(), explanation="Different token counts.", by=editor
    )

    page = text(client.get(paper.claim.get_absolute_url()))

    assert "Training compute of Yuan 1.0 (released October 2021)" in page
    assert "As stated 4,095 petaFLOP/s-days" in page
    assert "Normalised 3.54 × 10²³ FLOP" in page
    assert "Preferred : The developers' own figure." in page.replace("&#x27;", "'")
    assert "4.1 × 10²³ FLOP , ×1.16 more than this figure, in Yuan 1.0 took 4.1e23 FLOPs." in page
    assert "Explained: Different token counts." in page


def test_figures_and_conflicts_of_unpublished_claims_stay_private(client, yuan):
    paper, _ = yuan
    draft = FigureFactory(
        subject=paper.subject,
        quantity=Quantity.TRAINING_COMPUTE,
        value=1e20,
        unit="FLOP",
        claim=ClaimFactory(statement="A draft says 1e20 FLOPs.", state=ClaimState.DRAFT),
    )
    assert FigureConflict.objects.filter(other=draft).exists()  # detected all the same

    for url in [paper.claim.get_absolute_url(), CONTESTED, CHART + "?quantity=training_compute"]:
        assert "A draft says" not in text(client.get(url))
        assert "10²⁰ FLOP" not in text(client.get(url))


def test_contested_lists_disagreeing_figures_beside_claims_contested_by_evidence(client, yuan):
    page = text(client.get(CONTESTED))

    assert "Yuan 1.0: training compute" in page
    assert "×1.16" in page
    assert "more than 10% apart" in page


def test_the_chart_plots_published_figures_with_verdicts_and_links_conflicts(client, yuan):
    response = client.get(CHART, {"quantity": "training_compute"})
    html = response.content.decode()

    assert response.status_code == 200
    assert html.count('<g class="point') == 2
    assert html.count('class="conflict-line"') == 1
    assert 'class="point verdict-mostly_accurate"' in html
    assert "✓" in html  # the verdict's icon, not its colour alone
    assert "10²³" in html  # a log-scale tick
    # the text alternative lists the same figures
    assert '<th scope="row">Yuan 1.0</th>' in html


def test_the_chart_with_no_figures_says_so(client):
    page = text(client.get(CHART))

    assert "No published figure of this kind has a release date to plot yet." in page


def test_the_chart_lists_the_figures_it_leaves_out_and_why(client, yuan):
    undated = SubjectFactory(name="WuDao 2.0", released_on=None)
    FigureFactory(subject=undated, value=1.75, unit="T")
    FigureFactory(subject=SubjectFactory(name="PanGu-α"), value=207)

    response = client.get(CHART)
    html, page = response.content.decode(), text(response)

    assert html.count('<g class="point') == 1  # PanGu-α
    assert "Not on the chart" in page
    assert (
        "WuDao 2.0: 1.75 T : no release date is recorded for WuDao 2.0, so it has no place "
        "on the time axis." in page
    )
    # The figures of the other quantity are on their own chart, and none of them is left out.
    compute = text(client.get(CHART, {"quantity": "training_compute"}))
    assert "Not on the chart" not in compute and "WuDao 2.0" not in compute


def test_a_chart_with_only_undated_figures_still_says_what_it_leaves_out(client):
    FigureFactory(subject=SubjectFactory(name="WuDao 2.0", released_on=None), value=1.75, unit="T")

    page = text(client.get(CHART))

    assert "No published figure of this kind has a release date to plot yet." in page
    assert "WuDao 2.0: 1.75 T : no release date is recorded for WuDao 2.0" in page


def test_the_demo_chart_says_why_wudao_2_0s_parameters_are_missing(client, demo):
    page = text(client.get(CHART))

    assert "WuDao 2.0: 1.75 T : no release date is recorded for WuDao 2.0" in page


def test_a_claim_page_says_whether_its_figure_is_on_the_chart(client, yuan):
    paper, _ = yuan
    undated = FigureFactory(subject=SubjectFactory(name="WuDao 2.0", released_on=None))
    users = FigureFactory(quantity=Quantity.USERS, value=100, unit="")

    on_chart = text(client.get(paper.claim.get_absolute_url()))
    off_chart = text(client.get(undated.claim.get_absolute_url()))
    not_charted = text(client.get(users.claim.get_absolute_url()))

    assert "On the chart of training compute , beside other models' figures." in on_chart
    assert "Not on the chart of parameters : no release date is recorded for WuDao 2.0" in off_chart
    assert "chart of" not in not_charted


def test_the_value_axis_is_drawn_apart_from_the_plot_that_scrolls_under_it(client, yuan):
    html = client.get(CHART, {"quantity": "training_compute"}).content.decode()

    axis = re.search(r'<svg class="chart-axis" viewBox="0 0 (\d+) (\d+)"(.*?)</svg>', html, re.S)
    plot = re.search(r'<svg class="chart-plot" viewBox="(\d+) 0 (\d+) (\d+)"', html)
    assert axis.group(1) == plot.group(1)  # the plot starts where the axis ends
    assert axis.group(2) == plot.group(3)  # at the same height
    assert "10²³" in axis.group(3)  # the value ticks go with the axis


def test_a_wrong_quantity_is_reported_and_parameters_plotted(client):
    FigureFactory(subject=SubjectFactory(name="PanGu-α"), value=207)

    response = client.get(CHART, {"quantity": "<script>"})

    assert response.status_code == 200
    assert "Select a valid choice." in text(response)
    assert "<script>" not in response.content.decode().split("<main")[1]
    assert "PanGu-α" in text(response)


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_figures(n: int) -> None:
    for i in range(n):
        subject = SubjectFactory()
        FigureFactory(subject=subject, value=100 + i)
        FigureFactory(subject=subject, value=1000 + i)
        FigureFactory(subject=SubjectFactory(released_on=None), value=10 + i)  # left out


# version, figures, conflicts (chart); version, conflicts, contested claims (contested)
CHART_QUERIES = 3
CONTESTED_QUERIES = 3


@pytest.mark.parametrize("n", [2, 20])
def test_figure_pages_run_a_fixed_number_of_queries(client, n, django_assert_num_queries):
    add_figures(n)
    with django_assert_num_queries(CHART_QUERIES):
        client.get(CHART)
    with django_assert_num_queries(CONTESTED_QUERIES):
        client.get(CONTESTED)


def test_a_claim_page_with_a_figure_costs_two_queries_more_whatever_the_figures(client, yuan):
    paper, _ = yuan
    without = queries(client, PublishedClaimFactory().get_absolute_url())
    few = queries(client, paper.claim.get_absolute_url())
    add_figures(3)
    for i in range(10):
        FigureFactory(subject=paper.subject, quantity=Quantity.TRAINING_COMPUTE, value=10.0**i)

    assert few == without + 2  # the figures alongside it, and its conflicts
    assert queries(client, paper.claim.get_absolute_url()) == few


def test_an_editor_enters_a_figure_on_the_claim_page_and_a_wrong_unit_is_refused(client, editor):
    claim = ClaimFactory(statement="PanGu-α has 207 billion parameters.")
    subject = SubjectFactory(name="PanGu-α")
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    client.force_login(editor)
    row = {"subject": subject.pk, "quantity": "parameters", "value": "207", "bound": "exact"}
    row |= {"method": "stated", "rank": "normal"}

    refused = client.post(url, inline_post(client, url, {}, {"figure": [row | {"unit": "ft"}]}))

    assert refused.status_code == 200
    assert "“ft” is not a unit of parameters. Known units: parameters" in text(refused)
    assert not Figure.objects.exists()

    saved = client.post(url, inline_post(client, url, {}, {"figure": [row | {"unit": "B"}]}))

    assert saved.status_code == 302
    assert Figure.objects.get().normalised == 207e9


def test_editors_explain_conflicts_in_the_admin(client, editor, yuan):
    conflict = FigureConflict.objects.get()
    url = reverse("admin:claims_figureconflict_change", args=[conflict.pk])
    client.force_login(editor)

    response = client.post(url, inline_post(client, url, {"explanation": "Other token count."}))

    assert response.status_code == 302
    conflict.refresh_from_db()
    assert (conflict.explanation, conflict.explained_by) == ("Other token count.", editor)


def test_changing_a_published_claims_figure_in_the_admin_needs_a_correction_note(client, editor):
    figure = FigureFactory(value=207, claim=PublishedClaimFactory(statement="X has 207B."))
    url = reverse("admin:claims_claim_change", args=[figure.claim.pk])
    client.force_login(editor)

    refused = client.post(url, inline_post(client, url, {"figure-0-value": "200"}))

    assert refused.status_code == 200
    assert "write a correction note" in text(refused)
    figure.refresh_from_db()
    assert figure.value == 207

    note = {"figure-0-value": "200", "correction_note": "The paper says 200B."}
    saved = client.post(url, inline_post(client, url, note))

    assert saved.status_code == 302
    figure.refresh_from_db()
    assert figure.value == 200
    assert "The paper says 200B." in text(client.get(figure.claim.get_absolute_url()))


def test_the_figures_admin_asks_the_same_note_and_deletes_only_unpublished_figures(client, editor):
    published = FigureFactory(value=207)
    url = reverse("admin:claims_figure_change", args=[published.pk])
    client.force_login(editor)

    refused = client.post(url, inline_post(client, url, {"value": "200"}))

    assert "write a correction note" in text(refused)
    assert client.get(reverse("admin:claims_figure_delete", args=[published.pk])).status_code == 403
    draft = FigureFactory(claim=ClaimFactory())
    delete = reverse("admin:claims_figure_delete", args=[draft.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Figure.objects.filter(pk=draft.pk).exists()
