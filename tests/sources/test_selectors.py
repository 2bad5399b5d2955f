import pytest

from sources import selectors
from sources.models import normalize_url
from sources.selectors import NEAR_TITLE, SAME_ADDRESS, SAME_TITLE
from sources.services import source_merge
from tests.factories import ClaimFactory, EvidenceFactory, SourceFactory

pytestmark = pytest.mark.django_db


def address(url: str) -> str:
    return selectors.address_key(normalize_url(url))


def test_address_key_folds_mobile_amp_and_index_copies_of_a_page():
    page = address("https://example.org/2024/wu-dao")
    assert address("http://WWW.Example.org/2024/wu-dao/?utm_source=x#top") == page
    assert address("https://m.example.org/2024/wu-dao") == page
    assert address("https://amp.example.org/2024/wu-dao/amp") == page
    assert address("https://example.org/2024/wu-dao/index.html") == page
    assert address("https://example.org/2024/wu-dao?id=2") != page  # a query can name a page
    assert address("https://example.org/2024/wu-dao-2") != page
    assert address("") == ""


def test_title_key_ignores_case_punctuation_dashes_and_spacing_but_not_numbers():
    key = selectors.title_key("Wu Dao 2.0 — the 1.75-trillion model")
    assert selectors.title_key("wu dao 2 0  the 1 75 trillion MODEL!") == key
    assert selectors.title_key("“Wu Dao 2.0”: the 1.75–trillion model") == key
    assert selectors.title_key("Ｗｕ Ｄａｏ 2.0 - the 1.75-trillion model") == key  # full-width
    assert selectors.title_key("Wu Dao 3.0 — the 1.75-trillion model") != key
    assert selectors.title_key("———") == ""


@pytest.mark.parametrize(
    "a, b, near",
    [
        ("China's AI chips: a survey", "Chinas AI chips: a survey", True),
        (
            "The state of Chinese large language models",
            "State of Chinese large language models",
            True,
        ),
        ("The state of AI", "State of AI", False),  # four of eleven characters differ
        ("Export controls and the H800", "Export controls and the H800s", True),
        ("Annual report on AI 2022", "Annual report on AI 2023", False),  # numbers differ
        ("Compute governance", "Compute government", False),  # too much differs for its length
        ("GPT-4 system card", "GPT-4 technical report", False),
    ],
)
def test_nearly_the_same_title(a, b, near):
    assert selectors._nearly_the_same(selectors.title_key(a), selectors.title_key(b)) is near


def test_duplicate_groups_by_address_title_and_near_title_and_why():
    mobile = SourceFactory(title="One article", url="https://m.example.org/one")
    desktop = SourceFactory(title="Another name for it", url="https://example.org/one/")
    same_title = [
        SourceFactory(title="GovAI survey of Chinese models", url=""),
        SourceFactory(title="GovAI Survey of Chinese Models.", url="https://example.org/pdf"),
    ]
    typo = [
        SourceFactory(title="Long and mostly short of China's newest GPT"),
        SourceFactory(title="Long and mostly short of Chinas newest GPT"),
    ]
    SourceFactory(title="Unrelated report 2022")
    SourceFactory(title="Unrelated report 2023")

    groups = {tuple(group.ids): group.reasons for group in selectors.duplicate_groups()}

    assert groups == {
        (mobile.pk, desktop.pk): {SAME_ADDRESS},
        tuple(s.pk for s in same_title): {SAME_TITLE},
        tuple(s.pk for s in typo): {NEAR_TITLE},
    }


def test_groups_join_through_a_shared_member():
    a = SourceFactory(title="Scaling laws in China", url="https://m.example.org/scaling")
    b = SourceFactory(title="Another title", url="https://example.org/scaling")
    c = SourceFactory(title="Scaling laws in China", url="")
    (group,) = selectors.duplicate_groups()
    assert group.ids == [a.pk, b.pk, c.pk]
    assert group.reasons_display == "The same address and the same title"


def test_merge_candidates_count_what_cites_each_source():
    cited, uncited = SourceFactory(), SourceFactory()
    for _ in range(3):
        EvidenceFactory(source=cited)
    ClaimFactory(first_appeared_in=cited, located_evidence=False)

    found = {s.pk: s.citations for s in selectors.merge_candidates([cited.pk, uncited.pk])}

    assert dict(found[cited.pk]) == {"Evidence": 3, "First appearances": 1}
    assert found[uncited.pk] == []


def test_merges_into_lists_merges_not_undone(curator):
    survivor = SourceFactory()
    first, second = SourceFactory(title="Copy one"), SourceFactory(title="Copy two")
    first_pk, second_pk = first.pk, second.pk
    source_merge(survivor=survivor, duplicates=[first], by=curator)
    source_merge(survivor=survivor, duplicates=[second], by=curator)
    assert [m.id for m in selectors.merges_into(survivor)] == [second_pk, first_pk]

    from sources.services import source_merge_undo

    source_merge_undo(duplicate_id=second_pk, by=curator)
    assert [m.id for m in selectors.merges_into(survivor)] == [first_pk]
    assert selectors.merge_of(second_pk) is None
    assert selectors.merge_of(first_pk).title == "Copy one"
