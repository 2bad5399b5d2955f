"""Withdrawals, corrections and regradings: nothing about a published claim changes silently."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from claims import services
from claims.choices import ClaimState, Stance, Verdict
from claims.models import Correction
from tests.admin_forms import inline_post
from tests.factories import ClaimFactory, PublishedClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bagualu(editor, second_editor):
    """A published claim with evidence."""
    claim = PublishedClaimFactory(
        statement="BaGuaLu has 174 trillion parameters.",
        verdict=Verdict.MISLEADING,
        rationale="The table of the survey says 14.5T.",
        reviewer=editor,
        approver=second_editor,
        first_appeared_locator="Compute section",  # its one evidence item, as graded
    )
    return claim


def test_withdrawn_claim_keeps_its_page_with_the_reason_but_leaves_lists(client, bagualu, editor):
    services.claim_withdraw(claim=bagualu, by=editor, reason="Duplicate of the 14.5T claim.")

    page = client.get(bagualu.get_absolute_url())
    assert page.status_code == 200
    assert "Withdrawn on" in page.content.decode()
    assert "Duplicate of the 14.5T claim." in page.content.decode()
    assert bagualu.statement not in client.get(reverse("claims:list")).content.decode()
    home = client.get(reverse("home"))
    assert sum(row["count"] for row in home.context["verdict_counts"]) == 0
    assert (
        "Withdrawn: Duplicate of the 14.5T claim."
        in client.get(reverse("corrections")).content.decode()
    )


def test_withdrawal_needs_a_reason_and_a_published_claim(bagualu, editor):
    with pytest.raises(ValidationError, match="Say why"):
        services.claim_withdraw(claim=bagualu, by=editor, reason="  ")
    with pytest.raises(ValidationError, match="Only a published claim"):
        services.claim_withdraw(claim=ClaimFactory(), by=editor, reason="Wrong.")
    bagualu.refresh_from_db()
    assert bagualu.state == ClaimState.PUBLISHED


def test_material_edit_of_a_published_claim_needs_a_correction_note(bagualu, editor):
    bagualu.statement = "BaGuaLu could scale to 174 trillion parameters."
    with pytest.raises(ValidationError, match="correction note"):
        services.claim_save(claim=bagualu, by=editor)
    bagualu.refresh_from_db()
    assert bagualu.statement == "BaGuaLu has 174 trillion parameters."

    bagualu.statement = "BaGuaLu could scale to 174 trillion parameters."
    services.claim_save(claim=bagualu, by=editor, correction_note="Reworded to match the table.")
    assert Correction.objects.get(claim=bagualu).note == "Reworded to match the table."


def test_housekeeping_edits_need_no_correction(bagualu, editor):
    import datetime

    bagualu.recheck_due = datetime.date(2030, 1, 1)
    services.claim_save(claim=bagualu, by=editor)
    assert not Correction.objects.exists()


def test_changing_evidence_of_a_published_claim_needs_a_correction_note(bagualu, editor):
    evidence = bagualu.evidence.get()
    evidence.locator = "Compute section, third takeaway"
    with pytest.raises(ValidationError):
        services.evidence_save(evidence=evidence, by=editor)
    with pytest.raises(ValidationError):
        services.evidence_add(
            claim=bagualu,
            source=SourceFactory(),
            stance=Stance.REFUTES,
            locator="Table 1",
            by=editor,
        )
    with pytest.raises(ValidationError):
        services.evidence_delete(evidence=evidence, by=editor)
    assert bagualu.evidence.get().locator == "Compute section"

    services.evidence_delete(evidence=evidence, by=editor, correction_note="Wrong section cited.")
    assert not bagualu.evidence.exists()
    assert Correction.objects.get().note == "Wrong section cited."


def test_a_new_verdict_is_a_correction_with_old_and_new_verdicts(
    client, bagualu, editor, second_editor
):
    with pytest.raises(ValidationError, match="write a correction note"):
        services.review_submit(
            claim=bagualu, verdict=Verdict.INACCURATE, rationale="No.", by=editor
        )

    services.review_submit(
        claim=bagualu,
        verdict=Verdict.INACCURATE,
        rationale="The BaGuaLu paper says 14.5T.",
        correction_note="We read the BaGuaLu paper itself.",
        by=editor,
    )
    services.claim_publish(claim=bagualu, approver=second_editor)

    note = Correction.objects.get(claim=bagualu).note
    assert note == (
        "Verdict changed from Misleading to Inaccurate: We read the BaGuaLu paper itself."
    )
    page = client.get(bagualu.get_absolute_url()).content.decode()
    assert "Verdict changed from Misleading to Inaccurate:" in page
    listing = client.get(reverse("corrections")).content.decode()
    assert bagualu.statement in listing


def test_readers_are_told_once_what_changed_when_the_note_says_it_too(
    client, bagualu, editor, second_editor
):
    services.review_submit(
        claim=bagualu,
        verdict=Verdict.INACCURATE,
        rationale="The BaGuaLu paper says 14.5T.",
        correction_note="Verdict changed from Misleading to Inaccurate: we read the paper itself.",
        by=editor,
    )
    services.claim_publish(claim=bagualu, approver=second_editor)

    page = client.get(bagualu.get_absolute_url()).content.decode()
    assert page.count("Verdict changed from Misleading to Inaccurate") == 1


def test_corrections_of_unpublished_claims_are_not_public(client, editor):
    draft = ClaimFactory(statement="A draft nobody should see.")
    Correction.objects.create(claim=draft, note="Internal fix.", created_by=editor)
    page = client.get(reverse("corrections")).content.decode()
    assert "Internal fix." not in page and "A draft nobody should see." not in page


def test_admin_refuses_a_published_edit_without_a_note_and_logs_one_with_it(
    client, bagualu, editor
):
    client.force_login(editor)
    url = reverse("admin:claims_claim_change", args=[bagualu.pk])
    fields = {
        "statement": "BaGuaLu could scale to 174 trillion parameters.",
        "kind": bagualu.kind,
        "claimant": bagualu.claimant_id,
        "first_appeared_in": bagualu.first_appeared_in_id,
        "first_appeared_locator": bagualu.first_appeared_locator,
        "expected_version": bagualu.version,
    }

    refused = client.post(url, inline_post(client, url, fields))
    assert refused.status_code == 200
    assert "write a correction note" in refused.content.decode()

    fields["correction_note"] = "Reworded."
    saved = client.post(url, inline_post(client, url, fields))
    assert saved.status_code == 302
    bagualu.refresh_from_db()
    assert bagualu.statement.startswith("BaGuaLu could scale")
    assert Correction.objects.get(claim=bagualu).note == "Reworded."
