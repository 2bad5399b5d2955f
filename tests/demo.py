"""The demo as tests use it: a copy of the one built per session (conftest.py)."""

import importlib


def load_demo_copy(path: str) -> None:
    from django.core.management import call_command

    call_command("loaddata", path, verbosity=0)


def restore_roles() -> None:
    """The editorial groups, as the migrations make them. A test on committed data (browser
    tests, backup and restore) empties the database after itself, groups included; the next
    one brings them back."""
    from django.contrib.auth.models import Group, Permission

    for migration, roles in [
        ("claims.migrations.0002_roles", "ROLES"),
        ("figures.migrations.0002_editor_permissions", "EDITORS"),
    ]:
        roles = getattr(importlib.import_module(migration), roles)
        if migration.startswith("figures"):
            roles = {"Editors": {"claims": roles}}  # figures moved into claims
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
