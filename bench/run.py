"""Benchmark the public pages and the editors' pages under gunicorn and PostgreSQL, beside a
bare Django view on the same stack (the ceiling), page cache off and on. Not a test: it prints
Markdown tables for BENCHMARKS.md.

    DATABASE_URL=postgres://…/bench1m .venv/bin/python bench/run.py --label 1M

With `--before DIR` (a checkout of an earlier commit, its .venv linked) the same URLs are
measured from that code first, against the same database, in the same run, and the tables
put the two side by side.

The database must hold data from `bench/generate_data.py` (and, for the desk's queues,
`bench/desk.py`'s workload). Needs `ab` (Debian package apache2-utils) and gunicorn. Requests
go to 127.0.0.1 only, bounded in number.
"""

import argparse
import os
import re
import subprocess
import urllib.request
from pathlib import Path

from serving import PYTHON, production_env, serve

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8765"))
GUNICORN_LOG = "/tmp/bench-gunicorn.log"

# Multiples of the bare view's median that issue 17 allows, by kind of page.
TARGETS = {"list": 8, "filtered": 10, "page": 5, "editor": 25, "cached": 1.5, "304": 1.2}
SEARCHES = {"one word": "PanGu", "two words": "Ascend GPUs"}


def django_env(cache: bool) -> dict:
    return production_env(
        WORKBENCH_BENCH_VIEWS="1",
        WORKBENCH_PAGE_CACHE="1" if cache else "0",
        AXES_FAILURE_LIMIT="1000",
    )


def manage_shell(code: str, tree: Path) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=tree,
        env=django_env(False),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


def targets() -> tuple[list[tuple[str, str, str]], str]:
    """(row, kind, URL) to measure, with a real published claim and source, and a session of
    the editor whose desk bench/desk.py filled (the generator's author)."""
    code = """
from claims.models import Claim
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
claim = Claim.objects.published().order_by("-graded_at").first()
source = claim.first_appeared_in
user = get_user_model().objects.filter(username="bench").first() or get_user_model().objects.get(
    pk=Claim.objects.order_by("pk").values_list("created_by", flat=True)[0])
user.is_staff = True
user.save(update_fields=["is_staff"])
s = SessionStore()
s["_auth_user_id"] = str(user.pk)
s["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
s["_auth_user_hash"] = user.get_session_auth_hash()
s.create()
print(claim.slug, source.slug, claim.verdict, claim.pk, s.session_key)
"""
    claim, source, verdict, claim_id, session = manage_shell(code, ROOT).split()
    rows = [
        ("bare view (ceiling)", "bare", "/bench/bare/"),
        ("/claims/", "list", "/claims/"),
        (f"/claims/?verdict={verdict}", "filtered", f"/claims/?verdict={verdict}"),
        *(
            (f"/claims/?q={text}", "filtered", "/claims/?q=" + text.replace(" ", "+"))
            for text in SEARCHES.values()
        ),
        ("/claims/<slug>/", "page", f"/claims/{claim}/"),
        ("/sources/<slug>/", "page", f"/sources/{source}/"),
        ("admin: claim list", "editor", "/admin/claims/claim/"),
        ("admin: front page with the desk", "editor", "/admin/"),
        ("admin: My drafts", "editor", "/admin/claims/claim/?desk=drafts"),
        ("admin: Due for re-check", "editor", "/admin/claims/claim/?desk=recheck"),
        ("admin: Waiting for my approval", "editor", "/admin/claims/claim/?desk=approve"),
        ("admin: a claim's change form", "editor", f"/admin/claims/claim/{claim_id}/change/"),
    ]
    return rows, session


def serve_tree(tree: Path, cache: bool) -> subprocess.Popen:
    return serve(
        tree, django_env(cache), port=PORT, workers=3, probe="/bench/bare/", log=GUNICORN_LOG
    )


def measure(path: str, requests: int, *, concurrency=4, headers=()) -> dict:
    command = ["ab", "-q", "-k", "-n", str(requests), "-c", str(concurrency)]
    for header in headers:
        command += ["-H", header]
    out = subprocess.run(
        [*command, f"http://127.0.0.1:{PORT}{path}"], capture_output=True, text=True, check=True
    ).stdout
    # ab counts a page whose length differs from the first as failed; only non-2xx count here
    # (a 304 is what a conditional GET is for, and is counted apart).
    non2xx = re.search(r"Non-2xx responses:\s+(\d+)", out)
    percent = dict(re.findall(r"^\s+(\d+)%\s+(\d+)", out, re.M))
    return {
        "median": int(percent["50"]),
        "p95": int(percent["95"]),
        "non2xx": int(non2xx[1]) if non2xx else 0,
    }


