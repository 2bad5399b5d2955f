"""A source keeps copies of its document: an HTML page, a PDF or a text file, or pasted text,
reduced to numbered paragraphs with the date, SHA-256 and original file. Copies never change;
a new upload is a new version. Bad files are refused with their reason, nothing kept."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from documents.models import Paragraph, Snapshot
from documents.services import snapshot_take
from tests.factories import SourceFactory, UserFactory

from .files import ARTICLE, CHINESE, SCRIPT_ONLY, encrypted, pdf

pytestmark = pytest.mark.django_db

ADD = "admin:documents_snapshot_add"


def upload(client, source, name: str, content: bytes):
    return client.post(
        reverse(ADD), {"source": source.pk, "upload": SimpleUploadedFile(name, content)}
    )


def test_an_html_page_keeps_its_article_text_in_numbered_paragraphs(client, editor):
    source = SourceFactory()
    client.force_login(editor)
    done = upload(client, source, "article.html", ARTICLE.encode())
    snapshot = Snapshot.objects.get()
    assert done.url == reverse("admin:documents_snapshot_change", args=[snapshot.pk])
    texts = list(snapshot.paragraphs.values_list("text", flat=True))
    assert any("1.75 trillion parameters" in text for text in texts)
    assert not any("Copyright notice" in text or "tracker" in text for text in texts)
    assert snapshot.sha256 == hashlib.sha256(ARTICLE.encode()).hexdigest()
    assert (snapshot.kind, snapshot.taken_by) == ("html", editor)
    assert snapshot.original.read() == ARTICLE.encode()


def test_the_reading_view_shows_the_text_never_the_markup(client, editor):
    snapshot = snapshot_take(
        source=SourceFactory(), name="article.html", content=ARTICLE.encode(), by=editor
    )
    client.force_login(editor)
    page = client.get(reverse("admin:documents_snapshot_change", args=[snapshot.pk]))
    text = page.content.decode()
    assert '<li id="p2" value="2"' in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script>alert(1)" not in text


def test_a_pdf_keeps_its_pages(editor):
    snapshot = snapshot_take(source=SourceFactory(), name="report.pdf", content=pdf(), by=editor)
    assert snapshot.pages == 2
    rows = list(snapshot.paragraphs.values_list("number", "page", "text"))
    assert rows[1] == (
        2,
        1,
        "The largest of them was trained on 4,095 petaFLOP/s-days of compute.",
    )
    assert rows[-1][:2] == (4, 2)


def test_a_chinese_text_in_another_encoding_is_read(editor):
    snapshot = snapshot_take(
        source=SourceFactory(), name="报道.txt", content=CHINESE.encode("gb18030"), by=editor
    )
    assert snapshot.paragraphs.first().text == "该实验室周二表示，新模型拥有1.75万亿参数。"


def test_pasted_text_has_no_original_file(editor):
    snapshot = snapshot_take(
        source=SourceFactory(), name="pasted", content=b"One.\n\nTwo.", by=editor, pasted=True
    )
    assert (snapshot.kind, bool(snapshot.original)) == ("pasted", False)
    assert snapshot.paragraphs.count() == 2


def test_a_new_upload_is_a_new_version_and_the_same_one_is_refused(client, editor):
    source = SourceFactory()
    client.force_login(editor)
    upload(client, source, "v1.txt", b"First version.")
    again = upload(client, source, "v1-again.txt", b"First version.")
    assert "same document as the copy of" in again.content.decode()
    upload(client, source, "v2.txt", b"Second version.")
    assert [s.original_name for s in source.snapshots.all()] == ["v2.txt", "v1.txt"]
    assert Snapshot.history.filter(source_id=source.pk).count() == 2


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("page.html", SCRIPT_ONLY.encode(), "No readable text was found in “page.html”"),
        ("locked.pdf", encrypted(pdf()), "“locked.pdf” is an encrypted PDF"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj garbage", "“broken.pdf” is not a PDF that can be read"),
        ("image.txt", bytes(range(1, 256)) * 40, "“image.txt” is not text"),
        ("empty.txt", b"  \n\n ", "“empty.txt” holds no text to read"),
        ("archive.zip", b"PK\x03\x04 zipped", "neither an HTML page, a PDF nor a text file"),
    ],
)
def test_bad_files_are_refused_with_the_reason_and_nothing_is_kept(
    client, editor, settings, name, content, message
):
    client.force_login(editor)
    page = upload(client, SourceFactory(), name, content)
    assert page.status_code == 200
    assert message in page.content.decode()
    assert not Snapshot.objects.exists() and not Paragraph.objects.exists()
    assert not (settings.MEDIA_ROOT / "snapshots").exists()


def test_a_file_over_the_limit_is_refused_naming_the_limit(client, editor, settings):
    settings.WORKBENCH_SNAPSHOT_MAX_BYTES = 1000
    client.force_login(editor)
    page = upload(client, SourceFactory(), "long.txt", b"word " * 400)
    assert "“long.txt” is 2,000 bytes; the most a snapshot may be is 1,000 bytes." in (
        page.content.decode()
    )
    assert not Snapshot.objects.exists()


@pytest.mark.parametrize(
    "data, message",
    [
        ({}, "Upload the document"),
        ({"pasted": "   "}, "Upload the document"),
        ({"pasted": "text\x00"}, "Null characters are not allowed"),
    ],
)
def test_bad_form_input_changes_nothing(client, editor, data, message):
    client.force_login(editor)
    page = client.post(reverse(ADD), {"source": SourceFactory().pk, **data})
    assert message in page.content.decode()
    assert not Snapshot.objects.exists()


@pytest.mark.parametrize("source", ["", "abc", "99999999999999999999999", "1\x00"])
def test_a_malformed_source_is_refused(client, editor, source):
    client.force_login(editor)
    page = client.post(reverse(ADD), {"source": source, "pasted": "Some text."})
    assert page.status_code in (200, 400)
    assert not Snapshot.objects.exists()


def test_who_may_keep_and_read_copies(client, editor, curator):
    snapshot = snapshot_take(source=SourceFactory(), name="a.txt", content=b"Text.", by=editor)
    reading = reverse("admin:documents_snapshot_change", args=[snapshot.pk])
    original = reverse("admin:documents_snapshot_original", args=[snapshot.pk])
    for url in (reading, original, reverse(ADD)):
        assert client.get(url).status_code == 302  # to the login page
    reader = UserFactory(username="staff-without-role")
    client.force_login(reader)
    for url in (reading, original, reverse(ADD)):
        assert client.get(url).status_code == 403
    for user in (editor, curator):
        client.force_login(user)
        assert client.get(reading).status_code == 200
        download = client.get(original)
        assert download["Content-Disposition"].startswith("attachment")
        assert download["Content-Type"] == "application/octet-stream"
    # Nobody changes or deletes a copy, not even through the admin's own URLs.
    client.force_login(editor)
    assert (
        client.post(reverse("admin:documents_snapshot_delete", args=[snapshot.pk])).status_code
        == 403
    )
    assert Snapshot.objects.filter(pk=snapshot.pk).exists()


def test_the_reading_view_runs_a_fixed_number_of_queries(client, editor):
    short = snapshot_take(source=SourceFactory(), name="a.txt", content=b"One.", by=editor)
    long = snapshot_take(
        source=SourceFactory(), name="b.txt", content=b"\n\n".join([b"Para."] * 200), by=editor
    )
    client.force_login(editor)
    counts = []
    for snapshot in (short, long):
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("admin:documents_snapshot_change", args=[snapshot.pk]))
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_merging_two_sources_keeps_both_their_copies(editor, curator):
    from sources.services import source_merge

    keep, duplicate = SourceFactory(), SourceFactory()
    snapshot_take(source=keep, name="a.txt", content=b"One copy.", by=editor)
    snapshot_take(source=duplicate, name="b.txt", content=b"Another copy.", by=editor)
    source_merge(survivor=keep, duplicates=[duplicate], by=curator)
    assert sorted(keep.snapshots.values_list("original_name", flat=True)) == ["a.txt", "b.txt"]


def test_control_characters_in_a_documents_text_are_not_kept(editor):
    text = b"One\x0b two three." + b" More words." * 20  # too little to be a binary file
    snapshot = snapshot_take(source=SourceFactory(), name="a.txt", content=text, by=editor)
    assert snapshot.paragraphs.get().text.startswith("One two three. More words.")
