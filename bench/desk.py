"""Time the editor's desk on a big database (issue 14): the five exact counts on the admin's
front page and the claim list filtered to each queue, for an editor with large queues, against
the bare view through the same stack. Run after bench/generate_data.py; it adds pending
gradings (some sent back) and assignments through the services, then measures. Not a test.

    DATABASE_URL=postgres://…/bench1m .venv/bin/python bench/desk.py --gradings 500
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workbench.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ["WORKBENCH_BENCH_VIEWS"] = "1"
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from claims import services  # noqa: E402
from claims.choices import ClaimState, DeskQueue  # noqa: E402
from claims.models import Claim, Review  # noqa: E402
from claims.selectors import desk_counts  # noqa: E402

RATIONALE = "The developer's paper gives this figure in its main table (synthetic)."


def editor(username: str):
    user, _ = get_user_model().objects.get_or_create(username=username)
    user.is_active = user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name="Editors"))
    return get_user_model().objects.get(pk=user.pk)  # permissions read afresh


def add_workload(me, grader, gradings: int) -> None:
    """Gradings by `grader` waiting for `me` (a tenth sent back to him), and claims assigned to
    `me`, unless an earlier run added them."""
    if Review.objects.pending().filter(reviewer=grader).exists():
        return
    waiting = Claim.objects.filter(state=ClaimState.IN_REVIEW).order_by("pk")[:gradings]
    for n, claim in enumerate(waiting):
        review = services.review_submit(
            claim=claim, verdict="accurate", rationale=RATIONALE, by=grader
        )
        if n % 10 == 0:
            services.review_send_back(review=review, comment="Which table?", by=me)
    for claim in Claim.objects.filter(state=ClaimState.PUBLISHED).order_by("pk")[:gradings]:
        claim.assignee = me
        services.claim_save(claim=claim, by=grader)


def timed(client, url: str, runs: int) -> tuple[float, int]:
    client.get(url)  # warm
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times), len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gradings", type=int, default=500)
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    me = editor("bench")  # the generator's author: his drafts are a big queue
    grader = editor("bench-grader")
    started = time.perf_counter()
    add_workload(me, grader, options.gradings)
    print(
        f"workload ready in {time.perf_counter() - started:.0f} s; {Claim.objects.count():,} claims"
    )
    counts = desk_counts(me)
    print("queues:", {DeskQueue(q).label: n for q, n in counts.items()})
    client = Client()
    client.force_login(me)
    bare, _ = timed(client, "/bench/bare/", options.runs)
    rows = [("bare view (same stack)", bare, 0)]
    rows.append(("admin front page with the desk", *timed(client, "/admin/", options.runs)))
    for queue in DeskQueue:
        url = f"/admin/claims/claim/?desk={queue.value}"
        rows.append((f"claim list: {queue.label}", *timed(client, url, options.runs)))
    print(f"{'page':40} {'median ms':>10} {'× bare':>8} {'queries':>8}")
    for name, ms, queries in rows:
        print(f"{name:40} {ms:10.1f} {ms / bare:8.1f} {queries:8}")


if __name__ == "__main__":
    main()
