"""Editors add and correct claimants, their other names and merges (a merge needs the change
permission); curators, who see claims, see who made them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Editors": {
        "claims": {
            "claimant": ["add", "change", "view"],
            "claimantalias": ["add", "change", "delete", "view"],
        }
    },
    "Source curators": {"claims": {"claimant": ["view"], "claimantalias": ["view"]}},
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("claims")
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
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="claims", content_type__model__in=["claimant", "claimantalias"]
            )
        )


class Migration(migrations.Migration):
    dependencies = [("claims", "0013_claimant_is_required"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(grant, revoke)]
