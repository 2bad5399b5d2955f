"""On the editor's desk: quotes that changed or went in a newer copy of their source."""

from django import template

from ..selectors import quotes_to_look_at

register = template.Library()


@register.inclusion_tag("admin/documents/quotes_on_desk.html")
def quotes_on_desk(user) -> dict:
    if not user.has_perm("claims.change_claim"):
        return {"count": None}
    return {"count": quotes_to_look_at().count()}
