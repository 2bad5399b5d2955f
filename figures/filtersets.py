import django_filters

from .choices import Quantity
from .models import Figure
from .selectors import CHART_QUANTITIES


class FigureChartFilterSet(django_filters.FilterSet):
    """The chart page's one filter: which quantity to plot."""

    quantity = django_filters.ChoiceFilter(
        choices=[(q.value, q.label) for q in CHART_QUANTITIES],
        empty_label=None,
        label="Plot",
    )

    class Meta:
        model = Figure
        fields = ["quantity"]

    @property
    def chosen_quantity(self) -> str:
        """The quantity asked for, or parameters when none (or a wrong one) is."""
        if self.is_valid() and self.form.cleaned_data.get("quantity"):
            return self.form.cleaned_data["quantity"]
        return Quantity.PARAMETERS
