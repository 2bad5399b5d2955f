from django.conf import settings
from django.views.generic import TemplateView

from workbench.cache import filterset_params

from . import selectors
from .charts import scatter
from .filtersets import FigureChartFilterSet

CONTESTED_CLAIMS_SHOWN = 50
CONFLICTS_SHOWN = 100


class FigureChartView(TemplateView):
    """Published figures of one quantity against release dates, with conflicts linked."""

    template_name = "figures/chart.html"
    page_cache_params = filterset_params(FigureChartFilterSet)

    def get_context_data(self, **kwargs):
        filterset = FigureChartFilterSet(self.request.GET or None)
        quantity = filterset.chosen_quantity
        figures = list(selectors.chart_figures(quantity))
        conflicts = list(selectors.conflict_pairs(quantity))
        conflicting = {c.figure_id for c in conflicts} | {c.other_id for c in conflicts}
        return super().get_context_data(
            filter=filterset,
            quantity=quantity,
            chart=scatter(figures, conflicts),
            figures=figures,
            conflicting=conflicting,
            **kwargs,
        )


class ContestedView(TemplateView):
    """The contested points: figures that disagree, and claims contested by evidence."""

    template_name = "figures/contested.html"
    page_cache_params = ()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            conflicts=selectors.conflicts_public()[:CONFLICTS_SHOWN],
            contested=selectors.contested_claims(CONTESTED_CLAIMS_SHOWN),
            tolerance_percent=round(settings.WORKBENCH_FIGURE_TOLERANCE * 100),
            **kwargs,
        )
