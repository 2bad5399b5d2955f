"""schema.org ClaimReview, the markup search engines and fact-check aggregators read.

Built from a claim with its first appearance, evidence and outlets loaded (the claim page's
selector and the export's). Every address is absolute, on WORKBENCH_SITE_URL, so that a page
and an export of the same claim carry the same markup whichever host served them."""

import json
from typing import Any

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localdate

from claims.choices import VERDICT_SCALE, ClaimantKind, ClaimState, Stance, Verdict
from claims.models import Claim, Claimant
from sources.choices import DatePrecision
from sources.models import Source
from workbench.site import absolute

BEST_RATING = max(meaning.rating for meaning in VERDICT_SCALE.values())
WORST_RATING = min(meaning.rating for meaning in VERDICT_SCALE.values())
# What json_script escapes: the markup stays data even if a statement contains "</script>".
JSON_IN_HTML_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _organisation(name: str) -> dict[str, str]:
    return {"@type": "Organization", "name": name}


def _author(claimant: Claimant) -> dict[str, str]:
    """A person as a Person; organisations, publications and claimants not yet classified as
    an Organization, as before claimants had kinds."""
    kind = "Person" if claimant.kind == ClaimantKind.PERSON else "Organization"
    return {"@type": kind, "name": claimant.name, "url": absolute(claimant.get_absolute_url())}


def _source_date(source: Source) -> str:
    """The source's publication date in ISO 8601 to the precision it is known: "2023" for a
    report dated only by its year, never a made-up 1 January."""
    day = source.published_on.isoformat()
    return {DatePrecision.YEAR: day[:4], DatePrecision.MONTH: day[:7]}.get(
        source.date_precision, day
    )


def _creative_work(source: Source) -> dict[str, Any]:
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "url": source.url or absolute(source.get_absolute_url()),
        "headline": source.title,
    }
    if source.published_on:
        work["datePublished"] = _source_date(source)
    if source.outlet:
        work["publisher"] = _organisation(source.outlet.name)
    return work


def claim_review(claim: Claim) -> dict[str, Any] | None:
    """The ClaimReview of a published claim; None for drafts, claims in review and withdrawn
    claims, which must not appear as current fact-checks."""
    if claim.state != ClaimState.PUBLISHED or not claim.verdict:
        return None
    item: dict[str, Any] = {"@type": "Claim", "author": _author(claim.claimant)}
    first = claim.first_appeared_in
    # When the claim was made: its own date, else that of the source it first appeared in.
    if claim.first_appeared_on:
        item["datePublished"] = claim.first_appeared_on.isoformat()
    elif first and first.published_on:
        item["datePublished"] = _source_date(first)
    if first:
        item["firstAppearance"] = _creative_work(first)
    appearances = {}
    for evidence in claim.evidence.all():
        if evidence.stance == Stance.ASSERTS:
            appearances.setdefault(evidence.source_id, evidence.source)
    if appearances:
        item["appearance"] = [_creative_work(source) for source in appearances.values()]
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": absolute(claim.get_absolute_url()),
        "claimReviewed": claim.statement,
        "author": {**_organisation(settings.WORKBENCH_PUBLISHER), "url": absolute("/")},
        "datePublished": localdate(claim.published_at).isoformat(),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": VERDICT_SCALE[claim.verdict].rating,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": Verdict(claim.verdict).label,
        },
        "itemReviewed": item,
    }
    if claim.graded_at and localdate(claim.graded_at) != localdate(claim.published_at):
        review["dateModified"] = localdate(claim.graded_at).isoformat()
    return review


def json_ld_script(data: dict[str, Any]) -> SafeString:
    text = json.dumps(data, ensure_ascii=False, indent=1).translate(JSON_IN_HTML_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
