"""Every change to sources, claims, evidence, relations and reviews is kept and revertible."""

import pytest
from django.db.models import QuerySet
from django.urls import reverse

from claims import services
from claims.admin.review_screen import opened_now
from claims.choices import Stance, Verdict
from claims.models import Claim, Evidence
from sources.models import Source
from sources.services import source_merge, source_merge_undo
from tests.admin_forms import inline_post
from tests.conftest import UntrackedWrite
from tests.factories import ClaimFactory, EvidenceFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_the_guard_catches_writes_that_bypass_history():
    ClaimFactory()
    with pytest.raises(UntrackedWrite):
        Claim.objects.update(claimant="Nobody")
    with pytest.raises(UntrackedWrite):
        Source.objects.bulk_update(list(Source.objects.all()), ["title"])
    assert isinstance(Claim.objects.all(), QuerySet)


def test_each_workflow_step_leaves_a_history_record_with_its_author(editor, second_editor):
    claim = services.claim_log(
        statement="Yuan 1.0 has 245B parameters.", claimant="Inspur", by=editor
    )
    services.evidence_add(
        claim=claim, source=SourceFactory(), stance=Stance.ASSERTS, locator="Table 4", by=editor
    )
    services.review_submit(
        claim=claim, verdict=Verdict.ACCURATE, rationale="The paper gives the figure.", by=editor
    )
    claim.refresh_from_db()
    services.claim_publish(claim=claim, approver=second_editor)
    services.claim_withdraw(claim=claim, by=second_editor, reason="Duplicate.")

    states = [record.state for record in claim.history.order_by("history_date")]
    assert states == ["draft", "in_review", "published", "withdrawn"]
    assert claim.reviews.get().history.filter(history_type="~").exists()


def test_admin_history_shows_what_changed(client, editor):
    claim = ClaimFactory(statement="PanGu has 200B parameters.")
    claim.statement = "PanGu-α has 207 billion parameters."
    services.claim_save(claim=claim, by=editor)
    client.force_login(editor)

    page = client.get(reverse("admin:claims_claim_history", args=[claim.pk])).content.decode()

    assert "PanGu has 200B parameters." in page and "PanGu-α has 207 billion parameters." in page


def test_a_change_is_reverted_from_the_admin_history(client, editor):
    claim = ClaimFactory(statement="Original wording.")
    first = claim.history.earliest("history_date")
    claim.statement = "Changed wording."
    services.claim_save(claim=claim, by=editor)
    client.force_login(editor)

    url = reverse("admin:claims_claim_simple_history", args=[claim.pk, first.history_id])
    response = client.post(url, inline_post(client, url, {}))

    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.statement == "Original wording."
    assert claim.version == 3


def test_a_deleted_evidence_item_is_restored_from_its_history(client, editor):
    evidence = EvidenceFactory(locator="footnote 2")
    pk = evidence.pk
    evidence.delete()
    record = Evidence.history.filter(id=pk, history_type="-").get()
    client.force_login(editor)

    assert client.get(reverse("admin:claims_evidence_history", args=[pk])).status_code == 200
    url = reverse("admin:claims_evidence_simple_history", args=[pk, record.history_id])
    response = client.post(url, inline_post(client, url, {}))

    assert response.status_code == 302
    assert Evidence.objects.get(pk=pk).locator == "footnote 2"


def test_a_source_merge_is_traced_and_undone(curator):
    survivor = SourceFactory(title="GovAI survey", authors="")
    duplicate = SourceFactory(title="GovAI survey (PDF)", authors="Ding, Xiao")
    moved = [EvidenceFactory(source=duplicate) for _ in range(2)]
    first = ClaimFactory(first_appeared_in=duplicate, located_evidence=False)
    untouched = EvidenceFactory(source=survivor)
    duplicate_pk = duplicate.pk

    source_merge(survivor=survivor, duplicates=[duplicate], by=curator)
    reason = f"Merged source #{duplicate_pk} into #{survivor.pk}"
    assert Evidence.history.filter(history_change_reason=reason).count() == 2
    assert Claim.history.filter(history_change_reason=reason).count() == 1

    restored = source_merge_undo(duplicate_id=duplicate_pk, by=curator)

    assert restored.pk == duplicate_pk and restored.authors == "Ding, Xiao"
    assert set(Evidence.objects.filter(source=restored)) == set(moved)
    assert list(Evidence.objects.filter(source=survivor)) == [untouched]
    first.refresh_from_db()
    assert first.first_appeared_in_id == duplicate_pk
    survivor.refresh_from_db()
    assert survivor.authors == "" and "Merged from" not in survivor.notes


def test_a_bulk_admin_action_records_each_claim(client, editor, second_editor):
    claims = [ClaimFactory() for _ in range(3)]
    for claim in claims:
        services.review_submit(
            claim=claim, verdict=Verdict.MIXED, rationale="Both are partly right here.", by=editor
        )
    client.force_login(second_editor)
    client.post(
        reverse("admin:claims_claim_changelist"),
        {
            "action": "approve_and_publish",
            "_selected_action": [c.pk for c in claims],
            "apply": "1",
            **opened_now(),
        },
    )
    for claim in claims:
        latest = claim.history.latest("history_date")
        assert (latest.state, latest.history_user) == ("published", second_editor)


def test_undo_source_merge_command(curator):
    import io

    from django.core.management import call_command
    from django.core.management.base import CommandError

    survivor, duplicate = SourceFactory(), SourceFactory(title="The copy")
    EvidenceFactory(source=duplicate)
    duplicate_pk = duplicate.pk
    source_merge(survivor=survivor, duplicates=[duplicate], by=curator)
    out = io.StringIO()

    call_command("undo_source_merge", duplicate_pk, by="curator", stdout=out)

    assert "Restored “The copy”" in out.getvalue()
    assert Source.objects.get(pk=duplicate_pk).evidence.count() == 1
    with pytest.raises(CommandError, match="No merge"):
        call_command("undo_source_merge", 999999, by="curator")
