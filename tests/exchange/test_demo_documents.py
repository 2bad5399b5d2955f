"""The demo's documents: load_demo keeps the seed documents as copies of their sources and
anchors the demo's evidence to passages found in them. Tests use documents written here, laid
out as the seeds are; the real seeds are checked where this machine has them."""

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from claims.models import Evidence
from documents.models import QuoteCheck, Snapshot
from exchange import demo_documents
from exchange.demo_documents import demo_plan, passage

ESSAY = (
    "Nobody is racing anybody, the essay begins.\n\n"
    "Training runs need tens of thousands of GPUs. China cannot buy the A100 since October "
    "2022, and the H800 came out in March 2023 with slower links between chips.\n\n"
    "The party, it argues, will not let a model say what it likes."
)


def test_a_passage_is_the_first_sentence_holding_every_word():
    paragraphs = ESSAY.split("\n\n")
    found = passage(paragraphs, ["h800", "March 2023"])
    assert found.exact == (
        "China cannot buy the A100 since October 2022, and the H800 came out in March 2023 "
        "with slower links between chips."
    )
    assert found.prefix.endswith("thousands of GPUs. ") and found.suffix == ""


def test_a_passage_runs_over_sentences_when_its_words_do_but_never_over_paragraphs():
    paragraphs = ESSAY.split("\n\n")
    assert passage(paragraphs, ["GPUs", "A100"]).exact.startswith("Training runs need")
    assert passage(paragraphs, ["racing", "A100"]) is None
    assert passage(["word " * 200], ["word"]) is None  # one sentence too long to quote


@pytest.fixture
def own_seeds(tmp_path, monkeypatch):
    """A plan and a seeds folder like the real ones, with a document written for the test."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "essay.txt").write_text(ESSAY, encoding="utf-8")
    plan = tmp_path / "documents.json"
    plan.write_text(
        json.dumps(
            {
                "documents": [
                    {"file": "essay.txt", "sources": ["forum-essay-no-agi-race"]},
                    {"file": "missing.txt", "sources": ["ieee-spectrum-wu-dao-3"]},
                ],
                "anchors": [
                    {
                        "claim": "chinese-firms-could-still-buy-the-h800",
                        "source": "forum-essay-no-agi-race",
                        "near": ["H800", "March 2023"],
                    },
                    {
                        "claim": "no-agi-race-between-china-and-the-us",
                        "source": "forum-essay-no-agi-race",
                        "near": ["not in this essay"],
                    },
                ],
            }
        )
    )
    monkeypatch.setattr(demo_documents, "DOCUMENTS_FILE", plan)
    return seeds


@pytest.mark.django_db(transaction=True)  # the task worker checks the quotes for real
def test_load_demo_keeps_the_seeds_and_readers_see_the_quotes_from_them(
    client, own_seeds, settings
):
    settings.MEDIA_ROOT = own_seeds.parent / "media"
    out = io.StringIO()
    call_command("load_demo", f"--seeds={own_seeds}", stdout=out)

    copy = Snapshot.objects.get(source__slug="forum-essay-no-agi-race")
    assert copy.original_name == "essay.txt" and copy.paragraphs.count() == 3
    quoted = Evidence.objects.get(claim__slug="chinese-firms-could-still-buy-the-h800")
    assert quoted.quote.startswith("China cannot buy the A100") and quoted.quote_copy == copy.sha256
    assert Evidence.objects.exclude(quote="").count() == 1
    report = out.getvalue()
    assert "1 copies taken (0 kept already), 1 quotes anchored" in report
    assert "seeds missing: missing.txt" in report
    assert "passages not found: no-agi-race-between-china-and-the-us in forum-essay" in report

    call_command("db_worker", batch=True, verbosity=0)
    assert QuoteCheck.objects.get(evidence=quoted).in_quoted_copy
    page = client.get(quoted.claim.get_absolute_url()).content.decode()
    assert "H800 came out in March 2023" in page
    assert f"in the copy of {copy.taken_at:%-d %B %Y}" in page

    again = io.StringIO()
    call_command("load_demo", f"--seeds={own_seeds}", stdout=again)
    assert "0 copies taken (1 kept already), 0 quotes anchored" in again.getvalue()
    assert Snapshot.objects.count() == 1


@pytest.mark.django_db
def test_without_the_seeds_the_demo_loads_without_copies():
    out = io.StringIO()
    call_command("load_demo", stdout=out)  # tests point the setting at no folder
    assert "Demo documents: none" in out.getvalue()
    assert not Snapshot.objects.exists() and not Evidence.objects.exclude(quote="").exists()


def test_the_plan_names_only_demo_sources_and_claims_and_holds_no_sentence():
    demo = Path(demo_documents.__file__).parent / "demo"
    slugs = {
        source["slug"] for source in json.loads((demo / "registry.json").read_text())["sources"]
    }
    claims = {claim["slug"] for claim in json.loads((demo / "claims.json").read_text())}
    plan = demo_plan()
    assert {slug for document in plan["documents"] for slug in document["sources"]} <= slugs
    for anchor in plan["anchors"]:
        assert anchor["claim"] in claims and anchor["source"] in slugs, anchor
        # Where to look, in a few words each: the seeds' sentences stay out of the repository.
        assert all(len(word.split()) <= 4 for word in anchor["near"]), anchor


REAL_SEEDS = settings.BASE_DIR.parent / "shared" / "seeds"


@pytest.mark.skipif(not REAL_SEEDS.is_dir(), reason="the seed documents are not on this machine")
@pytest.mark.django_db
def test_every_anchor_finds_its_passage_in_the_real_seeds(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    out = io.StringIO()
    call_command("load_demo", f"--seeds={REAL_SEEDS}", stdout=out)
    assert "seeds missing" not in out.getvalue()
    assert "passages not found" not in out.getvalue(), out.getvalue()
    anchored = Evidence.objects.exclude(quote="")
    assert anchored.count() == len(demo_plan()["anchors"]) > 0
