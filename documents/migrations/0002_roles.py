"""Editors and source curators keep copies of sources' documents and read them."""

from django.db import migrations

from workbench.roles import grant_roles, revoke_roles

ROLES = {
    "Editors": {"documents": {"snapshot": ["add", "view"], "paragraph": ["view"]}},
    "Source curators": {"documents": {"snapshot": ["add", "view"], "paragraph": ["view"]}},
}


def grant(apps, schema_editor):
    grant_roles(apps, ROLES, making_permissions_of="documents")


def revoke(apps, schema_editor):
    revoke_roles(apps, ROLES)


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial"), ("claims", "0002_roles")]

    operations = [migrations.RunPython(grant, revoke)]
