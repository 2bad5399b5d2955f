"""The pieces of a claim's admin page: its form (with the correction note and the questions
asked before a near-duplicate is saved), the inlines for its figure, evidence, relations and
gradings, the error summary, and the withdrawal form."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminTextareaWidget
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst

from workbench.admin import ConfirmationField, SafeInputMixin, ask_once
from workbench.locking import VersionedFormMixin
from workbench.unstorable import KeysOnlyModelMultipleChoiceField, refuse_unshowable

from .. import services
from ..choices import CommentKind, RelationKind
from ..models import (
    Claim,
    ClaimRelation,
    Evidence,
    Review,
    ReviewComment,
)
from ..selectors import near_duplicates
from ..services.claims import is_editor
from .figures import FigureInline, StatementAgreementForm

# The links offered beside each claim in the similar-claims hint
# (static/claims/js/similar-claims.js): the form field its boxes fill, and the relation saved.
SIMILAR_LINKS = {
    "duplicate_of": RelationKind.DUPLICATE_OF,
    "counter_claim_of": RelationKind.COUNTER_CLAIM,
    "supports_claim": RelationKind.SUPPORTS,
}
NEAR_DUPLICATE_ASKED = (
    "Already logged, worded almost the same: {claims}. Link this claim to them in the list "
    "under the statement (duplicate of, counter-claim of, supports), or tick the box if it is "
    "another claim."
)


def similar_link_field() -> KeysOnlyModelMultipleChoiceField:
    return KeysOnlyModelMultipleChoiceField(
        queryset=Claim.objects.all(), required=False, widget=forms.MultipleHiddenInput
    )


class ClaimForm(VersionedFormMixin, forms.ModelForm):
    # Ticked in the similar-claims hint while typing.
    duplicate_of = similar_link_field()
    counter_claim_of = similar_link_field()
    supports_claim = similar_link_field()
    not_a_duplicate = ConfirmationField("Save anyway, it is not a duplicate")
    correction_note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        validators=[refuse_unshowable],
        help_text=(
            "Required when you change what a published claim says or its evidence: readers see "
            "this note in the claim's corrections log."
        ),
    )

    class Meta:
        widgets = {"statement": AdminTextareaWidget(attrs={"rows": 3})}
        help_texts = {
            "first_appeared_locator": (
                "Page, section, table, footnote, comment… Typed once: saving cites the first "
                "appearance as evidence that asserts the claim, with this locator, unless an "
                "evidence row from this source does already; an evidence row from this source "
                "left without a locator takes this one."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            # The browser makes it from the statement, but not from Chinese: saving then does.
            self.fields["slug"].required = False
            self.fields["slug"].help_text = "Left empty, it is made from the statement."

    def clean(self):
        cleaned = super().clean()
        material = set(self.changed_data) & {
            f.removesuffix("_id") for f in services.MATERIAL_FIELDS
        }
        note = cleaned.get("correction_note", "")
        if material and (problem := services.correction_missing([self.instance], note)):
            self.add_error("correction_note", problem)
        if "statement" in cleaned and (
            self.instance.pk is None or "statement" in self.changed_data
        ):
            ask_once(self, "not_a_duplicate", self.near_duplicate_question(cleaned))
        return cleaned

    def linked_claims(self, cleaned: dict) -> set[int]:
        """The claims this one is linked to, in this form's hint or already."""
        linked = {claim.pk for name in SIMILAR_LINKS for claim in cleaned.get(name) or []}
        if self.instance.pk is not None:
            ends = ClaimRelation.objects.filter(
                Q(from_claim=self.instance) | Q(to_claim=self.instance)
            ).values_list("from_claim_id", "to_claim_id")
            linked.update(pk for pair in ends for pk in pair)
        return linked

    def near_duplicate_question(self, cleaned: dict) -> str | None:
        """What to ask before saving a claim worded almost like one already logged."""
        exclude = {self.instance.pk, *self.linked_claims(cleaned)}
        alike = near_duplicates(cleaned["statement"], exclude_pks=exclude)
        if not alike:
            return None
        claims = "; ".join(f"“{claim.statement}” ({claim.get_state_display()})" for claim in alike)
        return NEAR_DUPLICATE_ASKED.format(claims=claims)


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


