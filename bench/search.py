"""Search latency at scale: single requests (`ab -c 1`) to the public claim list with a search,
page cache off, under gunicorn and PostgreSQL, for one-word, two-word, Chinese and misspelt
searches. Not a test: prints a Markdown table for BENCHMARKS.md.

    DATABASE_URL=postgres://…/bench1m .venv/bin/python bench/search.py --label "after"

Run it from two checkouts against the same database for a before-and-after.
"""

import argparse
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import PORT, PYTHON, ROOT, django_env, serve  # noqa: E402

SEARCHES = {
    "no search (the list itself)": "",
    "one word": "PanGu",
    "two words": "Ascend GPUs",
    "Chinese": "华为",
    "misspelt": "Wudoa",
    "a figure": "1.75T",
}


def measure(path: str, requests: int) -> dict:
    out = subprocess.run(
        ["ab", "-q", "-n", str(requests), "-c", "1", f"http://127.0.0.1:{PORT}{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    percent = dict(re.findall(r"^\s+(\d+)%\s+(\d+)", out, re.M))
    return {"median": int(percent["50"]), "p95": int(percent["95"])}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--label", required=True)
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=django_env(False),
        check=True,
    )
    server = serve(cache=False)
    try:
        rows = []
        for name, text in SEARCHES.items():
            path = f"/claims/?q={quote(text)}" if text else "/claims/"
            measure(path, 5)  # warm up: each worker's first search loads the Chinese dictionary
            rows.append((name, text, measure(path, args.requests)))
    finally:
        server.terminate()
        server.wait()
    print(f"\n### {args.label}\n")
    print("| search | text | median ms | p95 ms |")
    print("| --- | --- | --- | --- |")
    for name, text, result in rows:
        print(f"| {name} | {text} | {result['median']} | {result['p95']} |")


if __name__ == "__main__":
    main()
