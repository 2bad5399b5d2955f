from django import forms
from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.template.defaultfilters import filesizeformat

from .read import start_problem
from .records import FORMATS

FILE_TOO_LARGE = "The file is {size}; the import takes files of up to {limit}."


class ClaimImportForm(forms.Form):
    """The upload, checked only as far as is quick at any size (its kind, its size, its first
    line); the task worker checks every row before it writes anything."""

    file = forms.FileField(
        validators=[FileExtensionValidator(allowed_extensions=FORMATS)],
        help_text="A .csv or .json file in the import format (see the README). Nothing is "
        "imported unless every row is valid.",
    )

    @property
    def format(self) -> str:
        return self.cleaned_data["file"].name.rsplit(".", 1)[-1].lower()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.WORKBENCH_IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                FILE_TOO_LARGE.format(
                    size=filesizeformat(upload.size),
                    limit=filesizeformat(settings.WORKBENCH_IMPORT_MAX_BYTES),
                )
            )
        if problem := start_problem(upload, upload.name.rsplit(".", 1)[-1].lower()):
            raise forms.ValidationError(problem)
        return upload


class ClaimExportForm(forms.Form):
    format = forms.ChoiceField(
        choices=[("csv", "CSV"), ("json", "JSON")], initial="csv", widget=forms.RadioSelect
    )