class ClaimPartsFormSet(PublishedClaimFormSet):
    """Rows whose forms read the claim as posted (its statement, its first appearance)."""

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "claim": self.instance}


class RelationFormSet(PublishedClaimFormSet):
    link = True

    def shown_on(self, form) -> list[Claim]:
        other = (getattr(form, "cleaned_data", None) or {}).get("to_claim")
        if other is None and form.instance.to_claim_id:
            other = form.instance.to_claim
        return [self.instance, other] if other else [self.instance]


class FigureFormSet(ClaimPartsFormSet):
    # A figure added to a published claim restates the number its statement already gives.
    new_rows_are_corrections = False


class ClaimFigureForm(StatementAgreementForm):
    """The figure on its claim's page: the claim is the page's, as posted; its correction
    note is the claim form's."""

    def __init__(self, *args, claim: Claim, **kwargs):
        super().__init__(*args, **kwargs)
        self.claim = claim

    def claim_of_figure(self, cleaned: dict) -> Claim | None:
        return self.claim

    def statement_may_disagree(self, claim: Claim) -> bool:
        # A reworded statement may part from a figure that did not change.
        if claim.pk is None or super().statement_may_disagree(claim):
            return True
        return not Claim.objects.filter(pk=claim.pk, statement=claim.statement).exists()


class ClaimFigureInline(FigureInline):
    form = ClaimFigureForm
    formset = FigureFormSet
    fields = [*FigureInline.fields, "statement_checked"]

    def get_extra(self, request, obj=None, **kwargs):
        # A claim logged from a sentence that gives a figure arrives with it filled in.
        return 1 if obj is None and request.GET.get("figure_quantity") else self.extra


class EvidenceForm(forms.ModelForm):
    class Meta:
        # A quote comes from a kept copy (logged from a sentence of it), with its context:
        # shown, carried through the form, never retyped.
        widgets = {
            "quote": forms.Textarea(attrs={"rows": 2, "readonly": True}),
            "quote_prefix": forms.HiddenInput,
            "quote_suffix": forms.HiddenInput,
            "quote_copy": forms.HiddenInput,
        }

    def __init__(self, *args, claim: Claim, **kwargs):
        super().__init__(*args, **kwargs)
        self.claim = claim
        # Left empty on the row citing the first appearance, it takes the first appearance's.
        self.fields["locator"].required = False
        # Left empty (a row added by a script, or in an older form), English.
        self.fields["language"].required = False

    def clean_language(self):
        return self.cleaned_data.get("language") or "en"

    def has_changed(self) -> bool:
        # A new row that arrives with a quote is the point of the link that filled it in:
        # saved even if the editor adds nothing to it.
        return super().has_changed() or bool(self.instance.pk is None and self.initial.get("quote"))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("locator"):
            cleaned["locator"] = services.first_appearance_locator(
                self.claim, cleaned.get("source")
            )
        if not cleaned["locator"] and "locator" not in self.errors:
            self.add_error("locator", self.fields["locator"].error_messages["required"])
        return cleaned


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea,
        help_text="Shown to readers on the claim page.",
        validators=[refuse_unshowable],
    )


