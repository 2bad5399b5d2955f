"""Loads figures/demo.py: subjects, the figures of existing demo claims, a claim for each
other figure of the survey's Table 1, and the editors' explanations. Idempotent, like the
rest of load_demo: what exists is left as it is."""

from django.contrib.auth.models import AbstractBaseUser
from django.utils.text import slugify

from claims import services
from claims import services as claim_services
from claims.choices import ClaimKind, Quantity, Stance
from claims.models import Claim, Figure, FigureConflict, Subject
from sources.models import Source

from . import figures as demo

TOPICS = {Quantity.TRAINING_COMPUTE: "Training compute"}
COLUMNS = {
    Quantity.PARAMETERS: "parameters",
    Quantity.TRAINING_COMPUTE: "training compute",
    Quantity.ACCELERATORS: "hardware",
    Quantity.TRAINING_DURATION: "hardware",
    Quantity.TRAINING_TOKENS: "hardware",
}


class DemoFigures:
    def __init__(self, *, editor: AbstractBaseUser, approver: AbstractBaseUser, survey: Source):
        self.editor, self.approver, self.survey = editor, approver, survey
        self.notes = {name: note for name, _, _, note in demo.MODELS}

    def load_table(self) -> None:
        """Subjects and the claims made for Table 1's figures. Run before the hand-written
        claims, so that those are the most recently graded on the home page."""
        self.subjects = self.load_subjects()
        for figure, amount in demo.TABLE_FIGURES:
            self.attach(self.table_claim(figure, amount), figure)
        for data in demo.DERIVED:
            self.attach(self.derived_claim(data), data["figure"])

    def load_on_existing_claims(self) -> int:
        """The figures of the hand-written claims, then the editors' explanations."""
        for slug, figure in demo.ON_EXISTING_CLAIMS.items():
            self.attach(Claim.objects.get(slug=slug), figure)
        self.explain()
        return Figure.objects.count()

    def load_subjects(self) -> dict[str, Subject]:
        for name, released, developers, _ in demo.MODELS:
            services.subject_get_or_create(name=name, released_on=released, developers=developers)
        for name, released, developers, kind in demo.OTHER_SUBJECTS:
            services.subject_get_or_create(
                name=name, kind=kind, released_on=released, developers=developers
            )
        return {subject.name: subject for subject in Subject.objects.all()}

    def attach(self, claim: Claim, data: dict) -> None:
        if Figure.objects.filter(claim=claim).exists():
            return
        fields = {**data, "subject": self.subjects[data["subject"]]}
        services.figure_save(figure=Figure(claim=claim, **fields), by=self.editor)

    def publish(self, claim: Claim, grading: tuple) -> None:
        verdict, confidence, rationale = grading
        claim_services.claim_grade_and_publish(
            claim=claim,
            reviewer=self.editor,
            approver=self.approver,
            verdict=verdict,
            confidence=confidence,
            rationale=rationale,
        )

    def table_claim(self, figure: dict, amount: str) -> Claim:
        model, quantity = figure["subject"], figure["quantity"]
        scope = figure.get("scope", "")
        slug = slugify(f"{model} {quantity} {scope} table 1".replace("_", " "))[:100]
        claim = Claim.objects.filter(slug=slug).first()
        if claim:
            return claim
        locator = f"Table 1, row {model} (note {self.notes[model]})"
        claim = claim_services.claim_log(
            slug=slug,
            statement=demo.STATEMENTS[quantity].format(
                model=model, amount=amount, scope=demo.SCOPE_WORDS.get(scope, "")
            ),
            claimant="Jeffrey Ding and Jenny W. Xiao (GovAI survey), Table 1",
            kind=ClaimKind.FIGURE,
            first_appeared_in=self.survey,
            first_appeared_locator=locator,
            first_appeared_on=None,
            context="",
            topics=[claim_services.topic_get_or_create(name=TOPICS.get(quantity, "Model scale"))],
            recheck_due=None,
            by=self.editor,
        )
        claim_services.evidence_add(
            claim=claim,
            source=self.survey,
            stance=Stance.ASSERTS,
            locator=locator,
            excerpt=f"The {COLUMNS[quantity]} column gives {amount} for {model}.",
            by=self.editor,
        )
        self.publish(claim, demo.TABLE_GRADINGS.get((model, quantity), demo.TABLE_GRADING))
        return claim

    def derived_claim(self, data: dict) -> Claim:
        claim = Claim.objects.filter(slug=data["slug"]).first()
        if claim:
            return claim
        claim = claim_services.claim_log(
            slug=data["slug"],
            statement=data["statement"],
            claimant=data["claimant"],
            kind=ClaimKind.FIGURE,
            first_appeared_in=None,
            first_appeared_locator="",
            first_appeared_on=None,
            context="",
            topics=[claim_services.topic_get_or_create(name="Training compute")],
            recheck_due=None,
            by=self.editor,
        )
        claim_services.evidence_add(
            claim=claim,
            source=self.survey,
            stance=Stance.SUPPORTS,
            locator="Table 1, row ERNIE 3.0 (note 8)",
            excerpt="The row gives 10 billion parameters and 375 billion training tokens.",
            by=self.editor,
        )
        self.publish(claim, data["grading"])
        return claim

    def explain(self) -> None:
        for (first, second), explanation in demo.EXPLANATIONS.items():
            figures = Figure.objects.filter(claim__slug__in=[first, second]).order_by("pk")
            conflict = FigureConflict.objects.filter(
                figure=figures[0], other=figures[1], explanation=""
            ).first()
            if conflict:
                services.conflict_explain(
                    conflict=conflict, explanation=explanation, by=self.editor
                )
