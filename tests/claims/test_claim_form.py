"""The claim form at an editor's desk: it asks before saving a near-duplicate or a figure a
thousand times off its statement, links similar claims, takes the first appearance's locator
once, and says at the top what to correct."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from claims import services
from claims.choices import RelationKind, Stance
from claims.models import Claim, Evidence, Figure
from claims.selectors import near_duplicates
from tests.admin_forms import inline_post
from tests.factories import ClaimFactory, PublishedClaimFactory, SourceFactory, SubjectFactory

pytestmark = pytest.mark.django_db

ADD = reverse("admin:claims_claim_add")
ORIGINAL = "BaGuaLu has 174 trillion parameters in its largest version."


def new_claim(client, editor, inlines=None, **fields):
    client.force_login(editor)
    inspur = services.claimant_get_or_create(name="Inspur")
    typed = {"statement": "Yuan 1.0 was trained on 180 billion tokens.", "claimant": inspur.pk}
    return inline_post(client, ADD, {"kind": "fact", **typed, **fields}, inlines)


def change_url(claim):
    return reverse("admin:claims_claim_change", args=[claim.pk])


# Near-duplicates


def test_a_near_duplicate_is_refused_once_with_the_claims_it_repeats(client, editor):
    original = ClaimFactory(statement=ORIGINAL)
    data = new_claim(client, editor, statement=ORIGINAL.replace("174", "174.0"), slug="again")

    refused = client.post(ADD, data)

    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Already logged, worded almost the same" in page and original.statement in page
    assert 'type="checkbox" name="not_a_duplicate"' in page
    assert not Claim.objects.filter(slug="again").exists()

    assert client.post(ADD, {**data, "not_a_duplicate": "on"}).status_code == 302
    assert Claim.objects.filter(slug="again").exists()


@pytest.mark.parametrize(
    "field, kind",
    [
        ("duplicate_of", RelationKind.DUPLICATE_OF),
        ("counter_claim_of", RelationKind.COUNTER_CLAIM),
        ("supports_claim", RelationKind.SUPPORTS),
    ],
)
def test_a_near_duplicate_linked_from_the_hint_is_saved_with_its_link(client, editor, field, kind):
    original = ClaimFactory(statement=ORIGINAL)
    data = new_claim(client, editor, statement=ORIGINAL, slug="linked", **{field: [original.pk]})

    assert client.post(ADD, data).status_code == 302

    relation = Claim.objects.get(slug="linked").relations_out.get()
    assert (relation.to_claim, relation.kind) == (original, kind)


def test_a_claim_worded_differently_or_unchanged_is_not_asked_about(client, editor):
    ClaimFactory(statement=ORIGINAL)
    assert client.post(ADD, new_claim(client, editor, slug="other")).status_code == 302
    twin = ClaimFactory(statement=ORIGINAL.replace("174", "174.0"), claimant="Press")
    press = services.claimant_get_or_create(name="The press")
    data = inline_post(client, change_url(twin), {"claimant": press.pk})
    assert client.post(change_url(twin), data).status_code == 302  # the statement is as it was


@pytest.mark.parametrize("value", ["\x00", "x" * 100_000, "yes"])
def test_a_tampered_answer_is_a_form_error(client, editor, value):
    ClaimFactory(statement=ORIGINAL)
    data = new_claim(client, editor, statement=ORIGINAL, slug="tampered", not_a_duplicate=value)
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert "Tick the box or leave it empty." in response.content.decode()
    assert not Claim.objects.filter(slug="tampered").exists()


@pytest.mark.parametrize("value", ["\x00", "abc", "9" * 30, "-1"])
@pytest.mark.parametrize("field", ["counter_claim_of", "supports_claim"])
def test_malformed_links_are_form_errors(client, editor, field, value):
    data = new_claim(client, editor, slug="malformed", **{field: value})
    assert client.post(ADD, data).status_code == 200
    assert not Claim.objects.filter(slug="malformed").exists()


# A figure against its statement

FIGURE = {"quantity": "parameters", "value": "40", "method": "stated", "bound": "exact"}


def figure_claim(client, editor, unit, **fields):
    subject = SubjectFactory()
    row = {**FIGURE, "subject": subject.pk, "unit": unit, "rank": "normal"}
    return new_claim(
        client,
        editor,
        {"figure": [row]},
        statement="Aquila is a 40-billion-parameter model.",
        slug="aquila",
        kind="figure",
        **fields,
    )


def test_a_figure_a_thousand_times_off_its_statement_is_asked_about(client, editor):
    data = figure_claim(client, editor, "M")

    refused = client.post(ADD, data)

    page = refused.content.decode()
    assert "a thousand" not in page and "1,000 times apart" in page
    assert 'type="checkbox" name="figure-0-statement_checked"' in page
    assert not Claim.objects.filter(slug="aquila").exists()
    data["figure-0-statement_checked"] = "on"
    assert client.post(ADD, data).status_code == 302
    assert Figure.objects.get(claim__slug="aquila").unit == "M"


def test_a_figure_that_agrees_with_its_statement_is_saved_without_a_question(client, editor):
    assert client.post(ADD, figure_claim(client, editor, "B")).status_code == 302


def test_rewording_the_statement_away_from_its_figure_is_asked_about(client, editor):
    client.post(ADD, figure_claim(client, editor, "B"))
    claim = Claim.objects.get(slug="aquila")
    data = inline_post(client, change_url(claim), {"statement": "Aquila has 40 trillion params."})
    refused = client.post(change_url(claim), data)
    assert "1,000 times apart" in refused.content.decode()


def test_the_figures_own_page_asks_too(client, editor):
    claim = ClaimFactory(statement="Aquila is a 40-billion-parameter model.")
    client.force_login(editor)
    url = reverse("admin:claims_figure_add")
    data = inline_post(
        client, url, {**FIGURE, "claim": claim.pk, "subject": SubjectFactory().pk, "unit": "M"}
    )
    data["rank"] = "normal"
    assert "1,000 times apart" in client.post(url, data).content.decode()
    assert client.post(url, {**data, "statement_checked": "on"}).status_code == 302


# The first appearance's locator, typed once


def test_the_first_appearance_is_cited_as_evidence_with_its_locator(client, editor):
    source = SourceFactory()
    data = new_claim(
        client, editor, slug="cited", first_appeared_in=source.pk, first_appeared_locator="p. 4"
    )
    assert client.post(ADD, data).status_code == 302
    evidence = Evidence.objects.get(claim__slug="cited")
    assert (evidence.source, evidence.stance, evidence.locator) == (source, Stance.ASSERTS, "p. 4")


def test_an_evidence_row_from_the_first_source_takes_its_locator(client, editor):
    source = SourceFactory()
    row = {"source": source.pk, "stance": Stance.ASSERTS, "excerpt": "Says so.", "locator": ""}
    data = new_claim(
        client,
        editor,
        {"evidence": [row]},
        slug="once",
        first_appeared_in=source.pk,
        first_appeared_locator="Table 2",
    )
    assert client.post(ADD, data).status_code == 302
    evidence = Evidence.objects.get(claim__slug="once")  # one row, not two
    assert (evidence.locator, evidence.excerpt) == ("Table 2", "Says so.")


def test_other_evidence_still_needs_its_locator_said_at_the_top_and_beside_it(client, editor):
    row = {"source": SourceFactory().pk, "stance": Stance.SUPPORTS, "locator": ""}
    data = new_claim(client, editor, {"evidence": [row]}, slug="unlocated", claimant="")
    page = client.post(ADD, data).content.decode()
    summary = page[
        page.index('class="error-summary"') : page.index("</ul>", page.index("error-summary"))
    ]
    assert 'href="#id_claimant"' in summary and "Claimant" in summary
    assert 'href="#id_evidence-0-locator"' in summary and "Evidence 1: Locator" in summary
    assert page.count("This field is required.") == 4  # and beside each field
    assert not Claim.objects.filter(slug="unlocated").exists()


def test_changing_the_first_locator_moves_the_evidence_row_that_carried_it(client, editor):
    claim = ClaimFactory(first_appeared_locator="Table 1")  # with its asserting row, "Table 1"
    client.force_login(editor)
    data = inline_post(client, change_url(claim), {"first_appeared_locator": "Table 3"})
    assert client.post(change_url(claim), data).status_code == 302
    assert list(claim.evidence.values_list("locator", flat=True)) == ["Table 3"]


# Layout


def test_the_statement_is_a_text_area_and_a_new_claim_has_no_correction_note(client, editor):
    client.force_login(editor)
    page = client.get(ADD).content.decode()
    assert '<textarea name="statement"' in page and 'maxlength="300"' in page
    assert "correction_note" not in page


def test_a_published_claim_has_its_correction_notes(client, editor):
    claim = PublishedClaimFactory()
    client.force_login(editor)
    page = client.get(change_url(claim)).content.decode()
    assert 'name="correction_note"' in page and 'name="reviews-0-correction_note"' in page


# The services behind it


def test_first_appearance_cite_adds_the_row_once_and_leaves_the_editors_rows(editor):
    claim = ClaimFactory(located_evidence=False, first_appeared_locator="p. 4")
    cited = services.first_appearance_cite(claim=claim, by=editor)
    assert (cited.stance, cited.locator, cited.source) == (
        "asserts",
        "p. 4",
        claim.first_appeared_in,
    )
    assert services.first_appearance_cite(claim=claim, by=editor) is None  # not twice

    claim.first_appeared_locator = "p. 5"  # a row that is not the previous locator stays
    assert services.first_appearance_cite(claim=claim, by=editor, previous_locator="p. 9") is None
    assert services.first_appearance_cite(claim=claim, by=editor, previous_locator="p. 4")
    assert list(claim.evidence.values_list("locator", flat=True)) == ["p. 5"]


def test_a_published_claims_first_appearance_is_cited_only_with_a_correction_note(editor):
    claim = PublishedClaimFactory()
    claim.evidence.get().delete()
    with pytest.raises(ValidationError):
        services.first_appearance_cite(claim=claim, by=editor)
    assert services.first_appearance_cite(claim=claim, by=editor, correction_note="Cited it.")


def test_near_duplicates_are_the_hints_claims_above_the_threshold():
    original = ClaimFactory(statement=ORIGINAL)
    ClaimFactory(statement="BaGuaLu ran on the Sunway supercomputer in 2021.")
    assert near_duplicates(ORIGINAL) == [original]
    assert near_duplicates(ORIGINAL, exclude_pks=[original.pk, None]) == []
    assert near_duplicates("\x00" * 10_000) == []


@pytest.mark.parametrize(
    "typed, value", [("1.75万亿", 1.75e12), ("４０", 40.0), ("3,000万", 3e7), ("2000亿", 2e11)]
)
def test_a_figure_may_be_typed_with_chinese_scales_and_full_width_digits(
    client, editor, typed, value
):
    data = figure_claim(client, editor, "")
    data["figure-0-value"] = typed
    data["figure-0-statement_checked"] = "on"
    assert client.post(ADD, data).status_code == 302
    assert Figure.objects.get(claim__slug="aquila").value == value


@pytest.mark.parametrize(
    "typed, message",
    [
        ("forty", "Give a number, such as 1.75"),
        ("1.75万万", "Give a number, such as 1.75"),
        ("\x00", "Give a number, such as 1.75"),
        ("9" * 80, "too large"),
    ],
)
def test_a_figure_that_is_no_number_is_refused_by_name(client, editor, typed, message):
    data = figure_claim(client, editor, "B")
    data["figure-0-value"] = typed
    page = client.post(ADD, data)
    assert page.status_code == 200 and message in page.content.decode()
    assert not Claim.objects.filter(slug="aquila").exists()
