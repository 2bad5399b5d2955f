"""Reverting and restoring from the history pages follows the rules of a change made by hand:
who may make it, through which form, and never around the grading and approval workflow."""

import pytest
from django.contrib import admin
from django.urls import reverse

from claims import services
from claims.choices import ClaimState, Verdict
from claims.models import (
    Claim,
    Claimant,
    ClaimRelation,
    Correction,
    Evidence,
    Figure,
    FigureConflict,
    Review,
    Subject,
    Topic,
)
from claims.services import conflict_explain
from documents.models import QuoteCheck, Snapshot
from documents.services import quote_check, snapshot_take
from sources.choices import Reliability
from sources.models import Outlet, Source
from sources.services import source_save
from tests.admin_forms import inline_post
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    FigureFactory,
    OutletFactory,
    PublishedClaimFactory,
    SourceFactory,
    SubjectFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _revert_url(obj, record) -> str:
    opts = obj._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history",
        args=[record.instance.pk, record.history_id],
    )


def _revert(client, obj, record, **fields):
    url = _revert_url(obj, record)
    return client.post(url, inline_post(client, url, fields))


def _graded_and_published(editor, second_editor, verdict=Verdict.MISLEADING):
    return PublishedClaimFactory(
        statement="China has no AGI race with the US.",
        verdict=verdict,
        reviewer=editor,
        approver=second_editor,
    )


def test_an_editor_cannot_revert_a_reliability_rating(client, editor, curator):
    source = SourceFactory(reliability=Reliability.MIXED, reliability_note="Errs on figures.")
    source.reliability = Reliability.RELIABLE
    source.reliability_note = "Corrected its figures since."
    source_save(source=source, by=curator)
    first = source.history.earliest("history_date")
    client.force_login(editor)

    response = _revert(client, source, first)

    source.refresh_from_db()
    assert response.status_code == 302  # the other fields are his to revert
    assert source.reliability == Reliability.RELIABLE
    assert source.reliability_rated_by == curator


def test_a_curator_reverts_a_rating_and_is_recorded_as_the_rater(client, curator):
    source = SourceFactory(reliability=Reliability.MIXED, reliability_note="Errs on figures.")
    source.reliability = Reliability.RELIABLE
    source.reliability_note = "Corrected its figures since."
    source_save(source=source, by=curator)
    first = source.history.earliest("history_date")
    other = UserFactory(username="other-curator", role="Source curators")
    client.force_login(other)

    assert _revert(client, source, first).status_code == 302
    source.refresh_from_db()
    assert source.reliability == Reliability.MIXED and source.reliability_rated_by == other


def test_the_rating_service_refuses_editors(editor):
    source = SourceFactory(reliability=Reliability.MIXED)
    source.reliability = Reliability.RELIABLE
    with pytest.raises(Exception, match="Only source curators rate"):
        source_save(source=source, by=editor)


def test_reverting_a_published_claim_never_changes_its_verdict(client, editor, second_editor):
    claim = _graded_and_published(editor, second_editor, verdict=Verdict.ACCURATE)
    services.review_submit(
        claim=claim,
        verdict=Verdict.MISLEADING,
        rationale="The essay leaves out official plans.",
        correction_note="Officials' plans were left out.",
        by=editor,
    )
    claim.refresh_from_db()
    services.claim_publish(claim=claim, approver=second_editor)
    accurate = claim.history.filter(verdict=Verdict.ACCURATE).latest("history_date")
    client.force_login(editor)

    _revert(client, claim, accurate)

    claim.refresh_from_db()
    assert claim.verdict == Verdict.MISLEADING
    page = client.get(claim.get_absolute_url()).content.decode()
    assert "Misleading" in page


def test_reverting_a_published_claim_never_takes_it_back_into_review(client, editor, second_editor):
    claim = _graded_and_published(editor, second_editor)
    in_review = claim.history.filter(state=ClaimState.IN_REVIEW).latest("history_date")
    client.force_login(editor)

    _revert(client, claim, in_review)

    claim.refresh_from_db()
    assert claim.state == ClaimState.PUBLISHED
    client.logout()
    assert client.get(claim.get_absolute_url()).status_code == 200


def test_reverting_a_published_claims_wording_is_a_correction(client, editor, second_editor):
    claim = _graded_and_published(editor, second_editor)
    original = claim.history.earliest("history_date")
    claim.statement = "China and the US are not racing to AGI."
    services.claim_save(claim=claim, by=editor, correction_note="Reworded.")
    client.force_login(editor)

    refused = _revert(client, claim, original)
    assert refused.status_code == 200  # the form again, with the reason; never a 500
    assert "correction note" in refused.content.decode()
    claim.refresh_from_db()
    assert claim.statement == "China and the US are not racing to AGI."

    done = _revert(client, claim, original, correction_note="Back to the essay's own framing.")
    assert done.status_code == 302
    claim.refresh_from_db()
    assert claim.statement == "China has no AGI race with the US."
    assert claim.state == ClaimState.PUBLISHED
    assert Correction.objects.filter(claim=claim, note__contains="essay's own framing").exists()


