"""Editors and source curators keep copies of sources' documents and read them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Editors": {"documents": {"snapshot": ["add", "view"], "paragraph": ["view"]}},
    "Source curators": {"documents": {"snapshot": ["add", "view"], "paragraph": ["view"]}},
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("documents")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, apps_models in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, models in apps_models.items():
            for model, actions in models.items():
                group.permissions.add(
                    *Permission.objects.filter(
                        content_type__app_label=app_label,
                        codename__in=[f"{action}_{model}" for action in actions],
                    )
                )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="documents"))


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial"), ("claims", "0002_roles")]

    operations = [migrations.RunPython(grant, revoke)]
