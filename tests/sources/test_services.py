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


@pytest.mark.parametrize("note", ["Mixed record on figures.", "  Mixed record on figures. ", ""])
def test_a_new_rating_without_a_new_note_is_refused(curator, note):
    source = SourceFactory(
        reliability=Reliability.MIXED, reliability_note="Mixed record on figures."
    )
    source.reliability, source.reliability_note = Reliability.RELIABLE, note
    with pytest.raises(ValidationError) as refusal:
        services.source_save(source=source, by=curator)
    assert refusal.value.message_dict == {"reliability_note": [services.RATING_NEEDS_NEW_NOTE]}
    source.refresh_from_db()
    assert source.reliability == Reliability.MIXED


def test_a_new_rating_with_a_new_note_or_a_new_note_alone_is_saved(curator):
    source = SourceFactory(reliability=Reliability.MIXED, reliability_note="Errs on figures.")
    source.reliability_note = "Errs on figures; corrects them when told."
    services.source_save(source=source, by=curator)  # the same rating, explained better
    source.reliability, source.reliability_note = Reliability.RELIABLE, "Corrected since."
    services.source_save(source=source, by=curator)
    source.refresh_from_db()
    assert (source.reliability, source.reliability_note) == ("reliable", "Corrected since.")


def test_a_new_source_rated_without_a_note_is_refused(curator):
    with pytest.raises(ValidationError, match="Say why the rating changed"):
        services.source_save(
            source=Source(title="A blog", reliability=Reliability.UNRELIABLE), by=curator
        )
    assert not Source.objects.exists()


def test_undoing_a_merge_gives_back_the_address_the_survivor_took(curator):
    survivor = SourceFactory(title="GovAI survey", url="")
    duplicate = SourceFactory(title="GovAI survey (web)", url="https://example.org/govai")
    duplicate_pk = duplicate.pk
    services.source_merge(survivor=survivor, duplicates=[duplicate], by=curator)
    survivor.refresh_from_db()
    assert survivor.url == "https://example.org/govai"

    restored = services.source_merge_undo(duplicate_id=duplicate_pk, by=curator)

    survivor.refresh_from_db()
    assert (survivor.url, restored.url) == ("", "https://example.org/govai")


def test_an_undo_is_refused_when_there_is_nothing_to_undo(curator):
    survivor, duplicate = SourceFactory(), SourceFactory()
    duplicate_pk = duplicate.pk
    services.source_merge(survivor=survivor, duplicates=[duplicate], by=curator)
    services.source_merge_undo(duplicate_id=duplicate_pk, by=curator)

    with pytest.raises(ValidationError, match="in the registry, not merged away"):
        services.source_merge_undo(duplicate_id=duplicate_pk, by=curator)
    with pytest.raises(ValidationError, match="No merge of source #999999"):
        services.source_merge_undo(duplicate_id=999999, by=curator)


def test_an_undo_is_refused_when_the_kept_source_is_gone(curator):
    survivor, duplicate = SourceFactory(), SourceFactory()
    survivor_pk, duplicate_pk = survivor.pk, duplicate.pk
    services.source_merge(survivor=survivor, duplicates=[duplicate], by=curator)
    survivor.delete()

    with pytest.raises(ValidationError, match=f"#{survivor_pk}.*no longer in the registry"):
        services.source_merge_undo(duplicate_id=duplicate_pk, by=curator)
    assert not Source.objects.filter(pk=duplicate_pk).exists()
