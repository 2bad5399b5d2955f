"""Forms render as Django renders them: an empty error list is skipped, an error is shown."""

from django import forms
from django.forms.renderers import DjangoTemplates

from workbench.rendering import FormRenderer


class ClaimantForm(forms.Form):
    name = forms.CharField()
    note = forms.CharField(required=False)


def test_empty_error_lists_render_nothing_and_errors_render_as_django_does():
    bound = ClaimantForm({"name": "", "note": ""}, renderer=FormRenderer())
    django_bound = ClaimantForm({"name": "", "note": ""}, renderer=DjangoTemplates())

    assert str(bound["note"].errors) == str(django_bound["note"].errors) == ""
    assert str(bound["name"].errors) == str(django_bound["name"].errors)
    assert 'class="errorlist"' in str(bound["name"].errors)
    assert str(bound) == str(django_bound)
