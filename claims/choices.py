from dataclasses import dataclass

from django.db import models


class ClaimKind(models.TextChoices):
    FACT = "fact", "Checkable fact"
    FIGURE = "figure", "Figure"
    FORECAST = "forecast", "Forecast"
    OPINION = "opinion", "Opinion or framing"


class ClaimState(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Readers see a claim in these states (a withdrawn one keeps its page, with the notice), so any
# change to what it says, its evidence or its figure is a public correction with a note.
PUBLIC_STATES = (ClaimState.PUBLISHED, ClaimState.WITHDRAWN)


class Verdict(models.TextChoices):
    ACCURATE = "accurate", "Accurate"
    MOSTLY_ACCURATE = "mostly_accurate", "Mostly accurate"
    MIXED = "mixed", "Mixed"
    OUTDATED = "outdated", "Outdated"
    MISLEADING = "misleading", "Misleading"
    UNSUBSTANTIATED = "unsubstantiated", "Unsubstantiated"
    INACCURATE = "inaccurate", "Inaccurate"


@dataclass(frozen=True)
class VerdictMeaning:
    rating: int  # 1 (worst) to 5 (best), the number a ClaimReview carries
    icon: str  # shown with the label so a verdict never depends on colour alone
    explanation: str


# The public scale, the one definition of each verdict: the methodology page renders it, and
# every verdict label reads its icon and its definition from it (claims/templatetags/verdicts.py).
VERDICT_SCALE: dict[str, VerdictMeaning] = {
    Verdict.ACCURATE: VerdictMeaning(
        5,
        "✔",
        "Reliable evidence bears the claim out and nothing a reader needs is missing. For an "
        "opinion: the evidence it rests on holds up.",
    ),
    Verdict.MOSTLY_ACCURATE: VerdictMeaning(
        4,
        "✓",
        "Right in substance, with an imprecise figure, a missing qualifier or a small error "
        "that does not change the point.",
    ),
    Verdict.MIXED: VerdictMeaning(
        3,
        "◐",
        "Partly right and partly wrong, or, for an opinion or framing, reliable evidence cuts "
        "both ways.",
    ),
    Verdict.OUTDATED: VerdictMeaning(
        3,
        "◷",
        "Was right when it was made, but events or newer figures have overtaken it. Common for "
        "forecasts and fast-moving figures, which is why claims carry a re-check date.",
    ),
    Verdict.MISLEADING: VerdictMeaning(
        2,
        "⚠",
        "Contains some truth but leaves out or distorts what a reader needs, so the overall "
        "impression is wrong.",
    ),
    Verdict.UNSUBSTANTIATED: VerdictMeaning(
        2,
        "?",
        "No reliable evidence for or against could be found; the claimant has not shown it. "
        "Not the same as false.",
    ),
    Verdict.INACCURATE: VerdictMeaning(
        1,
        "✘",
        "Reliable evidence contradicts the claim.",
    ),
}


class Confidence(models.TextChoices):
    """How sure the reviewer is, kept apart from the verdict itself."""

    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class DeskQueue(models.TextChoices):
    """An editor's queues on the desk, and the claim list's filter for each."""

    TO_APPROVE = "approve", "Waiting for my approval"
    SENT_BACK = "sent_back", "Sent back to me"
    ASSIGNED = "assigned", "Assigned to me"
    DRAFTS = "drafts", "My drafts"
    RECHECK = "recheck", "Due for re-check"


class CommentKind(models.TextChoices):
    """What an editor's comment on a claim did."""

    COMMENT = "comment", "Comment"
    SENT_BACK = "sent_back", "Sent back"
    REVISED = "revised", "Revised"


class Stance(models.TextChoices):
    ASSERTS = "asserts", "Asserts"
    SUPPORTS = "supports", "Supports"
    REFUTES = "refutes", "Refutes"
    CONTEXT = "context", "Adds context"


# Which side of the for/against columns each stance counts on: a source that makes or repeats a
# claim stands behind it as much as one that supports it.
STANCES_FOR = (Stance.ASSERTS, Stance.SUPPORTS)
STANCES_AGAINST = (Stance.REFUTES,)


class RelationKind(models.TextChoices):
    COUNTER_CLAIM = "counter_claim", "Counter-claim"
    SUPPORTS = "supports", "Supports"
    PART_OF = "part_of", "Part of"
    DUPLICATE_OF = "duplicate_of", "Duplicate of"
    SUPERSEDES = "supersedes", "Supersedes"


# How a relation reads from each end: "A <forward> B" on A's page, "B <backward> A" on B's.
RELATION_LABELS: dict[str, tuple[str, str]] = {
    RelationKind.COUNTER_CLAIM: ("Counter-claim", "Counter-claim"),
    RelationKind.SUPPORTS: ("Supports", "Supported by"),
    RelationKind.PART_OF: ("Part of", "Sub-claim"),
    RelationKind.DUPLICATE_OF: ("Duplicate of", "Duplicated by"),
    RelationKind.SUPERSEDES: ("Supersedes", "Superseded by"),
}


# -- figures: what a claim's number measures and how it is meant --
class Quantity(models.TextChoices):
    """What a figure measures. Each has a base unit (claims/units.py) that its values are
    normalised to, so figures given in different units can be compared."""

    PARAMETERS = "parameters", "Parameters"
    TRAINING_COMPUTE = "training_compute", "Training compute"
    TRAINING_TOKENS = "training_tokens", "Training tokens"
    ACCELERATORS = "accelerators", "Accelerators (GPUs, NPUs)"
    TRAINING_DURATION = "training_duration", "Training duration"
    DATASET_SIZE = "dataset_size", "Dataset size"
    INVESTMENT = "investment", "Investment"
    USERS = "users", "Users"


class Bound(models.TextChoices):
    """How the value is meant: as the figure itself, or as one end of what is possible."""

    EXACT = "exact", "As stated"
    APPROXIMATE = "approximate", "Approximately"
    AT_LEAST = "at_least", "At least"
    AT_MOST = "at_most", "At most"


class Scope(models.TextChoices):
    """Which version of the thing a figure counts. Figures of different scopes (a planned and
    an achieved training run, a mixture-of-experts total and a dense model) never conflict."""

    UNSPECIFIED = "", "Not specified"
    MOE_TOTAL = "moe_total", "Total mixture-of-experts capacity"
    DENSE = "dense", "Dense model"
    PLANNED = "planned", "Planned"
    ACHIEVED = "achieved", "Achieved"


class Method(models.TextChoices):
    """How the figure was obtained."""

    STATED = "stated", "Stated by the developer"
    ESTIMATED = "estimated", "Estimated by a third party"
    DERIVED = "derived", "Derived from other figures"


class Rank(models.TextChoices):
    """Where several sources disagree, an editor ranks their figures instead of overwriting
    the disagreement (as Wikidata ranks statements): readers see all of them."""

    PREFERRED = "preferred", "Preferred"
    NORMAL = "normal", "Normal"
    DEPRECATED = "deprecated", "Deprecated"


class ClaimSort(models.TextChoices):
    """How a list of claims may be ordered; a search's own order is its relevance."""

    RELEVANCE = "relevance", "Relevance (or newest, without a search)"
    NEWEST = "newest", "Newest verdict first"
    CONTESTED = "contested", "Most contested first"
    VERDICT = "verdict", "Verdict, false first"


class SubjectKind(models.TextChoices):
    MODEL = "model", "AI model"
    ORGANISATION = "organisation", "Organisation"
    OTHER = "other", "Other"


class ClaimantKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"
    PUBLICATION = "publication", "Publication"
