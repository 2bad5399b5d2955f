"""The curator's desk in the admin: the duplicate finder, the merge form, undoing a merge, and
a rating change that needs its own note."""

import pytest
from django.urls import reverse

from claims.models import Evidence
from sources import services
from sources.choices import Reliability
from sources.models import Source
from tests.admin_forms import inline_post
from tests.factories import ClaimFactory, EvidenceFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "reader", "editor", "curator", "superuser"]
MAY_MERGE = {"curator", "superuser"}
FINDER = reverse("admin:sources_source_duplicates")
MERGE = reverse("admin:sources_source_merge")


def log_in(client, request, role):
    if role == "reader":
        client.force_login(UserFactory(username="reader", is_staff=False))
    elif role != "anonymous":
        client.force_login(request.getfixturevalue(role))


def refused(response, role) -> bool:
    if role in ("anonymous", "reader"):
        return response.status_code == 302 and "/login/" in response["Location"]
    return response.status_code == 403


def undo_url(pk: int) -> str:
    return reverse("admin:sources_source_undo_merge", args=[pk])


def merged_pair(curator):
    survivor = SourceFactory(title="GovAI survey")
    duplicate = SourceFactory(title="GovAI survey (PDF)")
    EvidenceFactory(source=duplicate)
    duplicate_pk = duplicate.pk
    services.source_merge(survivor=survivor, duplicates=[duplicate], by=curator)
    return survivor, duplicate_pk


# -- Who may -------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_only_curators_open_the_finder_and_the_merge_form(client, request, role):
    a, b = SourceFactory(title="Same title"), SourceFactory(title="Same title")
    log_in(client, request, role)
    for url in (FINDER, f"{MERGE}?ids={a.pk}&ids={b.pk}"):
        response = client.get(url)
        if role in MAY_MERGE:
            assert response.status_code == 200
            assert "GovAI" not in response.content.decode()
            assert f"#{b.pk}" in response.content.decode()
        else:
            assert refused(response, role)


@pytest.mark.parametrize("role", ROLES)
def test_only_curators_merge_by_posting_the_form(client, request, role):
    keep, duplicate = SourceFactory(), SourceFactory()
    log_in(client, request, role)
    response = client.post(MERGE, {"ids": [keep.pk, duplicate.pk], "survivor": keep.pk})
    merged = not Source.objects.filter(pk=duplicate.pk).exists()
    assert merged is (role in MAY_MERGE)
    if role not in MAY_MERGE:
        assert refused(response, role)


@pytest.mark.parametrize("role", ROLES)
def test_only_curators_undo_a_merge(client, request, role, curator):
    survivor, duplicate_pk = merged_pair(curator)
    log_in(client, request, role)
    page = client.get(undo_url(duplicate_pk))
    response = client.post(undo_url(duplicate_pk))
    undone = Source.objects.filter(pk=duplicate_pk).exists()
    assert undone is (role in MAY_MERGE)
    if role in MAY_MERGE:
        assert page.status_code == 200 and "Undo this merge" in page.content.decode()
        assert response["Location"] == reverse("admin:sources_source_change", args=[duplicate_pk])
    else:
        assert refused(page, role) and refused(response, role)


@pytest.mark.parametrize("role, sees", [("editor", False), ("curator", True), ("superuser", True)])
def test_the_source_list_links_to_the_finder_for_curators(client, request, role, sees):
    log_in(client, request, role)
    page = client.get(reverse("admin:sources_source_changelist")).content.decode()
    assert (f'href="{FINDER}"' in page) is sees


# -- The finder ----------------------------------------------------------------------------------


def test_the_finder_shows_each_group_with_a_link_to_its_merge_form(client, curator):
    copies = [
        SourceFactory(title="Wu Dao 2.0 explained", url="https://example.org/wudao"),
        SourceFactory(title="Wu Dao 2.0 explained", url="https://m.example.org/wudao-copy"),
    ]
    EvidenceFactory(source=copies[0])
    SourceFactory(title="Something else entirely")
    client.force_login(curator)

    page = client.get(FINDER).content.decode()

    assert "The same title" in page
    assert f"{MERGE}?ids={copies[0].pk}&amp;ids={copies[1].pk}" in page
    assert "Evidence: 1" in page and "Nothing cites it" in page
    assert "Something else entirely" not in page


def test_the_finder_escapes_titles(client, curator):
    for _ in range(2):
        SourceFactory(title="<script>alert(1)</script>", url="")
    client.force_login(curator)
    page = client.get(FINDER).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize("page_number", ["2", "abc", "\x00", "9" * 30, "-1"])
def test_the_finder_survives_any_page_number(client, curator, page_number):
    SourceFactory(title="Twice"), SourceFactory(title="Twice")
    client.force_login(curator)
    response = client.get(FINDER, {"p": page_number})
    assert response.status_code in (200, 400)  # 400: the null character, refused site-wide


