"""The editor's desk on the admin index: each queue with its count, linked to the claim list
filtered to it."""

from django import template
from django.urls import reverse

from workbench.pagination import CappedPaginator

from ..choices import DeskQueue
from ..selectors import desk_counts
from ..services.claims import is_editor

register = template.Library()


@register.inclusion_tag("admin/claims/desk.html")
def desk(user) -> dict:
    if not is_editor(user):
        return {"queues": []}
    counts = desk_counts(user)
    changelist = reverse("admin:claims_claim_changelist")
    return {
        "cap": CappedPaginator.cap,
        "queues": [
            {
                "label": queue.label,
                "count": counts[queue],
                "more": counts[queue] > CappedPaginator.cap,
                "url": f"{changelist}?desk={queue}",
            }
            for queue in DeskQueue
        ],
    }