class EvidenceInline(SafeInputMixin, admin.StackedInline):
    # Stacked: a row of five fields with two text areas is wider than an editor's screen.
    model = Evidence
    form = EvidenceForm
    formset = ClaimPartsFormSet
    extra = 1
    autocomplete_fields = ["source"]
    fields = [
        ("source", "stance"),
        "locator",
        ("excerpt", "language"),
        "quote",
        "note",
        "quote_prefix",
        "quote_suffix",
        "quote_copy",
    ]
    formfield_overrides = {models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": 2})}}


class RelationInline(SafeInputMixin, admin.TabularInline):
    model = ClaimRelation
    formset = RelationFormSet
    fk_name = "from_claim"
    extra = 1
    autocomplete_fields = ["to_claim"]
    fields = ["kind", "to_claim", "note"]
    verbose_name = "relation to another claim"
    verbose_name_plural = "relations to other claims (a counter-claim shows on both pages)"


class PendingReviewForm(forms.ModelForm):
    # On the author's own grading after a second editor sent it back: saving the claim page
    # does not by itself say "look again"; this does, also when the grading is unchanged.
    resubmit = forms.BooleanField(
        label="Ask for approval again",
        required=False,
        help_text="Tick when you have done what the comment asked, whether or not the grading "
        "itself changed.",
    )

    def has_changed(self) -> bool:
        asked = "resubmit" in self.fields and bool(self["resubmit"].data)
        return super().has_changed() or asked

    def clean(self):
        cleaned = super().clean()
        # Said beside the grading, before anything is saved: a new grading of a claim readers
        # see is a correction, and its note is this one, not the claim's.
        if self.instance.claim_id and super().has_changed():
            claim = self.instance.claim
            if problem := services.correction_missing([claim], cleaned.get("correction_note", "")):
                self.add_error("correction_note", problem)
        return cleaned


class PendingReviewFormSet(BaseInlineFormSet):
    """A pending grading is its author's: others see it but cannot change or remove it (the
    service refuses too; this keeps the form honest)."""

    user = None

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if not (form.instance.sent_back_at and form.instance.reviewer_id == self.user.pk):
            form.fields["resubmit"].widget = forms.HiddenInput()  # only for a sent-back grading
            form.fields["resubmit"].disabled = True
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
    form = PendingReviewForm
    formset = PendingReviewFormSet
    extra = 1
    fields = [
        "verdict",
        "confidence",
        "rationale",
        "correction_note",
        "reviewer",
        "status",
        "resubmit",
    ]
    readonly_fields = ["reviewer", "status"]
    verbose_name = "grading awaiting approval"
    verbose_name_plural = "gradings awaiting approval"

    def get_queryset(self, request):
        sent_back = ReviewComment.objects.filter(kind=CommentKind.SENT_BACK).order_by("-pk")
        return (
            super()
            .get_queryset(request)
            .filter(published_at__isnull=True)
            .select_related("reviewer", "sent_back_by")
            .prefetch_related(Prefetch("comments", queryset=sent_back, to_attr="sent_back_why"))
        )

    def get_extra(self, request, obj=None, **kwargs):
        # One grading waits at a time: no empty form inviting a second beside it.
        if obj is not None and obj.reviews.filter(published_at__isnull=True).exists():
            return 0
        return self.extra

    @admin.display(description="status")
    def status(self, review):
        if review.pk is None:
            return "Saving a grading puts the claim in a second editor's queue."
        screen = reverse("admin:claims_claim_review", args=[review.claim_id])
        if review.sent_back_at:
            why = review.sent_back_why[0].text if review.sent_back_why else ""
            return format_html(
                "<strong>Sent back</strong> by {} ({}): “{}” Revise the grading, or tick "
                '"Ask for approval again", and save. <a href="{}">Review screen</a>',
                review.sent_back_by,
                date_format(review.sent_back_at, "j F Y, H:i"),
                why,
                screen,
            )
        return format_html('Awaiting a second editor. <a href="{}">Review screen</a>', screen)

    def get_fields(self, request, obj=None):
        # A grading's correction note is for re-grading a claim readers have seen.
        fields = super().get_fields(request, obj)
        return (
            fields
            if obj is not None and obj.is_public
            else [name for name in fields if name != "correction_note"]
        )

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


def error_summary(form: forms.Form, formsets: list[BaseInlineFormSet]) -> list[dict]:
    """Every error on the page, each with what it is about (the field's label, the inline row)
    and the id of the field it sits beside, for the summary at the top. The claim form's own
    non-field errors are shown at the top already."""
    if not form.is_bound:
        return []
    summary = [
        {"label": form[name].label, "message": message, "anchor": form[name].id_for_label}
        for name, messages in form.errors.items()
        if name in form.fields
        for message in messages
    ]
    for formset in formsets:
        group = capfirst(formset.model._meta.verbose_name_plural)
        summary += [
            {"label": group, "message": message, "anchor": f"{formset.prefix}-group"}
            for message in formset.non_form_errors()
        ]
        for index, row in enumerate(formset.forms):
            where = f"{capfirst(formset.model._meta.verbose_name)} {index + 1}"
            for name, messages in row.errors.items():
                field = row[name] if name in row.fields else None
                summary += [
                    {
                        "label": f"{where}: {field.label}" if field else where,
                        "message": message,
                        "anchor": field.id_for_label if field else f"{formset.prefix}-{index}",
                    }
                    for message in messages
                ]
    return summary
