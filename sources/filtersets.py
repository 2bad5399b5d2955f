import django_filters

from .choices import Reliability, SourceKind
from .models import Source


class SourceFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search", method="filter_search")
    kind = django_filters.ChoiceFilter(choices=SourceKind.choices, empty_label="Any kind")
    reliability = django_filters.ChoiceFilter(choices=Reliability.choices, empty_label="Any rating")

    class Meta:
        model = Source
        fields = ["q", "kind", "reliability"]

    def filter_search(self, queryset, name, value):
        return queryset.search(value.strip()) if value.strip() else queryset
