from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.contrib.admin.views.main import ORDER_VAR, ChangeList
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import router, transaction
from django.db.models import Count
from django.db.models.constants import LOOKUP_SEP
from django.http import FileResponse, Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin

from .choices import STOPPED, JobState
from .jobs import RUN_AGAIN_SAME_PROBLEMS, job_run_again, run_again_refusal
from .models import Job
from .pagination import CappedPaginator
from .unstorable import (
    KeysOnlyModelChoiceField,
    KeysOnlyModelMultipleChoiceField,
    is_key,
    refuse_unshowable,
)

REVERT_KEEPS_WORKFLOW = (
    "Reverting brings back the fields you can edit on this page, as they were in this version; "
    "everything else (state, verdict, ratings, who and when) stays as it is now, because it "
    "changes only through its own workflow. Check the values, then save."
)
BAD_LIST_FILTER = "A filter in the address has a value that cannot be used; showing the whole list."
NO_SUCH_ITEMS = "Some of the selected items do not exist; nothing was done."
TOO_MANY_SELECTED = (
    "More than {cap} items match: filter the list to fewer, or select them on the page; "
    "nothing was done."
)
RESTORE_KEEPS_WORKFLOW = (
    "Restoring brings this deleted item back with the fields you can edit on this page, as they "
    "were in this version; its workflow (state, verdict, ratings) starts afresh."
)