def test_a_curator_cannot_revert_a_claim(client, curator):
    claim = ClaimFactory(statement="Original wording.")
    claim.statement = "Changed wording."
    services.claim_save(claim=claim, by=UserFactory(role="Editors"))
    first = claim.history.earliest("history_date")
    client.force_login(curator)

    assert client.get(_revert_url(claim, first)).status_code == 200  # may look
    assert client.post(_revert_url(claim, first), {"statement": "x"}).status_code == 403
    claim.refresh_from_db()
    assert claim.statement == "Changed wording."


def test_restoring_evidence_of_a_published_claim_is_not_offered(client, editor, second_editor):
    claim = _graded_and_published(editor, second_editor)
    evidence = EvidenceFactory(claim=claim)
    services.evidence_delete(evidence=evidence, by=editor, correction_note="Wrong source.")
    deleted = Evidence.history.filter(history_type="-").get()
    client.force_login(editor)

    page = client.get(_revert_url(evidence, deleted)).content.decode()
    assert 'value="Revert"' not in page
    assert client.post(_revert_url(evidence, deleted), {}).status_code == 403
    assert claim.evidence.count() == 1  # the one it was published with


# -- the matrix: every model with a history, every role ----------------------------------------

ROLES = ["anonymous", "nobody", "editor", "curator", "superuser"]
MODELS = [
    Topic,
    Claim,
    Claimant,
    Evidence,
    ClaimRelation,
    Review,
    Correction,
    Outlet,
    Source,
    Subject,
    Figure,
    FigureConflict,
    Snapshot,
    QuoteCheck,
]
# Who may revert each model: exactly those who may change it by hand.
MAY_REVERT = {
    "editor": {Topic, Claim, Claimant, Evidence, ClaimRelation, Outlet, Source, Subject, Figure},
    "curator": {Outlet, Source},
    "superuser": {
        Topic,
        Claim,
        Claimant,
        Evidence,
        ClaimRelation,
        Outlet,
        Source,
        Subject,
        Figure,
    },
}
# Who may look at the history (view permission).
MAY_VIEW = {
    "editor": set(MODELS) - {Correction},  # corrections are read on the claim's page
    "curator": {Outlet, Source, Claim, Claimant, Evidence, Snapshot},
    "superuser": set(MODELS),
}
# FigureConflict is found by the workbench: explaining one is a change, but an old explanation
# is restored by rewriting it, as the only editable field; it is revertible for those who edit.
MAY_REVERT["editor"].add(FigureConflict)
MAY_REVERT["superuser"].add(FigureConflict)


@pytest.fixture
def world(editor, second_editor):
    """One row of every model with a history, each changed once, on a claim in draft."""
    claim = ClaimFactory(statement="PanGu-α has 200 billion parameters.")
    claim.context = "From the launch post."
    services.claim_save(claim=claim, by=editor)
    evidence = EvidenceFactory(claim=claim)
    evidence.locator = "Table 2"
    services.evidence_save(evidence=evidence, by=editor)
    other = ClaimFactory()
    relation = services.relation_add(from_claim=claim, to_claim=other, by=editor)
    relation.note = "Contradicts the launch post."
    services.relation_save(relation=relation, by=editor)
    review = services.review_submit(
        claim=claim, verdict=Verdict.ACCURATE, rationale="The paper gives the figure.", by=editor
    )
    published = _graded_and_published(editor, second_editor)
    published.statement = "China has no race to AGI with the US."
    services.claim_save(claim=published, by=editor, correction_note="Reworded.")
    correction = published.corrections.get()
    topic = services.topic_get_or_create(name="Compute")
    topic.name = "Training compute"
    topic.save()
    source = claim.first_appeared_in
    source.title = "A renamed report"
    source_save(source=source, by=editor)
    outlet = source.outlet
    outlet.name = "Renamed outlet"
    outlet.save()
    draft_figure_claim = ClaimFactory()
    figure = FigureFactory(claim=draft_figure_claim, value=200)
    FigureFactory(subject=figure.subject, value=1750)
    figure.refresh_from_db()
    conflict = FigureConflict.objects.get()
    conflict_explain(conflict=conflict, explanation="One counts embeddings.", by=editor)
    subject = figure.subject
    subject.developers = "Huawei"
    subject.save()
    claimant = claim.claimant
    claimant.description = "The developer of PanGu-α."
    services.claimant_save(claimant=claimant, by=editor)
    # A copy of a document is never changed: its history holds its taking, and nobody reverts.
    snapshot = snapshot_take(
        source=source, name="pasted", content=b"The text.", by=editor, pasted=True
    )
    # Nor is what became of a quote, which the worker finds out.
    evidence.quote, evidence.quote_copy = "The text.", snapshot.sha256
    services.evidence_save(evidence=evidence, by=editor)
    quote_checked = quote_check(evidence)
    return {
        Snapshot: snapshot,
        QuoteCheck: quote_checked,
        Topic: topic,
        Claim: claim,
        Evidence: evidence,
        ClaimRelation: relation,
        Review: review,
        Correction: correction,
        Outlet: outlet,
        Source: source,
        Subject: subject,
        Figure: figure,
        Claimant: claimant,
        FigureConflict: conflict,
    }


