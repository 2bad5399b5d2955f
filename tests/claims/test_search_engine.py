"""Search that finds what readers mean (issue 16): spelling variants, typos, figures, other
names, Chinese; ranked statement first; the same on SQLite and PostgreSQL."""

import pytest
from django.db import connection
from django.urls import reverse

from claims import services
from claims.choices import Quantity, Stance
from claims.models import Claim
from claims.search import find
from claims.search.analysis import terms
from tests.factories import (
    EvidenceFactory,
    FigureFactory,
    PublishedClaimFactory,
    SourceFactory,
    SubjectFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def found(text: str, **options) -> list[str]:
    published = Claim.objects.published()
    slugs = dict(published.values_list("pk", "slug"))
    return [slugs[pk] for pk in find(text, published, **options).ids]


@pytest.mark.parametrize(
    "variant", ["WuDao 2.0", "Wu Dao 2.0", "wudao-2.0", "WuDao2.0", "WUDAO 2.0", "ＷｕＤａｏ ２.０"]
)
def test_spelling_variants_of_a_model_name_find_it_however_it_is_written(variant):
    PublishedClaimFactory(slug="joined", statement="WuDao 2.0 has 1.75 trillion parameters.")
    PublishedClaimFactory(slug="spaced", statement="Wu Dao 2.0 was a family of models.")
    PublishedClaimFactory(slug="hyphened", statement="Wudao-2.0 was overhyped.")
    PublishedClaimFactory(slug="other", statement="PanGu was trained on Ascend chips.")
    assert set(found(variant)) == {"joined", "spaced", "hyphened"}


def test_traditional_chinese_is_read_as_simplified_and_cut_into_words():
    assert terms("華為的模型") == terms("华为的模型")
    assert "华为" in terms("华为的模型").split()


@pytest.fixture
def claims_on_wudao():
    wudao = SubjectFactory(name="WuDao 2.0", aliases="悟道2.0\n悟道")
    big = PublishedClaimFactory(
        slug="wudao-size", statement="WuDao 2.0 has 1.75 trillion parameters."
    )
    FigureFactory(claim=big, subject=wudao, quantity=Quantity.PARAMETERS, value=1.75, unit="T")
    family = PublishedClaimFactory(slug="family", statement="Wu Dao 2.0 was a family of models.")
    EvidenceFactory(
        claim=PublishedClaimFactory(slug="passing", statement="Chinese labs grew fast in 2021."),
        excerpt="Among them WuDao 2.0, the largest of its day.",
    )
    return big, family


def test_a_statement_match_ranks_above_a_passing_mention_in_evidence(claims_on_wudao):
    results = found("WuDao 2.0")
    assert set(results[:2]) == {"wudao-size", "family"} and results[2] == "passing"


def test_a_figure_in_a_search_finds_the_claim_with_that_figure(claims_on_wudao):
    assert found("1.75T")[0] == "wudao-size"
    assert found("1750 billion parameters")[0] == "wudao-size"
    assert found("1.75万亿参数")[0] == "wudao-size"


def test_other_names_in_chinese_find_the_model(claims_on_wudao):
    assert found("悟道")[:1] == ["wudao-size"]  # the subject's alias: its figure is of WuDao 2.0
    assert "family" in found("悟道2.0")  # the alias expands to "WuDao 2.0", as the text says


def test_a_topic_alias_finds_the_topics_claims():
    claim = PublishedClaimFactory(slug="controls", statement="The H800 is sold in China.")
    topic = TopicFactory(name="Export controls")
    claim.topics.add(topic)
    topic.aliases = "出口管制"
    services.topic_save(topic=topic, by=None)
    assert found("出口管制") == ["controls"]


def test_a_claim_written_in_chinese_is_found_by_its_words(editor):
    PublishedClaimFactory(
        slug="zh", statement="阿里巴巴宣布未来三年投入3800亿元建设人工智能基础设施。"
    )
    assert found("阿里巴巴 人工智能") == ["zh"]
    assert found("阿里巴巴 人工智慧") == ["zh"] or found("阿里巴巴") == ["zh"]


def test_a_typo_is_corrected_and_said(claims_on_wudao):
    results = find("Wudoa", Claim.objects.published())
    assert results.corrected_from == "Wudoa" and results.text.lower() == "wudao"
    assert "wudao-size" in found("Wudoa")
    assert found("Wudoa", correct=False) == []


def test_all_the_words_rank_above_some_and_a_phrase_above_scattered_words():
    PublishedClaimFactory(slug="scattered", statement="The race is not over, China says of AGI.")
    PublishedClaimFactory(
        slug="phrase", statement="Says there is no AGI race at all, in China or elsewhere."
    )
    PublishedClaimFactory(slug="some", statement="China builds AGI labs.")
    assert found("no AGI race")[:2] == ["phrase", "scattered"]


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "AND OR NOT",
        "*",
        "NEAR(a b)",
        "'; DROP TABLE claims_claim; --",
        "x" * 5000,
        "\x00",
        "{}:^",
        "1e999",
        "9" * 190 + "T",
        "0T",
        "1.75万万",
        "😀",
    ],
)
def test_any_text_is_a_search_not_an_error(client, claims_on_wudao, text):
    assert isinstance(found(text), list)
    assert client.get(reverse("claims:list"), {"q": text}).status_code in (200, 400)


