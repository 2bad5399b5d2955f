from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from claims.choices import ClaimKind
from claims.models import Claim, Evidence, Subject

from .anchors import locator_of, quote_of
from .checkworthy import REASON_LABELS
from .choices import QuoteStatus
from .models import Paragraph, QuoteCheck, Sentence, Snapshot


def snapshot_for_reading() -> QuerySet[Snapshot]:
    """A snapshot with its source, paragraphs in order and their check-worthy sentences with
    the claims they make: the reading view's reads, in a fixed number of queries."""
    sentences = Sentence.objects.select_related("matched_claim").order_by("start")
    return Snapshot.objects.select_related("source__outlet", "taken_by").prefetch_related(
        Prefetch(
            "paragraphs",
            queryset=Paragraph.objects.order_by("number").prefetch_related(
                Prefetch("sentences", queryset=sentences)
            ),
        )
    )


@dataclass
class Piece:
    """A run of a paragraph's text: plain, or a check-worthy sentence."""

    text: str
    sentence: Sentence | None = None

    @property
    def why(self) -> str:
        return ", ".join(REASON_LABELS[r] for r in self.sentence.reasons.split())


def pieces(paragraph: Paragraph) -> list[Piece]:
    """The paragraph's text cut at its prefetched check-worthy sentences, in order."""
    cut, at = [], 0
    for sentence in paragraph.sentences.all():
        if sentence.start > at:
            cut.append(Piece(paragraph.text[at : sentence.start]))
        cut.append(Piece(paragraph.text[sentence.start : sentence.end], sentence))
        at = sentence.end
    if at < len(paragraph.text):
        cut.append(Piece(paragraph.text[at:]))
    return cut


def claims_touched(snapshot: Snapshot) -> list[dict]:
    """The claims already in the workbench that this copy makes, repeats or disputes, each
    with the sentences that touch it, from the prefetched sentences: so that an editor adds
    evidence to them instead of logging duplicates."""
    touched: dict[int, dict] = {}
    for paragraph in snapshot.paragraphs.all():
        for sentence in paragraph.sentences.all():
            if sentence.matched_claim is None:
                continue
            entry = touched.setdefault(
                sentence.matched_claim_id, {"claim": sentence.matched_claim, "sentences": []}
            )
            entry["sentences"].append(sentence)
    return list(touched.values())


def claim_form_filled_from(sentence: Sentence) -> dict[str, str]:
    """What the claim form is filled in with when a claim is logged from `sentence`."""
    paragraph = sentence.paragraph
    snapshot = paragraph.snapshot
    quote = quote_of(paragraph, sentence.start, sentence.end)
    locator = locator_of(paragraph)
    filled = {
        "first_appeared_in": snapshot.source_id,
        "first_appeared_locator": locator,
        "source": snapshot.source_id,
        "locator": locator,
        "quote": quote.exact,
        "quote_prefix": quote.prefix,
        "quote_suffix": quote.suffix,
        "quote_copy": snapshot.sha256,
    }
    if sentence.quantity:
        filled |= {
            "kind": ClaimKind.FIGURE,
            "figure_quantity": sentence.quantity,
            "figure_value": f"{sentence.value:g}",
            "figure_unit": sentence.unit,
            "figure_bound": sentence.bound,
        }
        text = quote.exact.casefold()
        named = [
            pk for pk, name in Subject.objects.values_list("pk", "name") if name.casefold() in text
        ]
        if len(named) == 1:
            filled["figure_subject"] = named[0]
    return filled


def quoted_copies(evidence: list[Evidence]) -> None:
    """Attach to each evidence item `quoted_in`, the kept copy its quote was found in (for the
    date and SHA-256 readers are shown), or None: one query for all of them."""
    checks = QuoteCheck.objects.filter(
        evidence__in=[item.pk for item in evidence if item.quote], in_quoted_copy=True
    ).select_related("quoted_copy")
    copies = {check.evidence_id: check.quoted_copy for check in checks}
    for item in evidence:
        item.quoted_in = copies.get(item.pk)


def quotes_to_look_at() -> QuerySet[QuoteCheck]:
    """Quotes whose words changed or are gone in the newest copy of their source."""
    return QuoteCheck.objects.exclude(status=QuoteStatus.FOUND)


def quotes_public() -> QuerySet[QuoteCheck]:
    """Quotes readers see: of published claims' evidence, found in the copy they name."""
    return (
        QuoteCheck.objects.filter(
            in_quoted_copy=True, evidence__claim__in=Claim.objects.published()
        )
        .select_related("evidence__claim", "quoted_copy__source")
        .order_by("pk")
    )


def snapshots_for_reader(user) -> QuerySet[Snapshot]:
    snapshots = Snapshot.objects.select_related("source").order_by("pk")
    if user.has_perm("documents.view_snapshot"):
        return snapshots
    return snapshots.filter(pk__in=quotes_public().values("quoted_copy"))
