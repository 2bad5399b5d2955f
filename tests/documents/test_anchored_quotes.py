"""From a kept copy to anchored evidence: the reading view marks check-worthy sentences, a
claim is logged from one with the form filled in, its evidence quotes the sentence, readers see
the quote with the copy's date and hash, and a newer copy that lost the words is flagged."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from claims import services
from claims.choices import ClaimState, Quantity, Stance
from claims.models import Claim, Evidence
from documents.choices import QuoteStatus
from documents.models import QuoteCheck, Sentence
from documents.services import snapshot_take
from tests.factories import ClaimFactory, FigureFactory, SourceFactory, SubjectFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)  # the task worker runs for real

REPORT = (
    b"The institute opened a new lab in the spring.\n\n"
    b"Its new model, Lantern-2, has 1.75 trillion parameters, the lab said. "
    b"It was trained over the winter.\n\n"
    b"The team thanked its partners."
)
LATER = REPORT.replace(b"1.75 trillion", b"2 trillion").replace(b"the lab said", b"it says")


def run_worker() -> None:
    call_command("db_worker", batch=True, verbosity=0)


@pytest.fixture
def copy(editor):
    kept = snapshot_take(
        source=SourceFactory(title="Lab report"), name="r.txt", content=REPORT, by=editor
    )
    run_worker()  # which marks its sentences
    return kept


def test_sentences_are_marked_by_the_worker_not_in_the_upload(client, editor):
    kept = snapshot_take(source=SourceFactory(), name="r.txt", content=REPORT, by=editor)
    assert not Sentence.objects.exists() and kept.sentences_marked_at is None
    client.force_login(editor)
    page = client.get(reverse("admin:documents_snapshot_change", args=[kept.pk]))
    assert "being marked by the task worker" in page.content.decode()
    run_worker()
    kept.refresh_from_db()
    assert kept.sentences_marked_at is not None and Sentence.objects.count() == 1


def test_the_reading_view_marks_the_figure_sentence_and_offers_to_log_it(client, editor, copy):
    sentence = Sentence.objects.get()
    assert sentence.text == "Its new model, Lantern-2, has 1.75 trillion parameters, the lab said."
    assert (sentence.quantity, sentence.value, sentence.unit) == (
        Quantity.PARAMETERS,
        1.75,
        "trillion parameters",
    )
    client.force_login(editor)
    page = client.get(reverse("admin:documents_snapshot_change", args=[copy.pk])).content.decode()
    assert f'<mark class="checkworthy" id="s{sentence.pk}">' in page
    assert "gives a figure, attributes a statement (parameters: 1.75 trillion parameters)" in page
    assert reverse("admin:documents_sentence_log", args=[sentence.pk]) in page


def test_logging_from_a_sentence_fills_in_the_claim_form(client, editor, copy):
    subject = SubjectFactory(name="Lantern-2")
    client.force_login(editor)
    sentence = Sentence.objects.get()
    link = client.get(reverse("admin:documents_sentence_log", args=[sentence.pk]))
    form = client.get(link.url)
    initial = form.context["adminform"].form.initial
    assert initial["first_appeared_in"] == str(copy.source_id)
    assert initial["first_appeared_locator"] == "¶2"
    evidence = form.context["inline_admin_formsets"][1].formset.forms[0].initial
    assert evidence["quote"] == sentence.text and evidence["quote_copy"] == copy.sha256
    assert "quote_prefix" not in evidence  # the sentence opens its paragraph
    assert evidence["quote_suffix"] == " It was trained over the winter."
    figure = form.context["inline_admin_formsets"][0].formset.forms[0].initial
    assert figure["quantity"] == Quantity.PARAMETERS and figure["subject"] == str(subject.pk)
    assert (figure["value"], figure["unit"]) == ("1.75", "trillion parameters")
    assert initial["kind"] == "figure"
    assert "statement" not in initial  # written by the editor, in his own words


def test_readers_see_the_quote_with_the_copys_date_and_a_lost_quote_is_flagged(
    client, editor, second_editor, copy
):
    sentence = Sentence.objects.get()
    claim = ClaimFactory(
        statement="Lantern-2 has 1.75 trillion parameters.",
        first_appeared_in=copy.source,
        located_evidence=False,
    )
    services.evidence_add(
        claim=claim,
        source=copy.source,
        stance=Stance.ASSERTS,
        locator="¶2",
        quote=sentence.text,
        quote_suffix=" It was trained over the winter.",
        quote_copy=copy.sha256,
        by=editor,
    )
    services.review_submit(
        claim=claim,
        verdict="accurate",
        rationale="The lab's own report gives the count, and nobody disputes it.",
        by=editor,
    )
    services.claim_publish(claim=claim, approver=second_editor)
    run_worker()
    check = QuoteCheck.objects.get()
    assert check.in_quoted_copy and check.status == QuoteStatus.FOUND
    page = client.get(claim.get_absolute_url()).content.decode()
    assert "“Its new model, Lantern-2, has 1.75 trillion parameters, the lab said.”" in page
    assert f"in the copy of {copy.taken_at:%-d %B %Y}" in page and copy.sha256[:12] in page

    snapshot_take(source=copy.source, name="r2.txt", content=LATER, by=editor)
    run_worker()
    check.refresh_from_db()
    assert check.status == QuoteStatus.CHANGED
    assert "2 trillion" in check.now_reads
    client.force_login(editor)
    desk = client.get(reverse("admin:index")).content.decode()
    assert 'Changed or gone in a newer copy</a></th><td class="desk-count">1<' in desk
    listed = client.get(reverse("admin:documents_quotecheck_changelist"))
    assert listed.status_code == 200 and claim.statement in listed.content.decode()


def test_a_quote_that_is_not_in_its_copy_is_not_shown_to_readers(
    client, editor, second_editor, copy
):
    claim = ClaimFactory(first_appeared_in=copy.source)
    evidence = Evidence.objects.get(claim=claim)
    evidence.quote, evidence.quote_copy = "Words the report never used.", copy.sha256
    services.evidence_save(evidence=evidence, by=editor)
    services.review_submit(
        claim=claim, verdict="accurate", rationale="The report gives it in its table.", by=editor
    )
    services.claim_publish(claim=claim, approver=second_editor)
    run_worker()
    assert not QuoteCheck.objects.get().in_quoted_copy
    assert (
        "Words the report never used." not in client.get(claim.get_absolute_url()).content.decode()
    )


def test_a_chinese_sentence_finds_the_english_claim_with_the_same_figure(editor):
    figure = FigureFactory(quantity=Quantity.PARAMETERS, value=1.75, unit="trillion")
    snapshot_take(
        source=SourceFactory(),
        name="zh.txt",
        content="该模型拥有1.75万亿参数。".encode(),
        by=editor,
    )
    run_worker()
    sentence = Sentence.objects.get()
    assert sentence.matched_claim == figure.claim and sentence.matched_by == "figure"


def test_who_may_log_from_a_sentence_and_see_quotes(client, editor, curator, copy):
    sentence = Sentence.objects.get()
    log = reverse("admin:documents_sentence_log", args=[sentence.pk])
    quotes = reverse("admin:documents_quotecheck_changelist")
    assert client.get(log).status_code == 302 and "/login/" in client.get(log).url
    client.force_login(curator)  # reads copies, does not log claims
    assert client.get(log).status_code == 403
    assert client.get(quotes).status_code == 403
    client.force_login(UserFactory(username="staff-without-role"))
    assert client.get(log).status_code == 403
    client.force_login(editor)
    assert client.get(log).status_code == 302
    for key in ["0", "abc", "99999999999999999999999"]:
        assert client.get(f"/admin/documents/snapshot/sentence/{key}/log/").status_code == 404
    assert not Claim.objects.filter(state=ClaimState.DRAFT, first_appeared_in=copy.source).exists()


def test_a_sentence_worded_like_a_claim_with_other_numbers_is_new(editor):
    ClaimFactory(statement="ERNIE 3.0 Titan was trained on 375 billion tokens.")
    snapshot_take(
        source=SourceFactory(),
        name="t.txt",
        content=b"ERNIE 3.0 Titan has 260 billion parameters, its developer said.",
        by=editor,
    )
    run_worker()
    assert Sentence.objects.get().matched_claim is None


def test_an_edited_quote_is_not_shown_as_verified_before_it_is_checked_again(
    client, editor, second_editor, copy
):
    claim = ClaimFactory(first_appeared_in=copy.source)
    evidence = Evidence.objects.get(claim=claim)
    evidence.quote, evidence.quote_copy = "The team thanked its partners.", copy.sha256
    services.evidence_save(evidence=evidence, by=editor)
    services.review_submit(
        claim=claim, verdict="accurate", rationale="The report gives it in its table.", by=editor
    )
    services.claim_publish(claim=claim, approver=second_editor)
    run_worker()
    assert "The team thanked its partners." in client.get(claim.get_absolute_url()).content.decode()
    evidence.refresh_from_db()
    evidence.quote = "Words the report never used."
    services.evidence_save(evidence=evidence, by=editor, correction_note="Quoted more.")
    # The worker has not run: readers see no quote rather than an unchecked one.
    assert (
        "Words the report never used." not in client.get(claim.get_absolute_url()).content.decode()
    )
