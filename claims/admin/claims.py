import json
from functools import partial

from django.contrib import admin, messages
from django.contrib.admin.views.main import ORDER_VAR
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.html import format_html

from sources.models import Source
from workbench.admin import HistoryAdmin, action_form_page
from workbench.unstorable import is_key

from .. import services
from ..choices import DeskQueue, Stance, Verdict
from ..models import (
    STATEMENT_MAX_LENGTH,
    Claim,
    ClaimRelation,
    Evidence,
    Figure,
    Review,
    Topic,
)
from ..search import find
from ..selectors import similar_claims
from .claim_page import (
    SIMILAR_LINKS,
    ClaimFigureInline,
    ClaimForm,
    EvidenceInline,
    PendingReviewInline,
    RelationInline,
    ReviewCommentInline,
    VerdictHistoryInline,
    WithdrawForm,
    error_summary,
)
from .review_screen import STALE_PAGE, ApprovalForm, opened_now, review_screen


@admin.register(Topic)
class TopicAdmin(HistoryAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        services.topic_save(topic=obj, by=request.user)


# What a link into the add form may fill in (documents/ sends them from a sentence).
QUOTE_FIELDS = ["quote", "quote_prefix", "quote_suffix", "quote_copy"]
FIGURE_GUESS_FIELDS = ["subject", "quantity", "value", "unit", "bound"]
# Search ranks its best matches only (claims.search.ranking.CANDIDATES): the list, and an
# export of it, hold those; a filter narrows to every claim it matches.
SEARCH_SHOWS_BEST = (
    "This search shows its {count} best matches; more claims may match. Add a word or a "
    "filter to narrow it."
)


class DeskFilter(admin.SimpleListFilter):
    """The editor's queues (the desk on the admin index links here), and two shared ones:
    every grading awaiting a second editor, re-gradings of published claims included (their
    state says "published", so the state filter alone misses them), and unassigned claims."""

    title = "desk"
    parameter_name = "desk"
    AWAITING, UNASSIGNED = "awaiting", "unassigned"

    def lookups(self, request, model_admin):
        return [
            *DeskQueue.choices,
            (self.AWAITING, "Awaiting a second editor (anyone's)"),
            (self.UNASSIGNED, "Assigned to nobody"),
        ]

    def queryset(self, request, queryset):
        if self.value() in DeskQueue.values:
            return queryset.desk_queue(self.value(), request.user)
        if self.value() == self.AWAITING:
            return queryset.awaiting_approval()
        if self.value() == self.UNASSIGNED:
            return queryset.filter(assignee__isnull=True)
        return queryset


class TopicFilter(admin.SimpleListFilter):
    """Claims on one topic. Django's own filter for a many-to-many field makes the list
    DISTINCT over every column, which at a million claims sorts them all; a claim holds a
    topic once, so a plain join needs none."""

    title = "topic"
    parameter_name = "topic"

    def lookups(self, request, model_admin):
        return [(str(topic.pk), topic.name) for topic in Topic.objects.all()]

    def queryset(self, request, queryset):
        if is_key(Topic._meta.pk, self.value() or ""):
            return queryset.filter(topics__id=self.value())
        return queryset


@admin.register(Claim)
class ClaimAdmin(HistoryAdmin):
    form = ClaimForm
    list_display = [
        "statement",
        "state",
        "verdict",
        "proposed",
        "assignee",
        "kind",
        "recheck_due",
        "graded_at",
    ]
    list_filter = [
        DeskFilter,
        # Editors only, from the users table: "related only" would read every claim for it.
        ("assignee", admin.RelatedFieldListFilter),
        "state",
        "verdict",
        "kind",
        TopicFilter,
    ]
    list_select_related = ["first_appeared_in", "assignee"]
    # Newest first, in the order of an index: at a million claims any other order sorts the
    # table for each page (a filter or a search narrows the list instead; the desk's queues
    # keep their own orders).
    ordering = ["-created_at", "-pk"]
    sortable_by = ()
    search_fields = ["statement", "claimant__name", "slug"]
    # A claimant not yet known is added from here, with the "+" beside the field.
    autocomplete_fields = ["claimant", "first_appeared_in", "topics"]
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
        ReviewCommentInline,
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
        review = path(
            "<path:object_id>/review/",
            self.admin_site.admin_view(partial(review_screen, self)),
            name="claims_claim_review",
        )
        return [similar, review, *super().get_urls()]

    def get_ordering(self, request):
        # Re-checks are worked through oldest first.
        queue = request.GET.get("desk")
        if queue == DeskQueue.RECHECK:
            return ["recheck_due", "pk"]
        if queue == DeskQueue.DRAFTS:
            return ["-created_at", "-pk"]  # ungraded: the newest first, on the desk's index
        return super().get_ordering(request)

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
        """The verdict a pending grading proposes, linked to the screen where a second editor
        approves it or sends it back."""
        if not obj.proposed_verdict:
            return ""
        return format_html(
            '<a href="{}">{} by {}: review</a>',
            reverse("admin:claims_claim_review", args=[obj.pk]),
            Verdict(obj.proposed_verdict).label,
            obj.proposed_by,
        )

    def get_search_results(self, request, queryset, search_term):
        # The changelist uses the readers' full-text search; autocompletion, which sees half-typed
        # words, keeps the admin's substring search over search_fields.
        if not search_term.strip() or request.path.endswith("/autocomplete/"):
            return super().get_search_results(request, queryset, search_term)
        results = find(search_term, queryset)  # best matches first, as readers get them
        found = queryset.in_order(results.ids)
        if results.corrected_from:
            self.message_user(
                request,
                f"Nothing much matched “{results.corrected_from}”: showing results for "
                f"“{results.text}”.",
                messages.INFO,
            )
        if results.more:
            self.message_user(
                request, SEARCH_SHOWS_BEST.format(count=len(results.ids)), messages.INFO
            )
        if request.GET.get(ORDER_VAR):
            found = found.order_by(*queryset.query.order_by)  # unless sorted by a column
        return found, False

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        # Logged from a source's page, or from a sentence of its kept copy: the first evidence
        # row cites it, with the locator and the quoted words when given; the editor adds the
        # excerpt. A claim's figure may come guessed from the sentence.
        source = request.GET.get("source", "")
        if (
            obj.pk is None
            and isinstance(inline, EvidenceInline)
            and is_key(Source._meta.pk, source)
        ):
            row = {"source": int(source), "stance": Stance.ASSERTS}
            for name in ["locator", *QUOTE_FIELDS]:
                if value := request.GET.get(name, ""):
                    row[name] = value
            kwargs["initial"] = [row]
        if obj.pk is None and isinstance(inline, ClaimFigureInline):
            guessed = {
                name: request.GET[f"figure_{name}"]
                for name in FIGURE_GUESS_FIELDS
                if request.GET.get(f"figure_{name}")
            }
            if guessed:
                kwargs["initial"] = [guessed]
        return kwargs

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        note = form.cleaned_data.get("correction_note", "")
        first_appearance = {"first_appeared_in", "first_appeared_locator"}
        if not change or first_appearance & set(form.changed_data):
            services.first_appearance_cite(
                claim=form.instance,
                by=request.user,
                previous_locator=form.initial.get("first_appeared_locator") or "",
                correction_note=note,
            )
        for name, kind in SIMILAR_LINKS.items():
            for other in form.cleaned_data.get(name, []):
                services.relation_add(
                    from_claim=form.instance,
                    to_claim=other,
                    kind=kind,
                    by=request.user,
                    correction_note=note,
                )
        # Told now, not when a second editor tries to approve it.
        if missing := services.publication_missing(form.instance):
            self.message_user(
                request,
                "Saved, but a second editor cannot publish it yet: " + " ".join(missing),
                messages.WARNING,
            )

    def render_change_form(self, request, context, *args, **kwargs):
        formsets = [inline.formset for inline in context.get("inline_admin_formsets", [])]
        form = context["adminform"].form
        context["error_summary"] = error_summary(form, formsets)
        cleaned = getattr(form, "cleaned_data", {})
        context["similar_links_ticked"] = json.dumps(
            {name: [str(claim.pk) for claim in cleaned.get(name) or []] for name in SIMILAR_LINKS}
        )
        return super().render_change_form(request, context, *args, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (
                None,
                {
                    "fields": [
                        "statement",
                        "language",
                        "not_a_duplicate",
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
                    f"{claim} — proposed verdict: {Verdict(claim.proposed_verdict).label}, "
                    f"graded by {claim.proposed_by}"
                    if claim.proposed_verdict
                    else f"{claim} — no grading waits for approval"
                )
            return action_form_page(
                self,
                request,
                form=ApprovalForm(initial=opened_now()),
                objects=claims,
                action="approve_and_publish",
                intro=(
                    "Publish these claims with the verdicts proposed for them? Open any you have "
                    "not read first: readers see the verdict as soon as you approve it."
                ),
                submit_label="Approve and publish",
            )
        form = ApprovalForm(request.POST)
        if not form.is_valid():
            self.message_user(request, STALE_PAGE, messages.ERROR)
            return None
        seen_at = form.cleaned_data["seen_at"]
        self._apply(
            request,
            queryset,
            lambda claim: services.claim_publish(
                claim=claim, approver=request.user, seen_at=seen_at
            ),
            "published",
        )
        return None

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
