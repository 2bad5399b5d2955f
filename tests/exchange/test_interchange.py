"""Import and export: all or nothing, idempotent, and a round trip that loses nothing."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from claims.choices import Bound, ClaimState, Method, Quantity, Rank, RelationKind, Stance, Verdict
from claims.models import Claim, ClaimRelation, Evidence, Figure, Review, Subject, Topic
from exchange.importer import SAME_PERSON_IMPORTS_AND_APPROVES, claims_import
from exchange.records import CSV_COLUMNS
from sources.models import Outlet, Source
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    FigureFactory,
    OutletFactory,
    PublishedClaimFactory,
    RelationFactory,
    SourceFactory,
    SubjectFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

TRACKED = [Claim, Evidence, ClaimRelation, Review, Source, Outlet, Topic]


def export(format: str, filter: str = "") -> str:
    out = io.StringIO()
    call_command("export_claims", format=format, filter=filter, stdout=out)
    return out.getvalue()


def import_text(text: str, format: str, by, approver=None):
    return claims_import(
        file=io.BytesIO(text.encode()),
        format=format,
        name=f"claims.{format}",
        by=by,
        approver=approver,
    )


def snapshot() -> dict[str, int]:
    """How many rows, and history rows, every tracked model has."""
    counts = {model.__name__: model.objects.count() for model in TRACKED}
    counts |= {f"{m.__name__} history": m.history.count() for m in TRACKED}
    return counts


def csv_text(*rows: dict[str, str]) -> str:
    lines = [",".join(CSV_COLUMNS)]
    for row in rows:
        lines.append(",".join(_cell(row.get(column, "")) for column in CSV_COLUMNS))
    return "\n".join(lines) + "\n"


def _cell(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if value else ""


GOOD_ROW = {
    "statement": "Model Z has 200 billion parameters.",
    "claimant": "Its developer",
    "kind": "figure",
    "topics": "Model scale; Chips",
    "source": "Launch blog post",
    "source_url": "https://example.com/blog/model-z",
    "source_outlet": "Example Lab",
    "source_kind": "blog_post",
    "source_published_on": "2024-03-01",
    "stance": "asserts",
    "excerpt": "The post gives the parameter count.",
    "locator": "second paragraph",
    "verdict": "mostly_accurate",
    "rationale": "The paper gives 198 billion.",
}


@pytest.fixture
def claims_to_export(editor, second_editor):
    """Published claims with every kind of content an export carries, and a draft."""
    outlet = OutletFactory(name="A research centre")
    survey = SourceFactory(title="Survey", outlet=outlet, published_on="2023-01-01")
    blog = SourceFactory(title="Blog post", url="", outlet=None)
    topic = TopicFactory(name="Model scale")
    first = PublishedClaimFactory(
        slug="family",
        statement="X is a family of models.",
        verdict=Verdict.ACCURATE,
        rationale="Why the family framing holds",
        reviewer=editor,
        approver=second_editor,
        first_appeared_in=survey,
        first_appeared_on="2023-01-01",
        recheck_due="2027-01-01",
        context="Several papers.",
    )
    second = PublishedClaimFactory(
        slug="one-model",
        statement="X is one model.",
        verdict=Verdict.MISLEADING,
        rationale="Why the one-model framing fails",
        reviewer=editor,
        approver=second_editor,
        first_appeared_in=blog,
    )
    first.topics.add(topic)
    EvidenceFactory(
        claim=first,
        source=survey,
        stance=Stance.ASSERTS,
        excerpt='Says "so", & more',
        # A quote travels with its context exactly, the spaces at its edges included.
        quote="X is, in short, a family,",
        quote_prefix="As the survey puts it: ",
        quote_suffix=" of models.\n",
        quote_copy="ab" * 32,
    )
    EvidenceFactory(claim=second, source=blog, stance=Stance.ASSERTS, note="As announced.")
    EvidenceFactory(claim=second, source=survey, stance=Stance.REFUTES, excerpt="Line 1\nLine 2")
    RelationFactory(
        from_claim=first,
        to_claim=second,
        kind=RelationKind.COUNTER_CLAIM,
        note="Opposite framings.",
    )
    ClaimFactory(slug="draft-claim")
    yuan = SubjectFactory(name="Yuan 1.0", released_on="2021-10-10")
    FigureFactory(
        claim=first,
        subject=yuan,
        quantity=Quantity.TRAINING_COMPUTE,
        value=4095.5,
        lower=4000,
        upper=4200,
        unit="petaFLOP/s-days",
        bound=Bound.APPROXIMATE,
        method=Method.ESTIMATED,
        rank=Rank.PREFERRED,
        rank_reason="The developers' figure.",
        refers_to="2021-10-01",
    )
    FigureFactory(
        claim=second,
        subject=SubjectFactory(name="Alibaba", released_on=None),
        quantity=Quantity.INVESTMENT,
        value=380,
        unit="billion CNY",
        usd_rate=0.1375,
        usd_rate_on="2025-02-24",
    )
    return first, second


def empty_the_workbench():
    Claim.objects.all().delete()
    Source.objects.all().delete()
    Outlet.objects.all().delete()
    Topic.objects.all().delete()
    Subject.objects.all().delete()


@pytest.mark.parametrize("format", ["csv", "json"])
def test_export_import_into_an_empty_workbench_export_again_is_identical(
    claims_to_export, editor, second_editor, format
):
    before = export(format)
    assert "draft-claim" not in before
    empty_the_workbench()

    report = import_text(before, format, by=editor, approver=second_editor)

    assert report.ok, report.problems
    assert report.claims == report.published == 2
    assert report.figures == 2
    assert export(format) == before
    assert Figure.objects.get(subject__name="Yuan 1.0").normalised == pytest.approx(
        4095.5 * 8.64e19
    )


QUOTE_COPY = "cd" * 32


@pytest.mark.parametrize(
    "quote, message",
    [
        ({"quote": "The words.", "quote_copy": ""}, "A quote names the kept copy it quotes"),
        ({"quote": "", "quote_copy": QUOTE_COPY}, "a copy is named only with a quote"),
        ({"quote": "The words.", "quote_copy": "not-a-hash"}, "64 lowercase hex digits"),
        ({"quote": "w" * 601, "quote_copy": QUOTE_COPY}, "at most 600 characters"),
        ({"quote": "w", "quote_prefix": "p" * 65, "quote_copy": QUOTE_COPY}, "at most 64"),
    ],
)
@pytest.mark.parametrize("format", ["csv", "json"])
def test_a_quote_without_its_copy_or_too_long_is_refused(editor, quote, message, format):
    before = snapshot()
    if format == "csv":
        text = csv_text({**GOOD_ROW, **quote})
    else:
        record = {
            "statement": GOOD_ROW["statement"],
            "claimant": GOOD_ROW["claimant"],
            "evidence": [
                {"source": {"title": "Blog"}, "stance": "asserts", "locator": "top", **quote}
            ],
        }
        text = json.dumps([record])

    report = import_text(text, format, by=editor)

    assert not report.ok and any(message in problem for problem in report.problems)
    assert snapshot() == before


def test_json_export_carries_every_field_of_a_claim(claims_to_export):
    [family, one_model] = json.loads(export("json"))
    assert family["relations"] == [
        {"kind": "counter_claim", "claim": "one-model", "note": "Opposite framings."}
    ]
    assert family["first_appeared_in"]["outlet"] == "A research centre"
    assert family["rationale"] == "Why the family framing holds" and family["topics"] == [
        "Model scale"
    ]
    # Published with its first appearance as evidence, then two more items.
    assert [e["stance"] for e in one_model["evidence"]] == ["asserts", "asserts", "refutes"]


@pytest.mark.parametrize("format", ["csv", "json"])
def test_importing_the_same_file_twice_changes_nothing(
    claims_to_export, editor, second_editor, format
):
    text = export(format)
    empty_the_workbench()
    import_text(text, format, by=editor, approver=second_editor)
    after_first = snapshot()

    report = import_text(text, format, by=editor, approver=second_editor)

    assert report.ok and report.claims == 0 and report.unchanged == 2
    assert snapshot() == after_first


def test_one_bad_row_and_nothing_is_imported_with_every_problem_reported(editor):
    text = csv_text(
        GOOD_ROW,
        {**GOOD_ROW, "statement": "Second claim.", "verdict": "plausible"},
        {
            **GOOD_ROW,
            "statement": "Third claim.",
            "claimant": "",
            "source_published_on": "2024-13-01",
        },
        {**GOOD_ROW, "statement": "Fourth claim.", "stance": "", "excerpt": "x" * 1001},
        {
            **GOOD_ROW,
            "statement": "Fifth claim.",
            "source": "Other",
            "source_url": "",
            "source_outlet": "o" * 201,
        },
        {
            **GOOD_ROW,
            "statement": "Sixth claim.",
            "figure_subject": "PanGu-α",
            "figure_quantity": "parameters",
            "figure_value": "207",
            "figure_unit": "furlongs",
        },
        {**GOOD_ROW, "statement": "Seventh claim.", "figure_value": "many"},
    )
    before = snapshot()

    report = import_text(text, "csv", by=editor)

    assert not report.ok
    assert snapshot() == before
    problems = "\n".join(report.problems)
    assert "line 3: verdict: Value 'plausible' is not a valid choice." in problems
    assert "line 4: claimant: This field cannot be blank." in problems
    assert "line 4: evidence 1 source published_on:" in problems
    assert "line 5: evidence 1 stance: This field cannot be blank." in problems
    assert "line 5: evidence 1 excerpt: Ensure this value has at most 1000 characters" in problems
    assert (
        "line 6: evidence 1 source outlet: Ensure this value has at most 200 characters" in problems
    )
    assert "line 7: figure unit: “furlongs” is not a unit of parameters." in problems
    assert "line 8: figure: a figure needs its subject" in problems
    assert "line 8: figure value: “many” value must be a float." in problems
    assert "line 2" not in problems


def test_a_claims_rows_must_be_together_and_agree(editor):
    other = {**GOOD_ROW, "statement": "Another claim.", "slug": "another"}
    text = csv_text(
        {**GOOD_ROW, "slug": "z"},
        other,
        {**GOOD_ROW, "slug": "z", "locator": "third paragraph"},
    )
    assert "line 4: this claim's rows must follow one another" in "\n".join(
        import_text(text, "csv", by=editor).problems
    )
    text = csv_text({**GOOD_ROW, "slug": "z"}, {**GOOD_ROW, "slug": "z", "claimant": "Someone"})
    assert "line 3: claimant differ from line 2" in import_text(text, "csv", by=editor).problems[0]


@pytest.mark.parametrize(
    "format, text, message",
    [
        ("csv", "", "The file is empty."),
        ("csv", "statement,verdict,colour\nA,accurate,red\n", "missing: claimant; unknown: colour"),
        ("json", '[{"statement": "A"', "The file is not valid JSON"),
        ("json", '{"statement": "A"}', "must be a JSON list of claims"),
        ("json", '[{"statement": 5, "claimant": "B"}]', "claim 1: expected text, found 5"),
        ("json", '[{"statement": "A", "claimant": "B", "evidence": {}}]', "must be lists"),
        ("csv", "statement,claimant\nA,B\nC\xff,D\n", "line 3: is not valid UTF-8 (byte 2 of"),
    ],
)
def test_files_that_are_not_the_format_are_refused_clearly(editor, format, text, message):
    raw = text.encode("latin-1") if "\xff" in text else text.encode()
    report = claims_import(file=io.BytesIO(raw), format=format, name="f", by=editor)
    assert not report.ok
    assert message in "\n".join(report.problems)
    assert Claim.objects.count() == 0


def test_without_an_approver_graded_claims_wait_in_review(client, editor):
    report = import_text(
        csv_text(GOOD_ROW, {**GOOD_ROW, "statement": "Ungraded.", "verdict": "", "rationale": ""}),
        "csv",
        by=editor,
    )
    assert report.ok and report.published == 0
    graded = Claim.objects.get(statement=GOOD_ROW["statement"])
    assert graded.state == ClaimState.IN_REVIEW and graded.verdict == ""
    assert graded.reviews.get().reviewer == editor and not graded.reviews.get().is_published
    assert Claim.objects.get(statement="Ungraded.").state == ClaimState.DRAFT
    assert client.get(graded.get_absolute_url()).status_code == 404


def test_the_importer_cannot_approve_their_own_gradings(editor):
    report = import_text(csv_text(GOOD_ROW), "csv", by=editor, approver=editor)
    assert report.problems == [SAME_PERSON_IMPORTS_AND_APPROVES.format(user=editor)]
    assert Claim.objects.count() == 0


def test_imported_rows_have_history_sources_are_reused_and_readers_see_them(
    client, editor, second_editor
):
    existing = SourceFactory(url="https://www.example.com/blog/model-z/?utm_source=x")
    assert client.get("/claims/").context["paginator"].count == 0  # cached, empty

    report = import_text(csv_text(GOOD_ROW), "csv", by=editor, approver=second_editor)

    assert report.ok and report.sources == 0
    claim = Claim.objects.get()
    assert claim.evidence.get().source == existing  # matched on the normalised address
    assert sorted(claim.topics.values_list("name", flat=True)) == ["Chips", "Model scale"]
    record = claim.history.get()
    assert (
        record.history_user == editor and record.history_change_reason == "Imported from claims.csv"
    )
    assert sorted(t.topic.name for t in record.topics.all()) == ["Chips", "Model scale"]
    assert Evidence.history.get().history_change_reason == "Imported from claims.csv"
    assert [c.pk for c in client.get("/claims/?q=parameters").context["object_list"]] == [claim.pk]


def test_relations_to_claims_nowhere_to_be_found_are_skipped_and_reported(editor):
    row = {**GOOD_ROW, "slug": "z", "relations": "counter_claim:missing; supports:y"}
    text = csv_text(row, {**GOOD_ROW, "slug": "y", "statement": "Y."})
    report = import_text(text, "csv", by=editor)
    assert report.ok and report.relations == 1 and report.relations_skipped == ["missing"]


def test_the_import_command_reports_problems_and_fails(tmp_path, editor, capsys):
    path = tmp_path / "claims.csv"
    path.write_text(csv_text({**GOOD_ROW, "verdict": "nope"}))
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_claims", str(path), user="editor")
    assert "line 2: verdict" in capsys.readouterr().err
    path.write_text(csv_text(GOOD_ROW))
    out = io.StringIO()
    call_command("import_claims", str(path), user="editor", stdout=out)
    assert "Imported 1 claims (0 published)" in out.getvalue()


def test_the_export_command_applies_the_public_filters(claims_to_export):
    assert [c["slug"] for c in json.loads(export("json", "verdict=misleading"))] == ["one-model"]
    with pytest.raises(CommandError, match="verdict"):
        export("csv", "verdict=plausible")


def test_claimreview_export_is_the_markup_of_each_published_claim(claims_to_export):
    reviews = json.loads(export("claimreview"))
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["Accurate", "Misleading"]


def test_the_list_offers_downloads_of_what_it_shows(client, claims_to_export):
    page = client.get("/claims/?verdict=misleading&page=1").content.decode()
    assert 'href="/claims/export/csv/?verdict=misleading"' in page
    response = client.get("/claims/export/json/?verdict=misleading")
    assert response["Content-Disposition"] == 'attachment; filename="claims.json"'
    data = json.loads(b"".join(response.streaming_content))
    assert [c["slug"] for c in data] == ["one-model"]
    bad = client.get("/claims/export/csv/?verdict=plausible")
    assert bad.status_code == 400 and "nothing was exported" in bad.content.decode()
    assert client.get("/claims/export/xlsx/").status_code == 404


NULLS = [
    ("csv", lambda: csv_text({**GOOD_ROW, "claimant": "Huawei\x00"}), "line 2: "),
    ("json", lambda: '[{"statement": "A", "claimant": "B\x00"}]', "line 1: "),
    ("json", lambda: '[{"statement": "A", "claimant": "B\\u0000"}]', "claim 1: claimant: "),
]


@pytest.mark.parametrize("format, text, where", NULLS)
def test_a_null_character_is_reported_by_line_and_nothing_is_imported(editor, format, text, where):
    report = import_text(text(), format, by=editor)
    assert f"{where}" in report.problems[0] and "null character" in report.problems[0]
    assert Claim.objects.count() == 0


def test_a_null_character_fails_the_import_command_with_a_message_not_a_traceback(
    tmp_path, editor, capsys
):
    path = tmp_path / "claims.json"
    path.write_text('[{"statement": "A", "claimant": "B\\u0000"}]')
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_claims", str(path), user="editor")
    assert "claim 1: claimant: contains a null character" in capsys.readouterr().err
    assert Claim.objects.count() == 0


def test_a_download_larger_than_the_limit_is_refused_before_its_first_byte(
    client, claims_to_export, settings
):
    settings.WORKBENCH_EXPORT_MAX_CLAIMS = 1
    page = client.get("/claims/").content.decode()
    assert "/claims/export/" not in page and "at most 1 claims" in page

    refused = client.get("/claims/export/csv/")
    assert refused.status_code == 400
    assert "export_claims" in refused.content.decode()  # where the whole set comes from
    assert client.get("/claims/export/json/?verdict=misleading").status_code == 200


@pytest.mark.parametrize(
    "cells, message",
    [
        ({"figure_value": "nan"}, "figure value: Give a number"),
        ({"figure_value": "inf"}, "figure value: Give a number"),
        (
            {"figure_value": "1", "figure_usd_rate": "inf", "figure_usd_rate_on": "2024-01-01"},
            "usd_rate",
        ),
        ({"figure_value": "1e308", "figure_unit": "T"}, "too large to compare"),
    ],
)
def test_figures_that_are_not_finite_numbers_are_refused(editor, cells, message):
    figure = {"figure_subject": "Model Z", "figure_quantity": "parameters", **cells}
    report = import_text(csv_text({**GOOD_ROW, **figure}), "csv", by=editor)
    assert message in "\n".join(report.problems)
    assert Claim.objects.count() == 0


def test_json_nested_far_deeper_than_claims_is_refused_at_once(editor):
    report = import_text("[" * 100_000, "json", by=editor)
    assert report.problems == ["The file nests JSON more than 10 levels deep."]


def test_a_control_character_is_reported_and_nothing_is_imported(editor):
    report = import_text(csv_text({**GOOD_ROW, "statement": "Model\x0bZ"}), "csv", by=editor)
    assert "line 2: contains the invisible control character U+000B" in report.problems[0]
    assert Claim.objects.count() == 0


def test_a_slug_made_for_one_claim_never_takes_the_slug_another_row_gives(editor):
    rows = [
        {**GOOD_ROW, "statement": "Slug Clash Two"},
        {**GOOD_ROW, "statement": "Other two", "slug": "slug-clash-two"},
    ]
    report = import_text(csv_text(*rows), "csv", by=editor)
    assert report.ok, report.problems
    assert Claim.objects.get(slug="slug-clash-two").statement == "Other two"
    assert Claim.objects.get(statement="Slug Clash Two").slug == "slug-clash-two-2"


def test_a_carriage_return_inside_a_value_survives_the_csv_round_trip(editor, second_editor):
    PublishedClaimFactory(slug="cr", context="first part\rsecond part")
    exported = export("csv")

    Claim.objects.all().delete()
    report = import_text(exported, "csv", editor, second_editor)

    assert report.ok, report.problems
    assert Claim.objects.get(slug="cr").context == "first part\rsecond part"
