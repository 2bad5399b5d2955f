"""The exchange format's pages: the public download of the claim list, and the editors' upload
and export pages in the admin, which queue jobs for the task worker."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.exceptions import DisallowedModelAdminLookup
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import PAGE_VAR
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import redirect
from django.template.defaultfilters import pluralize
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views import View

from claims.models import Claim
from claims.selectors import claim_export_filtered

from .export import export_chunks
from .forms import ClaimExportForm, ClaimImportForm
from .jobs import claims_export_submit, claims_import_submit
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


IMPORT_QUEUED = (
    "“{name}” is queued for import. The task worker checks every row, then imports the file "
    "whole or not at all; this page follows it."
)
EXPORT_QUEUED = (
    "The export of {count:,} claims is queued. The task worker writes the file; this page "
    "offers it for download when it is whole."
)
EXPORT_FILTERS_UNUSABLE = "The claim list's filters cannot be used; nothing was exported."


@permission_required("claims.add_claim", raise_exception=True)
def claim_import(request):
    """Upload a CSV or JSON file of claims; graded claims wait for a second editor. Served
    inside the admin (admin.site.admin_view, see urls.py), beside the claims it adds to. The
    request only stores the file and queues the job (exchange/jobs.py), then shows the job."""
    form = ClaimImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = claims_import_submit(file=upload, format=form.format, by=request.user)
        messages.success(request, IMPORT_QUEUED.format(name=job.name))
        return redirect("admin:workbench_job_change", job.pk)
    return TemplateResponse(
        request,
        "exchange/import.html",
        {
            **admin.site.each_context(request),
            "title": "Import claims",
            "opts": Claim._meta,
            "form": form,
            "columns": CSV_COLUMNS,
        },
    )


@permission_required("claims.view_claim", raise_exception=True)
def claim_export(request):
    """The claims the admin's claim list shows, with the filters and search of its address,
    as a file in the import format, written by the task worker (exchange/jobs.py). Served
    inside the admin, beside the list, which links here with its own query string."""
    request.GET = request.GET.copy()
    request.GET.pop(PAGE_VAR, None)  # every page of the list, not the one on screen
    try:
        changelist = admin.site.get_model_admin(Claim).get_changelist_instance(request)
    # The list's own page answers these with its message, or 400 for a lookup it does not offer.
    except (IncorrectLookupParameters, DisallowedModelAdminLookup, ValueError, OverflowError):
        messages.error(request, EXPORT_FILTERS_UNUSABLE)
        return redirect("admin:claims_claim_changelist")
    form = ClaimExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ids = list(changelist.queryset.order_by("pk").values_list("pk", flat=True))
        job = claims_export_submit(
            claim_ids=ids, format=form.cleaned_data["format"], by=request.user
        )
        messages.success(request, EXPORT_QUEUED.format(count=len(ids)))
        return redirect("admin:workbench_job_change", job.pk)
    return TemplateResponse(
        request,
        "exchange/export.html",
        {
            **admin.site.each_context(request),
            "title": "Export claims",
            "opts": Claim._meta,
            "form": form,
            "claims": (
                f"more than {changelist.paginator.cap:,} claims"
                if changelist.paginator.is_capped
                else f"{changelist.result_count:,} claim{pluralize(changelist.result_count)}"
            ),
            "list_url": reverse("admin:claims_claim_changelist") + changelist.get_query_string(),
            "chosen": _filters_chosen(changelist),
            "search": changelist.query,
        },
    )


def _filters_chosen(changelist) -> list[tuple[str, str]]:
    """The list's filters that narrow it, as (filter, choice) the editor chose them; a choice
    the filter does not list (a topic since deleted) as its address gives it."""
    chosen = []
    for spec in changelist.filter_specs:
        if not spec.used_parameters:
            continue
        shown = [str(c["display"]) for c in spec.choices(changelist) if c["selected"]]
        if not shown:
            values = spec.used_parameters.values()
            shown = [", ".join(str(v) for value in values for v in _as_list(value))]
        chosen += [(str(spec.title), choice) for choice in shown]
    return chosen


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]
