"""What the format carries beyond a claim's content: how far through the workflow it has come,
when its grading was published, its figure's subject and the editors' explanations of
disagreements. Bad values are reported and nothing is written."""

import datetime
import io
import json

import pytest

from claims.choices import ClaimState, Quantity
from claims.models import Claim, FigureConflict, Review, Subject
from exchange.importer import claims_import

pytestmark = pytest.mark.django_db


def record(slug: str, **fields) -> dict:
    return {
        "slug": slug,
        "statement": f"Statement {slug}.",
        "claimant": "A lab",
        "verdict": "accurate",
        "rationale": "Checked against the paper.",
        "evidence": [
            {"source": {"title": "The lab's paper"}, "stance": "asserts", "locator": "Table 1"}
        ],
        **fields,
    }


def load(records: list, editor, approver=None):
    text = json.dumps(records)
    return claims_import(
        file=io.BytesIO(text.encode()), format="json", name="f.json", by=editor, approver=approver
    )


def test_states_in_the_file_are_kept_and_only_a_second_person_publishes(editor, second_editor):
    report = load(
        [
            record("graded", state="published", graded_at="2025-03-04T10:00:00+00:00"),
            record("waiting", state="in_review"),
            record("draft", state="draft", verdict="", rationale=""),
        ],
        editor,
        approver=second_editor,
    )

    assert report.ok, report.problems
    states = dict(Claim.objects.values_list("slug", "state"))
    assert states == {
        "graded": ClaimState.PUBLISHED,
        "waiting": ClaimState.IN_REVIEW,
        "draft": ClaimState.DRAFT,
    }
    graded = Claim.objects.get(slug="graded")
    assert graded.graded_at == datetime.datetime(2025, 3, 4, 10, tzinfo=datetime.UTC)
    assert graded.reviews.get().approved_by == second_editor
    assert not Review.objects.filter(claim__slug="waiting", published_at__isnull=False).exists()


def test_without_a_second_person_a_published_claim_in_a_file_waits_in_review(editor):
    assert load([record("graded", state="published")], editor).ok
    assert Claim.objects.get().state == ClaimState.IN_REVIEW
    assert Claim.objects.get().graded_at is None


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"state": "retracted"}, "state: a claim is imported as one of"),
        ({"state": "bogus"}, "state: a claim is imported as one of"),
        ({"state": "draft"}, "a draft has no verdict yet"),
        ({"state": "published", "verdict": "", "rationale": ""}, "needs a verdict"),
        ({"graded_at": "yesterday"}, "graded_at: give a date and time"),
        ({"graded_at": "2025-13-45T99:00:00"}, "graded_at: give a date and time"),
        ({"graded_at": "2025-01-01T00:00:00", "verdict": "", "rationale": ""}, "needs a verdict"),
        ({"state": 3}, "expected text"),
        ({"graded_at": {"at": 1}}, "expected text"),
    ],
)
def test_bad_workflow_values_are_reported_and_nothing_is_imported(
    editor, second_editor, fields, message
):
    report = load([record("fine"), record("bad", **fields)], editor, approver=second_editor)

    assert not report.ok
    assert any(message in problem for problem in report.problems), report.problems
    assert not Claim.objects.exists()


def figure(subject: str, value: float) -> dict:
    return {
        "subject": subject,
        "quantity": Quantity.PARAMETERS,
        "value": value,
        "unit": "B",
        "method": "stated",
    }


def test_subjects_and_explanations_travel_with_the_figures(editor, second_editor):
    first = record("small", figure=figure("PanGu-α", 100))
    first["figure"] |= {
        "subject_kind": "model",
        "subject_developers": "Huawei",
        "explanations": [{"claim": "large", "explanation": "One counts the dense part."}],
    }
    second = record("large", figure=figure("PanGu-α", 200))

    assert load([first, second], editor, approver=second_editor).ok

    assert Subject.objects.get(name="PanGu-α").developers == "Huawei"
    conflict = FigureConflict.objects.get()
    assert conflict.explanation == "One counts the dense part."
    assert conflict.explained_by == editor


@pytest.mark.parametrize(
    "explanations, message",
    [
        ("not a list", "explanations must be a list"),
        (["not an object"], "explanations must be a list"),
        ([{"claim": "", "explanation": "x"}], "each names the other figure's claim"),
        ([{"claim": "large", "explanation": ""}], "each names the other figure's claim"),
        ([{"claim": "large", "explanation": "a\u0000b"}], "null character"),
    ],
)
def test_bad_explanations_are_reported_and_nothing_is_imported(editor, explanations, message):
    first = record("small", figure=figure("PanGu-α", 100))
    first["figure"]["explanations"] = explanations

    report = load([first, record("large", figure=figure("PanGu-α", 200))], editor)

    assert not report.ok
    assert any(message in problem for problem in report.problems), report.problems
    assert not Claim.objects.exists()


def test_a_bad_subject_kind_is_reported(editor):
    bad = record("small", figure=figure("PanGu-α", 100))
    bad["figure"]["subject_kind"] = "planet"
    report = load([bad], editor)
    assert any("figure subject" in problem for problem in report.problems), report.problems
    assert not Subject.objects.exists()


def test_a_new_claim_linked_to_a_published_one_is_a_correction_on_it(client, editor, second_editor):
    from tests.factories import PublishedClaimFactory

    shown = PublishedClaimFactory(slug="shown", statement="WuDao 2.0 is one model.")
    linked = record("counter", relations=[{"kind": "counter_claim", "claim": "shown"}])

    assert load([linked], editor, approver=second_editor).ok

    note = shown.corrections.get().note
    assert (
        note == "Linked to a new claim, “Statement counter.” (counter-claim): Imported from f.json"
    )
    assert "Statement counter." in client.get(shown.get_absolute_url()).content.decode()
    # A claim in review links to nothing readers see: no correction.
    load(
        [record("quiet", state="in_review", relations=[{"kind": "supports", "claim": "shown"}])],
        editor,
    )
    assert shown.corrections.count() == 1


