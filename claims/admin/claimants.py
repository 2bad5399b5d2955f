"""Claimants in the admin: their names and aliases, searched in any spelling, and the merge of
duplicates, which goes through claimant_merge() after a page listing what would be merged."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.forms.models import BaseInlineFormSet

from workbench.admin import HistoryAdmin, SafeInputMixin, action_form_page

from .. import services
from ..models import NAME_MAX_LENGTH, Claimant, ClaimantAlias


class ClaimantForm(forms.ModelForm):
    def clean_name(self):
        name = self.cleaned_data["name"]
        if problem := services.claimant_name_taken(name, self.instance.pk):
            raise ValidationError(problem)
        return name


class AliasFormSet(BaseInlineFormSet):
    """Each alias may name this claimant only, and once."""

    def clean(self):
        super().clean()
        for form in self.forms:
            name = (getattr(form, "cleaned_data", None) or {}).get("name")
            if not name or form in self.deleted_forms or not form.has_changed():
                continue
            if problem := services.claimant_name_taken(name, self.instance.pk):
                form.add_error("name", problem)


class ClaimantAliasInline(SafeInputMixin, admin.TabularInline):
    model = ClaimantAlias
    formset = AliasFormSet
    extra = 1
    fields = ["name"]
    verbose_name = "other name"
    verbose_name_plural = "other names (spellings, translations, names in other scripts)"


class MergeForm(forms.Form):
    survivor = forms.ModelChoiceField(
        queryset=Claimant.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Keep this claimant; fold the others into it",
    )

    def __init__(self, *args, claimants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = claimants


@admin.register(Claimant)
class ClaimantAdmin(HistoryAdmin):
    form = ClaimantForm
    list_display = ["name", "kind", "slug", "claim_total"]
    page_counts = {"claim_total": Count("claims")}
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "kind", "description", "link"]
    inlines = [ClaimantAliasInline]
    actions = ["merge_claimants"]

    @admin.display(description="Claims")
    def claim_total(self, obj):
        return obj.claim_total

    def get_search_results(self, request, queryset, search_term):
        """Names and aliases as the admin searches them, and in any spelling that differs only
        in dashes, case or spacing ("US-China" finds "US–China"): the claim form's
        autocomplete searches here too. Subqueries, so a claimant is listed once."""
        # No name is longer than a name may be: a longer search would only make the query huge.
        search_term = search_term[:NAME_MAX_LENGTH]
        if not search_term.strip():
            return super().get_search_results(request, queryset, search_term)
        found, _ = super().get_search_results(request, Claimant.objects.all(), search_term)
        matches = Q(pk__in=found.values("pk")) | Q(pk__in=Claimant.objects.named(search_term))
        return queryset.filter(matches), False

    def save_model(self, request, obj, form, change):
        services.claimant_save(claimant=obj, by=request.user)

    def delete_model(self, request, obj):
        services.claimant_delete(claimant=obj, by=request.user)

    def save_formset(self, request, form, formset, change):
        aliases = formset.save(commit=False)
        for alias in formset.deleted_objects:
            services.claimant_alias_delete(alias=alias, by=request.user)
        for alias in aliases:
            services.claimant_alias_save(alias=alias, by=request.user)

    @admin.action(description="Merge selected duplicate claimants…", permissions=["change"])
    def merge_claimants(self, request, queryset):
        claimants = queryset.annotate(claim_total=Count("claims")).order_by(
            "-claim_total", "name", "pk"
        )
        if claimants.count() < 2:
            self.message_user(request, services.claimants.MERGE_NEEDS_TWO, messages.ERROR)
            return None
        form = MergeForm(request.POST if "apply" in request.POST else None, claimants=claimants)
        if not form.is_valid():
            shown = list(claimants.prefetch_related("aliases"))
            for claimant in shown:
                names = ", ".join(alias.name for alias in claimant.aliases.all())
                claimant.confirmation_line = f"{claimant} — {claimant.claim_total} claim(s)" + (
                    f"; also known as {names}" if names else ""
                )
            return action_form_page(
                self,
                request,
                form=form,
                objects=shown,
                action="merge_claimants",
                intro=(
                    "The claims of the claimants you do not keep move to the one you keep, and "
                    "their names become its other names, so imports and searches still find "
                    "them. Published claims show the kept name from then on; no correction is "
                    "logged, since who made each claim does not change."
                ),
                submit_label="Merge duplicate claimants",
            )
        survivor, merged = form.cleaned_data["survivor"], claimants.count() - 1
        try:
            services.claimant_merge(survivor=survivor, duplicates=list(claimants), by=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return None
        self.message_user(
            request,
            f"Merged {merged} duplicate(s) into “{survivor}”.",
            messages.SUCCESS,
        )
        return None
