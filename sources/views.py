from django.views.generic import DetailView

from claims.selectors import claims_for_source_public
from workbench.views import PublicListView

from . import selectors
from .filtersets import SourceFilterSet


class SourceListView(PublicListView):
    filterset_class = SourceFilterSet
    template_name = "sources/source_list.html"

    def get_queryset(self):
        return selectors.source_list_public()


class SourceDetailView(DetailView):
    template_name = "sources/source_detail.html"
    page_cache_params = ()

    def get_queryset(self):
        return selectors.source_detail_public()

    def get_context_data(self, **kwargs):
        return super().get_context_data(claims=claims_for_source_public(self.object), **kwargs)
