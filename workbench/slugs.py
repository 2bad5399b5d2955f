"""Slugs: the short names in public addresses, made once from a title or statement and kept."""

import functools

from django.db import models
from django.urls import get_script_prefix, reverse
from django.utils.text import slugify


def _base(model: type[models.Model], text: str, max_length: int) -> str:
    """The slug `text` gives; a text with no Latin letter (a statement in Chinese gives only
    its digits, or nothing) is named after the kind of row: "claim-20175"."""
    base = slugify(text)[:max_length].strip("-")
    if not any(c.isalpha() for c in base):
        base = f"{model._meta.model_name}-{base}".strip("-")[:max_length]
    return base


def unique_slug(model: type[models.Model], text: str, *, max_length: int = 80) -> str:
    """A slug for `text` that no row of `model` has yet: "title", then "title-2", "title-3", …"""
    base = _base(model, text, max_length)
    slug, n = base, 1
    while model._default_manager.filter(slug=slug).exists():
        n += 1
        slug = f"{base[: max_length - len(str(n)) - 1]}-{n}"
    return slug


def unique_slugs(
    model: type[models.Model],
    texts: list[str],
    *,
    max_length: int = 80,
    reserved: frozenset[str] | set[str] = frozenset(),
) -> list[str]:
    """unique_slug() for many rows at once, unique among themselves too, in a query or two;
    `reserved` slugs (given explicitly to rows still to be written) are avoided as well."""
    bases = [_base(model, text, max_length) for text in texts]
    taken = set(model._default_manager.filter(slug__in=bases).values_list("slug", flat=True))
    taken |= {base for base in bases if base in reserved}
    for base in {base for base in bases if base in taken}:
        taken |= set(
            model._default_manager.filter(slug__startswith=base).values_list("slug", flat=True)
        )
    slugs = []
    for base in bases:
        slug, n = base, 1
        while slug in taken or slug in reserved:
            n += 1
            slug = f"{base[: max_length - len(str(n)) - 1]}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


@functools.cache
def _around_slug(viewname: str, script_prefix: str) -> tuple[str, str]:
    before, after = reverse(viewname, kwargs={"slug": _PLACEHOLDER}).split(_PLACEHOLDER)
    return before, after


_PLACEHOLDER = "slug-placeholder"


def slug_url(viewname: str, slug: str) -> str:
    """reverse(viewname, kwargs={"slug": slug}), resolved once per view rather than once per
    link: a list of 25 claims links each claim and its claimant, and reverse() walks the
    URL patterns every time. A slug is made of letters, digits and hyphens, which need no
    quoting in a path."""
    before, after = _around_slug(viewname, get_script_prefix())
    return before + slug + after
