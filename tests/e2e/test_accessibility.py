"""Every public page, checked by axe-core in the browser, at a phone's and a desktop's width."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from claims.models import Claim
from sources.models import Source

SERIOUS = ("serious", "critical")


def public_pages() -> list[str]:
    claim = Claim.objects.get(slug="wudao-2-0-is-one-model-with-1-75-trillion-parameters")
    figure_claim = Claim.objects.get(slug="yuan-1-0-used-more-compute-than-gpt-3")
    source = Source.objects.get(slug="govai-china-llm-landscape")
    return [
        "/",
        "/claims/",
        "/claims/?verdict=misleading&contested=on&q=WuDao",
        "/claims/?appeared_after=not-a-date",
        claim.get_absolute_url(),
        figure_claim.get_absolute_url(),
        "/sources/",
        source.get_absolute_url(),
        "/methodology/",
        "/corrections/",
        "/contested/",
        "/figures/",
        "/figures/?quantity=training_compute",
    ]


@pytest.mark.parametrize("width", [375, 1440])
def test_no_serious_or_critical_accessibility_violation_on_any_public_page(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    axe = Axe()
    found = {}
    for url in public_pages():
        page.goto(url)
        violations = axe.run(page).response["violations"]
        serious = [v for v in violations if v["impact"] in SERIOUS]
        if serious:
            found[url] = [
                f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
                for v in serious
            ]
    assert not found, found
