"""Search text longer than anyone types is refused with a message, never a server error."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

TOO_LONG = "Ensure this value has at most 200 characters"


@pytest.mark.parametrize("param", ["q", "claimant", "source"])
@pytest.mark.parametrize(
    "url", ["claims:list", "api:claim-list", "exchange:export"], ids=["page", "api", "export"]
)
def test_a_huge_filter_value_is_refused_with_the_reason(client, param, url):
    address = reverse(url, kwargs={"format": "csv"}) if url == "exchange:export" else reverse(url)
    response = client.get(address, {param: "x" * 50_001})
    assert response.status_code in (200, 400)
    assert TOO_LONG in response.content.decode()


def test_a_huge_claimant_name_search_is_refused_with_the_reason(client):
    response = client.get(reverse("claimants:list"), {"q": "y" * 50_001})
    assert TOO_LONG in response.content.decode()
