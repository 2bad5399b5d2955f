from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.html import format_html

from sources.models import Source
from workbench.admin import HistoryAdmin, action_form_page
from workbench.unstorable import is_key

from .. import services
from ..choices import RelationKind, Stance, Verdict
from ..models import (
    STATEMENT_MAX_LENGTH,
    Claim,
    ClaimRelation,
    Evidence,
    Figure,
    Review,
    Topic,
)
from ..selectors import similar_claims
from .claim_page import (
    ClaimFigureInline,
    ClaimForm,
    EvidenceInline,
    PendingReviewInline,
    RelationInline,
    VerdictHistoryInline,
    WithdrawForm,
)


@admin.register(Topic)
class TopicAdmin(HistoryAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class AssignedToMeFilter(admin.SimpleListFilter):
    title = "assignment"
    parameter_name = "assigned"

    def lookups(self, request, model_admin):
        return [("me", "Assigned to me"), ("nobody", "Assigned to nobody")]

    def queryset(self, request, queryset):
        if self.value() == "me":
            return queryset.filter(assignee=request.user)
        if self.value() == "nobody":
            return queryset.filter(assignee__isnull=True)
        return queryset


class AwaitingApprovalFilter(admin.SimpleListFilter):
    """The claims a second editor has to look at, re-gradings of published claims included
    (their state says "published", so the state filter alone misses them)."""

    title = "approval"
    parameter_name = "approval"

    def lookups(self, request, model_admin):
        return [("awaiting", "Awaiting a second editor")]

    def queryset(self, request, queryset):
        return queryset.awaiting_approval() if self.value() == "awaiting" else queryset


@admin.register(Claim)
class ClaimAdmin(HistoryAdmin):
    form = ClaimForm
    list_display = ["statement", "state", "verdict", "proposed", "assignee", "kind", "graded_at"]
    list_filter = [
        AwaitingApprovalFilter,
        AssignedToMeFilter,
        ("assignee", admin.RelatedOnlyFieldListFilter),
        "state",
        "verdict",
        "kind",
        "topics",
    ]
    list_select_related = ["first_appeared_in", "assignee"]
    search_fields = ["statement", "claimant__name", "slug"]
    # A claimant not yet known is added from here, with the "+" beside the field.
    autocomplete_fields = ["claimant", "first_appeared_in", "topics"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "state",
        "verdict",
        "confidence",
        "graded_at",
        "published_at",
        "withdrawn_reason",
        "public_page",
    ]
    inlines = [
        ClaimFigureInline,
        EvidenceInline,
        RelationInline,
        PendingReviewInline,
        VerdictHistoryInline,
    ]
    actions = ["submit_for_review", "approve_and_publish", "withdraw"]

    class Media:
        js = ["claims/js/similar-claims.js"]
        css = {"all": ["claims/css/admin.css"]}

    def get_urls(self):
        similar = path(
            "similar/", self.admin_site.admin_view(self.similar_view), name="claims_claim_similar"
        )
        return [similar, *super().get_urls()]

    def similar_view(self, request):
        """Near-duplicates of the statement being typed, for the hint beside the field."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        exclude = request.GET.get("exclude", "")
        claims = similar_claims(
            request.GET.get("statement", "")[:STATEMENT_MAX_LENGTH],
            exclude_pk=int(exclude) if is_key(Claim._meta.pk, exclude) else None,
        )
        return JsonResponse(
            {
                "claims": [
                    {
                        "id": claim.pk,
                        "statement": claim.statement,
                        "state": claim.get_state_display(),
                        "similarity": round(claim.similarity, 2),
                        "admin_url": reverse("admin:claims_claim_change", args=[claim.pk]),
                    }
                    for claim in claims
                ]
            }
        )

    def get_queryset(self, request):
        return super().get_queryset(request).with_proposed_verdict()

    @admin.display(description="awaiting approval")
    def proposed(self, obj):
        """The verdict a pending grading proposes: what a second editor would publish."""
        return Verdict(obj.proposed_verdict).label if obj.proposed_verdict else ""

    def get_search_results(self, request, queryset, search_term):
        # The changelist uses the readers' full-text search; autocompletion, which sees half-typed
        # words, keeps the admin's substring search over search_fields.
        if not search_term.strip() or request.path.endswith("/autocomplete/"):
            return super().get_search_results(request, queryset, search_term)
        return queryset.search(search_term), False

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        # Logged from a source's page: the first evidence row cites it, the editor adds the
        # locator and excerpt.
        source = request.GET.get("source", "")
        if (
            isinstance(inline, EvidenceInline)
            and obj.pk is None
            and is_key(Source._meta.pk, source)
        ):
            kwargs["initial"] = [{"source": int(source), "stance": Stance.ASSERTS}]
        return kwargs

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for duplicate in form.cleaned_data.get("duplicate_of", []):
            services.relation_add(
                from_claim=form.instance,
                to_claim=duplicate,
                kind=RelationKind.DUPLICATE_OF,
                by=request.user,
                correction_note=form.cleaned_data.get("correction_note", ""),
            )

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (
                None,
                {
                    "fields": [
                        "statement",
                        "slug",
                        "kind",
                        "claimant",
                        "topics",
                        "context",
                        "assignee",
                        "expected_version",
                    ]
                },
            ),
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
                        "withdrawn_reason",
                        "recheck_due",
                        "public_page",
                    ]
                },
            ),
        ]
        if obj is not None and obj.is_public:
            fieldsets.insert(0, ("Correction", {"fields": ["correction_note"]}))
        return fieldsets

    def get_prepopulated_fields(self, request, obj=None):
        # A published claim's address is shared; only a new claim gets one from its statement.
        return {} if obj else {"slug": ["statement"]}

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "slug"] if obj else readonly

    @admin.display(description="Public page")
    def public_page(self, obj):
        if obj.pk and obj.is_public:
            return format_html('<a href="{0}">{0}</a>', obj.get_absolute_url())
        return "Not public until it is published."

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_public else None

    def save_model(self, request, obj, form, change):
        services.claim_save(
            claim=obj,
            by=request.user,
            expected_version=form.cleaned_data.get("expected_version"),
            correction_note=form.cleaned_data.get("correction_note", ""),
        )

    def save_formset(self, request, form, formset, change):
        note = form.cleaned_data.get("correction_note", "")
        save = {
            Evidence: lambda obj: services.evidence_save(
                evidence=obj, by=request.user, correction_note=note
            ),
            ClaimRelation: lambda obj: services.relation_save(
                relation=obj, by=request.user, correction_note=note
            ),
            Review: lambda obj: services.review_save(review=obj, by=request.user),
            Figure: lambda obj: services.figure_save(
                figure=obj, by=request.user, correction_note=note
            ),
        }
        instances = formset.save(commit=False)
        delete = {
            Evidence: lambda obj: services.evidence_delete(
                evidence=obj, by=request.user, correction_note=note
            ),
            ClaimRelation: lambda obj: services.relation_delete(
                relation=obj, by=request.user, correction_note=note
            ),
            Review: lambda obj: services.review_delete(review=obj, by=request.user),
            Figure: lambda obj: services.figure_delete(
                figure=obj, by=request.user, correction_note=note
            ),
        }
        for obj in formset.deleted_objects:
            delete[type(obj)](obj)
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

    @admin.action(description="Submit selected drafts for review", permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._apply(
            request,
            queryset,
            lambda claim: services.claim_submit(claim=claim, by=request.user),
            "submitted",
        )

    @admin.action(description="Approve and publish selected claims…", permissions=["change"])
    def approve_and_publish(self, request, queryset):
        # A second person approves what they have seen: first a page listing every claim with
        # the verdict it would get and who proposed it, then the approval.
        if "apply" not in request.POST:
            claims = list(queryset)  # with the proposed verdict, from get_queryset()
            for claim in claims:
                claim.confirmation_line = (
                    f"{claim} — proposed verdict: {self.proposed(claim)}, graded by "
                    f"{claim.proposed_by}"
                    if claim.proposed_verdict
                    else f"{claim} — no grading waits for approval"
                )
            return action_form_page(
                self,
                request,
                form=forms.Form(),
                objects=claims,
                action="approve_and_publish",
                intro=(
                    "Publish these claims with the verdicts proposed for them? Open any you have "
                    "not read first: readers see the verdict as soon as you approve it."
                ),
                submit_label="Approve and publish",
            )
        self._apply(
            request,
            queryset,
            lambda claim: services.claim_publish(claim=claim, approver=request.user),
            "published",
        )

    @admin.action(description="Withdraw selected published claims…", permissions=["change"])
    def withdraw(self, request, queryset):
        form = WithdrawForm(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            return action_form_page(
                self,
                request,
                form=form,
                objects=queryset,
                action="withdraw",
                intro=(
                    "Withdrawn claims leave the lists and counts. Their pages stay, with a "
                    "withdrawn notice, your reason and an entry in the corrections log."
                ),
                submit_label="Withdraw claims",
            )
        reason = form.cleaned_data["reason"]
        self._apply(
            request,
            queryset,
            lambda claim: services.claim_withdraw(claim=claim, by=request.user, reason=reason),
            "withdrawn",
        )
        return None
