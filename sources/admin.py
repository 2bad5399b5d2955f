from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from workbench.admin import HistoryAdmin
from workbench.locking import VersionedFormMixin
from workbench.unstorable import is_key

from . import selectors, services
from .models import Outlet, Source

RELIABILITY_FIELDS = services.RELIABILITY_FIELDS
# A pasted address without a scheme is almost always an https one.
URL_FIELDS_ASSUME_HTTPS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Outlet)
class OutletAdmin(HistoryAdmin):
    list_display = ["name", "homepage"]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS

    def save_model(self, request, obj, form, change):
        services.outlet_save(outlet=obj, by=request.user)


MERGE_SOURCES_MISSING = (
    "Source(s) {ids} are not in the registry (merged or deleted meanwhile?); nothing was merged."
)
MERGE_IDS_INVALID = "The sources to merge are not given by their numbers; nothing was merged."
MERGE_AT_MOST = 50  # a curator compares the candidates side by side; more is a mistake
MERGE_TOO_MANY = f"Merge at most {MERGE_AT_MOST} sources at once; nothing was merged."
GROUPS_PER_PAGE = 50


class SourceForm(VersionedFormMixin, forms.ModelForm):
    """The admin builds the fields from the fieldsets; this adds the version check and says
    next to the note when a new rating comes without its own reason."""

    def clean(self):
        cleaned = super().clean()
        rating_editable = "reliability" in self.fields and "reliability_note" in cleaned
        if rating_editable and services.rating_needs_new_note(
            old_rating=self.instance.reliability,
            old_note=self.instance.reliability_note,
            rating=cleaned.get("reliability", self.instance.reliability),
            note=cleaned["reliability_note"],
        ):
            self.add_error("reliability_note", services.RATING_NEEDS_NEW_NOTE)
        return cleaned


