from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from claims import services
from claims.models import Claim, ClaimRelation
from exchange.demo.claims import CLAIMS, GOVAI, RELATIONS
from exchange.demo.figures_loader import DemoFigures
from exchange.demo.sources import SOURCES
from sources.models import Source
from sources.services import outlet_get_or_create, source_save

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
        "Load the demo registry and claims built from the seed documents. Idempotent: what "
        "exists already (by slug or username) is left as it is."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        users = self.load_users()
        editor, approver = users["editor"], users["second-editor"]
        sources = self.load_sources(users["curator"])
        figures = DemoFigures(editor=editor, approver=approver, survey=sources[GOVAI])
        figures.load_table()
        # Claims are linked before they are graded and published: a link between two
        # published claims is a public correction, which the demo has no reason to show.
        logged = [
            (self.log_claim(data, sources, editor), data)
            for data in CLAIMS
            if not Claim.objects.filter(slug=data["slug"]).exists()
        ]
        created = len(logged)
        claims = {
            claim.slug: claim
            for claim in Claim.objects.filter(slug__in=[c["slug"] for c in CLAIMS])
        }
        relations = 0
        for from_slug, to_slug, kind in RELATIONS:
            exists = ClaimRelation.objects.filter(
                from_claim=claims[from_slug], to_claim=claims[to_slug], kind=kind
            ).exists()
            if not exists:
                services.relation_add(
                    from_claim=claims[from_slug], to_claim=claims[to_slug], kind=kind, by=editor
                )
                relations += 1
        for claim, data in logged:
            self.grade_claim(claim, data, editor, approver)
        figure_count = figures.load_on_existing_claims()
        if options["verbosity"]:
            self.stdout.write(
                f"Demo data: {created} claims and {relations} relations added "
                f"({len(CLAIMS)} claims in the demo set), {figure_count} figures."
            )
            self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
            for username, _, role in DEMO_USERS:
                self.stdout.write(f"  {username:14} {role}")

    def load_users(self) -> dict:
        User = get_user_model()
        users = {}
        for username, group, _ in DEMO_USERS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(username=username, is_staff=True, is_superuser=group is None)
                user.set_password(DEMO_PASSWORD)
                user.save()
                if group:
                    user.groups.add(Group.objects.get(name=group))
            users[username] = user
        return users

    def load_sources(self, curator) -> dict[str, Source]:
        for data in SOURCES:
            if Source.objects.filter(slug=data["slug"]).exists():
                continue
            fields = dict(data)
            outlet = outlet_get_or_create(name=fields.pop("outlet"))
            source_save(source=Source(outlet=outlet, **fields), by=curator)
        return {
            source.slug: source
            for source in Source.objects.filter(slug__in=[s["slug"] for s in SOURCES])
        }

    def log_claim(self, data: dict, sources: dict, editor) -> Claim:
        first_source, locator, first_date = data["first"]
        claim = services.claim_log(
            slug=data["slug"],
            statement=data["statement"],
            claimant=data["claimant"],
            kind=data["kind"],
            first_appeared_in=sources[first_source],
            first_appeared_locator=locator,
            first_appeared_on=first_date,
            context=data.get("context", ""),
            topics=[services.topic_get_or_create(name=name) for name in data["topics"]],
            recheck_due=data.get("recheck"),
            by=editor,
        )
        for item in data["evidence"]:
            services.evidence_add(
                claim=claim,
                source=sources[item["source"]],
                stance=item["stance"],
                locator=item["locator"],
                excerpt=item["excerpt"],
                by=editor,
            )
        return claim

    def grade_claim(self, claim: Claim, data: dict, editor, approver) -> None:
        status = data.get("status", "published")
        if status == "draft":
            return
        verdict, confidence, rationale = data["grading"]
        review = {"verdict": verdict, "confidence": confidence, "rationale": rationale}
        if status == "in_review":
            services.review_submit(claim=claim, by=editor, **review)
        else:
            services.claim_grade_and_publish(
                claim=claim, reviewer=editor, approver=approver, **review
            )
