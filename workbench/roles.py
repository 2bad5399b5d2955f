"""Roles are Django groups. The data migrations that grant them and the tests that bring them
back after emptying a database say the same thing: this group may do these actions on these
models, written {group: {app_label: {model: [action, …]}}}."""

from django.contrib.auth.management import create_permissions


def grant_roles(apps, roles: dict, *, making_permissions_of: str | None = None) -> None:
    """Give each group its permissions, making the group if need be. In a migration, name the
    app whose permissions must be made first: Django makes them only after all migrations."""
    if making_permissions_of:
        app_config = apps.get_app_config(making_permissions_of)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, apps_models in roles.items():
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, models in apps_models.items():
            for model, actions in models.items():
                group.permissions.add(
                    *Permission.objects.filter(
                        content_type__app_label=app_label,
                        codename__in=[f"{action}_{model}" for action in actions],
                    )
                )


def revoke_roles(apps, roles: dict) -> None:
    """Take back what grant_roles() gave; the groups stay."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=roles):
        for app_label, models in roles[group.name].items():
            for model, actions in models.items():
                group.permissions.remove(
                    *Permission.objects.filter(
                        content_type__app_label=app_label,
                        codename__in=[f"{action}_{model}" for action in actions],
                    )
                )