class MergeForm(forms.Form):
    survivor = forms.TypedChoiceField(
        coerce=int,
        widget=forms.RadioSelect,
        label="Keep this source; fold the others into it",
        error_messages={
            "required": "Choose the source to keep.",
            "invalid_choice": "Choose the source to keep among those listed.",
        },
    )

    def __init__(self, *args, sources: list[Source], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].choices = [(source.pk, source.title) for source in sources]


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    form = SourceForm
    list_display = [
        "title",
        "outlet",
        "kind",
        "reliability_display",
        "published_on",
        "claims_citing",
    ]
    list_filter = ["kind", "reliability", "language"]
    search_fields = ["title", "authors", "url", "outlet__name"]
    autocomplete_fields = ["outlet"]
    readonly_fields = [
        "log_claim",
        "reliability_rated_by",
        "reliability_rated_at",
        "created_by",
        "public_page",
        "merged_here",
    ]
    actions = ["merge_sources"]
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    fieldsets = [
        (
            None,
            {"fields": ["log_claim", "title", "slug", "outlet", "authors", "kind", "language"]},
        ),
        ("Where to find it", {"fields": ["url", "archive_url", "published_on", "date_precision"]}),
        (
            "Reliability",
            {"fields": [*RELIABILITY_FIELDS, "reliability_rated_by", "reliability_rated_at"]},
        ),
        (
            None,
            {"fields": ["notes", "merged_here", "created_by", "public_page", "expected_version"]},
        ),
    ]
    prepopulated_fields = {"slug": ["title"]}

    list_select_related = ["outlet"]
    # Distinct claims that cite the source as evidence, whatever their state: this is the
    # editors' desk, not the public registry.
    page_counts = {"claim_total": Count("evidence__claim", distinct=True)}
    # By title, on its index; other columns would sort every source for each page.
    sortable_by = ["title"]

    def get_fieldsets(self, request, obj=None):
        if obj is not None and self.has_merge_permission(request):
            return self.fieldsets
        # The merges and their undo are the curators' business; nothing to list on a new one.
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "merged_here"]})
            for name, options in self.fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm("sources.rate_source"):
            readonly += RELIABILITY_FIELDS
        return readonly

    @admin.display(description="Reliability", ordering="reliability")
    def reliability_display(self, obj):
        return f"{obj.reliability_marker} {obj.get_reliability_display()}"

    @admin.display(description="Claims citing it")
    def claims_citing(self, obj):
        return obj.claim_total

    @admin.display(description="Claims")
    def log_claim(self, obj):
        """One click from a source to a claim form that cites it, first and as evidence."""
        if not obj.pk:
            return "Save the source first, then log the claims it makes."
        url = reverse("admin:claims_claim_add") + f"?first_appeared_in={obj.pk}&source={obj.pk}"
        # Reading it first: keep a copy of its text, whose sentences lead to claims.
        copy = reverse("admin:documents_snapshot_add") + f"?source={obj.pk}"
        return format_html(
            '<a class="button" href="{}">Log a claim from this source</a> '
            '<a class="button" href="{}">Keep a copy of its text</a>',
            url,
            copy,
        )

    @admin.display(description="Public page")
    def public_page(self, obj):
        if not obj.pk:
            return "—"
        return format_html('<a href="{0}">{0}</a>', obj.get_absolute_url())

    @admin.display(description="Merged into this source")
    def merged_here(self, obj):
        """The sources folded into this one, each with the way back."""
        merges = selectors.merges_into(obj) if obj.pk else []
        if not merges:
            return "—"
        return format_html_join(
            "\n",
            '<p>“{}” (#{}), by {} on {} <a class="button" href="{}">Undo this merge</a></p>',
            (
                (
                    merge.title,
                    merge.id,
                    merge.history_user or "someone",
                    f"{merge.history_date:%Y-%m-%d}",
                    reverse("admin:sources_source_undo_merge", args=[merge.id]),
                )
                for merge in merges
            ),
        )

    def save_model(self, request, obj, form, change):
        services.source_save(
            source=obj, by=request.user, expected_version=form.cleaned_data.get("expected_version")
        )

    @admin.action(description="Merge selected duplicate sources…", permissions=["merge"])
    def merge_sources(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True)[: MERGE_AT_MOST + 1])
        if len(ids) > MERGE_AT_MOST:
            return self._back_to_list(request, MERGE_TOO_MANY)
        return HttpResponseRedirect(self._merge_url(ids))

    # -- The curator's desk: duplicates, merges and their undoing ----------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("duplicates/", view(self.duplicates_view), name="sources_source_duplicates"),
            path("merge/", view(self.merge_view), name="sources_source_merge"),
            path(
                "merges/<str:duplicate_id>/undo/",
                view(self.undo_merge_view),
                name="sources_source_undo_merge",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        tools = {"has_merge_permission": self.has_merge_permission(request)}
        return super().changelist_view(request, {**tools, **(extra_context or {})})

    def _require_merge_permission(self, request) -> None:
        if not self.has_merge_permission(request):
            raise PermissionDenied

    def _page(self, request, template: str, title: str, **context):
        return TemplateResponse(
            request,
            f"admin/sources/source/{template}",
            {**self.admin_site.each_context(request), "title": title, "opts": Source._meta}
            | context,
        )

    def _merge_url(self, ids) -> str:
        query = urlencode([("ids", pk) for pk in ids])
        return f"{reverse('admin:sources_source_merge')}?{query}"

    def _back_to_list(self, request, message: str):
        self.message_user(request, message, messages.ERROR)
        return HttpResponseRedirect(reverse("admin:sources_source_changelist"))

    def duplicates_view(self, request):
        """Groups of sources that are likely one, each a link to the merge form."""
        self._require_merge_permission(request)
        page = Paginator(selectors.duplicate_groups(), GROUPS_PER_PAGE).get_page(
            request.GET.get("p")
        )
        groups = selectors.with_candidates(list(page.object_list))
        for group in groups:
            group.merge_url = self._merge_url(group.ids)
        return self._page(
            request, "duplicates.html", "Likely duplicate sources", page=page, groups=groups
        )

    def merge_view(self, request):
        """Which of a few sources to keep, with what each is and what cites it; the others are
        folded into it by source_merge()."""
        self._require_merge_permission(request)
        data = request.POST if request.method == "POST" else request.GET
        raw_ids = data.getlist("ids")
        if not all(is_key(Source._meta.pk, raw) for raw in raw_ids):
            return self._back_to_list(request, MERGE_IDS_INVALID)
        ids = sorted({int(raw) for raw in raw_ids})
        if len(ids) < 2:
            return self._back_to_list(request, services.MERGE_NEEDS_TWO)
        if len(ids) > MERGE_AT_MOST:
            return self._back_to_list(request, MERGE_TOO_MANY)
        candidates = selectors.merge_candidates(ids)
        missing = sorted(set(ids) - {source.pk for source in candidates})
        if missing:
            numbers = ", ".join(f"#{pk}" for pk in missing)
            return self._back_to_list(request, MERGE_SOURCES_MISSING.format(ids=numbers))
        form = MergeForm(request.POST if request.method == "POST" else None, sources=candidates)
        if form.is_valid():
            survivor = next(s for s in candidates if s.pk == form.cleaned_data["survivor"])
            try:
                services.source_merge(survivor=survivor, duplicates=candidates, by=request.user)
            except ValidationError as error:
                return self._back_to_list(request, " ".join(error.messages))
            self.message_user(
                request,
                f"Merged {len(candidates) - 1} duplicate(s) into “{survivor}”.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:sources_source_change", args=[survivor.pk]))
        return self._page(
            request,
            "merge.html",
            "Merge duplicate sources",
            form=form,
            rows=list(zip(candidates, form["survivor"], strict=True)),
        )

    def undo_merge_view(self, request, duplicate_id: str):
        """A confirmation page, then source_merge_undo(): the merged-away source is back, with
        every row the merge moved."""
        self._require_merge_permission(request)
        if not is_key(Source._meta.pk, duplicate_id):
            raise Http404
        try:
            merge = services.merge_to_undo(int(duplicate_id))
            if request.method == "POST":
                restored = services.source_merge_undo(duplicate_id=merge.id, by=request.user)
        except ValidationError as error:
            return self._back_to_list(request, " ".join(error.messages))
        if request.method == "POST":
            self.message_user(
                request,
                f"Restored “{restored}”; the rows the merge moved point at it again.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:sources_source_change", args=[restored.pk]))
        return self._page(
            request,
            "undo_merge.html",
            "Undo a merge",
            merge=merge,
            survivor=Source.objects.get(pk=selectors.survivor_id(merge)),
            moved=selectors.rows_moved_by(merge.history_change_reason),
        )

    def has_merge_permission(self, request):
        return request.user.has_perm("sources.merge_source")
