"""The registry file: sources with everything curators keep, and subjects; all or nothing,
ratings only by curators, and a round trip that loses nothing."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from claims.models import Subject
from exchange.registry import NOT_A_REGISTRY, registry_import
from sources.models import Outlet, Source
from tests.factories import OutletFactory, SourceFactory, SubjectFactory

pytestmark = pytest.mark.django_db

SOURCE = {
    "slug": "govai-survey",
    "title": "Recent Trends in China's Large Language Model Landscape",
    "outlet": "Centre for the Governance of AI",
    "authors": "Jeffrey Ding, Jenny W. Xiao",
    "published_on": "2023-01-01",
    "date_precision": "year",
    "kind": "report",
    "language": "en",
    "reliability": "reliable",
    "reliability_note": "Cites its papers.",
}
SUBJECT = {"name": "PanGu-α", "kind": "model", "released_on": "2021-04-26", "developers": "Huawei"}


def load(registry, by) -> object:
    text = registry if isinstance(registry, str) else json.dumps(registry)
    return registry_import(file=io.BytesIO(text.encode()), by=by)


def test_a_curator_loads_sources_with_their_ratings_and_subjects(curator):
    report = load({"sources": [SOURCE], "subjects": [SUBJECT]}, curator)

    assert report.ok, report.problems
    source = Source.objects.get(slug="govai-survey")
    assert (source.reliability, source.reliability_rated_by) == ("reliable", curator)
    assert source.outlet.name == "Centre for the Governance of AI"
    assert source.history.get().history_user == curator
    assert str(Subject.objects.get().released_on) == "2021-04-26"
    assert "1 sources and 1 subjects" in str(report)


def test_loading_the_same_file_twice_changes_nothing(curator):
    assert load({"sources": [SOURCE], "subjects": [SUBJECT]}, curator).ok
    again = load({"sources": [SOURCE], "subjects": [SUBJECT]}, curator)
    assert (again.sources, again.subjects, again.unchanged) == (0, 0, 2)
    assert Source.objects.count() == Subject.objects.count() == 1


def test_an_editor_cannot_rate_sources_through_a_registry_file(editor):
    report = load({"sources": [SOURCE]}, editor)

    assert not report.ok
    assert any("curator" in problem for problem in report.problems), report.problems
    assert not Source.objects.exists()


def test_one_bad_entry_and_nothing_is_written(curator):
    bad_date = {**SOURCE, "slug": "other", "title": "Other", "published_on": "2023-02-30"}
    report = load({"sources": [SOURCE, bad_date], "subjects": [SUBJECT]}, curator)

    assert not report.ok
    assert any(problem.startswith("sources 2") for problem in report.problems), report.problems
    assert not Source.objects.exists() and not Subject.objects.exists()
    assert not Outlet.objects.exists()


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "The file is empty"),
        ("[]", "A registry file is a JSON object"),
        ('{"sources": [', "not valid JSON"),
        ('{"sources": ["a title"]}', "each entry must be a JSON object"),
        ('{"sources": [{"title": 5}]}', "title: expected text"),
        ('{"sources": [{"title": "A\\u0000B"}]}', "null character"),
        ('{"subjects": [{"name": "X", "kind": "planet"}]}', "subjects 1"),
        ('{"sources": [{"title": ""}]}', "sources 1"),
        ("[" * 50 + "]" * 50, "levels deep"),
        ('{"sources": [{"title": "\x01"}]}', "control character"),
    ],
)
def test_files_that_are_not_a_registry_are_refused_clearly(curator, text, message):
    report = load(text, curator)

    assert not report.ok
    assert any(message in problem for problem in report.problems), report.problems
    assert not Source.objects.exists() and not Subject.objects.exists()


def test_export_then_import_into_an_empty_registry_exports_the_same(tmp_path, curator):
    outlet = OutletFactory(name="IEEE Spectrum")
    SourceFactory(
        title="Wu Dao 3.0",
        slug="wu-dao-3",
        outlet=outlet,
        published_on="2023-07-28",
        reliability_note="Anonymous sources.",  # a rating comes with its reason
    )
    SourceFactory(
        title="A forum essay", slug="essay", url="", outlet=None, reliability_note="An essay."
    )
    SubjectFactory(name="WuDao 2.0", released_on=None)
    first = tmp_path / "first.json"
    call_command("export_registry", f"--output={first}")

    Source.objects.all().delete()
    Outlet.objects.all().delete()
    Subject.objects.all().delete()
    call_command("import_registry", str(first), "--user", curator.username, stdout=io.StringIO())
    second = tmp_path / "second.json"
    call_command("export_registry", f"--output={second}")

    assert json.loads(second.read_text()) == json.loads(first.read_text())


def test_the_import_command_reports_problems_and_fails(tmp_path, curator):
    path = tmp_path / "registry.json"
    path.write_text('{"sources": [{"title": 5}]}')
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_registry", str(path), "--user", curator.username, stderr=io.StringIO())
    with pytest.raises(CommandError, match="No active user"):
        call_command("import_registry", str(path), "--user", "nobody")


@pytest.mark.parametrize(
    "text",
    ["{}", '{"sources": "text"}', '{"sources": {"title": "A"}}', '{"source": [{"title": "A"}]}'],
)
def test_a_registry_must_hold_its_two_lists_and_nothing_else(curator, text):
    report = load(text, curator)
    assert report.problems == [NOT_A_REGISTRY]


def test_a_slug_taken_by_another_source_is_refused_not_taken_for_it(curator):
    other = {"slug": "foo", "title": "A different source", "url": "https://example.org/other"}
    report = load({"sources": [{"title": "Foo"}, other]}, curator)

    assert any("already the short name of “Foo”" in problem for problem in report.problems)
    assert not Source.objects.exists()


def test_accounts_that_may_not_add_sources_cannot_load_a_registry(db):
    from tests.factories import UserFactory

    reader = UserFactory(username="reader")
    assert load({"sources": [{"title": "A"}]}, reader).problems == [
        "reader may not add sources to the registry."
    ]


def test_a_byte_order_mark_and_a_huge_number_are_reported(curator):
    assert "byte-order mark" in load("\ufeff{}", curator).problems[0]
    huge = load('{"sources": [{"title": 1' + "0" * 5000 + "}]}", curator)
    assert "not valid JSON" in huge.problems[0]
