"""What the admin of each of a claim's parts (evidence, its figure) shares."""

from workbench.admin import HistoryAdmin

from ..choices import PUBLIC_STATES
from ..models import Claim


class PartOfClaimAdmin(HistoryAdmin):
    """The admin of a claim's parts (evidence, its figure), listed on their own."""

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        # A part stays with its claim: a move would change two claims at once, silently.
        return [*readonly, "claim"] if obj is not None and not obj._state.adding else readonly

    def has_delete_permission(self, request, obj=None):
        # A published claim's parts go only with a correction note, from the claim's own page.
        if obj is not None and of_public_claim(obj):
            return False
        return super().has_delete_permission(request, obj)


def of_public_claim(part) -> bool:
    """Whether `part` belongs to a claim readers see, published or withdrawn (its claim may
    since have been deleted)."""
    return Claim.objects.filter(pk=part.claim_id, state__in=PUBLIC_STATES).exists()
