"""The two editorial roles as groups. Superusers need no group."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Editors": {
        "claims": {
            "claim": ["add", "change", "view"],
            "evidence": ["add", "change", "delete", "view"],
            "claimrelation": ["add", "change", "delete", "view"],
            "review": ["add", "change", "view"],
            "topic": ["add", "change", "view"],
        },
        # Editors log sources as they find them, but neither delete nor rate them.
        "sources": {"source": ["add", "change", "view"], "outlet": ["add", "change", "view"]},
    },
    "Source curators": {
        "sources": {
            "source": ["add", "change", "delete", "view", "rate", "merge"],
            "outlet": ["add", "change", "delete", "view"],
        },
        "claims": {"claim": ["view"], "evidence": ["view"]},
    },
}


def codename(action: str, model: str) -> str:
    return f"{action}_{model}"


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, apps_models in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, models in apps_models.items():
            for model, actions in models.items():
                for action in actions:
                    group.permissions.add(
                        Permission.objects.get(
                            content_type__app_label=app_label, codename=codename(action, model)
                        )
                    )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("sources", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
