from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from sources.models import Source
from workbench.fields import acting_user, language
from workbench.slugs import slug_url

from ..choices import (
    PUBLIC_STATES,
    RELATION_LABELS,
    VERDICT_SCALE,
    ClaimKind,
    ClaimState,
    CommentKind,
    Confidence,
    RelationKind,
    Stance,
    Verdict,
)
from ..querysets import (
    ClaimQuerySet,
    CorrectionQuerySet,
    EvidenceQuerySet,
    RelationQuerySet,
    ReviewQuerySet,
)
from .claimant import Claimant

STATEMENT_MAX_LENGTH = 300
EXCERPT_MAX_LENGTH = 1000
COMMENT_MAX_LENGTH = 2000
QUOTE_MAX_LENGTH = 600  # a sentence or two: readers see quotes, never the whole copy
QUOTE_CONTEXT = 64
QUOTE_NEEDS_COPY = (
    "A quote names the kept copy it quotes (its SHA-256), and a copy is named only with a quote."
)


ALIASES_HELP = (
    "Other names, one a line: spellings, abbreviations, translations, the name in Chinese. "
    "Search finds the claims under any of them."
)


class Topic(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    aliases = models.TextField(blank=True, help_text=ALIASES_HELP)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def names(self) -> list[str]:
        return [self.name, *names_in(self.aliases)]


def names_in(aliases: str) -> list[str]:
    """The aliases of a text field, one a line."""
    # "\n" alone: a line separator or another break inside an alias is part of it.
    return [line.strip() for line in aliases.split("\n") if line.strip()]


class Claim(models.Model):
    statement = models.CharField(
        max_length=STATEMENT_MAX_LENGTH, help_text="The claim in one sentence, in our own words."
    )
    language = language(help_text="BCP 47 tag of the statement: en, zh-Hans, zh-Hant, …")
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=10, choices=ClaimKind.choices, default=ClaimKind.FACT)
    claimant = models.ForeignKey(
        Claimant,
        on_delete=models.PROTECT,
        related_name="claims",
        help_text="Who asserts the claim.",
    )
    first_appeared_in = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="first_appearances",
        help_text="The earliest source known to make the claim.",
    )
    first_appeared_locator = models.CharField(
        "locator", max_length=200, blank=True, help_text="Page, section, table, footnote, comment…"
    )
    first_appeared_on = models.DateField(null=True, blank=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="claims")
    context = models.TextField(blank=True, help_text="What a reader must know beside the verdict.")
    state = models.CharField(
        max_length=10, choices=ClaimState.choices, default=ClaimState.DRAFT, editable=False
    )
    # The newest published review's grading, copied here by review_publish() so that lists
    # filter and sort on a column instead of a subquery.
    verdict = models.CharField(max_length=20, choices=Verdict.choices, blank=True, editable=False)
    confidence = models.CharField(
        max_length=10, choices=Confidence.choices, blank=True, editable=False
    )
    graded_at = models.DateTimeField(null=True, blank=True, editable=False)
    recheck_due = models.DateField(
        "re-check due",
        null=True,
        blank=True,
        help_text="When the verdict should be looked at again (forecasts, fast-moving figures).",
    )
    # The re-check date its assignee was last reminded of, so a reminder goes out once per date.
    recheck_reminded_for = models.DateField(null=True, blank=True, editable=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawn_reason = models.TextField(blank=True, editable=False)
    # Optimistic locking: a save based on an older version is refused, never silently merged.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = acting_user()
    # The editor who takes the claim through logging, grading and re-checks; any editor may.
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_claims",
        limit_choices_to={"groups__name": "Editors", "is_active": True},
        help_text="The editor who looks after this claim.",
    )

    objects = ClaimQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[topics])

    class Meta:
        # The key last: ties (claims imported together, ungraded) would come out in any order,
        # and a backup must come out the same every time.
        ordering = ["-graded_at", "-created_at", "-pk"]
        indexes = [
            models.Index(fields=["state", "verdict", "-graded_at"]),
            models.Index(fields=["state", "kind"]),
            # The public list's order, newest graded first; the admin's, newest first.
            models.Index(fields=["state", "-graded_at", "-id"], name="claim_state_newest_graded"),
            models.Index(fields=["-created_at", "-id"], name="claim_newest"),
            models.Index(fields=["recheck_due"]),
            models.Index(fields=["first_appeared_on"]),
            # The desk: an editor's drafts, newest first; published claims due for re-check.
            models.Index(fields=["created_by", "state", "-created_at"], name="claim_drafts_by"),
            models.Index(fields=["state", "recheck_due"], name="claim_recheck_due"),
        ]

    def __str__(self) -> str:
        return self.statement

    def get_absolute_url(self) -> str:
        return slug_url("claims:detail", self.slug)

    @property
    def is_public(self) -> bool:
        """Published claims are public; a withdrawn one keeps its page, with the notice."""
        return self.state in PUBLIC_STATES

    @property
    def is_withdrawn(self) -> bool:
        return self.state == ClaimState.WITHDRAWN

    @property
    def rating(self) -> int | None:
        return VERDICT_SCALE[self.verdict].rating if self.verdict else None

    @property
    def verdict_icon(self) -> str:
        return VERDICT_SCALE[self.verdict].icon if self.verdict else ""

    @property
    def is_due_for_recheck(self) -> bool:
        return self.recheck_due is not None and self.recheck_due <= timezone.localdate()


