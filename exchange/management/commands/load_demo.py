import io
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from exchange.demo_documents import DemoDocuments, records_anchor, seeds_attach
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
        "claims) through the importers, with demo logins; when the seed documents are there, "
        "they are kept as copies of their sources and the demo's evidence quotes them. "
        "Idempotent: what exists already (by slug, name or username) is left as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seeds",
            type=Path,
            default=settings.WORKBENCH_DEMO_SEEDS,
            help="Folder of the seed documents (default: the setting WORKBENCH_DEMO_SEEDS, "
            f"{settings.WORKBENCH_DEMO_SEEDS}); left out when it is not there.",
        )

    @transaction.atomic
    def handle(self, *args, seeds: Path, **options):
        users = self.load_users()
        with REGISTRY_FILE.open("rb") as file:
            registry = registry_import(file=file, by=users["curator"])
        if not registry.ok:
            raise CommandError(f"{registry} {' '.join(registry.problems[:5])}")
        documents = DemoDocuments()
        records = json.loads(CLAIMS_FILE.read_text(encoding="utf-8"))
        if seeds.is_dir():
            copies = seeds_attach(seeds=seeds, by=users["editor"], report=documents)
            records_anchor(records, copies, documents)
        claims = claims_import(
            file=io.BytesIO(json.dumps(records).encode()),
            format="json",
            name="the demo",
            by=users["editor"],
            approver=users["second-editor"],
        )
        if not claims.ok:
            raise CommandError(f"{claims} {' '.join(claims.problems[:5])}")
        if options["verbosity"]:
            self.stdout.write(f"Demo registry: {registry}")
            self.stdout.write(f"Demo claims: {claims}")
            if seeds.is_dir():
                self.stdout.write(f"Demo documents: {documents}")
            else:
                self.stdout.write(f"Demo documents: none ({seeds} is not there)")
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
