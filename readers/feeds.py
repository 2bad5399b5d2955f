from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from claims import selectors
from claims.models import Review
from workbench.site import absolute


class VerdictFeed(Feed):
    """Every verdict as it is published: first gradings and corrected ones (re-gradings)."""

    feed_type = Atom1Feed
    title = f"{settings.WORKBENCH_PUBLISHER}: new and corrected verdicts"
    subtitle = "Claims graded or re-graded, newest first, each with the reasons for its verdict."

    # Absolute addresses, so that the feed names the site's address whatever host was asked.
    page_cache_params = ()

    def link(self) -> str:
        return absolute(reverse("corrections"))

    def feed_url(self) -> str:
        return absolute(reverse("verdict-feed"))

    def items(self):
        return selectors.review_list_public()[:50]

    def item_title(self, review: Review) -> str:
        label = "Corrected verdict" if review.correction_note else "Verdict"
        return f"{label}: {review.get_verdict_display()} — {review.claim.statement}"

    def item_description(self, review: Review) -> str:
        if review.correction_note:
            return f"What changed: {review.correction_note}\n\n{review.rationale}"
        return review.rationale

    def item_link(self, review: Review) -> str:
        return absolute(review.claim.get_absolute_url())

    def item_guid(self, review: Review) -> str:
        # One entry per grading, though several gradings share a claim page.
        return absolute(f"{review.claim.get_absolute_url()}#review-{review.pk}")

    item_guid_is_permalink = False

    def item_pubdate(self, review: Review):
        return review.published_at

    def item_updateddate(self, review: Review):
        return review.published_at

    def item_author_name(self) -> str:
        return settings.WORKBENCH_PUBLISHER
