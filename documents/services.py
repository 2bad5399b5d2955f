"""Taking a snapshot of a source's document. Snapshots are only ever added: a new copy of a
document is a new copy beside the old ones."""

import math

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from claims.figure_text import figure_in
from claims.models import Claim, Evidence, Figure
from claims.selectors import similar_claims_for_each
from claims.units import UnknownUnit, normalise, stated_numbers
from sources.models import Source

from .anchors import Quote, find
from .checkworthy import reasons, sentences
from .choices import MatchKind, QuoteStatus
from .extract import extract
from .models import Paragraph, QuoteCheck, Sentence, Snapshot

SAME_AS_LATEST = (
    "This is the same document as the copy of {date} (same SHA-256): nothing new to keep."
)


@transaction.atomic
def snapshot_take(
    *, source: Source, name: str, content: bytes, by: AbstractBaseUser | None, pasted: bool = False
) -> Snapshot:
    """Keep a copy of `source`'s document: its bytes, their SHA-256 and its main text as
    numbered paragraphs. All or nothing: a refused file leaves nothing behind."""
    extracted = extract(name, content, pasted=pasted)
    # Two editors uploading the same file at once keep one copy.
    Source.objects.select_for_update().filter(pk=source.pk).values("pk").first()
    latest = source.snapshots.order_by("-taken_at", "-pk").first()
    if latest is not None and latest.sha256 == extracted.sha256:
        raise ValidationError(SAME_AS_LATEST.format(date=f"{latest.taken_at:%Y-%m-%d %H:%M}"))
    snapshot = Snapshot(
        source=source,
        kind=extracted.kind,
        sha256=extracted.sha256,
        size=extracted.size,
        pages=extracted.pages,
        original_name="" if pasted else name[:255],
        taken_by=by,
    )
    if not pasted:
        snapshot.original.save(name, ContentFile(content), save=False)
    try:
        snapshot._history_user = by
        snapshot.save()
        Paragraph.objects.bulk_create(
            Paragraph(snapshot=snapshot, number=number, page=page, text=text)
            for number, (page, text) in enumerate(extracted.paragraphs, start=1)
        )
        # Outside the request, by the task worker: finding and matching the sentences grows
        # with the document and the number of claims; the quotes are looked for in the copy.
        mark_sentences.enqueue(snapshot.pk)
        check_quotes_of_source.enqueue(source.pk)
    except Exception:
        if snapshot.original:
            snapshot.original.delete(save=False)
        raise
    return snapshot


# How alike a sentence and a logged claim's statement must be to say the sentence makes it.
SAME_CLAIM_SIMILARITY = 0.75
# A figure within this of a logged figure (relatively) is the same figure.
SAME_FIGURE_TOLERANCE = 0.01


@task()
def mark_sentences(snapshot_id: int) -> int:
    snapshot = Snapshot.objects.filter(pk=snapshot_id).first()
    return len(snapshot_mark_sentences(snapshot)) if snapshot else 0


@transaction.atomic
def snapshot_mark_sentences(snapshot: Snapshot) -> list[Sentence]:
    """Find the copy's check-worthy sentences, the figure each gives, and the claim already
    logged that each makes: worded alike, or giving the same figure (which is how a Chinese
    sentence finds an English claim). Run again, it finds them afresh."""
    Sentence.objects.filter(paragraph__snapshot=snapshot).delete()
    found = []
    for paragraph in snapshot.paragraphs.order_by("number"):
        for start, end in sentences(paragraph.text):
            text = paragraph.text[start:end]
            if not (why := reasons(text)):
                continue
            sentence = Sentence(paragraph=paragraph, start=start, end=end, reasons=" ".join(why))
            if guess := figure_in(text):
                sentence.quantity, sentence.value = guess.quantity, guess.value
                sentence.unit, sentence.bound = guess.unit, guess.bound
            found.append(sentence)
    alike = similar_claims_for_each([sentence.text for sentence in found], limit=1)
    for sentence, claims in zip(found, alike, strict=True):
        if (
            claims
            and claims[0].similarity >= SAME_CLAIM_SIMILARITY
            and _same_numbers(sentence.text, claims[0].statement)
        ):
            sentence.matched_claim, sentence.matched_by = claims[0], MatchKind.TEXT
        elif sentence.quantity and (claim := _claim_with_figure(sentence)):
            sentence.matched_claim, sentence.matched_by = claim, MatchKind.FIGURE
    marked = Sentence.objects.bulk_create(found)
    snapshot.sentences_marked_at = timezone.now()
    snapshot.save(update_fields=["sentences_marked_at"])
    return marked


