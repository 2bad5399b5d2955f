from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .models import Figure, FigureConflict, Subject

FIGURE_FIELDS = [
    "subject",
    "quantity",
    ("value", "unit", "bound"),
    ("lower", "upper"),
    ("scope", "method", "refers_to"),
    ("usd_rate", "usd_rate_on"),
    ("rank", "rank_reason"),
]


class FigureInline(admin.StackedInline):
    """A claim's figure, entered on the claim's own admin page."""

    model = Figure
    extra = 0
    max_num = 1
    autocomplete_fields = ["subject"]
    fields = FIGURE_FIELDS
    verbose_name = "figure (for claims that state a number)"


@admin.register(Subject)
class SubjectAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "released_on", "developers"]
    list_filter = ["kind"]
    search_fields = ["name", "developers"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Figure)
class FigureAdmin(SimpleHistoryAdmin):
    list_display = ["subject", "quantity", "stated", "method", "rank", "claim"]
    list_filter = ["quantity", "rank", "method"]
    list_select_related = ["subject", "claim"]
    search_fields = ["subject__name", "claim__statement"]
    autocomplete_fields = ["claim", "subject"]
    fields = ["claim", *FIGURE_FIELDS]

    def save_model(self, request, obj, form, change):
        services.figure_save(figure=obj, by=request.user)

    def delete_model(self, request, obj):
        services.figure_delete(figure=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for figure in queryset:
            services.figure_delete(figure=figure, by=request.user)


@admin.register(FigureConflict)
class FigureConflictAdmin(SimpleHistoryAdmin):
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
