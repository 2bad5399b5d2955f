"""The exchange format's two pages: the public download of the claim list, and the editors'
upload page in the admin."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views import View

from claims.models import Claim
from claims.selectors import claim_export_filtered

from .export import export_chunks
from .forms import ClaimImportForm
from .importer import claims_import
from .records import CONTENT_TYPES, CSV_COLUMNS, EXPORT_FORMATS

EXPORT_FILTERS_INVALID = "The filters are not valid, so nothing was exported."


class ClaimExportView(View):
    """The public list, filtered as the reader filtered it, as a file: streamed, so that a
    large export starts at once and never sits in memory."""

    filenames = {"csv": "claims.csv", "json": "claims.json", "claimreview": "claimreviews.json"}

    def get(self, request, format: str):
        if format not in EXPORT_FORMATS:
            raise Http404("Exports are in CSV, JSON or ClaimReview JSON-LD.")
        try:
            claims = claim_export_filtered(
                request.GET, at_most=settings.WORKBENCH_EXPORT_MAX_CLAIMS
            )
        except ValidationError as error:
            # Refused before the first byte: a download is whole or not sent at all.
            too_large = getattr(error, "code", None) == "too_large"
            reason = "Nothing was exported." if too_large else EXPORT_FILTERS_INVALID
            return HttpResponseBadRequest(
                reason + "\n" + "\n".join(error.messages),
                content_type="text/plain; charset=utf-8",
            )
        response = StreamingHttpResponse(
            export_chunks(claims, format), content_type=CONTENT_TYPES[format]
        )
        response["Content-Disposition"] = f'attachment; filename="{self.filenames[format]}"'
        return response


@permission_required("claims.add_claim", raise_exception=True)
def claim_import(request):
    """Upload a CSV or JSON file of claims; graded claims wait for a second editor. Served
    inside the admin (admin.site.admin_view, see urls.py), beside the claims it adds to."""
    form = ClaimImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = claims_import(file=upload, format=form.format, name=upload.name, by=request.user)
        if report.ok:
            messages.success(request, str(report))
            return redirect("admin:claims_claim_changelist")
    return TemplateResponse(
        request,
        "exchange/import.html",
        {
            **admin.site.each_context(request),
            "title": "Import claims",
            "opts": Claim._meta,
            "form": form,
            "report": report,
            "columns": CSV_COLUMNS,
        },
    )
