"""Reads of the registry as the public API and pages show it."""

from django.db.models import QuerySet

from .models import Source


def source_list_public() -> QuerySet[Source]:
    return Source.objects.select_related("outlet").order_by("title", "pk")


def source_detail_public() -> QuerySet[Source]:
    return Source.objects.select_related("outlet")
