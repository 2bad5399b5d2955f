from functools import cached_property

from django.core.paginator import Paginator
from django.db import models
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination

from .unstorable import is_key


def capped_count(rows: models.QuerySet, cap: int) -> int:
    """How many rows, counted up to cap + 1: more than `cap` says "more than", and the rest of
    a million rows is never counted. Keys only, unordered: the order and the annotations (an
    admin list's "awaiting approval") matter for the rows shown, not for how many there are."""
    return rows.order_by().values("pk")[: cap + 1].count()


class CappedPaginator(Paginator):
    """Counts at most `cap` rows: past that, "more than 10,000" tells a reader as much as the
    exact figure, and counting a million filtered rows on every page view does not pay. Used
    by the public lists and by every admin changelist."""

    cap = 10_000

    @cached_property
    def count(self) -> int:
        return capped_count(self.object_list, self.cap)

    @property
    def is_capped(self) -> bool:
        return self.count > self.cap


# Every API list is ordered by id: a cursor's position must be one.
ID = models.BigAutoField(primary_key=True)


class NewestFirstCursorPagination(CursorPagination):
    """The API's pages: stable however much is added meanwhile, since they follow the id,
    which never changes, unlike a grading date."""

    ordering = "-pk"
    page_size_query_param = "page_size"
    max_page_size = 100

    def decode_cursor(self, request):
        # DRF checks the cursor's encoding, not that its position is an id: "p=abc" would
        # reach the database and fail there.
        cursor = super().decode_cursor(request)
        position = cursor.position if cursor else None
        if position is not None and not is_key(ID, position):
            raise NotFound(self.invalid_cursor_message)
        return cursor

    def get_paginated_response_schema(self, schema: dict) -> dict:
        # DRF describes the links in OpenAPI 3.0's dialect ("nullable"); the API's schema is
        # OpenAPI 3.1, where a link that may be absent is a string or null.
        link = {"type": ["string", "null"], "format": "uri"}
        return {
            "type": "object",
            "required": ["results"],
            "properties": {"next": link, "previous": link, "results": schema},
        }