def _login(client, role):
    if role == "anonymous":
        return
    names = {"editor": "editor", "curator": "curator", "superuser": "chief"}
    if role == "nobody":
        user = UserFactory(username="staff-without-role")
    elif role == "superuser":
        user = UserFactory(username="chief", is_superuser=True)
    elif role == "curator":
        user = UserFactory(username="curator", role="Source curators")
    else:
        user = UserFactory(username=names[role])
    client.force_login(user)


def test_every_model_with_a_history_uses_the_guarded_revert():
    from workbench.admin import HistoryAdmin

    tracked = {m for m in admin.site._registry if hasattr(m, "history")}
    assert tracked == set(MODELS)
    assert all(isinstance(admin.site._registry[m], HistoryAdmin) for m in tracked)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_revert_by_role(client, world, role, model):
    obj = world[model]
    record = obj.history.earliest("history_date")
    _login(client, role)
    url = _revert_url(obj, record)
    before = obj.history.count()

    looked = client.get(url)
    may_view = model in MAY_VIEW.get(role, set())
    may_revert = model in MAY_REVERT.get(role, set())
    if role == "anonymous":
        assert looked.status_code == 302  # to the login page
    else:
        assert looked.status_code == (200 if may_view else 403)
    if may_revert:
        response = client.post(url, inline_post(client, url, {}))
        assert response.status_code == 302, response.content.decode()[:3000]
        assert obj.history.count() == before + 1
    else:
        response = client.post(url, {})
        assert response.status_code in (302, 403) if role == "anonymous" else (403,)
        assert obj.history.count() == before


# Who may restore a deleted row of each model: exactly those who may add one by hand.
MAY_RESTORE = {
    "editor": {Topic, Claim, Claimant, Evidence, ClaimRelation, Outlet, Source, Subject, Figure},
    "curator": {Outlet, Source},
    "superuser": {
        Topic,
        Claim,
        Claimant,
        Evidence,
        ClaimRelation,
        Outlet,
        Source,
        Subject,
        Figure,
    },
}


# Rows that others point at cannot be deleted (protected); these are deleted fresh ones.
UNREFERENCED = {
    Outlet: lambda: OutletFactory(name="A deleted outlet"),
    Source: lambda: source_save(source=Source(title="A deleted report"), by=None),
    Subject: lambda: SubjectFactory(name="A deleted model"),
    Claimant: lambda: services.claimant_save(claimant=Claimant(name="A deleted claimant"), by=None),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_restore_by_role(client, world, role, model):
    """A deleted row comes back, through the change form and the services, for those who may
    add one; for everyone else the restore page is read-only and a POST is refused."""
    obj = world[model] if model not in UNREFERENCED else UNREFERENCED[model]()
    pk = obj.pk
    type(obj)._default_manager.filter(pk=pk).get().delete()
    deleted = model.history.filter(id=pk, history_type="-").get()
    _login(client, role)
    url = _revert_url(obj, deleted)

    if model in MAY_RESTORE.get(role, set()):
        response = client.post(url, inline_post(client, url, {}))
        assert response.status_code == 302, response.content.decode()[:3000]
        restored = model.history.filter(id=pk).latest("history_date")
        assert restored.history_type == "+" and restored.history_user is not None
    else:
        response = client.post(url, {})
        assert response.status_code in ((302,) if role == "anonymous" else (403,))
    assert model._default_manager.filter(pk=pk).exists() == (model in MAY_RESTORE.get(role, set()))


def test_a_restored_claim_comes_back_as_a_draft(client, editor, second_editor):
    claim = _graded_and_published(editor, second_editor)
    pk = claim.pk
    Claim.objects.get(pk=pk).delete()
    deleted = Claim.history.filter(id=pk, history_type="-").get()
    client.force_login(editor)

    url = _revert_url(claim, deleted)
    assert client.post(url, inline_post(client, url, {})).status_code == 302

    restored = Claim.objects.get(pk=pk)
    assert (restored.state, restored.verdict) == (ClaimState.DRAFT, "")
    assert restored.statement == "China has no AGI race with the US."
