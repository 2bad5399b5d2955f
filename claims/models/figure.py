"""A claim's figure and what it is about. The tables keep the names they had when figures were
an app of their own (claims/migrations/0006_figures_are_claims.py)."""

import math

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from workbench.fields import acting_user

from ..choices import Bound, Method, Quantity, Rank, Scope, SubjectKind
from ..querysets import FigureConflictQuerySet, FigureQuerySet
from ..units import UnknownUnit, format_number, normalise
from .claim import ALIASES_HELP, Claim, names_in


class Subject(models.Model):
    """What figures are about: a model such as PanGu-α, or an organisation."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=15, choices=SubjectKind.choices, default=SubjectKind.MODEL)
    released_on = models.DateField(
        null=True, blank=True, help_text="For a model: when it was announced or released."
    )
    developers = models.CharField(max_length=300, blank=True)
    aliases = models.TextField(blank=True, help_text=ALIASES_HELP)

    history = HistoricalRecords(table_name="figures_historicalsubject")

    class Meta:
        db_table = "figures_subject"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def names(self) -> list[str]:
        return [self.name, *names_in(self.aliases)]


# Set by Figure.clean() from what the editor entered, never typed in.
NOT_A_NUMBER = "Give a number: not infinity, not “nan”."
TOO_LARGE = "This value, in the quantity's own unit, is too large to compare with others."
NOT_POSITIVE = "A figure counts or measures something: give an amount above zero."
# Far beyond any real count of parameters, FLOP or money, and far from a float's limits, so that
# ratios between figures stay finite.
LARGEST_NORMALISED = 1e60
# A paragraph on the claim pages of both figures, not an essay.
EXPLANATION_MAX_LENGTH = 2000
NORMALISED_FIELDS = ["normalised", "normalised_lower", "normalised_upper", "normalised_unit"]


class Figure(models.Model):
    """The number a claim states, structured so that it can be compared with others: one
    figure per claim. The value is kept as given; `normalised` is the same in the
    quantity's base unit, set by figure_save()."""

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="figure")
    subject = models.ForeignKey(Subject, on_delete=models.PROTECT, related_name="figures")
    quantity = models.CharField(max_length=20, choices=Quantity.choices)
    value = models.FloatField(help_text="As the source gives it, in the unit below.")
    lower = models.FloatField(
        null=True, blank=True, help_text="When the source gives a range: its low end."
    )
    upper = models.FloatField(null=True, blank=True, help_text="And its high end.")
    unit = models.CharField(
        max_length=40,
        blank=True,
        help_text=(
            "As given: “T” or “trillion” (parameters), “B tokens”, “FLOP”, “petaFLOP/s-days”, "
            "“weeks”, “billion CNY”… Empty means the quantity's own unit."
        ),
    )
    bound = models.CharField("qualifier", max_length=12, choices=Bound.choices, default=Bound.EXACT)
    scope = models.CharField(max_length=12, choices=Scope.choices, blank=True)
    # No default: a commenter's number must not pass as the developer's by omission.
    method = models.CharField(
        max_length=10, choices=Method.choices, help_text="How the figure was obtained."
    )
    refers_to = models.DateField(
        null=True, blank=True, help_text="The date the figure describes, when it matters."
    )
    usd_rate = models.FloatField(
        "US dollars per unit",
        null=True,
        blank=True,
        help_text="For money: the exchange rate to compare it with dollar figures…",
    )
    usd_rate_on = models.DateField("rate as of", null=True, blank=True, help_text="…and its date.")
    rank = models.CharField(max_length=10, choices=Rank.choices, default=Rank.NORMAL)
    rank_reason = models.CharField(
        max_length=300, blank=True, help_text="Why this figure is preferred or deprecated."
    )
    normalised = models.FloatField(editable=False)
    normalised_lower = models.FloatField(editable=False)
    normalised_upper = models.FloatField(null=True, editable=False)  # none: "at least"
    normalised_unit = models.CharField(max_length=20, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = acting_user()

    objects = FigureQuerySet.as_manager()
    history = HistoricalRecords(table_name="figures_historicalfigure")

    class Meta:
        db_table = "figures_figure"
        ordering = ["subject__name", "quantity", "normalised"]
        indexes = [models.Index(fields=["subject", "quantity"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(lower__isnull=True) | Q(upper__isnull=True) | Q(lower__lte=F("upper")),
                name="figure_range_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} · {self.get_quantity_display().lower()}: {self.stated}"

    def clean(self) -> None:
        """Normalise the value (and range) to the quantity's base unit; an unknown unit is
        refused with the known ones listed."""
        if (self.usd_rate is None) != (self.usd_rate_on is None):
            raise ValidationError(
                {"usd_rate_on": "Give an exchange rate with its date, or neither."}
            )
        if (self.lower is None) != (self.upper is None):
            raise ValidationError({"upper": "A range needs both ends, or neither."})
        amounts = {name: getattr(self, name) for name in ("value", "lower", "upper", "usd_rate")}
        if any(not isinstance(v, int | float | None) for v in amounts.values()):
            return  # a value that is no number at all has its own error from its field
        not_numbers = {
            name: NOT_A_NUMBER
            for name, amount in amounts.items()
            if amount is not None and not math.isfinite(amount)
        }
        if not_numbers:
            raise ValidationError(not_numbers)
        if (self.value is not None and self.value <= 0) or (
            self.lower is not None and self.lower < 0
        ):
            raise ValidationError({"value": NOT_POSITIVE})
        if self.value is None or not self.quantity:
            return  # the fields' own errors say what is missing

        def base(value: float):
            return normalise(value, self.unit, self.quantity, usd_rate=self.usd_rate)

        try:
            value = base(self.value)
            low = base(self.lower) if self.lower is not None else value
            high = base(self.upper) if self.upper is not None else value
        except UnknownUnit as error:
            raise ValidationError({"unit": str(error)}) from error
        if not all(abs(amount.value) < LARGEST_NORMALISED for amount in (value, low, high)):
            raise ValidationError({"value": TOO_LARGE})
        self.normalised, self.normalised_unit = value.value, value.unit
        self.normalised_lower, self.normalised_upper = low.value, high.value
        if self.bound == Bound.AT_LEAST:
            self.normalised_upper = None
        elif self.bound == Bound.AT_MOST:
            self.normalised_lower = 0.0

    @property
    def stated(self) -> str:
        """The value as the source gives it, with its qualifier."""
        if self.lower is not None:
            amount = f"{format_number(self.lower)}–{format_number(self.upper)}"
        else:
            amount = format_number(self.value)
        qualifier = "" if self.bound == Bound.EXACT else f"{self.get_bound_display().lower()} "
        return f"{qualifier}{amount} {self.unit}".strip()


class FigureConflict(models.Model):
    """Two figures for the same subject and quantity that disagree beyond the tolerance,
    found by figure_conflicts_detect() whenever a figure is written."""

    figure = models.ForeignKey(Figure, on_delete=models.CASCADE, related_name="conflicts_as_first")
    other = models.ForeignKey(Figure, on_delete=models.CASCADE, related_name="conflicts_as_second")
    ratio = models.FloatField(help_text="The larger normalised value over the smaller.")
    explanation = models.TextField(
        blank=True,
        validators=[MaxLengthValidator(EXPLANATION_MAX_LENGTH)],
        help_text="Why the figures differ, when they do not really disagree (readers see it).",
    )
    explained_by = acting_user()
    explained_at = models.DateTimeField(null=True, blank=True, editable=False)
    detected_at = models.DateTimeField(auto_now_add=True)

    objects = FigureConflictQuerySet.as_manager()
    history = HistoricalRecords(table_name="figures_historicalfigureconflict")

    class Meta:
        db_table = "figures_figureconflict"
        ordering = ["-ratio"]
        constraints = [
            models.UniqueConstraint(fields=["figure", "other"], name="one_conflict_per_pair"),
            models.CheckConstraint(
                condition=Q(figure__lt=F("other")), name="conflict_pair_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.figure} vs {self.other} (×{self.ratio:.3g})"

    @property
    def is_explained(self) -> bool:
        return bool(self.explanation)
