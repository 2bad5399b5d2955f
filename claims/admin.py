from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html

from . import services
from .choices import ClaimState
from .models import Claim, ClaimRelation, Evidence, Review, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 1
    autocomplete_fields = ["source"]
    fields = ["source", "stance", "locator", "excerpt", "note"]


class RelationInline(admin.TabularInline):
    model = ClaimRelation
    fk_name = "from_claim"
    extra = 1
    autocomplete_fields = ["to_claim"]
    fields = ["kind", "to_claim", "note"]
    verbose_name = "relation to another claim"
    verbose_name_plural = "relations to other claims (a counter-claim shows on both pages)"


class PendingReviewInline(admin.StackedInline):
    model = Review
    extra = 1
    fields = ["verdict", "confidence", "rationale", "reviewer"]
    readonly_fields = ["reviewer"]
    verbose_name = "grading awaiting approval"
    verbose_name_plural = "gradings awaiting approval"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(published_at__isnull=True)


class VerdictHistoryInline(admin.TabularInline):
    """Published gradings are the public record: shown, never edited in place."""

    model = Review
    extra = 0
    fields = ["published_at", "verdict", "confidence", "rationale", "reviewer", "approved_by"]
    readonly_fields = fields
    can_delete = False
    verbose_name = "published grading"
    verbose_name_plural = "verdict history"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(published_at__isnull=False)

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["statement", "state", "verdict", "kind", "claimant", "graded_at"]
    list_filter = ["state", "verdict", "kind", "topics"]
    list_select_related = ["first_appeared_in"]
    search_fields = ["statement", "claimant", "slug"]
    autocomplete_fields = ["first_appeared_in", "topics"]
    date_hierarchy = "created_at"
    readonly_fields = ["state", "verdict", "confidence", "graded_at", "published_at", "public_page"]
    fieldsets = [
        (None, {"fields": ["statement", "slug", "kind", "claimant", "topics", "context"]}),
        (
            "First appearance",
            {"fields": ["first_appeared_in", "first_appeared_locator", "first_appeared_on"]},
        ),
        (
            "Status",
            {
                "fields": [
                    "state",
                    "verdict",
                    "confidence",
                    "graded_at",
                    "published_at",
                    "recheck_due",
                    "public_page",
                ]
            },
        ),
    ]
    inlines = [EvidenceInline, RelationInline, PendingReviewInline, VerdictHistoryInline]
    actions = ["submit_for_review", "approve_and_publish"]

    def get_prepopulated_fields(self, request, obj=None):
        # A published claim's address is shared; only a new claim gets one from its statement.
        return {} if obj else {"slug": ["statement"]}

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "slug"] if obj else readonly

    @admin.display(description="Public page")
    def public_page(self, obj):
        if obj.pk and obj.state == ClaimState.PUBLISHED:
            return format_html('<a href="{0}">{0}</a>', obj.get_absolute_url())
        return "Not public until it is published."

    def save_model(self, request, obj, form, change):
        services.claim_save(claim=obj, by=request.user)

    def save_formset(self, request, form, formset, change):
        save = {
            Evidence: lambda obj: services.evidence_save(evidence=obj, by=request.user),
            ClaimRelation: lambda obj: services.relation_save(relation=obj, by=request.user),
            Review: lambda obj: services.review_save(review=obj, by=request.user),
        }
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        for obj in instances:
            save[type(obj)](obj)
        formset.save_m2m()

    def _apply(self, request, queryset, workflow, done: str):
        succeeded = 0
        for claim in queryset:
            try:
                workflow(claim)
            except ValidationError as error:
                self.message_user(request, f"“{claim}”: {' '.join(error.messages)}", messages.ERROR)
            else:
                succeeded += 1
        if succeeded:
            self.message_user(request, f"{succeeded} claim(s) {done}.", messages.SUCCESS)

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_public else None

    @admin.action(description="Submit selected drafts for review", permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._apply(
            request, queryset, lambda claim: services.claim_submit(claim=claim), "submitted"
        )

    @admin.action(description="Approve and publish selected claims", permissions=["change"])
    def approve_and_publish(self, request, queryset):
        self._apply(
            request,
            queryset,
            lambda claim: services.claim_publish(claim=claim, approver=request.user),
            "published",
        )


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["claim", "source", "stance", "locator"]
    list_filter = ["stance"]
    list_select_related = ["claim", "source"]
    search_fields = ["claim__statement", "source__title", "excerpt", "locator"]
    autocomplete_fields = ["claim", "source"]

    def save_model(self, request, obj, form, change):
        services.evidence_save(evidence=obj, by=request.user)


@admin.register(ClaimRelation)
class ClaimRelationAdmin(admin.ModelAdmin):
    list_display = ["from_claim", "kind", "to_claim"]
    list_filter = ["kind"]
    list_select_related = ["from_claim", "to_claim"]
    search_fields = ["from_claim__statement", "to_claim__statement"]
    autocomplete_fields = ["from_claim", "to_claim"]

    def save_model(self, request, obj, form, change):
        services.relation_save(relation=obj, by=request.user)
