"""The demo as tests use it: a copy of the one built per session (conftest.py)."""

import importlib


def load_demo_copy(path: str) -> dict:
    """Load the copy; returns the demo's accounts by username (editor, second-editor, …), which
    take the usernames the editor fixtures would: use these instead alongside the demo."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test.utils import override_settings

    from exchange.management.commands.load_demo import DEMO_USERS

    # As `restore` loads a backup: the file holds the history already. Setting many-to-many
    # fields would record it a second time, with ids from the table's sequence that may
    # collide with the file's on PostgreSQL.
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        call_command("loaddata", path, verbosity=0)
    names = [username for username, _, _ in DEMO_USERS]
    return {user.username: user for user in get_user_model().objects.filter(username__in=names)}


def restore_roles() -> None:
    """The editorial groups, as the migrations make them. A test on committed data (browser
    tests, backup and restore) empties the database after itself, groups included; the next
    one brings them back."""
    from django.apps import apps

    from workbench.roles import grant_roles

    for migration, roles in [
        ("claims.migrations.0002_roles", "ROLES"),
        ("figures.migrations.0002_editor_permissions", "EDITORS"),
        ("claims.migrations.0014_editors_keep_claimants", "ROLES"),
        ("documents.migrations.0002_roles", "ROLES"),
    ]:
        roles = getattr(importlib.import_module(migration), roles)
        if migration.startswith("figures"):
            roles = {"Editors": {"claims": roles}}  # figures moved into claims
        grant_roles(apps, roles)
