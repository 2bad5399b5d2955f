from functools import cached_property

from django.core.paginator import Paginator
from rest_framework.pagination import CursorPagination


class CappedPaginator(Paginator):
    """Counts at most `cap` rows: past that, "more than 10,000" tells a reader as much as the
    exact figure, and counting a million filtered rows on every page view does not pay."""

    cap = 10_000

    @cached_property
    def count(self) -> int:
        return self.object_list[: self.cap + 1].count()

    @property
    def is_capped(self) -> bool:
        return self.count > self.cap


class NewestFirstCursorPagination(CursorPagination):
    """The API's pages: stable however much is added meanwhile, since they follow the id,
    which never changes, unlike a grading date."""

    ordering = "-pk"
    page_size_query_param = "page_size"
    max_page_size = 100