class Evidence(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="evidence")
    stance = models.CharField(max_length=10, choices=Stance.choices)
    excerpt = models.TextField(
        blank=True,
        validators=[MaxLengthValidator(EXCERPT_MAX_LENGTH)],
        help_text="A short excerpt or paraphrase of what the source says.",
    )
    language = language(help_text="BCP 47 tag of the excerpt and note: en, zh-Hans, …")
    locator = models.CharField(
        max_length=200, help_text="Page, section, table, footnote or comment where it says so."
    )
    note = models.TextField(blank=True)
    # A text-quote anchor into a kept copy of the source (as the W3C Web Annotation text-quote
    # selector: the exact words, with a little context on each side), and which copy: its
    # SHA-256. documents/ keeps the copies and checks that the words are still there.
    quote = models.TextField(
        blank=True,
        validators=[MaxLengthValidator(QUOTE_MAX_LENGTH)],
        help_text="The source's own words, exactly as in its kept copy.",
    )
    quote_prefix = models.CharField(max_length=QUOTE_CONTEXT, blank=True)
    quote_suffix = models.CharField(max_length=QUOTE_CONTEXT, blank=True)
    quote_copy = models.CharField(
        "SHA-256 of the copy quoted",
        max_length=64,
        blank=True,
        db_index=True,
        validators=[RegexValidator(r"^[0-9a-f]{64}$", "A SHA-256 is 64 lowercase hex digits.")],
    )
    added_by = acting_user()
    added_at = models.DateTimeField(auto_now_add=True)

    objects = EvidenceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["claim", "stance", "id"]
        indexes = [models.Index(fields=["claim", "stance"])]

    def __str__(self) -> str:
        return f"{self.get_stance_display()}: {self.source} ({self.locator})"

    def clean(self) -> None:
        if bool(self.quote) != bool(self.quote_copy):
            raise ValidationError(QUOTE_NEEDS_COPY)


class ClaimRelation(models.Model):
    from_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="relations_out")
    to_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="relations_in")
    kind = models.CharField(max_length=15, choices=RelationKind.choices)
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = acting_user()

    objects = RelationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_claim", "to_claim", "kind"], name="claim_relation_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(from_claim=models.F("to_claim")),
                name="claim_relation_not_to_itself",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_claim} — {self.get_kind_display()} — {self.to_claim}"

    def label_from(self, claim: Claim) -> str:
        """How the relation reads on the page of `claim`, one of its two ends."""
        forward, backward = RELATION_LABELS[self.kind]
        return forward if claim.pk == self.from_claim_id else backward

    def other_end(self, claim: Claim) -> Claim:
        return self.to_claim if claim.pk == self.from_claim_id else self.from_claim


