"""Benchmark the public pages under gunicorn and PostgreSQL, beside a bare Django view on the
same stack (the ceiling) and the Django admin changelist of claims (the peer), page cache off
and on. Not a test: it prints a Markdown table for BENCHMARKS.md.

    DATABASE_URL=postgres://…/bench10k .venv/bin/python bench/run.py --label 10k

The database must hold data from `bench/generate_data.py`. Needs `ab` (Debian package
apache2-utils) and gunicorn. Requests go to 127.0.0.1 only, bounded in number.
"""

import argparse
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8765"))
PYTHON = sys.executable


def django_env(cache: bool) -> dict:
    return {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "WORKBENCH_BENCH_VIEWS": "1",
        "WORKBENCH_PAGE_CACHE": "1" if cache else "0",
        "AXES_FAILURE_LIMIT": "1000",
    }


def manage_shell(code: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=django_env(False),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


def targets() -> tuple[dict, str]:
    """The URLs to measure, with a real published claim and source, and an admin session."""
    code = """
from claims.models import Claim
from sources.models import Source
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
claim = Claim.objects.published().order_by("-graded_at").first()
source = claim.first_appeared_in
user, _ = get_user_model().objects.get_or_create(
    username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
)
s = SessionStore()
s["_auth_user_id"] = str(user.pk)
s["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
s["_auth_user_hash"] = user.get_session_auth_hash()
s.create()
print(claim.slug, source.slug, claim.verdict, s.session_key)
"""
    claim, source, verdict, session = manage_shell(code).split()
    return {
        "bare view (ceiling)": "/bench/bare/",
        "/claims/": "/claims/",
        f"/claims/?verdict={verdict}": f"/claims/?verdict={verdict}",
        "/claims/?q=PanGu": "/claims/?q=PanGu",
        "/claims/<slug>/": f"/claims/{claim}/",
        "/sources/<slug>/": f"/sources/{source}/",
        "admin changelist (peer)": "/admin/claims/claim/",
    }, session


def serve(cache: bool) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "workbench.wsgi",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            "3",
            "--access-logfile",
            "/dev/null",
            "--error-logfile",
            "/tmp/bench-gunicorn.log",
        ],
        cwd=ROOT,
        env=django_env(cache),
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/bench/bare/", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start; see /tmp/bench-gunicorn.log")


def measure(path: str, requests: int, session: str | None) -> dict:
    command = ["ab", "-q", "-k", "-n", str(requests), "-c", "4"]
    if session:
        command += ["-C", f"sessionid={session}"]
    out = subprocess.run(
        [*command, f"http://127.0.0.1:{PORT}{path}"], capture_output=True, text=True, check=True
    ).stdout
    # ab counts a page whose length differs from the first as failed; only non-2xx count here.
    non2xx = re.search(r"Non-2xx responses:\s+(\d+)", out)
    percent = dict(re.findall(r"^\s+(\d+)%\s+(\d+)", out, re.M))
    return {
        "median": int(percent["50"]),
        "p95": int(percent["95"]),
        "rps": float(re.search(r"Requests per second:\s+([\d.]+)", out)[1]),
        "errors": int(non2xx[1]) if non2xx else 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--label", required=True, help="e.g. 10k, 100k, 1M")
    parser.add_argument("--requests", type=int, default=400)
    args = parser.parse_args()
    # Production settings serve hashed static files, which must be collected first.
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=django_env(False),
        check=True,
    )
    urls, session = targets()
    results = {}
    for cache in (False, True):
        server = serve(cache)
        try:
            for name, path in urls.items():
                is_admin = path.startswith("/admin/")
                measure(path, 20, session if is_admin else None)  # warm up
                results[name, cache] = measure(path, args.requests, session if is_admin else None)
        finally:
            server.terminate()
            server.wait()
    bare = results["bare view (ceiling)", False]["median"] or 1
    admin_rps = results["admin changelist (peer)", False]["rps"]
    print(f"\n### {args.label} claims\n")
    print("| page | cache | median ms | p95 ms | req/s | median ÷ bare | req/s ÷ admin | errors |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for (name, cache), r in results.items():
        print(
            f"| {name} | {'on' if cache else 'off'} | {r['median']} | {r['p95']} | {r['rps']:.0f} "
            f"| {r['median'] / bare:.1f}× | {r['rps'] / admin_rps:.1f}× | {r['errors']} |"
        )


if __name__ == "__main__":
    main()