def _same_numbers(sentence: str, statement: str) -> bool:
    """Worded alike is not enough when both give figures: "260 billion parameters" is not the
    claim about "375 billion tokens". True when either gives none, or they share one."""
    ours = [n.value for n in stated_numbers(sentence) if n.scaled]
    theirs = [n.value for n in stated_numbers(statement) if n.scaled]
    if not ours or not theirs:
        return True
    return any(math.isclose(a, b, rel_tol=SAME_FIGURE_TOLERANCE) for a in ours for b in theirs)


def _claim_with_figure(sentence: Sentence) -> Claim | None:
    """The one logged claim whose figure is the sentence's: same quantity and value, and the
    same subject when the sentence names one."""
    try:
        value = normalise(sentence.value, sentence.unit, sentence.quantity).value
    except (UnknownUnit, ValueError):
        return None
    figures = list(
        Figure.objects.filter(
            quantity=sentence.quantity,
            normalised__gte=value * (1 - SAME_FIGURE_TOLERANCE),
            normalised__lte=value * (1 + SAME_FIGURE_TOLERANCE),
        ).select_related("subject", "claim")[:20]
    )
    text = sentence.text.casefold()
    named = [figure for figure in figures if figure.subject.name.casefold() in text]
    candidates = named or figures
    return candidates[0].claim if len({f.subject_id for f in candidates}) == 1 else None


@transaction.atomic
def quote_check(evidence: Evidence) -> QuoteCheck | None:
    """Find an evidence item's quote in the copy it names and in the newest copy of its
    source, and record what became of it; None (and no record) for evidence without a quote."""
    if not evidence.quote:
        QuoteCheck.objects.filter(evidence=evidence).delete()
        return None
    quote = Quote(evidence.quote, evidence.quote_prefix, evidence.quote_suffix)
    copies = Snapshot.objects.filter(source_id=evidence.source_id)
    quoted = copies.filter(sha256=evidence.quote_copy).order_by("taken_at", "pk").first()
    newest = copies.order_by("-taken_at", "-pk").first()
    found = _found(quote, newest) if newest is not None else None
    # Most quotes are of the newest copy: looked for once.
    in_quoted_copy = found if quoted == newest else _found(quote, quoted) if quoted else None
    check = QuoteCheck.objects.filter(evidence=evidence).first() or QuoteCheck(evidence=evidence)
    check.quoted_copy, check.newest_copy = quoted, newest
    check.in_quoted_copy = bool(in_quoted_copy and in_quoted_copy.exact)
    check.status = (
        QuoteStatus.LOST
        if found is None
        else QuoteStatus.FOUND
        if found.exact
        else QuoteStatus.CHANGED
    )
    check.paragraph_number = found.paragraph.number if found else None
    check.now_reads = (
        found.paragraph.text[found.start : found.end] if found and not found.exact else ""
    )
    check.save()
    return check


def _found(quote: Quote, snapshot: Snapshot):
    return find(quote, list(snapshot.paragraphs.order_by("number")))


@task()
def check_quotes_of_source(source_id: int) -> int:
    """After a new copy of a source: check every quote from it. Returns how many."""
    quoted = Evidence.objects.filter(source_id=source_id).exclude(quote="")
    for evidence in quoted:
        quote_check(evidence)
    return len(quoted)


@task()
def check_quote(evidence_id: int) -> str:
    evidence = Evidence.objects.filter(pk=evidence_id).first()
    if evidence is None:
        return "gone"
    check = quote_check(evidence)
    return check.status if check else "no quote"
