"""The pages readers see: home, claim list and claim page, sources, claimants, the contested
points and the figures chart, corrections and methodology. Thin: each reads through a
selector of the app that owns the data and renders a template under templates/readers/."""

from django.conf import settings
from django.urls import reverse
from django.views.generic import DetailView, ListView, TemplateView
from django.views.generic.detail import SingleObjectMixin

from claims import selectors
from claims.choices import VERDICT_SCALE, Verdict
from claims.filtersets import ClaimantFilterSet, ClaimFilterSet, FigureChartFilterSet
from claims.search import passage
from documents.selectors import quoted_copies
from exchange.claimreview import BEST_RATING, WORST_RATING
from sources import selectors as source_selectors
from sources.filtersets import SourceFilterSet
from workbench.cache import filterset_params, fragment_version
from workbench.views import ForgivingPaginationMixin, PublicListView

from .charts import chart_place, plottable, scatter

CONTESTED_CLAIMS_SHOWN = 50
# The claim list's fields that are not filters: the search bar's.
UNFILTERED = ("q", "sort", "as_typed")
CONFLICTS_SHOWN = 100


class ClaimRowsMixin:
    """Pages listing claims with includes/claim_row.html: what every row needs, looked up
    once per page instead of once per row (a missing variable costs the template engine an
    exception each time it is asked for)."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            claim_list_url=reverse("claims:list"), search_forms=None, **kwargs
        )


class HomeView(ClaimRowsMixin, TemplateView):
    template_name = "readers/home.html"
    page_cache_params = ()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            verdict_counts=selectors.verdict_counts(),
            most_contested=selectors.claim_most_contested(),
            recently_graded=selectors.claim_list_public()[:8],
            **kwargs,
        )


class ClaimListView(ClaimRowsMixin, PublicListView):
    filterset_class = ClaimFilterSet
    template_name = "readers/claim_list.html"

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
        # The filters' form, rendered once per content version and choice of filters (its
        # widgets are a third of the page's time): the search box and order are outside it.
        filters = self.request.GET.copy()
        for name in (*UNFILTERED, self.page_kwarg):
            filters.pop(name, None)
        context["filters_key"] = filters.urlencode()
        context["filters_version"] = fragment_version(self.request)
        context["export_allowed"] = context["paginator"].count <= context["export_limit"]
        data = getattr(context["filter"].form, "cleaned_data", {})
        context["active_filters"] = sum(
            1
            for name, value in data.items()
            if value not in (None, "", [], False) and name not in UNFILTERED
        )
        results = getattr(context["filter"], "search_results", None)
        if results is not None:
            context["search"] = results
            context["search_forms"] = results.search.forms
            # A result that matched in its evidence, not its statement, shows where it did.
            for claim in context["object_list"]:
                if results.where.get(claim.pk) == "evidence":
                    claim.matched_passage = passage(claim.summary.body, results.search.forms)
        return context


class ClaimDetailView(DetailView):
    template_name = "readers/claim_detail.html"
    page_cache_params = ()

    def get_queryset(self):
        return selectors.claim_detail_public()

    def get_context_data(self, **kwargs):
        quoted_copies(list(self.object.evidence.all()))  # each quote with the copy it is from
        figures = selectors.figures_of_claim(self.object)
        return super().get_context_data(
            evidence=selectors.evidence_by_side(self.object),
            relations=selectors.relations_of(self.object),
            figures=figures,
            chart_place=chart_place(self.object, figures.figure),
            **kwargs,
        )


class SourceListView(PublicListView):
    filterset_class = SourceFilterSet
    template_name = "readers/source_list.html"

    def get_queryset(self):
        return selectors.sources_with_claim_counts()


class SourceDetailView(DetailView):
    template_name = "readers/source_detail.html"
    page_cache_params = ()

    def get_queryset(self):
        return source_selectors.source_detail_public()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            claims=selectors.claims_for_source_public(self.object), **kwargs
        )


class ClaimantListView(PublicListView):
    """Who made the published claims, those with most first, each with their record."""

    filterset_class = ClaimantFilterSet
    template_name = "readers/claimant_list.html"

    def get_queryset(self):
        return selectors.claimant_list_public()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        records = selectors.claimant_records([claimant.pk for claimant in context["object_list"]])
        for claimant in context["object_list"]:
            claimant.record = records[claimant.pk]
        return context


class ClaimantDetailView(ClaimRowsMixin, ForgivingPaginationMixin, SingleObjectMixin, ListView):
    """A claimant's page: their record by verdict, like a fact-checker's report card, and their
    published claims, newest verdicts first, a page at a time."""

    template_name = "readers/claimant_detail.html"
    paginate_by = settings.WORKBENCH_PAGE_SIZE
    page_cache_params = ("page",)

    def get(self, request, *args, **kwargs):
        self.object = self.get_object(queryset=selectors.claimant_detail_public())
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.claim_list_public().filter(claimant=self.object)

    def get_context_data(self, **kwargs):
        record = selectors.claimant_records([self.object.pk])[self.object.pk]
        return super().get_context_data(
            claimant=self.object,
            record=record,
            graded=sum(line["count"] for line in record),
            **kwargs,
        )


class ContestedView(TemplateView):
    """The contested points: figures that disagree, and the contested claims."""

    template_name = "readers/contested.html"
    page_cache_params = ()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            conflicts=selectors.conflicts_public()[:CONFLICTS_SHOWN],
            contested=selectors.contested_claims(CONTESTED_CLAIMS_SHOWN),
            tolerance_percent=round(settings.WORKBENCH_FIGURE_TOLERANCE * 100),
            **kwargs,
        )


class FigureChartView(TemplateView):
    """Published figures of one quantity against release dates, with conflicts linked."""

    template_name = "readers/chart.html"
    page_cache_params = filterset_params(FigureChartFilterSet)

    def get_context_data(self, **kwargs):
        filterset = FigureChartFilterSet(self.request.GET or None)
        quantity = filterset.chosen_quantity
        figures, left_out = plottable(list(selectors.chart_figures(quantity)))
        conflicts = list(selectors.conflict_pairs(quantity))
        conflicting = {c.figure_id for c in conflicts} | {c.other_id for c in conflicts}
        return super().get_context_data(
            filter=filterset,
            quantity=quantity,
            chart=scatter(figures, conflicts),
            figures=figures,
            left_out=left_out,
            conflicting=conflicting,
            verdicts=list(Verdict),
            **kwargs,
        )


class CorrectionListView(ForgivingPaginationMixin, ListView):
    template_name = "readers/correction_list.html"
    paginate_by = 50
    page_cache_params = ("page",)

    def get_queryset(self):
        return selectors.correction_list_public()


class MethodologyView(TemplateView):
    template_name = "readers/methodology.html"
    page_cache_params = ()

    def get_context_data(self, **kwargs):
        scale = [{"verdict": verdict, "meaning": VERDICT_SCALE[verdict]} for verdict in Verdict]
        return super().get_context_data(
            scale=scale, best_rating=BEST_RATING, worst_rating=WORST_RATING, **kwargs
        )