def test_the_list_says_what_it_corrected_and_offers_the_search_as_typed(client, claims_on_wudao):
    page = client.get(reverse("claims:list"), {"q": "Wudoa"}).content.decode()
    assert "showing results for <strong>wudao</strong>" in page
    assert (
        "as_typed=1" in page
        and "WuDao 2.0 has 1.75 trillion parameters." not in page.split("result-count")[0]
    )
    as_typed = client.get(reverse("claims:list"), {"q": "Wudoa", "as_typed": "1"})
    assert "No published claim matches" in as_typed.content.decode()


def test_a_result_that_matched_in_its_evidence_shows_that_passage_marked(client, claims_on_wudao):
    page = client.get(reverse("claims:list"), {"q": "largest"}).content.decode()
    assert 'class="matched-passage"' in page
    assert "the <mark>largest</mark> of its day" in page


def test_readers_sort_results(client, claims_on_wudao):
    page = client.get(reverse("claims:list"), {"q": "WuDao", "sort": "newest"})
    assert page.status_code == 200
    assert [c.slug for c in page.context["object_list"]] == list(
        Claim.objects.filter(slug__in=["wudao-size", "family", "passing"])
        .order_by("-graded_at", "-pk")
        .values_list("slug", flat=True)
    )


def test_the_home_page_has_a_search_box(client):
    page = client.get(reverse("home")).content.decode()
    assert 'role="search"' in page and 'name="q"' in page


def test_a_search_page_runs_the_same_queries_whatever_it_finds(
    client, claims_on_wudao, django_assert_num_queries
):
    for number in range(20):
        EvidenceFactory(
            claim=PublishedClaimFactory(statement=f"Claim {number} on WuDao 2.0."),
            source=SourceFactory(),
            stance=Stance.SUPPORTS,
        )
    with django_assert_num_queries(QUERIES_FOR_A_SEARCH):
        client.get(reverse("claims:list"), {"q": "WuDao"})
    # The same filters' form for both searches, rendered once (readers/views.py): one query
    # fewer, the topics' for its options.
    with django_assert_num_queries(QUERIES_FOR_A_SEARCH - 1):
        client.get(reverse("claims:list"), {"q": "Claim"})


# SQLite looks in statements and names first, then everywhere; PostgreSQL once (index.py).
QUERIES_FOR_A_SEARCH = 10 if connection.vendor == "sqlite" else 9


def test_editors_search_every_state_with_the_same_ranking(client, superuser, claims_on_wudao):
    from tests.factories import ClaimFactory

    ClaimFactory(slug="draft-on-wudao", statement="WuDao 2.0 draft about its size.")
    client.force_login(superuser)
    page = client.get(reverse("admin:claims_claim_changelist"), {"q": "WuDao 2.0"})
    listed = [claim.slug for claim in page.context["cl"].result_list]
    assert "draft-on-wudao" in listed and listed.index("family") < listed.index("passing")


def test_the_summaries_can_be_rebuilt_whole(claims_on_wudao):
    from django.core.management import call_command

    from claims.models import ClaimSummary

    ClaimSummary.objects.update(
        terms_statement="", terms_names="", terms_body="", search_vector=None
    )
    assert found("WuDao") == []
    call_command("refresh_claim_summaries", verbosity=0)
    assert set(found("WuDao")) == {"wudao-size", "family", "passing"}


def test_a_chinese_statement_gets_a_slug_and_a_chinese_rationale_is_long_enough(editor):
    from claims.services import publication_refused
    from claims.services.reviews import visible_length

    claim = services.claim_log(statement="悟道2.0有1.75万亿个参数。", claimant="智源", by=editor)
    assert claim.slug.startswith("claim-") and "175" in claim.slug
    assert visible_length("两个独立来源都给出了同一个数字。") >= 25
    assert not publication_refused(
        located_evidence=True, rationales=["两个独立来源都给出了同一个数字。"]
    )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own index")
def test_sqlite_search_index_comes_back_after_a_migration_copies_the_table(claims_on_wudao):
    from django.core.management import call_command

    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER claims_summary_search_update")  # as a table copy does
    call_command("migrate", verbosity=0)
    claim = claims_on_wudao[1]
    claim.statement = "Wu Dao 2.0 was a dynasty of models."
    services.claim_save(claim=claim, by=None, correction_note="Reworded.")
    assert found("dynasty") == ["family"] and found("family") == []
