"""The admin of a claim's parts listed on their own: evidence, relations, gradings and
corrections (figures: figures.py). Each changes a public claim only from the claim's page,
where the correction note is written."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from workbench.admin import HistoryAdmin, RecordOnlyMixin

from .. import services
from ..choices import PUBLIC_STATES
from ..models import Claim, ClaimRelation, Correction, Evidence, Review


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


EVIDENCE_ON_PUBLISHED_CLAIM = (
    "Readers see this claim: add its evidence on the claim's own page, where the correction "
    "note they will read is written."
)


class EvidenceForm(forms.ModelForm):
    def clean_claim(self):
        claim = self.cleaned_data["claim"]
        if services.correction_needed([claim]):
            raise ValidationError(EVIDENCE_ON_PUBLISHED_CLAIM)
        return claim


@admin.register(Evidence)
class EvidenceAdmin(PartOfClaimAdmin):
    list_display = ["claim", "source", "stance", "locator"]
    list_filter = ["stance"]
    list_select_related = ["claim", "source"]
    # Newest first, on the key's index, and no column sorts: at a million rows any other
    # order sorts the table for each page.
    ordering = ["-pk"]
    sortable_by = ()
    search_fields = ["claim__statement", "source__title", "excerpt", "locator"]
    autocomplete_fields = ["claim", "source"]
    form = EvidenceForm

    def get_readonly_fields(self, request, obj=None):
        # Evidence of a published claim is changed from the claim, where the correction note is.
        if obj is not None and of_public_claim(obj):
            return [field.name for field in Evidence._meta.fields]
        return super().get_readonly_fields(request, obj)

    def save_model(self, request, obj, form, change):
        services.evidence_save(evidence=obj, by=request.user)

    def delete_model(self, request, obj):
        services.evidence_delete(evidence=obj, by=request.user)


RELATION_BETWEEN_PUBLISHED = (
    "Both claims are published, so readers see this link on both pages: link them, or change "
    "the link, on a claim's own page, where the correction note is written."
)


class ClaimRelationForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        ends = [cleaned.get("from_claim"), cleaned.get("to_claim")]
        if None not in ends and services.correction_needed(ends, link=True):
            raise ValidationError(RELATION_BETWEEN_PUBLISHED)
        return cleaned


@admin.register(ClaimRelation)
class ClaimRelationAdmin(HistoryAdmin):
    list_display = ["from_claim", "kind", "to_claim"]
    list_filter = ["kind"]
    list_select_related = ["from_claim", "to_claim"]
    # Newest first on the key's index, as evidence (EvidenceAdmin).
    ordering = ["-pk"]
    sortable_by = ()
    search_fields = ["from_claim__statement", "to_claim__statement"]
    autocomplete_fields = ["from_claim", "to_claim"]
    form = ClaimRelationForm

    def get_readonly_fields(self, request, obj=None):
        if (
            obj is not None
            and obj.pk
            and ClaimRelation.objects.between_published().filter(pk=obj.pk).exists()
        ):
            return ["from_claim", "kind", "to_claim", "note"]
        return super().get_readonly_fields(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and ClaimRelation.objects.between_published().filter(pk=obj.pk).exists():
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        services.relation_save(relation=obj, by=request.user)

    def delete_model(self, request, obj):
        services.relation_delete(relation=obj, by=request.user)


@admin.register(Review)
class ReviewAdmin(HistoryAdmin):
    """Gradings are written on the claim's page; here they can be found and their history read."""

    list_display = ["claim", "verdict", "reviewer", "published_at", "approved_by"]
    list_filter = ["verdict"]
    list_select_related = ["claim", "reviewer", "approved_by"]
    # Newest first on the key's index, as evidence (EvidenceAdmin).
    ordering = ["-pk"]
    sortable_by = ()
    search_fields = ["claim__statement", "rationale"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # Published gradings are the verdict history; a pending one is only its author's.
        if obj is None or obj.is_published or obj.reviewer_id != request.user.pk:
            return False
        return super().has_delete_permission(request, obj)

    def delete_model(self, request, obj):
        services.review_delete(review=obj, by=request.user)


@admin.register(Correction)
class CorrectionAdmin(RecordOnlyMixin, HistoryAdmin):
    list_display = ["claim", "note", "created_by", "created_at"]
    list_select_related = ["claim", "created_by"]
    search_fields = ["claim__statement", "note"]
