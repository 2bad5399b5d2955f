"""The count line above each public list: exact up to the cap, "more than" past it."""

import pytest
from django.urls import reverse

from tests.factories import PublishedClaimFactory
from workbench.pagination import CappedPaginator

pytestmark = pytest.mark.django_db

LISTS = [("claims:list", "claim"), ("sources:list", "source"), ("claimants:list", "claimant")]


@pytest.fixture
def three_of_each():
    for n in range(3):
        PublishedClaimFactory(claimant=f"Lab {n}")


def count_line(client, name: str) -> str:
    page = client.get(reverse(name)).content.decode()
    return page.split('<p class="result-count">')[1].split("</p>")[0]


@pytest.mark.parametrize("name, noun", LISTS)
def test_each_list_counts_its_rows_exactly_under_the_cap(client, three_of_each, name, noun):
    assert count_line(client, name) == f"3 {noun}s"


@pytest.mark.parametrize("name, noun", LISTS)
def test_past_the_cap_each_list_says_more_than(client, three_of_each, monkeypatch, name, noun):
    monkeypatch.setattr(CappedPaginator, "cap", 2)
    assert count_line(client, name) == f"More than 2 {noun}s"


def test_one_row_is_counted_in_the_singular(client, three_of_each):
    page = client.get(reverse("claimants:list"), {"q": "Lab 1"}).content.decode()
    assert '<p class="result-count">1 claimant</p>' in page
