from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.html import format_html

from sources.models import Source
from workbench.admin import HistoryAdmin, SafeInputMixin, action_form_page
from workbench.locking import VersionedFormMixin
from workbench.unstorable import KeysOnlyModelMultipleChoiceField, is_key, refuse_unshowable

from .. import services
from ..choices import RelationKind, Stance
from ..models import (
    STATEMENT_MAX_LENGTH,
    Claim,
    ClaimRelation,
    Correction,
    Evidence,
    Figure,
    Review,
    Topic,
)
from ..selectors import similar_claims
from .figures import FigureInline
from .parts import PartOfClaimAdmin, of_public_claim


@admin.register(Topic)
class TopicAdmin(HistoryAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class ClaimForm(VersionedFormMixin, forms.ModelForm):
    # Ticked in the similar-claims hint (static/claims/js/similar-claims.js) while typing.
    duplicate_of = KeysOnlyModelMultipleChoiceField(
        queryset=Claim.objects.all(), required=False, widget=forms.MultipleHiddenInput
    )
    correction_note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        validators=[refuse_unshowable],
        help_text=(
            "Required when you change what a published claim says or its evidence: readers see "
            "this note in the claim's corrections log."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        material = set(self.changed_data) & {
            f.removesuffix("_id") for f in services.MATERIAL_FIELDS
        }
        note = cleaned.get("correction_note", "")
        if material and (problem := services.correction_missing([self.instance], note)):
            self.add_error("correction_note", problem)
        return cleaned


class PublishedClaimFormSet(BaseInlineFormSet):
    """Rows shown on a published claim's page change only with the claim form's correction
    note (services.correction_needed() says when)."""

    new_rows_are_corrections = True
    link = False

    def clean(self):
        super().clean()
        note = self.data.get("correction_note", "")
        changed = [
            form
            for form in self.forms
            if form.has_changed() and (self.new_rows_are_corrections or form.instance.pk)
        ]
        for form in [*changed, *self.deleted_forms]:
            problem = services.correction_missing(self.shown_on(form), note, link=self.link)
            if problem:
                raise ValidationError(problem)

    def shown_on(self, form) -> list[Claim]:
        """The claims whose pages show the row of `form`."""
        return [self.instance]


class RelationFormSet(PublishedClaimFormSet):
    link = True

    def shown_on(self, form) -> list[Claim]:
        other = (getattr(form, "cleaned_data", None) or {}).get("to_claim")
        if other is None and form.instance.to_claim_id:
            other = form.instance.to_claim
        return [self.instance, other] if other else [self.instance]


class FigureFormSet(PublishedClaimFormSet):
    # A figure added to a published claim restates the number its statement already gives.
    new_rows_are_corrections = False


class ClaimFigureInline(FigureInline):
    formset = FigureFormSet


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea,
        help_text="Shown to readers on the claim page.",
        validators=[refuse_unshowable],
    )


class EvidenceInline(SafeInputMixin, admin.TabularInline):
    model = Evidence
    formset = PublishedClaimFormSet
    extra = 1
    autocomplete_fields = ["source"]
    fields = ["source", "stance", "locator", "excerpt", "note"]


class RelationInline(SafeInputMixin, admin.TabularInline):
    model = ClaimRelation
    formset = RelationFormSet
    fk_name = "from_claim"
    extra = 1
    autocomplete_fields = ["to_claim"]
    fields = ["kind", "to_claim", "note"]
    verbose_name = "relation to another claim"
    verbose_name_plural = "relations to other claims (a counter-claim shows on both pages)"


class PendingReviewFormSet(BaseInlineFormSet):
    """A pending grading is its author's: others see it but cannot change or remove it (the
    service refuses too; this keeps the form honest)."""

    user = None

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if form.instance.pk and form.instance.reviewer_id != self.user.pk:
            # The hidden id and claim stay, so that the row is still this grading on a save.
            for name in ["verdict", "confidence", "rationale", "correction_note", "DELETE"]:
                if name in form.fields:  # DELETE only for those who may delete gradings
                    form.fields[name].disabled = True
            form.fields["rationale"].help_text = (
                f"Written by {form.instance.reviewer}: only they can change or remove it. "
                "To disagree, leave it unapproved and tell them why."
            )


class PendingReviewInline(SafeInputMixin, admin.StackedInline):
    model = Review
    formset = PendingReviewFormSet
    extra = 1
    fields = ["verdict", "confidence", "rationale", "correction_note", "reviewer"]
    readonly_fields = ["reviewer"]
    verbose_name = "grading awaiting approval"
    verbose_name_plural = "gradings awaiting approval"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(published_at__isnull=True)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (formset,), {"user": request.user})


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
class ClaimAdmin(HistoryAdmin):
    form = ClaimForm
    list_display = ["statement", "state", "verdict", "kind", "claimant", "graded_at"]
    list_filter = ["state", "verdict", "kind", "topics"]
    list_select_related = ["first_appeared_in"]
    search_fields = ["statement", "claimant", "slug"]
    autocomplete_fields = ["first_appeared_in", "topics"]
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

    @admin.action(description="Approve and publish selected claims", permissions=["change"])
    def approve_and_publish(self, request, queryset):
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
class CorrectionAdmin(HistoryAdmin):
    list_display = ["claim", "note", "created_by", "created_at"]
    list_select_related = ["claim", "created_by"]
    search_fields = ["claim__statement", "note"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
