from django.contrib import admin
from django.template.response import TemplateResponse


def action_form_page(
    modeladmin, request, *, form, objects, action: str, intro: str, submit_label: str
):
    """The intermediate page of an admin action that needs more input (which source to keep,
    why a claim is withdrawn), posted back to the same action with `apply` set."""
    return TemplateResponse(
        request,
        "admin/action_form.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": submit_label,
            "opts": modeladmin.model._meta,
            "form": form,
            "objects": objects,
            "action": action,
            "intro": intro,
            "submit_label": submit_label,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )
