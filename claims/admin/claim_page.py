"""The pieces of a claim's admin page: its form (with the correction note), the inlines for
its figure, evidence, relations and gradings, and the withdrawal form."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html

from workbench.admin import SafeInputMixin
from workbench.locking import VersionedFormMixin
from workbench.unstorable import KeysOnlyModelMultipleChoiceField, refuse_unshowable

from .. import services
from ..models import (
    Claim,
    ClaimRelation,
    Evidence,
    Review,
    ReviewComment,
)
from ..services.claims import is_editor
from .figures import FigureInline


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
                "To disagree, send it back with a comment from its review screen."
            )


class PendingReviewInline(SafeInputMixin, admin.StackedInline):
    model = Review
    formset = PendingReviewFormSet
    extra = 1
    fields = ["verdict", "confidence", "rationale", "correction_note", "reviewer", "status"]
    readonly_fields = ["reviewer", "status"]
    verbose_name = "grading awaiting approval"
    verbose_name_plural = "gradings awaiting approval"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(published_at__isnull=True)
            .select_related("reviewer", "sent_back_by")
        )

    @admin.display(description="status")
    def status(self, review):
        if review.pk is None:
            return "Saving a grading puts the claim in a second editor's queue."
        screen = reverse("admin:claims_claim_review", args=[review.claim_id])
        if review.sent_back_at:
            return format_html(
                "<strong>Sent back</strong> by {} ({}): revise it and save, and it goes back in "
                'the queue. <a href="{}">Review screen</a>',
                review.sent_back_by,
                date_format(review.sent_back_at, "j F Y, H:i"),
                screen,
            )
        return format_html('Awaiting a second editor. <a href="{}">Review screen</a>', screen)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (formset,), {"user": request.user})


class ReviewCommentInline(admin.TabularInline):
    """The editors' thread, read on the claim's page; written on the review screen."""

    model = ReviewComment
    extra = 0
    fields = ["created_at", "author", "kind", "text"]
    readonly_fields = fields
    can_delete = False
    verbose_name = "comment"
    verbose_name_plural = "editors' thread (never shown to readers)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return is_editor(request.user)  # editors only, as on the review screen


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
