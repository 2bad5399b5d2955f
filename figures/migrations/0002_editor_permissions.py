"""Editors enter figures and subjects and explain conflicts; curators and readers see them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = {
    "subject": ["add", "change", "view"],
    "figure": ["add", "change", "delete", "view"],
    "figureconflict": ["change", "view"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("figures")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    for model, actions in EDITORS.items():
        for action in actions:
            editors.permissions.add(
                Permission.objects.get(
                    content_type__app_label="figures", codename=f"{action}_{model}"
                )
            )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    group = apps.get_model("auth", "Group").objects.filter(name="Editors").first()
    if group:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="figures"))


class Migration(migrations.Migration):
    dependencies = [("figures", "0001_figures"), ("claims", "0002_roles")]

    operations = [migrations.RunPython(grant, revoke)]