class Review(models.Model):
    """A grading of a claim. Published reviews, newest first, are the claim's verdict history."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="reviews")
    verdict = models.CharField(max_length=20, choices=Verdict.choices)
    confidence = models.CharField(
        max_length=10, choices=Confidence.choices, default=Confidence.MEDIUM
    )
    rationale = models.TextField()
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="reviews",
        editable=False,
        verbose_name="graded by",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    approved_by = acting_user(on_delete=models.PROTECT, verbose_name="approved by")
    correction_note = models.TextField(
        blank=True,
        help_text="Required when the claim is already published: what changed and why.",
    )
    # Set when a second editor sends the grading back with a comment; cleared when its author
    # revises it, which puts it back in the approval queue.
    sent_back_at = models.DateTimeField(null=True, blank=True, editable=False)
    sent_back_by = acting_user()

    objects = ReviewQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        indexes = [
            models.Index(fields=["claim", "-published_at"]),
            # The desk's queues read pending gradings only, a few among a million.
            models.Index(
                fields=["reviewer", "sent_back_at"],
                condition=models.Q(published_at__isnull=True),
                name="review_pending_by_reviewer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_verdict_display()} — {self.claim}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def rating(self) -> int:
        return VERDICT_SCALE[self.verdict].rating

    @property
    def verdict_icon(self) -> str:
        return VERDICT_SCALE[self.verdict].icon


class ReviewComment(models.Model):
    """The editors' thread on a claim: why a grading was sent back, and the replies. Never
    shown to readers; kept with its history like everything else."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="review_comments")
    # review_delete() lets go of the comments first, with a history record each; a deleted
    # claim takes its gradings and comments with it.
    review = models.ForeignKey(
        Review, on_delete=models.RESTRICT, null=True, blank=True, related_name="comments"
    )
    kind = models.CharField(max_length=10, choices=CommentKind.choices, default=CommentKind.COMMENT)
    text = models.TextField(validators=[MaxLengthValidator(COMMENT_MAX_LENGTH)])
    created_at = models.DateTimeField(auto_now_add=True)
    author = acting_user(on_delete=models.PROTECT)

    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["claim", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on “{self.claim}”"


class Correction(models.Model):
    """A public note that a published claim, its evidence or its verdict changed, and why."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="corrections")
    note = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = acting_user()

    objects = CorrectionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["-created_at"])]

    def __str__(self) -> str:
        return f"Correction to “{self.claim}”"


class ClaimSummary(models.Model):
    """What lists and search need to know about a claim, derived from the claim, its evidence,
    relations, figure conflicts and published reviews, and rebuilt on every write by
    claim_summary_refresh(). Never edited and not in the history."""

    claim = models.OneToOneField(
        Claim, primary_key=True, on_delete=models.CASCADE, related_name="summary"
    )
    is_contested = models.BooleanField(default=False)
    # What makes it contested, besides evidence on both sides (ClaimQuerySet.with_contested()).
    has_counter_claim = models.BooleanField(default=False)
    figure_disagrees = models.BooleanField(default=False)
    evidence_for = models.PositiveIntegerField(default=0)
    evidence_against = models.PositiveIntegerField(default=0)
    # The searchable text by weight: the statement counts most, then who made it, then the rest
    # (context, published rationales, evidence excerpts and the titles of the sources cited).
    statement = models.TextField(blank=True)
    claimant = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # The same three as search terms (claims/search/analysis.py), made in Python so that both
    # databases index the same words: statement; names (claimant, the figure's subject and the
    # topics, with their aliases); and the rest. PostgreSQL indexes them in `search_vector`
    # (GIN), SQLite in an FTS5 table kept in step by triggers (migration 0019).
    terms_statement = models.TextField(blank=True, editable=False)
    terms_names = models.TextField(blank=True, editable=False)
    terms_body = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        indexes = [models.Index(fields=["is_contested", "-evidence_against"])]

    def __str__(self) -> str:
        return f"Summary of “{self.claim_id}”"


class SearchWord(models.Model):
    """A word the search index holds, as readers write it, with the term it is indexed under:
    what "Did you mean …" offers for a word that finds little. Added to by every summary
    refresh, never edited; a word no claim uses any more stays until `manage.py
    refresh_claim_summaries --words` rebuilds the list."""

    # PostgreSQL finds words alike through a trigram index on `word` (migration 0019).
    word = models.CharField(max_length=100, primary_key=True)
    term = models.CharField(max_length=100, db_index=True)  # which words a search's terms are

    def __str__(self) -> str:
        return self.word
