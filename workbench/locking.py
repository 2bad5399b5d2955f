"""Optimistic locking: every versioned row carries a `version`; a save based on an older one is
refused with what changed meanwhile, so two editors never overwrite each other in silence."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

EDIT_CONFLICT = (
    "{who} saved this {thing} at {when}, after you opened it, and changed: {changes}. "
    "Your changes were not saved. Reload the page to see theirs, then make yours again."
)


class EditConflict(ValidationError):
    pass


def changes_since(instance: models.Model, version: int) -> EditConflict:
    """An EditConflict naming who saved `instance` after `version`, when, and which fields."""
    history = instance.history.order_by("history_date", "history_id")
    newer = list(history.filter(version__gt=version))
    base = history.filter(version=version).last()
    latest = newer[-1] if newer else history.last()
    fields = set()
    if base is not None:
        for record in newer:
            fields.update(record.diff_against(base).changed_fields)
    names = sorted(
        str(instance._meta.get_field(name).verbose_name) for name in fields if name != "version"
    )
    return EditConflict(
        EDIT_CONFLICT.format(
            who=getattr(latest, "history_user", None) or "Someone",
            thing=instance._meta.verbose_name,
            when=timezone.localtime(latest.history_date).strftime("%H:%M on %d %B %Y")
            if latest
            else "an unknown time",
            changes=", ".join(names) or "its workflow state",
        ),
        code="edit_conflict",
    )


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
    refuses a stale save with what changed meanwhile before anything is written."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk is not None:
            # The stored version, not the instance's: a revert from history starts from an old copy.
            stored = type(instance)._default_manager.filter(pk=instance.pk)
            self.fields["expected_version"].initial = stored.values_list(
                "version", flat=True
            ).first()

    def clean(self):
        cleaned = super().clean()
        expected = cleaned.get("expected_version")
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk is not None and expected is not None:
            stored = type(instance)._default_manager.filter(pk=instance.pk)
            current = stored.values_list("version", flat=True).first()
            if current is not None and current != expected:
                raise changes_since(instance, expected)
        return cleaned