def action_form_page(
    modeladmin, request, *, form, objects, action: str, intro: str, submit_label: str
):
    """The intermediate page of an admin action that needs more input (which source to keep,
    why a claim is withdrawn), posted back to the same action with `apply` set."""
    return TemplateResponse(
        request,
        "admin/action_form.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": submit_label,
            "opts": modeladmin.model._meta,
            "form": form,
            "objects": objects,
            "action": action,
            "intro": intro,
            "submit_label": submit_label,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


class ConfirmationField(forms.BooleanField):
    """A box an editor ticks to save despite a warning (a near-duplicate, a figure off its
    statement). Hidden until ask_once() shows it with the warning."""

    widget = forms.HiddenInput
    ANSWERS = {"": False, "false": False, "0": False, "on": True, "true": True, "1": True}

    def __init__(self, label: str, **kwargs):
        super().__init__(label=label, required=False, **kwargs)

    def to_python(self, value):
        # What a box or its hidden echo sends, nothing else: a tampered value is no answer.
        answer = self.ANSWERS.get(str(value if value is not None else "").lower())
        if answer is None:
            raise ValidationError("Tick the box or leave it empty.", code="invalid")
        return answer


def ask_once(form: forms.Form, name: str, problem: str | None) -> None:
    """Refuse the save once with `problem` beside the ConfirmationField `name`, unless the
    editor has ticked it; nothing to ask when there is no problem."""
    if problem and not form.cleaned_data.get(name):
        form.fields[name].widget = forms.CheckboxInput()
        form.add_error(name, problem)


class _KeysOnly:
    """An autocomplete widget that shows only values that are keys of the model it points at:
    a posted "abc" is refused by the form field, instead of failing the page's query."""

    # The chosen row's label, when the form already holds the row (see SafeInputMixin).
    labels: dict[str, str] | None = None

    def optgroups(self, name, value, attr=None):
        opts = self.field.remote_field.model._meta
        key = opts.get_field(getattr(self.field.remote_field, "field_name", opts.pk.attname))
        value = [item for item in value if is_key(key, item)]
        if not self.labels or not {str(item) for item in value} <= self.labels.keys():
            return super().optgroups(name, value, attr)
        # Django reads the chosen rows again, one query per widget: per row of an inline.
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        for item in value:
            options.append(
                self.create_option(name, item, self.labels[str(item)], True, len(options))
            )
        return [(None, options, 0)]


class KeysOnlyAutocompleteSelect(_KeysOnly, AutocompleteSelect):
    pass


class KeysOnlyAutocompleteSelectMultiple(_KeysOnly, AutocompleteSelectMultiple):
    pass


class SafeInputMixin:
    """For model admins and inlines: text fields that refuse characters no page can show, and
    autocomplete widgets that survive malformed keys."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(field, forms.CharField):
            field.validators.append(refuse_unshowable)
        return field

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        self._keys_only(
            db_field, request, kwargs, KeysOnlyModelChoiceField, KeysOnlyAutocompleteSelect
        )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        self._keys_only(
            db_field,
            request,
            kwargs,
            KeysOnlyModelMultipleChoiceField,
            KeysOnlyAutocompleteSelectMultiple,
        )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    # -- inlines: each row's autocompleted choice read with the rows, not once per row --------

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if isinstance(self, admin.options.InlineModelAdmin):
            return queryset.select_related(*self._chosen_rows())
        return queryset

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        chosen = self._chosen_rows()

        class LabelledChoicesFormSet(formset):
            def _construct_form(self, i, **kwargs):
                form = super()._construct_form(i, **kwargs)
                for name in chosen:
                    row = getattr(form.instance, name) if form.instance.pk else None
                    widget = getattr(form.fields[name].widget, "widget", None)
                    if row is not None and isinstance(widget, _KeysOnly):
                        label = form.fields[name].label_from_instance(row)
                        widget.labels = {str(row.pk): label}
                return form

        return LabelledChoicesFormSet

    def _chosen_rows(self) -> list[str]:
        """The inline's autocompleted foreign keys."""
        return [
            name
            for name in self.autocomplete_fields
            if self.model._meta.get_field(name).many_to_one
        ]

    def _keys_only(self, db_field, request, kwargs: dict, form_class, autocomplete) -> None:
        """What Django would choose for this field, in the variant that checks keys first."""
        kwargs.setdefault("form_class", form_class)
        if db_field.name in self.get_autocomplete_fields(request) and "widget" not in kwargs:
            kwargs["widget"] = autocomplete(db_field, self.admin_site, using=kwargs.get("using"))


class RecordOnlyMixin:
    """For records the workbench writes (corrections, quote checks): listed and read, never
    added, changed or deleted by hand."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# What Django's own list filters write: a choice, a related row's key, "none", a range of dates.
FILTER_LOOKUPS = {"exact", "id", "isnull", "gte", "lt"}


class SortableOnlyChangeList(ChangeList):
    """A column left out of `sortable_by` shows no sort link, and an address that asks for
    that sort anyway (?o=1) is not sorted by it either: at a million rows it would sort the
    table."""

    def get_ordering_field(self, field_name):
        if self.sortable_by is not None and field_name not in self.sortable_by:
            return None
        return super().get_ordering_field(field_name)

    def get_ordering(self, request, queryset):
        # Django drops the list's own order as soon as the address asks for a sort, even one
        # it then ignores: the list would come in key order instead (sources not by title).
        if ORDER_VAR in self.params and not self._sortable_asked():
            self.params = {k: v for k, v in self.params.items() if k != ORDER_VAR}
        return super().get_ordering(request, queryset)

    def _sortable_asked(self) -> bool:
        for asked in str(self.params[ORDER_VAR]).split("."):
            index = asked.rpartition("-")[2]
            if (
                index.isdecimal()
                and len(index) < 4  # no list has a thousand columns; int() of 5,000 digits fails
                and int(index) < len(self.list_display)
                and self.get_ordering_field(self.list_display[int(index)]) is not None
            ):
                return True
        return False


class HistoryAdmin(SafeInputMixin, SimpleHistoryAdmin):
    """django-simple-history's history pages, with revert and restore held to the rules of a
    change made by hand.

    simple-history's own revert saves the old copy whole, fields the user may not edit
    included (a claim's state and verdict, a source's rating), and checks only that the user
    may view the object. Here a revert is the change form of the current object with the
    editable fields taken from the old version: the same form, the same permission checks
    (change to revert, add to restore a deleted item) and the same save_model, which goes
    through the services. Fields that change only through a workflow are never reverted."""

    # A changelist counts its rows up to a cap (admin/pagination.html says "more than"), and
    # never counts the whole table beside a filtered count: both are scans at a million rows.
    paginator = CappedPaginator
    show_full_result_count = False
    # Three quarters of a changelist's time is Django rendering its cells, row by row: half
    # Django's default of 100 rows halves it, and a page of 50 is what an editor reads anyway.
    list_per_page = 50
    # "Show counts" would count every row for each choice of every filter: a scan apiece.
    show_facets = admin.ShowFacets.NEVER

    def get_changelist(self, request, **kwargs):
        return SortableOnlyChangeList

    def lookup_allowed(self, lookup, value, request=None):
        """Only the filters a list offers, as they write themselves in its address. Django
        also takes any other lookup on the list's own fields (?statement__regex=…): a pattern
        the database cannot compile failed the page, and each such lookup reads every row.
        A field's filter writes its lookup (?state__exact=), never the bare field or a list
        (?state=, ?state__in=): those would narrow the list with no filter showing it."""
        own_parameters, fields = set(), set()
        for spec in self.get_list_filter(request):
            if isinstance(spec, type):  # a SimpleListFilter reads its own parameter
                own_parameters.add(spec.parameter_name)
            else:
                fields.add(spec if isinstance(spec, str) else spec[0])
        if lookup in own_parameters:
            return super().lookup_allowed(lookup, value, request)
        field, *rest = lookup.split(LOOKUP_SEP)
        if field not in fields or not rest or not set(rest) <= FILTER_LOOKUPS:
            return False
        return super().lookup_allowed(lookup, value, request)

    # Figures shown beside each row, by attribute name (how many claims cite a source):
    # counted for the page of rows shown, in one query. Annotated on the list's queryset they
    # would be counted for every row of the table, and sorted by, before the page is cut.
    page_counts: dict[str, Count] = {}

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        rows = changelist.result_list
        if self.page_counts and rows:
            counted = self.model.objects.filter(pk__in=[row.pk for row in rows])
            figures = {
                pk: values
                for pk, *values in counted.annotate(**self.page_counts).values_list(
                    "pk", *self.page_counts
                )
            }
            for row in rows:
                # A row deleted since the page was read counts nothing.
                values = figures.get(row.pk, [0] * len(self.page_counts))
                for name, value in zip(self.page_counts, values, strict=True):
                    setattr(row, name, value)
        return changelist

    # -- every entry point through the same checks -----------------------------------------

    def get_actions(self, request):
        # Rows are deleted one at a time, from their own page: each delete then meets the
        # per-row rules (a published claim's evidence goes only with a correction note).
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return self._refusals_as_messages(
            request, super().changeform_view, request, object_id, form_url, extra_context
        )

    def delete_view(self, request, object_id, extra_context=None):
        return self._refusals_as_messages(
            request, super().delete_view, request, object_id, extra_context
        )

    def _refusals_as_messages(self, request, view, *args):
        """A rule a service enforces that the form did not foresee: nothing was written (the
        view's transaction rolled back); say why, on the page the editor came from."""
        try:
            return view(*args)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def changelist_view(self, request, extra_context=None):
        try:
            return super().changelist_view(request, extra_context)
        except (ValueError, OverflowError):
            # A filter value Django cannot turn into a query (a year of 99999, say).
            self.message_user(request, BAD_LIST_FILTER, messages.ERROR)
            return HttpResponseRedirect(request.path)

    def response_action(self, request, queryset):
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        if not all(is_key(self.model._meta.pk, item) for item in selected):
            self.message_user(request, NO_SUCH_ITEMS, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        across = request.POST.get("select_across") == "1"
        if across and self.paginator(queryset, self.list_per_page).is_capped:
            self.message_user(request, TOO_MANY_SELECTED.format(cap=CappedPaginator.cap))
            return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset)

    def get_changeform_initial_data(self, request):
        """Values for the add form from the address (?source=12): one that is not a key of the
        model it points at is left out, rather than failing the page."""
        initial = super().get_changeform_initial_data(request)
        for name, value in list(initial.items()):
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if not field.is_relation:
                continue
            key = field.target_field if field.many_to_one else field.related_model._meta.pk
            values = value if isinstance(value, list) else [value]
            if not all(is_key(key, item) for item in values):
                del initial[name]
        return initial

    def _require_keys(self, object_id: str, version_id: str = "1") -> None:
        """An address whose object or version is not a key at all is a page that isn't there."""
        history_key = self.model.history.model._meta.pk
        if not is_key(self.model._meta.pk, unquote(object_id)) or not is_key(
            history_key, version_id
        ):
            raise Http404

    def history_view(self, request, object_id, extra_context=None):
        self._require_keys(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        request.current_app = self.admin_site.name
        self._require_keys(object_id, version_id)
        record = self.model.history.filter(
            **{self.model._meta.pk.attname: unquote(object_id), "history_id": version_id}
        ).first()
        if record is None:
            raise Http404
        current = self.get_object(request, unquote(object_id))
        restoring = current is None
        if not self.has_view_history_or_change_history_permission(request, current):
            raise PermissionDenied
        obj = self.reverted_copy(request, record, current)
        disabled = self.revert_disabled(request, obj)
        if disabled:
            if request.method == "POST":
                raise PermissionDenied
            obj = record.instance  # nothing will be saved: show the old version as it was
            obj._state.adding = False
        form_class = self.get_form(request, obj, change=True)
        form = form_class(request.POST or None, request.FILES or None, instance=obj)
        if request.method == "POST" and form.is_valid():
            saved = self._save_revert(request, form)
            if saved is not None:
                return self.response_change(request, saved)
        elif request.method != "POST" and not disabled:
            note = RESTORE_KEEPS_WORKFLOW if restoring else REVERT_KEEPS_WORKFLOW
            messages.info(request, note)
        return self._revert_page(request, form, obj, object_id, disabled, extra_context)

    def reverted_copy(self, request, record, current):
        """The object as a revert to `record` would save it: the current row with the editable
        fields from `record`; or, to restore a deleted row, `record` with every field the user
        cannot edit back at its default, as on a row added by hand."""
        old = record.instance
        obj = self.model._default_manager.get(pk=current.pk) if current is not None else old
        editable = self.get_form(request, obj, change=True).base_fields
        if not editable.keys() & {field.name for field in self.model._meta.concrete_fields}:
            return old  # read-only here: revert_disabled() says so
        for field in self.model._meta.concrete_fields:
            if field.primary_key:
                continue
            if current is not None and field.name in editable:
                setattr(obj, field.attname, getattr(old, field.attname))
            elif current is None and field.name not in editable:
                setattr(obj, field.attname, field.get_default())
        obj._state.adding = False
        return obj

    def revert_disabled(self, request, obj=None):
        if obj is None or super().revert_disabled(request, obj):
            return True
        form_fields = self.get_form(request, obj, change=True).base_fields
        editable = set(form_fields) & {field.name for field in self.model._meta.concrete_fields}
        if not editable:
            return True  # read-only here (a published claim's evidence): nothing to revert
        exists = self.model._default_manager.filter(pk=obj.pk).exists()
        if exists:
            return not self.has_change_permission(request, obj)
        return not self.has_add_permission(request)

    def _save_revert(self, request, form):
        """Save through the same path as the change form; a rule the services enforce comes
        back as a form error with nothing written."""
        try:
            with transaction.atomic(using=router.db_for_write(self.model)):
                obj = self.save_form(request, form, change=True)
                self.save_model(request, obj, form, change=True)
                form.save_m2m()
        except ValidationError as error:
            form.add_error(None, error.messages)
            return None
        self.log_change(request, obj, self.construct_change_message(request, form, []))
        return obj

    def _revert_page(self, request, form, obj, object_id, disabled, extra_context):
        opts = self.model._meta
        fieldsets = self.get_fieldsets(request, obj)
        readonly = self.get_readonly_fields(request, obj)
        if disabled:
            readonly = flatten_fieldsets(fieldsets)
        admin_form = helpers.AdminForm(form, fieldsets, {}, readonly, model_admin=self)
        prefix = f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}"
        context = {
            **self.admin_site.each_context(request),
            "title": self.history_form_view_title(request, obj),
            "adminform": admin_form,
            "object_id": object_id,
            "original": obj,
            "is_popup": False,
            "media": mark_safe(self.media + admin_form.media),
            "errors": helpers.AdminErrorList(form, []),
            "app_label": opts.app_label,
            "original_opts": opts,
            "changelist_url": reverse(f"{prefix}_changelist"),
            "change_url": reverse(f"{prefix}_change", args=(obj.pk,)),
            "history_url": reverse(f"{prefix}_history", args=(obj.pk,)),
            "change_history": False,
            "revert_disabled": disabled,
            "add": False,
            "change": True,
            "has_add_permission": self.has_add_permission(request),
            "has_view_permission": self.has_view_history_permission(request, obj),
            "has_change_permission": not disabled,
            "has_delete_permission": False,
            "has_editable_inline_admin_formsets": False,
            "has_file_field": True,
            "has_absolute_url": False,
            "form_url": "",
            "opts": opts,
            "save_as": False,
            "save_on_top": self.save_on_top,
            **(extra_context or {}),
        }
        return self.render_history_view(request, self.object_history_form_template, context)


class JobStateFilter(admin.SimpleListFilter):
    """The state as editors read it: "stopped" is a running job whose worker went silent."""

    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [*JobState.choices, (STOPPED, "stopped")]

    def queryset(self, request, queryset):
        if self.value() == JobState.RUNNING:
            return queryset.running()
        if self.value() == STOPPED:
            return queryset.stopped()
        if self.value() in JobState.values:
            return queryset.filter(state=self.value())
        return queryset


@admin.register(Job)
class JobAdmin(RecordOnlyMixin, admin.ModelAdmin):
    """Jobs, read-only, for whoever could have submitted them (Job.objects.visible_to); a
    running job's page reloads itself, a finished export's offers its file, and a job that
    failed or stopped can be run again by whoever submitted it."""

    list_display = ["__str__", "submitted_by", "submitted_at", "shown_state", "progress_shown"]
    show_facets = admin.ShowFacets.NEVER  # jobs pile up; counting each choice reads them all
    list_filter = [JobStateFilter, "kind"]
    list_select_related = ["submitted_by"]
    show_full_result_count = False
    fields = [
        "kind",
        "name",
        "submitter",
        "submitted_at",
        "shown_state",
        "progress_shown",
        "summary",
        "problems_shown",
        "download",
        "started_at",
        "heartbeat_at",
        "finished_at",
        "attempts",
        "task_result_id",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return obj.may_be_seen_by(request.user) if obj else self.has_module_permission(request)

    @admin.display(description="submitted by")
    def submitter(self, job: Job) -> str:
        # Django would link the name to the user admin, which only superusers may open.
        return str(job.submitted_by or "—")

    @admin.display(description="state")
    def shown_state(self, job: Job) -> str:
        return job.shown_state

    @admin.display(description="progress")
    def progress_shown(self, job: Job) -> str:
        if job.state == JobState.QUEUED:
            return "waiting for the task worker"
        return f"{job.step}: {job.progress}" if job.step else job.progress

    @admin.display(description="problems")
    def problems_shown(self, job: Job) -> str:
        if not job.problems:
            return "–"
        more = job.problem_count - len(job.problems)
        listed = format_html_join("", "<li>{}</li>", ((problem,) for problem in job.problems))
        return format_html("<ul>{}</ul>{}", listed, f"… and {more:,} more." if more > 0 else "")

    @admin.display(description="file")
    def download(self, job: Job) -> str:
        if not job.output:
            return "–"
        url = reverse("admin:workbench_job_download", args=[job.pk])
        return format_html('<a href="{}">Download {}</a>', url, job.output_name)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/download/",
                self.admin_site.admin_view(self.download_view),
                name="workbench_job_download",
            ),
            path(
                "<path:object_id>/run-again/",
                self.admin_site.admin_view(self.run_again_view),
                name="workbench_job_run_again",
            ),
            *super().get_urls(),
        ]

    def _job(self, request, object_id: str) -> Job:
        if not is_key(Job._meta.pk, object_id):
            raise Http404("No such job.")
        return get_object_or_404(self.get_queryset(request), pk=object_id)

    def download_view(self, request, object_id):
        job = self._job(request, object_id)
        if not job.output:
            raise Http404("This job has no file to download.")
        return FileResponse(job.output.open("rb"), as_attachment=True, filename=job.output_name)

    def run_again_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        job = self._job(request, object_id)
        try:
            job_run_again(job=job, by=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, JOB_QUEUED_AGAIN, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:workbench_job_change", args=[job.pk]))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        refusal = run_again_refusal(obj)
        context |= {
            "reloads": obj.shown_state in (JobState.QUEUED, JobState.RUNNING),
            "may_run_again": refusal is None and obj.may_be_run_again_by(request.user),
            # Failed or stopped: the page says why whenever the service would refuse for it.
            "same_problems_again": refusal == RUN_AGAIN_SAME_PROBLEMS,
        }
        return super().render_change_form(request, context, add, change, form_url, obj)


JOB_QUEUED_AGAIN = (
    "The job is queued again, from the file it was given. The task worker starts it shortly."
)
