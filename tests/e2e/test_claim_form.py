"""The claim form at an editor's desk: it fits the screen, asks before a near-duplicate or a
figure off its statement is saved, and sets another editor's version beside the editor's."""

import pytest
from playwright.sync_api import expect

from claims.models import Claim

from .conftest import log_in

WUDAO = "wudao-2-0-is-one-model-with-1-75-trillion-parameters"


@pytest.mark.parametrize("width", [1024, 1440])
def test_the_claim_form_fits_an_editors_screen(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, "editor")
    claim = Claim.objects.get(slug=WUDAO)
    too_wide = {}
    for url in ["/admin/claims/claim/add/", f"/admin/claims/claim/{claim.pk}/change/"]:
        page.goto(url)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            too_wide[url] = scroll_width
        page.screenshot(path=f"/tmp/h7-form-{width}-{url.count('/')}.png", full_page=True)
    assert not too_wide, f"wider than {width} px: {too_wide}"
