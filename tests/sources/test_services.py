import pytest
from django.core.exceptions import ValidationError

from claims.models import Evidence
from sources import services
from sources.choices import Reliability
from sources.models import Source
from tests.factories import ClaimFactory, EvidenceFactory, OutletFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_merge_moves_every_evidence_item_and_first_appearance_to_the_survivor(curator):
    survivor = SourceFactory(title="GovAI survey", url="", authors="")
    duplicate = SourceFactory(
        title="GovAI survey (PDF copy)", authors="Ding, Xiao", notes="Uploaded PDF."
    )
    kept_evidence = EvidenceFactory(source=survivor)
    moved_evidence = [EvidenceFactory(source=duplicate) for _ in range(3)]
    first_appearance = ClaimFactory(first_appeared_in=duplicate, located_evidence=False)

    services.source_merge(survivor=survivor, duplicates=[survivor, duplicate], by=curator)

    assert not Source.objects.filter(pk=duplicate.pk).exists()
    assert set(Evidence.objects.filter(source=survivor)) == {kept_evidence, *moved_evidence}
    first_appearance.refresh_from_db()
    assert first_appearance.first_appeared_in == survivor
    survivor.refresh_from_db()
    assert survivor.authors == "Ding, Xiao"  # blank fields filled from the duplicate
    assert survivor.url == duplicate.url
    assert "GovAI survey (PDF copy)" in survivor.notes and "Uploaded PDF." in survivor.notes
    assert "curator" in survivor.notes


def test_merge_needs_a_duplicate(curator):
    source = SourceFactory()
    with pytest.raises(ValidationError, match="at least two"):
        services.source_merge(survivor=source, duplicates=[source], by=curator)


def test_a_new_rating_records_who_rated_and_when(curator, editor):
    source = services.source_save(
        source=Source(title="A newsletter", outlet=OutletFactory()), by=editor
    )
    # Logged by an editor: not rated yet, so nobody is named as its rater.
    assert (source.reliability_rated_by, source.reliability_rated_at) == (None, None)

    source.title = "A newsletter, renamed"
    services.source_save(source=source, by=curator)
    assert source.reliability_rated_by is None

    source.reliability = Reliability.RELIABLE
    source.reliability_note = "Cites the documents it reports on."
    services.source_save(source=source, by=curator)
    assert source.reliability_rated_by == curator
    assert source.reliability_rated_at is not None
    assert source.slug == "a-newsletter"
