"""Free-text claimants become claimants (claims/migrations/0011–0013): a database holding
today's text comes through with spellings that differ only in dashes, case or spacing folded
into one claimant, every spelling kept, and every claim and history record pointing at the
right claimant."""

import pytest

from claims.models import Claim, Claimant
from tests.migrating import migrate, newest

BEFORE = [("claims", "0010_claim_assignee")]


SPELLINGS = {
    # The bug that asked for claimants: a hyphen and an en dash made two claimants.
    "US–China": 9,
    "US-China": 1,
    "us-china ": 1,
    "US — China": 1,
    "Huawei": 2,
    "HUAWEI": 1,
    "华为": 1,  # another script: not the same name until an editor says so
    "IEEE Spectrum": 1,
}


@pytest.mark.django_db(transaction=True)
def test_free_text_claimants_fold_into_claimants_and_nothing_is_lost():
    old = migrate(BEFORE)
    OldClaim = old.get_model("claims", "Claim")
    user = old.get_model("auth", "User").objects.create(username="editor")
    spelling_of = {}
    n = 0
    for spelling, count in SPELLINGS.items():
        for _ in range(count):
            n += 1
            claim = OldClaim.objects.create(
                statement=f"Claim {n}.", slug=f"claim-{n}", claimant=spelling
            )
            spelling_of[claim.slug] = spelling
    # A spelling only the history remembers: the claim was since given another claimant.
    renamed = OldClaim.objects.get(slug="claim-1")
    old.get_model("claims", "HistoricalClaim").objects.create(
        id=renamed.pk,
        statement=renamed.statement,
        slug=renamed.slug,
        kind="fact",
        claimant="Xinhua",
        state="draft",
        version=1,
        created_at="2026-01-01T00:00:00Z",
        updated_at="2026-01-01T00:00:00Z",
        history_date="2026-01-01T00:00:00Z",
        history_type="+",
        history_user=user,
    )

    migrate(newest())

    us_china = Claimant.objects.get(name="US–China")  # the spelling most claims use
    assert sorted(us_china.aliases.values_list("name", flat=True)) == [
        "US - China".replace(" - ", " — "),
        "US-China",
        "us-china ",
    ]
    assert us_china.claims.count() == 12
    huawei = Claimant.objects.get(name="Huawei")
    assert list(huawei.aliases.values_list("name", flat=True)) == ["HUAWEI"]
    assert Claimant.objects.get(name="华为").claims.count() == 1
    # Every claim points at the claimant of its spelling; no claim and no spelling is lost.
    assert Claim.objects.count() == sum(SPELLINGS.values())
    for claim in Claim.objects.select_related("claimant"):
        names = {claim.claimant.name, *claim.claimant.aliases.values_list("name", flat=True)}
        assert spelling_of[claim.slug] in names
    # The history keeps working and still names who made the claim at the time.
    record = Claim.history.get(id=renamed.pk, history_date="2026-01-01T00:00:00Z")
    assert record.claimant.name == "Xinhua"
    assert not Claimant.objects.get(name="Xinhua").claims.exists()
    # Made claimants have a public address, a history and the editors may keep them.
    assert Claimant.objects.filter(slug="us-china").exists()
    assert us_china.history.get().history_type == "+"
    from django.contrib.auth.models import Group

    editors = Group.objects.get(name="Editors")
    assert editors.permissions.filter(codename="change_claimant").exists()


@pytest.mark.django_db(transaction=True)
def test_the_migration_runs_backwards_with_each_claim_named_again():
    migrate(newest())
    from claims.services import claimant_get_or_create
    from tests.factories import ClaimFactory

    ClaimFactory(slug="a", claimant=claimant_get_or_create(name="US–China"))

    old = migrate(BEFORE)

    assert list(old.get_model("claims", "Claim").objects.values_list("slug", "claimant")) == [
        ("a", "US–China")
    ]
    migrate(newest())
