from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django_filters.views import FilterView

from .cache import filterset_params
from .mail import notification_preference_save, wants_email
from .pagination import CappedPaginator


class ForgivingPaginationMixin:
    """A page number that is not a number, or past the end, shows the first page and says so
    instead of answering 404: a shared link with a stale page number still lands somewhere."""

    def paginate_queryset(self, queryset, page_size):
        try:
            return super().paginate_queryset(queryset, page_size)
        except Http404:  # what MultipleObjectMixin raises for any page it cannot show
            self.page_problem = (
                f"There is no page “{self.request.GET.get(self.page_kwarg)}”; "
                "showing the first page."
            )
            paginator = self.get_paginator(queryset, page_size)
            page = paginator.page(1)
            return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_problem"] = getattr(self, "page_problem", "")
        return context


class PublicListView(ForgivingPaginationMixin, FilterView):
    """A public, filtered, paginated list. An invalid filter is reported beside the list while
    the valid ones still apply."""

    paginate_by = settings.WORKBENCH_PAGE_SIZE
    paginator_class = CappedPaginator
    strict = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # The page reads its filters and the page number, nothing else (see the page cache).
        cls.page_cache_params = (*filterset_params(cls.filterset_class), cls.page_kwarg)


class NotificationPreferenceForm(forms.Form):
    email = forms.BooleanField(
        label="Send me emails",
        required=False,
        help_text=(
            "When a grading of yours is sent back or approved, a claim is assigned to you, or a "
            "claim assigned to you falls due for re-check."
        ),
    )


def notification_preferences(request):
    """Each person turns the workbench's emails on or off for themselves, nobody else."""
    if request.method == "POST":
        form = NotificationPreferenceForm(request.POST)
        if form.is_valid():
            notification_preference_save(user=request.user, email=form.cleaned_data["email"])
            messages.success(
                request,
                "Saved: " + ("emails on." if form.cleaned_data["email"] else "no more emails."),
            )
            return HttpResponseRedirect(request.path)
    else:
        form = NotificationPreferenceForm(initial={"email": wants_email(request.user)})
    return TemplateResponse(
        request,
        "admin/notification_preferences.html",
        {
            **admin.site.each_context(request),
            "title": "Email notifications",
            "form": form,
            "has_address": bool(request.user.email),
        },
    )
