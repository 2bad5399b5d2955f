import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from claims.choices import (
    ClaimKind,
    ClaimState,
    Confidence,
    Method,
    Quantity,
    RelationKind,
    Stance,
    Verdict,
)
from claims.models import Claim, Claimant, ClaimRelation, Evidence, Figure, Review, Subject, Topic
from claims.services import (
    claim_publish,
    claim_save,
    claim_summary_refresh,
    claimant_find,
    claimant_get_or_create,
    claimant_save,
    evidence_add,
    figure_save,
    review_save,
    review_submit,
)
from sources.choices import Reliability, SourceKind
from sources.models import Outlet, Source


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    is_staff = True
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "a-long-test-password")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))
        if create:
            self.save()


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Outlet {n}")
    slug = factory.Sequence(lambda n: f"outlet-{n}")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    title = factory.Sequence(lambda n: f"Report number {n} on large models")
    slug = factory.Sequence(lambda n: f"report-{n}")
    outlet = factory.SubFactory(OutletFactory)
    kind = SourceKind.REPORT
    reliability = Reliability.GENERALLY_RELIABLE
    url = factory.Sequence(lambda n: f"https://example.org/reports/{n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        source = model_class(*args, **kwargs)
        source.full_clean()  # normalises the URL, as every entry point does
        source.save()
        return source


def refresh_summaries(*claim_ids):
    """Keep the claims' summaries current, as the services do on every write."""
    claim_summary_refresh(claim_ids=claim_ids)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class ClaimantFactory(factory.django.DjangoModelFactory):
    """A claimant saved through the services; a name already known (in any spelling folded
    together) gives the claimant that has it."""

    class Meta:
        model = Claimant

    name = factory.Sequence(lambda n: f"Claimant {n}")

    @classmethod
    def _create(cls, model_class, *args, name, **fields):
        return claimant_find(name) or claimant_save(
            claimant=model_class(*args, name=name, **fields), by=None
        )


class ClaimFactory(factory.django.DjangoModelFactory):
    """A claim logged through the services, as a draft; with state=IN_REVIEW it is also graded
    (verdict, confidence, rationale) by `reviewer`, and with state=PUBLISHED approved by
    `approver`, as every claim is. Graders default to two editors kept for the purpose. A claim
    comes with one evidence item (its first appearance, located), as publishing needs;
    located_evidence=False leaves it out."""

    class Meta:
        model = Claim
        skip_postgeneration_save = True

    statement = factory.Sequence(lambda n: f"Model {n} has {n} billion parameters.")
    slug = factory.Sequence(lambda n: f"model-{n}-parameters")
    kind = ClaimKind.FIGURE
    claimant = factory.SubFactory(ClaimantFactory, name="A developer")  # or give a name
    first_appeared_in = factory.SubFactory(SourceFactory)
    first_appeared_locator = "Table 1"

    @classmethod
    def _create(
        cls,
        model_class,
        *args,
        state=ClaimState.DRAFT,
        verdict=Verdict.ACCURATE,
        confidence=Confidence.HIGH,
        rationale="The developer's paper gives the figure in its main table.",
        reviewer=None,
        approver=None,
        located_evidence=True,
        **fields,
    ):
        if isinstance(fields.get("claimant"), str):
            fields["claimant"] = claimant_get_or_create(name=fields["claimant"])
        claim = claim_save(claim=model_class(*args, **fields), by=None)
        # Nothing is published without evidence: a claim comes with the source it first appeared
        # in, located, unless asked not to.
        if located_evidence:
            evidence_add(
                claim=claim,
                source=claim.first_appeared_in or SourceFactory(),
                stance=Stance.ASSERTS,
                locator=claim.first_appeared_locator or "Table 1",
                by=None,
            )
        if state == ClaimState.DRAFT:
            return claim
        review_submit(
            claim=claim,
            verdict=verdict,
            confidence=confidence,
            rationale=rationale,
            by=reviewer or UserFactory(username="factory-grader", role="Editors"),
        )
        if state == ClaimState.PUBLISHED:
            approver = approver or UserFactory(username="factory-approver", role="Editors")
            claim_publish(claim=claim, approver=approver)
        claim.refresh_from_db()
        return claim


class PublishedClaimFactory(ClaimFactory):
    """A claim graded by one editor and approved by another."""

    state = ClaimState.PUBLISHED


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence
        skip_postgeneration_save = True

    claim = factory.SubFactory(ClaimFactory)
    source = factory.SubFactory(SourceFactory)
    stance = Stance.SUPPORTS
    locator = factory.Sequence(lambda n: f"page {n}")
    excerpt = "The report gives the figure in its main table."

    @factory.post_generation
    def summary(obj, create, extracted, **kwargs):
        if create:
            refresh_summaries(obj.claim_id)


class RelationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClaimRelation
        skip_postgeneration_save = True

    from_claim = factory.SubFactory(PublishedClaimFactory)
    to_claim = factory.SubFactory(PublishedClaimFactory)
    kind = RelationKind.COUNTER_CLAIM

    @factory.post_generation
    def summary(obj, create, extracted, **kwargs):
        if create:
            refresh_summaries(obj.from_claim_id, obj.to_claim_id)


class ReviewFactory(factory.django.DjangoModelFactory):
    """A grading waiting for approval, written through the services (a new grading of a
    published claim says why, as it must)."""

    class Meta:
        model = Review

    claim = factory.SubFactory(ClaimFactory)
    verdict = Verdict.ACCURATE
    confidence = Confidence.MEDIUM
    rationale = "The developer's paper gives the figure."
    correction_note = factory.LazyAttribute(lambda o: "A second look." if o.claim.is_public else "")
    reviewer = factory.SubFactory(UserFactory)

    @classmethod
    def _create(cls, model_class, *args, reviewer, **fields):
        return review_save(review=model_class(*args, **fields), by=reviewer)


class SubjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subject
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Model {n}")
    slug = factory.Sequence(lambda n: f"model-{n}")
    released_on = factory.Faker("date_between", start_date="-4y", end_date="-1y")


class FigureFactory(factory.django.DjangoModelFactory):
    """Saved through figure_save(), so values are normalised and conflicts detected."""

    class Meta:
        model = Figure

    claim = factory.SubFactory(PublishedClaimFactory, kind=ClaimKind.FIGURE)
    subject = factory.SubFactory(SubjectFactory)
    quantity = Quantity.PARAMETERS
    value = 100
    unit = "B"
    method = Method.STATED

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return figure_save(figure=model_class(*args, **kwargs), by=None)
