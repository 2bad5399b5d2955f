from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from exchange.importer import claims_import
from exchange.registry import registry_import

# The demo is kept as exchange files, built from the seed documents (../shared/seeds/) in our
# own words: the registry (sources with their ratings, subjects) and the claims, with their
# evidence, figures, relations and gradings. Loading them is a standing test of the format.
DEMO = Path(__file__).resolve().parents[2] / "demo"
REGISTRY_FILE = DEMO / "registry.json"
CLAIMS_FILE = DEMO / "claims.json"

# Demo accounts exist only in demo data, never in settings or migrations.
DEMO_PASSWORD = "demo-workbench-2026"
DEMO_USERS = [
    ("admin", None, "superuser: everything"),
    ("editor", "Editors", "logs and grades claims"),
    ("second-editor", "Editors", "approves the first editor's gradings"),
    ("curator", "Source curators", "rates and merges sources"),
]


class Command(BaseCommand):
    help = (
        "Load the demo built from the seed documents (exchange/demo/: the registry, then the "
        "claims) through the importers, with demo logins. Idempotent: what exists already (by "
        "slug, name or username) is left as it is."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        users = self.load_users()
        with REGISTRY_FILE.open("rb") as file:
            registry = registry_import(file=file, by=users["curator"])
        with CLAIMS_FILE.open("rb") as file:
            claims = claims_import(
                file=file,
                format="json",
                name="the demo",
                by=users["editor"],
                approver=users["second-editor"],
            )
        for report in (registry, claims):
            if not report.ok:
                raise CommandError(f"{report} {' '.join(report.problems[:5])}")
        if options["verbosity"]:
            self.stdout.write(f"Demo registry: {registry}")
            self.stdout.write(f"Demo claims: {claims}")
            self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
            for username, _, role in DEMO_USERS:
                self.stdout.write(f"  {username:14} {role}")

    def load_users(self) -> dict:
        User = get_user_model()
        users = {}
        for username, group, _ in DEMO_USERS:
            user = User.objects.filter(username=username).first()
            if user is None:
                # An address on a reserved domain: the development console shows their emails.
                user = User(
                    username=username,
                    email=f"{username}@example.org",
                    is_staff=True,
                    is_superuser=group is None,
                )
                user.set_password(DEMO_PASSWORD)
                user.save()
                if group:
                    user.groups.add(Group.objects.get(name=group))
            users[username] = user
        return users
