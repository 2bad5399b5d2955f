from django.views.generic import DetailView, ListView, TemplateView

from workbench.views import ForgivingPaginationMixin, PublicListView

from . import selectors
from .choices import VERDICT_SCALE, Verdict
from .filtersets import ClaimFilterSet
from .models import Claim


class HomeView(TemplateView):
    template_name = "claims/home.html"

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


class ClaimDetailView(DetailView):
    model = Claim

    def get_queryset(self):
        return selectors.claim_detail_public()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            evidence=selectors.evidence_by_side(self.object),
            relations=selectors.relations_of(self.object),
            **kwargs,
        )


class CorrectionListView(ForgivingPaginationMixin, ListView):
    template_name = "claims/correction_list.html"
    paginate_by = 50

    def get_queryset(self):
        return selectors.correction_list_public()


class MethodologyView(TemplateView):
    template_name = "claims/methodology.html"

    def get_context_data(self, **kwargs):
        scale = [{"verdict": verdict, "meaning": VERDICT_SCALE[verdict]} for verdict in Verdict]
        return super().get_context_data(scale=scale, **kwargs)
