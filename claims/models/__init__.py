"""A claim, the evidence and counter-claims around it, its gradings and corrections
(claim.py), who makes claims
(claimant.py), and the number it states (figure.py)."""

from .claim import (
    COMMENT_MAX_LENGTH,
    EXCERPT_MAX_LENGTH,
    QUOTE_CONTEXT,
    QUOTE_MAX_LENGTH,
    QUOTE_NEEDS_COPY,
    STATEMENT_MAX_LENGTH,
    Claim,
    ClaimRelation,
    ClaimSummary,
    Correction,
    Evidence,
    Review,
    ReviewComment,
    SearchWord,
    Topic,
)
from .claimant import NAME_MAX_LENGTH, Claimant, ClaimantAlias, normalised_name
from .figure import NORMALISED_FIELDS, Figure, FigureConflict, Subject

__all__ = [
    "QUOTE_CONTEXT",
    "QUOTE_MAX_LENGTH",
    "QUOTE_NEEDS_COPY",
    "COMMENT_MAX_LENGTH",
    "EXCERPT_MAX_LENGTH",
    "NAME_MAX_LENGTH",
    "NORMALISED_FIELDS",
    "STATEMENT_MAX_LENGTH",
    "Claim",
    "Claimant",
    "SearchWord",
    "ClaimantAlias",
    "ClaimRelation",
    "ClaimSummary",
    "Correction",
    "Evidence",
    "Figure",
    "FigureConflict",
    "Review",
    "ReviewComment",
    "Subject",
    "Topic",
    "normalised_name",
]
