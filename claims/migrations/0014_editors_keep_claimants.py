"""Editors add and correct claimants, their other names and merges (a merge needs the change
permission); curators, who see claims, see who made them."""

from django.db import migrations

from workbench.roles import grant_roles, revoke_roles

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
    grant_roles(apps, ROLES, making_permissions_of="claims")


def revoke(apps, schema_editor):
    revoke_roles(apps, ROLES)


class Migration(migrations.Migration):
    dependencies = [("claims", "0013_claimant_is_required"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(grant, revoke)]
