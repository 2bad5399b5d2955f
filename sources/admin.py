from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html

from workbench.admin import HistoryAdmin, action_form_page
from workbench.locking import VersionedFormMixin

from . import services
from .models import Outlet, Source

RELIABILITY_FIELDS = services.RELIABILITY_FIELDS
# A pasted address without a scheme is almost always an https one.
URL_FIELDS_ASSUME_HTTPS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Outlet)
class OutletAdmin(HistoryAdmin):
    list_display = ["name", "homepage"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS


class SourceForm(VersionedFormMixin, forms.ModelForm):
    """The admin builds the fields from the fieldsets; this adds the version check."""


class MergeForm(forms.Form):
    survivor = forms.ModelChoiceField(
        queryset=Source.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Keep this source; fold the others into it",
    )

    def __init__(self, *args, sources, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = sources


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
        (None, {"fields": ["notes", "created_by", "public_page", "expected_version"]}),
    ]
    prepopulated_fields = {"slug": ["title"]}

    def get_queryset(self, request):
        # Distinct claims that cite the source as evidence, whatever their state: this is the
        # editors' desk, not the public registry.
        return (
            super()
            .get_queryset(request)
            .select_related("outlet")
            .annotate(claim_total=Count("evidence__claim", distinct=True))
        )

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm("sources.rate_source"):
            readonly += RELIABILITY_FIELDS
        return readonly

    @admin.display(description="Reliability", ordering="reliability")
    def reliability_display(self, obj):
        return f"{obj.reliability_marker} {obj.get_reliability_display()}"

    @admin.display(description="Claims citing it", ordering="claim_total")
    def claims_citing(self, obj):
        return obj.claim_total

    @admin.display(description="Claims")
    def log_claim(self, obj):
        """One click from a source to a claim form that cites it, first and as evidence."""
        if not obj.pk:
            return "Save the source first, then log the claims it makes."
        url = reverse("admin:claims_claim_add") + f"?first_appeared_in={obj.pk}&source={obj.pk}"
        return format_html('<a class="button" href="{}">Log a claim from this source</a>', url)

    @admin.display(description="Public page")
    def public_page(self, obj):
        if not obj.pk:
            return "—"
        return format_html('<a href="{0}">{0}</a>', obj.get_absolute_url())

    def save_model(self, request, obj, form, change):
        services.source_save(
            source=obj, by=request.user, expected_version=form.cleaned_data.get("expected_version")
        )

    @admin.action(description="Merge selected duplicate sources…", permissions=["merge"])
    def merge_sources(self, request, queryset):
        sources = queryset.order_by("created_at")
        if sources.count() < 2:
            self.message_user(request, services.MERGE_NEEDS_TWO, messages.ERROR)
            return None
        form = MergeForm(request.POST if "apply" in request.POST else None, sources=sources)
        if not form.is_valid():
            return action_form_page(
                self,
                request,
                form=form,
                objects=sources,
                action="merge_sources",
                intro=(
                    "Every evidence item and first appearance of the sources you do not keep "
                    "moves to the one you keep. Blank fields are filled from the duplicates, "
                    "their titles and addresses are kept in its notes, and the merge is recorded "
                    "in every row's history so that it can be undone."
                ),
                submit_label="Merge duplicate sources",
            )
        survivor, merged = form.cleaned_data["survivor"], len(sources) - 1
        try:
            services.source_merge(survivor=survivor, duplicates=list(sources), by=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return None
        self.message_user(
            request,
            f"Merged {merged} duplicate(s) into “{survivor}”.",
            messages.SUCCESS,
        )
        return None

    def has_merge_permission(self, request):
        return request.user.has_perm("sources.merge_source")
