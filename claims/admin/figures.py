from django import forms
from django.contrib import admin
from django.contrib.admin.utils import flatten
from django.core.exceptions import ValidationError

from workbench.admin import ConfirmationField, HistoryAdmin, SafeInputMixin, ask_once
from workbench.unstorable import refuse_unshowable

from .. import services
from ..models import Claim, Figure, FigureConflict, Subject
from ..units import statement_disagrees, typed_number
from .parts import PartOfClaimAdmin

FIGURE_FIELDS = [
    "subject",
    "quantity",
    ("value", "unit", "bound"),
    ("lower", "upper"),
    ("scope", "method", "refers_to"),
    ("usd_rate", "usd_rate_on"),
    ("rank", "rank_reason"),
]


class FigureInline(SafeInputMixin, admin.StackedInline):
    """A claim's figure, entered on the claim's own admin page."""

    model = Figure
    extra = 0
    max_num = 1
    autocomplete_fields = ["subject"]
    fields = FIGURE_FIELDS
    verbose_name = "figure (for claims that state a number)"


@admin.register(Subject)
class SubjectAdmin(HistoryAdmin):
    list_display = ["name", "kind", "released_on", "developers"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases", "developers"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        services.subject_save(subject=obj, by=request.user)


FIGURE_NUMBERS = ("value", "lower", "upper")


class FigureNumberField(forms.FloatField):
    """A figure's number as editors type it, Chinese scales and full-width digits included
    ("1.75万亿", "３０００万"): the browser's number box would refuse those."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return typed_number(str(value)[:60])
        except ValueError:
            raise ValidationError(
                "Give a number, such as 1.75, 1,750, 1.75e12 or 1.75万亿.", code="invalid"
            ) from None


class StatementAgreementForm(forms.ModelForm):
    """A figure form that asks before saving a figure a thousand times off the number its
    claim's statement gives (units.statement_disagrees() decides)."""

    statement_checked = ConfirmationField("I checked the figure against the statement: save anyway")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in FIGURE_NUMBERS:
            if name in self.fields:
                typed = self.fields[name]
                self.fields[name] = FigureNumberField(
                    required=typed.required, label=typed.label, help_text=typed.help_text
                )

    def claim_of_figure(self, cleaned: dict) -> Claim | None:
        return cleaned.get("claim")

    def statement_may_disagree(self, claim: Claim) -> bool:
        """Whether this save may bring a figure and its statement apart: it changes the figure."""
        return self.has_changed()

    def clean(self):
        cleaned = super().clean()
        claim = self.claim_of_figure(cleaned)
        if claim is not None and "value" in cleaned and self.statement_may_disagree(claim):
            problem = statement_disagrees(
                claim.statement, cleaned["value"], cleaned.get("unit", ""), cleaned.get("quantity")
            )
            ask_once(self, "statement_checked", problem)
        return cleaned


class FigureForm(StatementAgreementForm):
    correction_note = forms.CharField(
        required=False,
        validators=[refuse_unshowable],
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed to change or delete the figure of a published claim; readers see it.",
    )

    class Meta:
        model = Figure
        fields = ["claim", *flatten(FIGURE_FIELDS)]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.has_changed():
            note = cleaned.get("correction_note", "")
            if problem := services.correction_missing([self.instance.claim], note):
                self.add_error("correction_note", problem)
        return cleaned


@admin.register(Figure)
class FigureAdmin(PartOfClaimAdmin):
    list_display = ["subject", "quantity", "stated", "method", "rank", "claim"]
    list_filter = ["quantity", "rank", "method"]
    list_select_related = ["subject", "claim"]
    search_fields = ["subject__name", "claim__statement"]
    autocomplete_fields = ["claim", "subject"]
    form = FigureForm
    fields = ["claim", *FIGURE_FIELDS, "statement_checked", "correction_note"]

    def save_model(self, request, obj, form, change):
        note = form.cleaned_data.get("correction_note", "")
        services.figure_save(figure=obj, by=request.user, correction_note=note)

    def delete_model(self, request, obj):
        services.figure_delete(figure=obj, by=request.user)


@admin.register(FigureConflict)
class FigureConflictAdmin(HistoryAdmin):
    """Conflicts are found by the workbench; editors only explain them."""

    list_display = ["__str__", "ratio", "is_explained"]
    list_select_related = ["figure__subject", "other__subject"]
    search_fields = ["figure__subject__name"]
    fields = ["figure", "other", "ratio", "explanation"]
    readonly_fields = ["figure", "other", "ratio"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(boolean=True, description="explained")
    def is_explained(self, obj):
        return obj.is_explained

    def save_model(self, request, obj, form, change):
        services.conflict_explain(conflict=obj, explanation=obj.explanation, by=request.user)
