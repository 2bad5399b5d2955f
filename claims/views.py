from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest, StreamingHttpResponse
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from figures.selectors import figures_of_claim
from workbench.views import ForgivingPaginationMixin, PublicListView

from . import selectors
from .choices import VERDICT_SCALE, Verdict
from .claimreview import BEST_RATING, WORST_RATING
from .filtersets import ClaimFilterSet
from .interchange import CONTENT_TYPES, EXPORT_FORMATS, export_chunks
from .models import Claim


class HomeView(TemplateView):
    template_name = "claims/home.html"
    page_cache_params = ()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            verdict_counts=selectors.verdict_counts(),
            most_contested=selectors.claim_most_contested(),
            recently_graded=selectors.claim_list_public()[:8],
            **kwargs,
        )


class ClaimListView(PublicListView):
    filterset_class = ClaimFilterSet
    template_name = "claims/claim_list.html"

    def get_queryset(self):
        return selectors.claim_list_public()

    def get_context_data(self, **kwargs):
        # Downloads apply the list's filters, whichever page the reader is on.
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        context = super().get_context_data(
            export_query=f"?{query.urlencode()}" if query else "", **kwargs
        )
        context["export_limit"] = settings.WORKBENCH_EXPORT_MAX_CLAIMS
        context["export_allowed"] = context["paginator"].count <= context["export_limit"]
        return context


EXPORT_FILTERS_INVALID = "The filters are not valid, so nothing was exported."


class ClaimExportView(View):
    """The public list, filtered as the reader filtered it, as a file: streamed, so that a
    large export starts at once and never sits in memory."""

    filenames = {"csv": "claims.csv", "json": "claims.json", "claimreview": "claimreviews.json"}

    def get(self, request, format: str):
        if format not in EXPORT_FORMATS:
            raise Http404("Exports are in CSV, JSON or ClaimReview JSON-LD.")
        try:
            claims = selectors.claim_export_filtered(
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


class ClaimDetailView(DetailView):
    model = Claim
    page_cache_params = ()

    def get_queryset(self):
        return selectors.claim_detail_public()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            evidence=selectors.evidence_by_side(self.object),
            relations=selectors.relations_of(self.object),
            figures=figures_of_claim(self.object),
            **kwargs,
        )


class CorrectionListView(ForgivingPaginationMixin, ListView):
    template_name = "claims/correction_list.html"
    paginate_by = 50
    page_cache_params = ("page",)

    def get_queryset(self):
        return selectors.correction_list_public()


class MethodologyView(TemplateView):
    template_name = "claims/methodology.html"
    page_cache_params = ()

    def get_context_data(self, **kwargs):
        scale = [{"verdict": verdict, "meaning": VERDICT_SCALE[verdict]} for verdict in Verdict]
        return super().get_context_data(
            scale=scale, best_rating=BEST_RATING, worst_rating=WORST_RATING, **kwargs
        )