@pytest.mark.parametrize("groups", [1, 6])
def test_the_finder_runs_a_fixed_number_of_queries(
    client, curator, groups, django_assert_num_queries
):
    for n in range(groups):
        for _ in range(3):
            EvidenceFactory(source=SourceFactory(title=f"Report {n} on chips", url=""))
    client.force_login(curator)
    # session, user, the user's and the groups' permissions, the registry's keys, the page's
    # sources, then what cites them (evidence, first appearances, snapshots)
    with django_assert_num_queries(9):
        assert client.get(FINDER).status_code == 200


# -- The merge form ------------------------------------------------------------------------------


def test_the_merge_form_shows_what_each_candidate_is_and_what_cites_it(client, curator):
    keep = SourceFactory(title="Survey", reliability=Reliability.RELIABLE)
    copy = SourceFactory(title="Survey (copy)", url="https://example.org/copy", published_on=None)
    EvidenceFactory(source=copy), EvidenceFactory(source=copy)
    ClaimFactory(first_appeared_in=copy, located_evidence=False)
    client.force_login(curator)

    page = client.get(MERGE, {"ids": [keep.pk, copy.pk]}).content.decode()

    assert "https://example.org/copy" in page and keep.url in page
    assert "Reliable" in page and "date not given" in page
    assert "Evidence: 2" in page and "First appearances: 1" in page
    assert 'type="radio" name="survivor"' in page


def test_merging_from_the_form_keeps_every_citation(client, curator):
    keep, copy = SourceFactory(title="Survey"), SourceFactory(title="Survey (copy)")
    evidence = [EvidenceFactory(source=copy), EvidenceFactory(source=keep)]
    client.force_login(curator)

    response = client.post(MERGE, {"ids": [keep.pk, copy.pk], "survivor": keep.pk}, follow=True)

    assert "Merged 1 duplicate(s) into “Survey”" in response.content.decode()
    assert set(Evidence.objects.filter(source=keep)) == set(evidence)
    assert not Source.objects.filter(pk=copy.pk).exists()


def test_the_select_action_leads_to_the_merge_form(client, curator):
    a, b = SourceFactory(), SourceFactory()
    client.force_login(curator)
    response = client.post(
        reverse("admin:sources_source_changelist"),
        {"action": "merge_sources", "_selected_action": [a.pk, b.pk]},
    )
    assert response["Location"] == f"{MERGE}?ids={a.pk}&ids={b.pk}"


