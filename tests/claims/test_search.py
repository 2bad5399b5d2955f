"""Full-text search (PostgreSQL) and its word-search fallback (SQLite), one interface."""

import pytest
from django.db import connection
from django.urls import reverse

from claims import services
from claims.choices import Verdict
from claims.models import Claim
from claims.selectors import similar_claims
from readers.templatetags.readers_extras import highlight
from sources.services import source_save
from tests.factories import (
    ClaimantFactory,
    ClaimFactory,
    EvidenceFactory,
    PublishedClaimFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def found(text: str) -> list[str]:
    return [claim.slug for claim in Claim.objects.published().search(text)]


def test_search_covers_statement_claimant_context_excerpts_sources_and_rationales(
    editor, second_editor
):
    PublishedClaimFactory(slug="by-statement", statement="BaGuaLu has 174 trillion parameters.")
    PublishedClaimFactory(slug="by-claimant", claimant="Inspur researchers")
    PublishedClaimFactory(slug="by-context", context="Trained on the Sunway supercomputer.")
    EvidenceFactory(claim=PublishedClaimFactory(slug="by-excerpt"), excerpt="Nvidia sold the H800.")
    EvidenceFactory(
        claim=PublishedClaimFactory(slug="by-source"),
        source=SourceFactory(title="IEEE Spectrum on Aquila"),
    )
    PublishedClaimFactory(
        slug="by-rationale", verdict=Verdict.MIXED, rationale="Chinchilla changed the race."
    )

    assert found("BaGuaLu") == ["by-statement"]
    assert found("Inspur") == ["by-claimant"]
    assert found("Sunway") == ["by-context"]
    assert found("H800") == ["by-excerpt"]
    assert found("Aquila") == ["by-source"]
    assert found("Chinchilla") == ["by-rationale"]
    assert found("supercomputer Sunway") == ["by-context"]
    # No claim holds both words: those holding one of them are shown, rather than nothing.
    assert set(found("Sunway Nvidia")) == {"by-context", "by-excerpt"}


def test_search_never_shows_pending_rationales_or_drafts(editor):
    ClaimFactory(slug="draft", statement="Draft about Wudao.")
    claim = PublishedClaimFactory(slug="published")
    services.review_submit(
        claim=claim,
        verdict=Verdict.INACCURATE,
        rationale="Secret Wudao note.",
        correction_note="x",
        by=editor,
    )
    assert found("Wudao") == []


def test_search_text_is_kept_current_on_write(editor):
    claim = PublishedClaimFactory(slug="c", statement="PanGu has 200B parameters.")
    source = SourceFactory(title="Old title")
    EvidenceFactory(claim=claim, source=source)
    claim.refresh_from_db()
    claim.statement = "Huawei's PanGu-α has 207 billion parameters."
    services.claim_save(claim=claim, by=editor, correction_note="Exact figure.")
    source.title = "Renamed Huawei report"
    source_save(source=source, by=editor)

    assert found("Huawei") == ["c"]
    assert found("Renamed") == ["c"]
    assert found("200B") == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranking needs PostgreSQL")
def test_statement_matches_rank_above_passing_mentions():
    EvidenceFactory(claim=PublishedClaimFactory(slug="mention"), excerpt="Unlike Yuan, this model…")
    PublishedClaimFactory(slug="about-yuan", statement="Yuan 1.0 used more compute than GPT-3.")
    assert found("Yuan") == ["about-yuan", "mention"]


def test_list_and_admin_search_use_it_and_mark_matches(client, superuser):
    PublishedClaimFactory(statement="Wu Dao 3.0 is a family of small models.")
    page = client.get(reverse("claims:list"), {"q": "family"}).content.decode()
    assert "<mark>family</mark>" in page
    client.force_login(superuser)
    admin = client.get(reverse("admin:claims_claim_changelist"), {"q": "family"})
    assert admin.context["cl"].result_count == 1


def test_highlight_escapes_and_marks():
    forms = [("model",), ("amp",)]  # "model" matches "Models"; "amp" never marks an entity
    assert (
        highlight("<b>Models</b> & more", forms)
        == "&lt;b&gt;<mark>Models</mark>&lt;/b&gt; &amp; more"
    )
    assert highlight("plain", []) == "plain"
    # A name only partly in the text marks nothing of it.
    assert highlight("US chips", [("us", "china", "agi", "race")]) == "US chips"


def test_similar_claims_finds_rewordings_not_strangers():
    original = ClaimFactory(statement="WuDao 2.0 has 1.75 trillion parameters.")
    ClaimFactory(statement="China can no longer buy data-centre GPUs.")

    similar = similar_claims("Wudao 2.0 has 1.75 trillion parameters in total")

    assert [claim.pk for claim in similar] == [original.pk]
    assert 0 < similar[0].similarity <= 1
    assert similar_claims("WuDao 2.0 has 1.75 trillion parameters.", exclude_pk=original.pk) == []


def test_admin_hint_lists_near_duplicates_and_records_the_ticked_one(client, editor):
    from tests.admin_forms import inline_post

    original = PublishedClaimFactory(statement="BaGuaLu has 174 trillion parameters.")
    client.force_login(editor)
    hint = client.get(
        reverse("admin:claims_claim_similar"), {"statement": "BaGuaLu has 174 trillion params"}
    ).json()
    assert [c["id"] for c in hint["claims"]] == [original.pk]

    url = reverse("admin:claims_claim_add")
    data = inline_post(
        client,
        url,
        {
            "statement": "BaGuaLu has 174T parameters.",
            "slug": "bagualu-174t",
            "kind": "figure",
            "claimant": ClaimantFactory(name="Press").pk,
        },
    )
    data["duplicate_of"] = [original.pk]
    assert client.post(url, data).status_code == 302
    new = Claim.objects.get(slug="bagualu-174t")
    assert new.relations_out.get().to_claim == original
    assert new.relations_out.get().kind == "duplicate_of"


def test_similar_hint_needs_a_login(client):
    response = client.get(reverse("admin:claims_claim_similar"), {"statement": "anything at all"})
    assert response.status_code == 302
