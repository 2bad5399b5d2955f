"""Optimistic locking: every versioned row carries a `version`; a save based on an older one is
refused with what changed meanwhile, so two editors never overwrite each other in silence."""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

EDIT_CONFLICT = (
    "{who} saved this {thing} at {when}, after you opened it, and changed: {changes}. "
    "Your changes were not saved. Reload the page to see theirs, then make yours again."
)
# The admin's form keeps the editor's values and sets theirs beside them instead.
EDIT_CONFLICT_MERGE = (
    "{who} saved this {thing} at {when}, after you opened it, and changed: {changes}. "
    "Your changes were not saved yet; they are still in the form. Where you both changed a "
    "field, their version is beside yours: choose one for each, then save again. Fields only "
    "they changed now show their values."
)
KEEP_FIELD = "keep-{name}"  # the radio choosing, per field, whose value a merged save keeps
KEEP_CHOICES = ("yours", "theirs")
KEEP_REFUSED = "Choose “yours” or “theirs” for each field their version differs in."


class EditConflict(ValidationError):
    pass


def _saved_after(instance: models.Model, version: int):
    """The history records newer than `version`, the record of `version` itself (None when it
    is not kept), and the newest record."""
    history = instance.history.order_by("history_date", "history_id")
    newer = list(history.filter(version__gt=version))
    base = history.filter(version=version).last()
    return newer, base, newer[-1] if newer else history.last()


def _when(record) -> str:
    if record is None:
        return "an unknown time"
    return timezone.localtime(record.history_date).strftime("%H:%M on %d %B %Y")


def changes_since(
    instance: models.Model, version: int, template: str = EDIT_CONFLICT
) -> EditConflict:
    """An EditConflict naming who saved `instance` after `version`, when, and which fields."""
    newer, base, latest = _saved_after(instance, version)
    fields = set()
    if base is not None:
        for record in newer:
            fields.update(record.diff_against(base).changed_fields)
    names = sorted(
        str(instance._meta.get_field(name).verbose_name) for name in fields if name != "version"
    )
    return EditConflict(
        template.format(
            who=getattr(latest, "history_user", None) or "Someone",
            thing=instance._meta.verbose_name,
            when=_when(latest),
            changes=", ".join(names) or "its workflow state",
        ),
        code="edit_conflict",
    )


@dataclass
class FieldConflict:
    """One field two editors both changed, differently: what the form shows side by side."""

    name: str
    label: str
    theirs: str
    yours: str
    changed_by: str
    changed_at: str

    @property
    def keep_field(self) -> str:
        return KEEP_FIELD.format(name=self.name)


@dataclass
class Merge:
    conflicts: list[FieldConflict]  # both changed, differently: the editor chooses
    theirs_only: list[str]  # only the other editor changed: their value stands