@pytest.mark.parametrize(
    "ids, message",
    [
        (["abc", "1"], "not given by their numbers"),
        (["9" * 40, "1"], "not given by their numbers"),
        ([], "Choose at least two sources"),
        (["{a}"], "Choose at least two sources"),
        (["{a}", "{a}"], "Choose at least two sources"),
        (["{a}", "999999"], "#999999 are not in the registry"),
        ([str(n) for n in range(1, 60)], "Merge at most 50 sources"),
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_bad_candidates_are_refused_with_a_message(client, curator, ids, message, method):
    a, b = SourceFactory(), SourceFactory()
    ids = [raw.format(a=a.pk) for raw in ids]
    client.force_login(curator)

    response = getattr(client, method)(MERGE, {"ids": ids, "survivor": a.pk}, follow=True)

    assert message in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("admin:sources_source_changelist")
    assert Source.objects.count() == 2 and {a, b} == set(Source.objects.all())


@pytest.mark.parametrize("survivor", ["", "abc", "\x00", "999999", "{other}", "9" * 40])
def test_a_survivor_not_among_the_candidates_is_refused(client, curator, survivor):
    a, b, other = SourceFactory(), SourceFactory(), SourceFactory()
    client.force_login(curator)

    response = client.post(
        MERGE, {"ids": [a.pk, b.pk], "survivor": survivor.format(other=other.pk)}
    )

    assert response.status_code == 200
    assert "Choose the source to keep" in response.content.decode()
    assert Source.objects.count() == 3


@pytest.mark.parametrize("candidates", [2, 8])
def test_the_merge_form_runs_a_fixed_number_of_queries(
    client, curator, candidates, django_assert_num_queries
):
    sources = [SourceFactory() for _ in range(candidates)]
    for source in sources:
        EvidenceFactory(source=source)
    client.force_login(curator)
    # session, user, the user's and the groups' permissions, the candidates with their
    # outlets, evidence, first appearances, snapshots
    with django_assert_num_queries(8):
        response = client.get(MERGE, {"ids": [s.pk for s in sources]})
    assert response.status_code == 200


# -- Undoing a merge -----------------------------------------------------------------------------


def test_the_kept_source_offers_to_undo_each_merge(client, curator):
    survivor, duplicate_pk = merged_pair(curator)
    client.force_login(curator)

    page = client.get(reverse("admin:sources_source_change", args=[survivor.pk])).content.decode()

    assert "“GovAI survey (PDF)”" in page
    assert f'href="{undo_url(duplicate_pk)}"' in page


def test_the_undo_page_says_what_will_move_back_then_undoes(client, curator):
    survivor, duplicate_pk = merged_pair(curator)
    client.force_login(curator)

    page = client.get(undo_url(duplicate_pk)).content.decode()
    assert "“GovAI survey (PDF)”" in page and "Evidence: 1" in page
    assert not Source.objects.filter(pk=duplicate_pk).exists()  # asking changes nothing

    response = client.post(undo_url(duplicate_pk), follow=True)

    assert "Restored “GovAI survey (PDF)”" in response.content.decode()
    assert Source.objects.get(pk=duplicate_pk).evidence.count() == 1
    change = client.get(reverse("admin:sources_source_change", args=[survivor.pk]))
    assert undo_url(duplicate_pk) not in change.content.decode()


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_undo_twice_or_of_no_merge_is_refused_with_a_message(client, curator, method):
    survivor, duplicate_pk = merged_pair(curator)
    client.force_login(curator)
    client.post(undo_url(duplicate_pk))
    versions = Source.history.count()

    again = getattr(client, method)(undo_url(duplicate_pk), follow=True)
    never = getattr(client, method)(undo_url(survivor.pk), follow=True)
    missing = getattr(client, method)(undo_url(999999), follow=True)

    assert "not merged away" in again.content.decode()
    assert "not merged away" in never.content.decode()
    assert "No merge of source #999999" in missing.content.decode()
    assert Source.history.count() == versions  # nothing written


@pytest.mark.parametrize("duplicate_id", ["abc", "9" * 40])
def test_an_undo_of_a_malformed_id_is_not_found(client, curator, duplicate_id):
    client.force_login(curator)
    assert client.post(f"/admin/sources/source/merges/{duplicate_id}/undo/").status_code == 404


def test_a_null_character_in_the_merge_address_is_refused_and_changes_nothing(client, curator):
    a, b = SourceFactory(), SourceFactory()
    client.force_login(curator)
    response = client.get(MERGE, {"ids": [f"{a.pk}\x00", b.pk]})
    assert response.status_code == 400 and "null character" in response.content.decode()
    response = client.post(MERGE, {"ids": [f"{a.pk}\x00", b.pk], "survivor": a.pk}, follow=True)
    assert "not given by their numbers" in response.content.decode()
    assert Source.objects.filter(pk__in=[a.pk, b.pk]).count() == 2


def test_the_undo_command_still_works(curator):
    from django.core.management import call_command

    _, duplicate_pk = merged_pair(curator)
    call_command("undo_source_merge", duplicate_pk, by="curator", verbosity=0)
    assert Source.objects.filter(pk=duplicate_pk).exists()


# -- A new rating needs a new note -------------------------------------------------------------


def rate(client, source, rating, note):
    url = reverse("admin:sources_source_change", args=[source.pk])
    data = inline_post(client, url, {"reliability": rating, "reliability_note": note})
    return client.post(url, data)


def test_a_rating_change_with_the_old_note_is_refused_next_to_the_note(client, curator):
    source = SourceFactory(reliability=Reliability.MIXED, reliability_note="Errs on figures.")
    client.force_login(curator)

    response = rate(client, source, Reliability.RELIABLE, "Errs on figures.")

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors == {"reliability_note": [services.RATING_NEEDS_NEW_NOTE]}
    source.refresh_from_db()
    assert source.reliability == Reliability.MIXED


def test_a_rating_change_with_a_new_note_is_saved(client, curator):
    source = SourceFactory(reliability=Reliability.MIXED, reliability_note="Errs on figures.")
    client.force_login(curator)

    assert rate(client, source, Reliability.RELIABLE, "Corrected its figures.").status_code == 302
    source.refresh_from_db()
    assert (source.reliability, source.reliability_rated_by) == ("reliable", curator)


def test_editors_do_not_see_the_merges_nor_their_undo(client, curator, editor):
    survivor, duplicate_pk = merged_pair(curator)
    client.force_login(editor)
    page = client.get(reverse("admin:sources_source_change", args=[survivor.pk])).content.decode()
    assert "GovAI survey" in page and undo_url(duplicate_pk) not in page


def test_the_source_list_keeps_its_title_order_when_asked_to_sort_by_another_column(
    client, curator
):
    for title in ["Beta report", "Alpha paper", "Gamma blog"]:
        SourceFactory(title=title)
    client.force_login(curator)
    url = reverse("admin:sources_source_changelist")

    def titles(**params):
        return [s.title for s in client.get(url, params).context["cl"].result_list]

    by_title = ["Alpha paper", "Beta report", "Gamma blog"]
    assert titles() == by_title
    for unsortable in ["3", "-4", "5.6", "x", "99", "-", "1" * 5000]:
        assert titles(o=unsortable) == by_title, unsortable
    assert titles(o="-1") == list(reversed(by_title))  # the title column sorts both ways
