"""Every admin way in meets the services' rules: evidence and figures stay with their claim,
a published claim's parts change only with a correction note, refusals are messages not 500s,
and text no page can show is refused."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from claims import services
from claims.choices import Stance
from claims.models import Evidence, Figure
from tests.admin_forms import inline_post
from tests.factories import (
    ClaimantFactory,
    ClaimFactory,
    EvidenceFactory,
    FigureFactory,
    PublishedClaimFactory,
    SubjectFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(editor, second_editor):
    return PublishedClaimFactory(
        statement="WuDao 2.0 has 1.75 trillion parameters.",
        reviewer=editor,
        approver=second_editor,
    )


def test_evidence_cannot_be_moved_to_another_claim(client, editor, published):
    evidence = EvidenceFactory(claim=ClaimFactory())
    client.force_login(editor)
    url = reverse("admin:claims_evidence_change", args=[evidence.pk])

    client.post(url, inline_post(client, url, {"claim": published.pk}))

    evidence.refresh_from_db()
    assert evidence.claim_id != published.pk
    assert published.evidence.count() == 1  # the one it was published with


def test_a_figure_cannot_be_moved_to_another_claim(client, editor, published):
    figure = FigureFactory(claim=published)
    draft = ClaimFactory()
    client.force_login(editor)
    url = reverse("admin:claims_figure_change", args=[figure.pk])

    client.post(url, inline_post(client, url, {"claim": draft.pk, "correction_note": "Moved."}))

    figure.refresh_from_db()
    assert figure.claim_id == published.pk


def test_evidence_for_a_published_claim_is_added_on_the_claims_page(client, editor, published):
    client.force_login(editor)
    url = reverse("admin:claims_evidence_add")
    data = {
        "claim": published.pk,
        "source": published.first_appeared_in_id,
        "stance": Stance.SUPPORTS,
        "locator": "p. 3",
    }
    response = client.post(url, data)

    assert response.status_code == 200
    assert "add its evidence on the claim&#x27;s own page" in response.content.decode()
    assert published.evidence.count() == 1  # the one it was published with


def test_evidence_of_a_published_claim_is_not_deleted_from_the_evidence_list(
    client, editor, published
):
    evidence = services.evidence_add(
        claim=published,
        source=published.first_appeared_in,
        stance=Stance.SUPPORTS,
        locator="p. 3",
        by=editor,
        correction_note="Added the paper.",
    )
    client.force_login(editor)

    delete = reverse("admin:claims_evidence_delete", args=[evidence.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    changelist = reverse("admin:claims_evidence_changelist")
    bulk = client.post(changelist, {"action": "delete_selected", "_selected_action": [evidence.pk]})
    assert bulk.status_code in (200, 302)  # no such action: the list again, nothing done
    assert Evidence.objects.filter(pk=evidence.pk).exists()


def test_deleting_a_relation_keeps_the_contested_flags_true(client, editor):
    relation = services.relation_add(from_claim=ClaimFactory(), to_claim=ClaimFactory(), by=editor)
    client.force_login(editor)
    delete = reverse("admin:claims_claimrelation_delete", args=[relation.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    # Through relation_delete(), which rebuilds both claims' summaries.
    assert relation.from_claim.history.exists() and not relation.from_claim.relations_out.exists()


@pytest.mark.parametrize("value, unit", [("1e300", "PF/s-days"), ("1e308", "T")])
def test_a_figure_too_large_to_compare_is_refused(client, editor, value, unit):
    claim = ClaimFactory()
    subject = SubjectFactory()
    client.force_login(editor)
    url = reverse("admin:claims_figure_add")
    data = inline_post(client, url, {})
    data.update(
        claim=claim.pk,
        subject=subject.pk,
        quantity="training_compute" if unit == "PF/s-days" else "parameters",
        value=value,
        unit=unit,
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "too large to compare" in response.content.decode()
    assert not Figure.objects.exists()


@pytest.mark.parametrize("text", ["WuDao\x0b2.0", "WuDao\x7f", "WuDao\ufdd0", "WuDao\x01"])
def test_text_no_page_can_show_is_refused_in_the_claim_form(client, editor, text):
    client.force_login(editor)
    url = reverse("admin:claims_claim_add")
    response = client.post(
        url,
        inline_post(
            client, url, {"statement": text, "claimant": ClaimantFactory().pk, "kind": "fact"}
        ),
    )
    assert response.status_code == 200
    assert "invisible control character" in response.content.decode()


def test_a_correction_note_with_a_control_character_is_refused(client, editor, published):
    client.force_login(editor)
    url = reverse("admin:claims_claim_change", args=[published.pk])
    response = client.post(
        url, inline_post(client, url, {"context": "New.", "correction_note": "Fixed\x0b."})
    )
    assert response.status_code == 200
    published.refresh_from_db()
    assert published.context != "New."


@pytest.mark.parametrize(
    "unit", ["parameter**9**9**9", "1/0", "parameter/0", "parameter**0.5**-9999", "(B)"]
)
def test_a_unit_is_a_name_never_arithmetic(client, editor, unit):
    """pint evaluates expressions: "parameter**9**9**9" once held a worker for 30 s."""
    claim, subject = ClaimFactory(), SubjectFactory()
    client.force_login(editor)
    url = reverse("admin:claims_figure_add")
    data = inline_post(client, url, {})
    data.update(claim=claim.pk, subject=subject.pk, quantity="parameters", value="1", unit=unit)
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Unknown unit" in response.content.decode()


@pytest.mark.parametrize("value", ["0", "-5", "1.7e308"])
def test_a_figure_is_a_positive_amount_within_reason(client, editor, value):
    claim, subject = ClaimFactory(), SubjectFactory()
    client.force_login(editor)
    url = reverse("admin:claims_figure_add")
    data = inline_post(client, url, {})
    data.update(claim=claim.pk, subject=subject.pk, quantity="parameters", value=value, unit="")
    assert client.post(url, data).status_code == 200
    assert not Figure.objects.exists()


@pytest.mark.parametrize("text", ["WuDao\U0002fffe", "WuDao\U000effff"])
def test_non_characters_of_every_plane_are_refused(client, editor, text):
    client.force_login(editor)
    url = reverse("admin:claims_claim_add")
    response = client.post(
        url,
        inline_post(
            client, url, {"statement": text, "claimant": ClaimantFactory().pk, "kind": "fact"}
        ),
    )
    assert "invisible control character" in response.content.decode()


@pytest.mark.parametrize(
    "field, value", [("topics", "99999999999999999999"), ("duplicate_of", "99999999999999999999")]
)
def test_huge_keys_in_the_claim_form_are_form_errors(client, editor, field, value):
    client.force_login(editor)
    url = reverse("admin:claims_claim_add")
    data = inline_post(
        client, url, {"statement": "S.", "claimant": ClaimantFactory().pk, "kind": "fact"}
    )
    data[field] = value
    assert client.post(url, data).status_code == 200


@pytest.mark.parametrize(
    "url",
    ["/admin/claims/claim/add/?source=%C2%B2", "/admin/claims/claim/similar/?exclude=%E2%91%A0"],
)
def test_digits_that_are_no_numbers_are_ignored(client, editor, url):
    client.force_login(editor)
    assert client.get(url).status_code == 200


def test_the_history_of_evidence_whose_claim_was_deleted_still_opens(client, superuser):
    evidence = EvidenceFactory()
    evidence.claim.delete()
    client.force_login(superuser)
    record = Evidence.history.filter(id=evidence.pk).latest("history_date")
    assert (
        client.get(reverse("admin:claims_evidence_history", args=[evidence.pk])).status_code == 200
    )
    url = reverse("admin:claims_evidence_simple_history", args=[evidence.pk, record.history_id])
    assert client.get(url).status_code == 200


def test_a_withdrawn_claim_keeps_its_page_so_changes_to_it_are_corrections(
    client, editor, published
):
    services.claim_withdraw(claim=published, by=editor, reason="A duplicate.")
    client.force_login(editor)
    url = reverse("admin:claims_claim_change", args=[published.pk])

    refused = client.post(url, inline_post(client, url, {"statement": "Reworded."}))
    assert refused.status_code == 200
    published.refresh_from_db()
    assert published.statement == "WuDao 2.0 has 1.75 trillion parameters."

    client.post(
        url, inline_post(client, url, {"statement": "Reworded.", "correction_note": "Why."})
    )
    assert published.corrections.filter(note="Why.").exists()


def test_linking_two_published_claims_is_a_correction_on_both(client, editor, second_editor):
    first = PublishedClaimFactory(statement="A.", reviewer=editor, approver=second_editor)
    second = PublishedClaimFactory(statement="B.", reviewer=editor, approver=second_editor)
    with pytest.raises(ValidationError, match="correction note"):
        services.relation_add(from_claim=first, to_claim=second, by=editor)

    relation = services.relation_add(
        from_claim=first, to_claim=second, by=editor, correction_note="B answers A."
    )
    assert first.corrections.filter(note="B answers A.").exists()
    assert second.corrections.filter(note="B answers A.").exists()

    client.force_login(editor)
    delete = reverse("admin:claims_claimrelation_delete", args=[relation.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403  # from a claim's page only
    add = client.post(
        reverse("admin:claims_claimrelation_add"),
        {"from_claim": second.pk, "to_claim": first.pk, "kind": "counter_claim"},
    )
    assert "on a claim&#x27;s own page" in add.content.decode()


def test_a_repointed_relation_leaves_no_stale_contested_flag(editor):
    first, second, third = ClaimFactory(), ClaimFactory(), ClaimFactory()
    relation = services.relation_add(from_claim=first, to_claim=second, by=editor)
    relation.to_claim = third
    services.relation_save(relation=relation, by=editor)
    second.summary.refresh_from_db()
    assert not second.summary.is_contested