def etag_of(path: str) -> str | None:
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=10) as response:
        return response.headers.get("ETag")


def run_tree(tree: Path, rows, session: str, requests: int) -> dict:
    """Every row from one checkout: under load with the page cache off and on, a 304 where the
    code gives ETags, and the searches one request at a time."""
    results = {}
    for cache in (False, True):
        server = serve_tree(tree, cache)
        try:
            for name, kind, path in rows:
                cookie = (f"Cookie: sessionid={session}",) if kind == "editor" else ()
                if cache and kind == "editor":
                    continue  # editors never get the page cache
                measure(path, 20, headers=cookie)  # warm up
                results[name, "on" if cache else "off"] = measure(path, requests, headers=cookie)
            if cache:
                etag = etag_of("/claims/")
                if etag:
                    header = (f"If-None-Match: {etag}",)
                    measure("/claims/", 20, headers=header)
                    results["/claims/ answered 304", "on"] = measure(
                        "/claims/", requests, headers=header
                    )
            else:
                for text in SEARCHES.values():
                    path = "/claims/?q=" + text.replace(" ", "+")
                    measure(path, 10, concurrency=1)
                    results[f"/claims/?q={text}", "alone"] = measure(path, 100, concurrency=1)
        finally:
            server.terminate()
            server.wait()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--label", required=True, help="e.g. 10k, 100k, 1M")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--before", type=Path, help="a checkout of the code to compare with")
    args = parser.parse_args()
    trees = {"before": args.before, "after": ROOT} if args.before else {"after": ROOT}
    for tree in trees.values():
        # Production settings serve hashed static files, which must be collected first.
        subprocess.run(
            [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=tree,
            env=django_env(False),
            check=True,
        )
    rows, session = targets()
    results = {label: run_tree(tree, rows, session, args.requests) for label, tree in trees.items()}
    kinds = {name: kind for name, kind, _ in rows}
    print(f"\n### {args.label} claims (`ab -k -c 4`, {args.requests} requests a row)\n")
    heads = " | ".join(f"{label}: median / p95 ms" for label in trees)
    print(f"| page | cache | {heads} | after ÷ bare | target |")
    print("| --- | --- |" + " --- |" * (len(trees) + 2))
    bare = results["after"]["bare view (ceiling)", "off"]["median"] or 1
    order = [*((name, "off") for name, _, _ in rows), *((name, "on") for name, _, _ in rows)]
    order += [("/claims/ answered 304", "on")]
    for key in order:
        name, cache = key
        if key not in results["after"]:
            continue
        kind = kinds.get(name, "304")
        if cache == "on" and kind not in ("bare", "304"):
            kind = "cached"
        cells = " | ".join(
            f"{r[key]['median']} / {r[key]['p95']}" if key in r else "—" for r in results.values()
        )
        ratio = results["after"][key]["median"] / bare
        limit = TARGETS.get(kind)
        target = f"≤{limit}× {'met' if ratio <= limit else 'missed'}" if limit else ""
        print(f"| {name} | {cache} | {cells} | {ratio:.1f}× | {target} |")
    print("\nSearches one request at a time (`ab -c 1 -n 100`, page cache off), target p95 ≤50 ms")
    print()
    print("| search | " + " | ".join(f"{label}: median / p95 ms" for label in trees) + " |")
    print("| --- |" + " --- |" * len(trees))
    for text in SEARCHES.values():
        key = (f"/claims/?q={text}", "alone")
        cells = " | ".join(f"{r[key]['median']} / {r[key]['p95']}" for r in results.values())
        print(f"| {text} | {cells} |")
    errors = {k: v["non2xx"] for r in results.values() for k, v in r.items() if "304" not in k[0]}
    if any(errors.values()):
        print("\nNon-2xx answers:", {k: v for k, v in errors.items() if v})


if __name__ == "__main__":
    main()
