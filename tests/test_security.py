"""Production settings, headers, login throttling, passwords, escaping and the permission matrix."""

import os
import re
import subprocess
import sys

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from claims import services
from claims.admin.review_screen import opened_now
from claims.choices import ClaimState, Stance, Verdict
from claims.models import FigureConflict
from claims.services import conflict_explain
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    FigureFactory,
    PublishedClaimFactory,
    RelationFactory,
    SourceFactory,
    SubjectFactory,
)

PRODUCTION_ENV = {
    **os.environ,
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-production-grade-secret-key-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "claims.example.org",
}


def manage(*args, env=None):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        capture_output=True,
        text=True,
        env=env or PRODUCTION_ENV,
        check=False,
    )


def test_production_settings_pass_the_deployment_check_without_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues (0 silenced)" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_the_admin_path_is_configurable():
    env = {**PRODUCTION_ENV, "DJANGO_ADMIN_PATH": "editorial-desk"}
    code = "from django.urls import reverse; print(reverse('admin:index'))"
    result = manage("shell", "-c", code, env=env)
    assert result.stdout.strip().splitlines()[-1] == "/editorial-desk/"


@pytest.mark.parametrize("password", ["short-pass", "password1234", "123456789012"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_uncommon_password_is_accepted():
    validate_password("violet-abacus-harbour-1987")


@pytest.mark.django_db
def test_logins_are_throttled_after_five_failures(client, editor):
    url = reverse("admin:login")
    for _ in range(5):
        client.post(url, {"username": "editor", "password": "wrong-password-guess"})
    locked = client.post(url, {"username": "editor", "password": "a-long-test-password"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_correct_login_works_before_any_lockout(client, editor):
    response = client.post(
        reverse("admin:login"), {"username": "editor", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


# JSON-LD is a data block, never executed, so the policy does not (and need not) allow it.
INLINE_SCRIPT = re.compile(
    r'<script(?![^>]*\b(?:src=|type="application/ld\+json"))[^>]*>', re.IGNORECASE
)


@pytest.mark.django_db
def test_pages_carry_a_csp_without_inline_script_and_contain_none(client, superuser):
    claim = PublishedClaimFactory()
    pages = [
        reverse("home"),
        reverse("claims:list"),
        claim.get_absolute_url(),
        reverse("sources:list"),
        reverse("figures:chart"),
        reverse("figures:contested"),
    ]
    for url in pages:
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert not INLINE_SCRIPT.search(response.content.decode()), url
    client.force_login(superuser)
    for url in [
        reverse("admin:claims_claim_change", args=[claim.pk]),
        reverse("admin:claims_claim_add"),
        reverse("admin:claims_claim_history", args=[claim.pk]),
    ]:
        assert not INLINE_SCRIPT.search(client.get(url).content.decode()), url


@pytest.mark.django_db
def test_user_text_is_escaped_everywhere_it_is_shown(client, editor):
    payload = '<img src=x onerror="alert(1)">'
    source = SourceFactory(title=f"Title {payload}", notes=payload)
    claim = PublishedClaimFactory(
        statement=f"Statement {payload}",
        claimant=payload,
        context=payload,
        first_appeared_in=source,
    )
    EvidenceFactory(claim=claim, source=source, excerpt=payload, locator=payload, note=payload)
    claim.reviews.create(
        verdict=Verdict.MIXED, rationale=payload, reviewer=editor, published_at=claim.graded_at
    )
    subject = SubjectFactory(name=f"Model {payload}")
    FigureFactory(claim=claim, subject=subject, value=1, rank_reason=payload)
    FigureFactory(subject=subject, value=100)
    conflict_explain(conflict=FigureConflict.objects.get(), explanation=payload, by=editor)
    for url in [
        reverse("home"),
        reverse("claims:list"),
        claim.get_absolute_url(),
        reverse("sources:list"),
        source.get_absolute_url(),
        reverse("figures:chart"),
        reverse("figures:contested"),
    ]:
        page = client.get(url).content.decode()
        assert payload not in page, url
        assert "&lt;img src=x" in page, url


PUBLIC_PAGES = [
    "home",
    "claims:list",
    "sources:list",
    "methodology",
    "corrections",
    "figures:chart",
    "figures:contested",
]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "editor", "curator", "superuser"])
def test_public_pages_are_the_same_for_every_role(client, request, role):
    claim = PublishedClaimFactory()
    draft = ClaimFactory(statement="Draft claim seen by nobody on public pages.")
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    for name in PUBLIC_PAGES:
        assert client.get(reverse(name)).status_code == 200
    assert client.get(claim.get_absolute_url()).status_code == 200
    assert client.get(claim.first_appeared_in.get_absolute_url()).status_code == 200
    # Public pages show public data only, whoever is logged in.
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "action, allowed",
    [
        ("submit_for_review", {"editor": True, "curator": False, "superuser": True}),
        ("approve_and_publish", {"editor": True, "curator": False, "superuser": True}),
        ("withdraw", {"editor": True, "curator": False, "superuser": True}),
    ],
)
@pytest.mark.parametrize("role", ["anonymous", "editor", "curator", "superuser"])
def test_workflow_actions_by_role(client, request, second_editor, action, allowed, role):
    author = second_editor
    claim = ClaimFactory()
    if action != "submit_for_review":
        services.review_submit(
            claim=claim, verdict=Verdict.MIXED, rationale="Both are partly right here.", by=author
        )
    if action == "withdraw":
        claim.refresh_from_db()
        services.claim_publish(claim=claim, approver=request.getfixturevalue("superuser"))
    claim.refresh_from_db()
    before = claim.state
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    client.post(
        reverse("admin:claims_claim_changelist"),
        {
            "action": action,
            "_selected_action": [claim.pk],
            "reason": "Duplicate.",
            "apply": "1",
            **opened_now(),
        },
    )
    claim.refresh_from_db()
    assert (claim.state != before) is allowed.get(role, False)


@pytest.mark.django_db
def test_unpublished_claims_never_leak_through_any_public_page(client, editor, second_editor):
    source = SourceFactory(title="Shared source")
    public = PublishedClaimFactory(statement="PUBLIC-CLAIM about Yuan.", first_appeared_in=source)
    hidden = {
        state: ClaimFactory(
            statement=f"HIDDEN-{state} about Yuan.",
            state=state,
            verdict=Verdict.INACCURATE,
            first_appeared_in=source,
        )
        for state in (ClaimState.DRAFT, ClaimState.IN_REVIEW)
    }
    for claim in hidden.values():
        EvidenceFactory(claim=claim, source=source, stance=Stance.REFUTES)
        RelationFactory(from_claim=claim, to_claim=public)
    urls = [
        reverse("home"),
        reverse("claims:list"),
        reverse("claims:list") + "?q=Yuan",
        reverse("claims:list") + "?verdict=inaccurate",
        reverse("claims:list") + f"?source={source.slug}",
        reverse("claims:list") + "?contested=on",
        public.get_absolute_url(),
        reverse("sources:list"),
        source.get_absolute_url(),
        reverse("corrections"),
        reverse("figures:chart"),
        reverse("figures:contested"),
    ]
    pages = {url: client.get(url) for url in urls}
    for url, response in pages.items():
        assert "HIDDEN-" not in response.content.decode(), url
    counts = pages[reverse("home")].context["verdict_counts"]
    assert sum(row["count"] for row in counts) == 1
    assert "Contested</span>" not in pages[public.get_absolute_url()].content.decode()
    listing = pages[reverse("sources:list")].context["object_list"]
    assert [s.claim_count for s in listing] == [1]  # the published claim, not the hidden
