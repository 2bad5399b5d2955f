from django import forms
from django.core.validators import FileExtensionValidator

from .records import FORMATS


class ClaimImportForm(forms.Form):
    file = forms.FileField(
        validators=[FileExtensionValidator(allowed_extensions=FORMATS)],
        help_text="A .csv or .json file in the import format (see the README). Nothing is "
        "imported unless every row is valid.",
    )

    @property
    def format(self) -> str:
        return self.cleaned_data["file"].name.rsplit(".", 1)[-1].lower()
