from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import urlencode

from sources.models import Source
from workbench.admin import HistoryAdmin, KeysOnlyAutocompleteSelect, RecordOnlyMixin
from workbench.unstorable import KeysOnlyModelChoiceField, is_key, refuse_unshowable

from . import services
from .extract import refuse_too_large
from .models import QuoteCheck, Sentence, Snapshot
from .selectors import claim_form_filled_from, claims_touched, pieces, snapshot_for_reading

CHOOSE_ONE = "Upload a file or paste the text, not both."
NOTHING_GIVEN = "Upload the document (HTML, PDF or text) or paste its text."


class SnapshotForm(forms.Form):
    source = KeysOnlyModelChoiceField(queryset=Source.objects.all())
    upload = forms.FileField(
        required=False,
        help_text="An HTML page, a PDF or a plain-text file. Its main text is kept, page by page.",
    )
    pasted = forms.CharField(
        label="or paste the text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        validators=[refuse_unshowable],
        help_text="Paragraphs separated by blank lines.",
    )

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        source = self.fields["source"]
        source.widget = KeysOnlyAutocompleteSelect(Snapshot._meta.get_field("source"), admin_site)
        source.widget.choices = source.choices

    def clean(self):
        data = super().clean()
        if data.get("upload") and data.get("pasted", "").strip():
            raise ValidationError(CHOOSE_ONE)
        if not data.get("upload") and not data.get("pasted", "").strip():
            raise ValidationError(NOTHING_GIVEN)
        return data


@admin.register(Snapshot)
class SnapshotAdmin(HistoryAdmin):
    list_display = ["source", "taken_at", "kind", "taken_by", "size"]
    list_select_related = ["source", "taken_by"]
    list_filter = ["kind"]
    search_fields = ["source__title", "sha256"]
    autocomplete_fields = ["source"]

    def has_change_permission(self, request, obj=None):
        return False  # a snapshot never changes: a new upload is a new copy beside it

    def has_delete_permission(self, request, obj=None):
        return False  # evidence quotes it; it stays

    def get_urls(self):
        original = path(
            "<path:object_id>/original/",
            self.admin_site.admin_view(self.original_view),
            name="documents_snapshot_original",
        )
        log = path(
            "sentence/<path:sentence_id>/log/",
            self.admin_site.admin_view(self.log_view),
            name="documents_sentence_log",
        )
        return [original, log, *super().get_urls()]

    def log_view(self, request, sentence_id):
        """Log a claim from a sentence: the claim form, filled in from it (first appearance,
        locator, an evidence row quoting it, the figure it gives); the statement is left for
        the editor to write in his own words."""
        if not request.user.has_perm("claims.add_claim"):
            raise PermissionDenied
        sentence = (
            Sentence.objects.select_related("paragraph__snapshot").filter(pk=sentence_id).first()
            if is_key(Sentence._meta.pk, sentence_id)
            else None
        )
        if sentence is None:
            raise Http404("No such sentence.")
        return HttpResponseRedirect(
            reverse("admin:claims_claim_add") + "?" + urlencode(claim_form_filled_from(sentence))
        )

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        source = request.GET.get("source", "")
        form = SnapshotForm(
            request.POST or None,
            request.FILES or None,
            admin_site=self.admin_site,
            initial={"source": source} if is_key(Source._meta.pk, source) else {},
        )
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["upload"]
            try:
                if upload:  # refused by its size before it is read into memory
                    refuse_too_large(upload.name, upload.size)
                snapshot = services.snapshot_take(
                    source=form.cleaned_data["source"],
                    name=upload.name if upload else "pasted text",
                    content=upload.read() if upload else form.cleaned_data["pasted"].encode(),
                    pasted=not upload,
                    by=request.user,
                )
            except ValidationError as error:
                for text in error.messages:
                    form.add_error("upload" if upload else "pasted", text)
            else:
                messages.success(
                    request,
                    f"Kept a copy of “{snapshot.source}”: {snapshot.paragraphs.count()} "
                    "paragraphs. Its check-worthy sentences are being marked.",
                )
                return HttpResponseRedirect(
                    reverse("admin:documents_snapshot_change", args=[snapshot.pk])
                )
        return TemplateResponse(
            request,
            "admin/documents/snapshot/add.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": "Keep a copy of a source's document",
                "form": form,
                "media": self.media + form.media,
            },
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The reading view: the copy's text in numbered paragraphs, never its markup."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        snapshot = (
            snapshot_for_reading().filter(pk=object_id).first()
            if is_key(Snapshot._meta.pk, object_id)
            else None
        )
        if snapshot is None:
            raise Http404("No such snapshot.")
        return TemplateResponse(
            request,
            "admin/documents/snapshot/reading.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": str(snapshot),
                "snapshot": snapshot,
                "paragraphs": [(p, pieces(p)) for p in snapshot.paragraphs.all()],
                "logged": claims_touched(snapshot),
                "may_log": request.user.has_perm("claims.add_claim"),
            },
        )

    def original_view(self, request, object_id):
        """The file as uploaded, as a download: never shown as a page of this site."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        if not is_key(Snapshot._meta.pk, object_id):
            raise Http404
        snapshot = get_object_or_404(Snapshot, pk=object_id)
        if not snapshot.original:
            raise Http404("A pasted text has no original file.")
        response = FileResponse(
            snapshot.original.open("rb"),
            as_attachment=True,
            filename=snapshot.original_name or f"snapshot-{snapshot.pk}",
            content_type="application/octet-stream",
        )
        return response


@admin.register(QuoteCheck)
class QuoteCheckAdmin(RecordOnlyMixin, HistoryAdmin):
    """Quotes whose words changed or went in a newer copy of their source: for editors to
    look at, and re-quote or re-locate. Checked by the task worker; never edited here."""

    list_display = ["claim", "source", "status", "newest_copy", "now_reads", "checked_at"]
    list_filter = ["status"]
    list_select_related = ["evidence__claim", "evidence__source", "newest_copy__source"]
    search_fields = ["evidence__claim__statement", "evidence__quote"]

    @admin.display(description="claim")
    def claim(self, check):
        url = reverse("admin:claims_claim_change", args=[check.evidence.claim_id])
        return format_html('<a href="{}">{}</a>', url, check.evidence.claim)

    @admin.display(description="source")
    def source(self, check):
        return check.evidence.source

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("claims.change_claim")  # editors look after quotes

    def has_module_permission(self, request):
        return self.has_view_permission(request)
