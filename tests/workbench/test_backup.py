"""The documented backup and restore round-trip the whole database, history included."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from claims import services
from claims.models import Claim, Correction
from documents.models import Snapshot
from documents.services import snapshot_take
from sources.models import Source
from workbench.mail import notification_preference_save, wants_email


def backup(path) -> str:
    call_command("backup", str(path), verbosity=0)
    return path.read_text()


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_lose_nothing(tmp_path, demo):
    editor = demo["editor"]
    claim = Claim.objects.get(slug="bagualu-has-174-trillion-parameters")
    claim.statement = "BaGuaLu's system could scale to 174 trillion parameters."
    services.claim_save(claim=claim, by=editor, correction_note="Reworded after re-reading.")
    history_count = claim.history.count()
    first = backup(tmp_path / "first.xml")

    call_command("flush", "--no-input")
    assert not Claim.objects.exists()
    call_command("restore", str(tmp_path / "first.xml"), verbosity=0)

    assert backup(tmp_path / "second.xml") == first
    for model in ("claims.historicalclaim", "sources.historicalsource", "claims.correction"):
        assert f'model="{model}"' in first
    restored = Claim.objects.get(slug="bagualu-has-174-trillion-parameters")
    assert restored.history.count() == history_count
    assert Correction.objects.get(claim=restored).note == "Reworded after re-reading."
    assert Source.objects.count() == 12


@pytest.mark.django_db
def test_restore_refuses_a_database_that_is_not_empty(tmp_path, demo):
    path = tmp_path / "backup.xml"
    call_command("backup", str(path), verbosity=0)
    with pytest.raises(CommandError, match="empty"):
        call_command("restore", str(path))


@pytest.mark.django_db
def test_restore_looks_at_every_app_not_only_claims_and_sources(tmp_path):
    from tests.factories import SubjectFactory

    path = tmp_path / "backup.xml"
    call_command("backup", str(path), verbosity=0)
    SubjectFactory()  # a figures row, in a database with no claim and no source
    with pytest.raises(CommandError, match="subjects"):
        call_command("restore", str(path))


@pytest.mark.django_db(transaction=True)
def test_the_originals_of_kept_copies_and_email_choices_come_back_with_a_restore(
    tmp_path, settings, client, editor
):
    settings.MEDIA_ROOT = tmp_path / "media"
    source = Source.objects.create(title="Lab report", slug="lab-report")
    snapshot_take(source=source, name="report.txt", content=b"The lab said so.", by=editor)
    notification_preference_save(user=editor, email=False)
    call_command("backup", str(tmp_path / "backup.xml"), verbosity=0)

    call_command("flush", "--no-input")
    settings.MEDIA_ROOT = tmp_path / "new-media"  # a new machine: no uploaded file on it
    call_command("restore", str(tmp_path / "backup.xml"), verbosity=0)

    copy = Snapshot.objects.get()
    client.force_login(copy.taken_by)
    download = client.get(reverse("admin:documents_snapshot_original", args=[copy.pk]))
    assert b"".join(download.streaming_content) == b"The lab said so."
    assert not wants_email(copy.taken_by)