@pytest.mark.parametrize(
    "graded_at, message",
    [
        ("2025-02-30T09:00:00", "give a date and time"),
        ("2025-01-01T25:00:00", "give a date and time"),
        ("0001-01-01T00:00:00+14:00", "give a date and time"),
        ("9999-12-31T23:59:59-10:00", "give a date and time"),
        ("2999-12-31T00:00:00+00:00", "between 2000 and now"),
        ("1999-12-31T23:00:00+00:00", "between 2000 and now"),
    ],
)
def test_grading_times_that_cannot_be_are_reported(editor, second_editor, graded_at, message):
    report = load([record("bad", graded_at=graded_at)], editor, approver=second_editor)

    assert any(message in problem for problem in report.problems), report.problems
    assert not Claim.objects.exists()


def test_only_editors_import_and_only_editors_approve(editor, second_editor, curator):
    refused = load([record("a")], curator)
    assert refused.failure == f"{curator} may not add claims, so cannot import them."
    assert str(refused) == f"Nothing was imported: {refused.failure}"
    refused = load([record("a")], editor, approver=curator)
    assert refused.problems == [
        f"{curator} may not change claims, so cannot approve their gradings."
    ]
    assert not Claim.objects.exists()


def test_a_long_file_name_is_shortened_in_the_history(editor):
    name = "claims-" + "x" * 200 + ".json"
    report = claims_import(
        file=io.BytesIO(json.dumps([record("a")]).encode()), format="json", name=name, by=editor
    )
    assert report.ok, report.problems
    reason = Claim.history.get().history_change_reason
    assert reason.startswith("Imported from claims-xxx") and len(reason) <= 100


def test_explanations_are_a_few_paragraphs_not_an_essay_or_thousands(editor):
    many = record("small", figure=figure("PanGu-α", 100))
    many["figure"]["explanations"] = [{"claim": "large", "explanation": "x"}] * 21
    long = record("other", figure=figure("PanGu-α", 300))
    long["figure"]["explanations"] = [{"claim": "large", "explanation": "x" * 2001}]

    report = load([many, long, record("large", figure=figure("PanGu-α", 200))], editor)

    assert any("at most 20 per figure" in problem for problem in report.problems)
    assert any("at most 2000 characters" in problem for problem in report.problems)
    assert not Claim.objects.exists()


@pytest.mark.parametrize(
    "text, message",
    [
        ('[{"statement": "x", "claimant": 1' + "0" * 5000 + "}]", "not valid JSON"),
        ('[{"statement": "a\\udc00b", "claimant": "T"}]', "half of a character pair"),
        ('[{"statement": "a\\ud800b", "claimant": "T"}]', "half of a character pair"),
        ('[{"statement": "\\ud83d\\ude00 an emoji", "claimant": 5}]', "expected text, found 5"),
        ("\ufeff[]", "byte-order mark"),
    ],
)
def test_json_the_parser_chokes_on_is_reported_and_the_next_import_works(editor, text, message):
    report = claims_import(
        file=io.BytesIO(text.encode("utf-8", "surrogatepass")),
        format="json",
        name="f.json",
        by=editor,
    )
    assert any(message in problem for problem in report.problems), report.problems

    assert load([record("after")], editor).ok  # the process is still sound


def test_a_refused_value_megabytes_long_is_not_repeated_whole(editor):
    report = load([record("a", kind="k" * 1_000_000)], editor)
    assert report.problems and all(len(problem) <= 520 for problem in report.problems)


def test_every_state_export_with_a_withdrawn_claim_imports_as_it_was(
    tmp_path, editor, second_editor
):
    from django.core.management import call_command

    from claims.services import claim_withdraw
    from tests.factories import ClaimFactory, PublishedClaimFactory

    claim_withdraw(claim=PublishedClaimFactory(slug="gone"), by=editor, reason="A duplicate.")
    ClaimFactory(slug="draft")
    first = tmp_path / "first.json"
    call_command("export_claims", "--every-state", "--format=json", f"--output={first}")
    Claim.objects.all().delete()

    with first.open("rb") as file:
        refused = claims_import(file=file, format="json", name="first.json", by=editor)
        assert any("withdrawn claim was published first" in p for p in refused.problems)
        report = claims_import(
            file=file, format="json", name="first.json", by=editor, approver=second_editor
        )
    assert report.ok, report.problems
    gone = Claim.objects.get(slug="gone")
    assert (gone.state, gone.withdrawn_reason) == (ClaimState.WITHDRAWN, "A duplicate.")
    assert gone.corrections.get().note == "Withdrawn: A duplicate."
    second = tmp_path / "second.json"
    call_command("export_claims", "--every-state", "--format=json", f"--output={second}")
    assert json.loads(second.read_text()) == json.loads(first.read_text())


@pytest.mark.parametrize(
    "fields",
    [{"state": "withdrawn"}, {"state": "published", "withdrawn_reason": "Why?"}],
)
def test_a_withdrawal_and_its_reason_come_together(editor, second_editor, fields):
    report = load([record("a", **fields)], editor, approver=second_editor)
    assert any("withdrawn_reason" in problem for problem in report.problems), report.problems


def test_a_figure_says_how_it_was_obtained(editor):
    """No default: a commenter's number must not pass as the developer's by omission."""
    unsaid = record("small", figure=figure("PanGu-α", 100))
    del unsaid["figure"]["method"]

    report = load([unsaid], editor)

    assert any(problem.startswith("claim 1: figure method:") for problem in report.problems)
    assert not Claim.objects.exists()
