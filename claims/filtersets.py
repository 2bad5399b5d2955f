import datetime

import django_filters
from django import forms

from sources.models import Source

from .choices import ClaimantKind, ClaimKind, ClaimSort, Quantity, Verdict
from .models import Claim, Claimant, Figure, Review, Topic
from .search import find
from .selectors import CHART_QUANTITIES


class DateBox(forms.DateInput):
    """A date input that shows only a real date: a typed "2023-02-31" is reported beside the
    list and left out of the box, where it would make the page invalid HTML."""

    input_type = "date"

    def format_value(self, value):
        value = super().format_value(value)
        try:
            return datetime.date.fromisoformat(value).isoformat() if value else None
        except ValueError:
            return None


class AppearedRangeWidget(django_filters.widgets.DateRangeWidget):
    """Two date boxes under one label: each gets its own name for screen readers."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        labels = ["On or after", "On or before"]
        self.widgets = [
            DateBox(attrs={**widget.attrs, "aria-label": f"First appeared {label.lower()}"})
            for widget, label in zip(self.widgets, labels, strict=True)
        ]


class ClaimFilterSet(django_filters.FilterSet):
    """The one definition of how claims are filtered: the public list, exports and the API."""

    # Longer words than anyone searches for would only make the database's work harder.
    q = django_filters.CharFilter(label="Search", method="filter_search", max_length=200)
    # A verdict is a column and a claim has each topic once: no DISTINCT, which over a million
    # rows costs more than the whole page.
    verdict = django_filters.MultipleChoiceFilter(
        choices=Verdict.choices, widget=forms.CheckboxSelectMultiple, distinct=False
    )
    kind = django_filters.ChoiceFilter(choices=ClaimKind.choices, empty_label="Any kind")
    topic = django_filters.ModelChoiceFilter(
        field_name="topics",
        label="Topic",
        to_field_name="slug",
        queryset=Topic.objects.order_by("name"),
        empty_label="Any topic",
        distinct=False,
    )
    source = django_filters.CharFilter(
        label="Source",
        method="filter_source",
        max_length=200,
        help_text="The short name at the end of a source page's address.",
    )
    claimant = django_filters.CharFilter(
        label="Claimant",
        method="filter_claimant",
        max_length=200,
        help_text="A claimant's short name (the end of their page's address) or part of a name.",
    )
    contested = django_filters.BooleanFilter(
        label="Contested only", method="filter_contested", widget=forms.CheckboxInput
    )
    recheck = django_filters.BooleanFilter(
        label="Due for re-check", method="filter_recheck", widget=forms.CheckboxInput
    )
    appeared = django_filters.DateFromToRangeFilter(
        field_name="first_appeared_on",
        label="First appeared between",
        widget=AppearedRangeWidget(),
    )

    sort = django_filters.ChoiceFilter(
        label="Sort by",
        choices=ClaimSort.choices,
        method="filter_sort",
        empty_label=None,
        null_value="",
    )

    # Set by the link "search as typed" that follows a corrected search.
    as_typed = django_filters.BooleanFilter(method="filter_nothing", widget=forms.HiddenInput)

    class Meta:
        model = Claim
        fields = ["q", "verdict", "kind", "topic", "source", "claimant", "contested", "recheck"]

    # The search looks among the claims the other filters leave, and the sort comes last.
    LAST = ("q", "sort")

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        for name in [*(n for n in self.filters if n not in self.LAST), *self.LAST]:
            queryset = self.filters[name].filter(queryset, data.get(name))
        return queryset

    def filter_search(self, queryset, name, value):
        if not value.strip():
            return queryset
        correct = not self.form.cleaned_data.get("as_typed")
        self.search_results = find(value.strip(), queryset, correct=correct)
        return queryset.in_order(self.search_results.ids)

    def filter_sort(self, queryset, name, value):
        return queryset.sorted_by(value) if value else queryset

    def filter_source(self, queryset, name, value):
        source = Source.objects.filter(slug=value.strip()).first() if value.strip() else None
        if value.strip() and source is None:
            return queryset.none()
        return queryset.citing_source(source) if source else queryset

    def filter_claimant(self, queryset, name, value):
        if not value.strip():
            return queryset
        # A claimant's slug picks that claimant; other text, every claimant it names.
        claimants = Claimant.objects.filter(slug=value.strip()) | Claimant.objects.named(value)
        return queryset.filter(claimant__in=claimants.values("pk"))

    def filter_contested(self, queryset, name, value):
        return queryset.contested() if value else queryset

    def filter_recheck(self, queryset, name, value):
        return queryset.due_for_recheck() if value else queryset


class ClaimantFilterSet(django_filters.FilterSet):
    """The public list of claimants: by kind, and by name or another name."""

    q = django_filters.CharFilter(label="Name", method="filter_name", max_length=200)
    kind = django_filters.ChoiceFilter(choices=ClaimantKind.choices, empty_label="Any kind")

    class Meta:
        model = Claimant
        fields = ["q", "kind"]

    def filter_name(self, queryset, name, value):
        return queryset.named(value) if value.strip() else queryset


class ReviewFilterSet(django_filters.FilterSet):
    claim = django_filters.CharFilter(field_name="claim__slug", label="Claim (its short name)")
    verdict = django_filters.MultipleChoiceFilter(choices=Verdict.choices, distinct=False)

    class Meta:
        model = Review
        fields = ["claim", "verdict"]


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