def _key(value):
    """A value as stored, for comparing: a row by its key, several rows as a set of keys."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple | set):
        return frozenset(_key(item) for item in value)
    return value


def _stored(record, field: models.Field):
    """The value of `field` in a history record (or a row), as _key() compares it."""
    if field.many_to_many:
        if hasattr(record, "history_id"):  # historical m2m rows point at the target by this name
            target = f"{field.m2m_reverse_field_name()}_id"
            return frozenset(getattr(row, target) for row in getattr(record, field.name).all())
        return frozenset(getattr(record, field.name).values_list("pk", flat=True))
    return getattr(record, field.attname)


def _shown(field: models.Field, value) -> str:
    """A value as the editor reads it."""
    if isinstance(value, models.QuerySet | list | tuple | set | frozenset):
        return ", ".join(sorted(str(item) for item in value)) or "—"
    if value in (None, ""):
        return "—"
    return str(dict(field.flatchoices).get(value, value)) if field.choices else str(value)


def edits_since(instance: models.Model, version: int, yours: dict[str, object]) -> Merge:
    """Compare the editor's values (`yours`, by field name, as a form cleans them) with what was
    stored at `version`, when the editor opened it, and with `instance` as it is stored now.
    A field both changed, differently, is a conflict, with who changed it and when; a field
    only the other editor changed keeps their value. Without the record of `version` (history
    pruned), every field that differs is a conflict."""
    newer, base, latest = _saved_after(instance, version)
    changed_by = {}
    previous = base
    for record in newer:
        if previous is not None:
            for name in record.diff_against(previous).changed_fields:
                changed_by[name] = record
        previous = record
    conflicts, theirs_only = [], []
    for name, value in yours.items():
        field = instance._meta.get_field(name)
        theirs = _stored(instance, field)
        if _key(value) == theirs:
            continue
        if base is not None and _stored(base, field) == theirs:
            continue  # only the editor changed it: theirs is the opened value
        if base is not None and _stored(base, field) == _key(value):
            theirs_only.append(name)
            continue
        by = changed_by.get(name, latest)
        current = getattr(instance, name)
        conflicts.append(
            FieldConflict(
                name=name,
                label=str(field.verbose_name),
                theirs=_shown(field, current.all() if field.many_to_many else current),
                yours=_shown(field, value),
                changed_by=str(getattr(by, "history_user", None) or "Someone"),
                changed_at=_when(by),
            )
        )
    return Merge(conflicts=conflicts, theirs_only=theirs_only)


def next_version(instance: models.Model, expected_version: int | None) -> int:
    """Lock the stored row and return the version this save will write. Refuses the save when
    the caller says which version it started from and the row has moved on since."""
    if instance.pk is None:
        return 1
    current = (
        type(instance)
        ._default_manager.select_for_update()
        .values_list("version", flat=True)
        .filter(pk=instance.pk)
        .first()
    )
    if current is None:  # restoring a deleted row from its history
        return instance.version + 1
    if expected_version is not None and current != expected_version:
        raise changes_since(instance, expected_version)
    return current + 1


class VersionedFormMixin(forms.Form):
    """For the editor forms of versioned models: carries the version the editor opened, and
    refuses a stale save before anything is written. The refused form keeps the editor's
    values, takes the other editor's where only they changed a field, sets theirs beside the
    editor's where both did (`edit_conflicts`) and moves on to the stored version, so that
    the next save, with a choice per field, goes through."""

    # Bounded, so that a tampered number is a form error, not a query the database refuses.
    expected_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.edit_conflicts: list[FieldConflict] = []
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk is not None:
            # The stored version, not the instance's: a revert from history starts from an old copy.
            stored = type(instance)._default_manager.filter(pk=instance.pk)
            self.fields["expected_version"].initial = stored.values_list(
                "version", flat=True
            ).first()

    def mergeable_fields(self) -> list[str]:
        """The model's fields this form edits."""
        names = {field.name for field in self.instance._meta.get_fields()}
        return [name for name in self.fields if name in names and name != "version"]

    def clean(self):
        cleaned = super().clean()
        expected = cleaned.get("expected_version")
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk is not None and expected is not None:
            stored = type(instance)._default_manager.filter(pk=instance.pk)
            current = stored.values_list("version", flat=True).first()
            if current is not None and current != expected:
                self._set_theirs_beside(expected, current)
                raise changes_since(instance, expected, EDIT_CONFLICT_MERGE)
            self._keep_chosen(cleaned)
        return cleaned

    def _set_theirs_beside(self, expected: int, current: int) -> None:
        # Until _post_clean(), the instance holds what is stored now: their version.
        yours = {
            name: self.cleaned_data[name]
            for name in self.mergeable_fields()
            if name in self.cleaned_data
        }
        merge = edits_since(self.instance, expected, yours)
        data = self.data.copy()
        for name in merge.theirs_only:
            value = self.initial.get(name)
            if isinstance(value, list | tuple):
                keys = [str(_key(item)) for item in value]
                if hasattr(data, "setlist"):
                    data.setlist(self.add_prefix(name), keys)
                else:
                    data[self.add_prefix(name)] = keys
            else:
                data[self.add_prefix(name)] = "" if value is None else str(value)
        for conflict in merge.conflicts:
            data[conflict.keep_field] = "yours"
        data[self.add_prefix("expected_version")] = str(current)
        self.data = data
        self.edit_conflicts = merge.conflicts

    def _keep_chosen(self, cleaned: dict) -> None:
        """After a refused save: the fields where the editor chose the other editor's value
        keep the stored one (still theirs: the version has not moved since)."""
        for name in self.mergeable_fields():
            choice = self.data.get(KEEP_FIELD.format(name=name), "yours")
            if choice not in KEEP_CHOICES:
                self.add_error(None, KEEP_REFUSED)
            elif choice == "theirs":
                value = getattr(self.instance, name)
                cleaned[name] = list(value.all()) if hasattr(value, "all") else value
