"""Input the database cannot store. PostgreSQL refuses the null character in text, and a query
parameter or an address that carries one would otherwise fail deep inside a view with a 500."""

from urllib.parse import unquote_to_bytes

from django.http import HttpResponseBadRequest

NULL_IN_ADDRESS = (
    "The address contains a null character (%00), which no page of the workbench accepts. "
    "Remove it and try again."
)
NULL_CHARACTER = "contains a null character, which cannot be stored; remove it"


def has_null(text: str) -> bool:
    return "\x00" in text


class RefuseNullCharactersMiddleware:
    """Answer 400, with the reason, to any request whose path or query string holds a null
    character, before any view, filter or admin list sees it. Form fields refuse it on their
    own (Django's ProhibitNullCharactersValidator); files are checked by their readers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw = request.META.get("QUERY_STRING", "").encode("latin-1", "replace")
        if has_null(request.path) or b"\x00" in unquote_to_bytes(raw):
            return HttpResponseBadRequest(NULL_IN_ADDRESS, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
