"""Input the workbench cannot store or show. PostgreSQL refuses the null character in text, and
a query parameter or an address that carries one would otherwise fail deep inside a view with a
500; other control characters and non-characters make pages invalid HTML and the Atom feed
invalid XML, so text fields refuse them too."""

import re
from urllib.parse import unquote_to_bytes

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest, JsonResponse

NULL_IN_ADDRESS = (
    "The address contains a null character (%00), which no page of the workbench accepts. "
    "Remove it and try again."
)
NULL_CHARACTER = "contains a null character, which cannot be stored; remove it"


# C0 controls but tab, newline and carriage return; DEL and the C1 controls; lone surrogates
# (only a JSON escape can make one); non-characters
# (U+FDD0–U+FDEF, and the last two code points of every plane).
_NON_CHARACTERS = "".join(
    chr(plane * 0x10000 + last) for plane in range(17) for last in (0xFFFE, 0xFFFF)
)
UNSHOWABLE = re.compile(
    f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\ufdd0-\\ufdef{_NON_CHARACTERS}]"
)
UNSHOWABLE_CHARACTER = (
    "contains the invisible control character U+{code:04X}, which pages and the feed cannot "
    "show; remove it"
)


# The same characters as bytes of UTF-8, tested quickly and conservatively: a match only means
# "look closer" (b"\xbf\xbf" also ends ordinary characters such as U+3FFF).
_C0_BYTES = re.compile(b"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_C1_BYTES = re.compile(b"\xc2[\x80-\x9f]")


def might_be_unshowable(data: bytes) -> bool:
    """Whether UTF-8 `data` may hold a character UNSHOWABLE matches: about ten times faster
    than decoding and searching it, for files of a hundred megabytes."""
    return bool(
        _C0_BYTES.search(data)
        or _C1_BYTES.search(data)
        or b"\xef\xb7" in data  # U+FDD0–U+FDEF, among others
        or b"\xbf\xbe" in data  # U+nFFFE
        or b"\xbf\xbf" in data  # U+nFFFF
    )


def is_key(field, value) -> bool:
    """Whether `value` could be a value of the key `field`: the right type, in its range (a
    huge number would otherwise overflow the database's integer deep inside a query)."""
    try:
        field.run_validators(field.to_python(value))
    except ValidationError:
        return False
    return True


def _key_of(field: forms.ModelChoiceField):
    opts = field.queryset.model._meta
    return opts.get_field(field.to_field_name) if field.to_field_name else opts.pk


class KeysOnlyModelChoiceField(forms.ModelChoiceField):
    """A choice of row that refuses a value that cannot be a key before it reaches a query."""

    def to_python(self, value):
        if value not in self.empty_values and not is_key(_key_of(self), value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class KeysOnlyModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        key = _key_of(self)
        for item in value if isinstance(value, list | tuple) else [value]:
            if item not in self.empty_values and not is_key(key, item):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": item},
                )
        return super()._check_values(value)


def has_null(text: str) -> bool:
    return "\x00" in text


def unshowable_problem(text: str) -> str | None:
    """What is wrong with `text`, if it holds a character no page or feed can carry."""
    if has_null(text):
        return NULL_CHARACTER
    found = UNSHOWABLE.search(text)
    return UNSHOWABLE_CHARACTER.format(code=ord(found.group())) if found else None


def refuse_unshowable(text: str) -> None:
    """A form field validator: the text as typed, or a clear reason to change it."""
    problem = unshowable_problem(text or "")
    if problem:
        raise ValidationError(f"This text {problem}.", code="unshowable")


class RefuseNullCharactersMiddleware:
    """Answer 400, with the reason, to any request whose path or query string holds a null
    character, before any view, filter or admin list sees it. Form fields refuse it on their
    own (Django's ProhibitNullCharactersValidator); files are checked by their readers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw = request.META.get("QUERY_STRING", "").encode("latin-1", "replace")
        if has_null(request.path) or b"\x00" in unquote_to_bytes(raw):
            if request.path.startswith("/api/"):  # the API answers in JSON, as documented
                return JsonResponse({"detail": NULL_IN_ADDRESS}, status=400)
            return HttpResponseBadRequest(NULL_IN_ADDRESS, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
