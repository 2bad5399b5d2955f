"""The relevance test set (tests/readers/relevance.py) against the demo: hits in the top three
and mean reciprocal rank, by kind of query, as BENCHMARKS.md reports them.

    DJANGO_DEBUG=1 .venv/bin/python bench/relevance.py            # SQLite, a new database
    DATABASE_URL=postgres://… .venv/bin/python bench/relevance.py # an empty PostgreSQL one
"""

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
folder = tempfile.mkdtemp()
os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/relevance.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workbench.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from tests.readers.test_relevance import TOP, outcomes, summary  # noqa: E402


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("load_demo", "--seeds=/nonexistent", verbosity=0)
    results = outcomes()
    print(f"| kind | queries | in the top {TOP} | mean reciprocal rank |")
    print("| --- | --- | --- | --- |")
    for kind, (hits, total, mrr) in summary(results).items():
        print(f"| {kind} | {total} | {hits} ({hits / total:.1%}) | {mrr:.3f} |")
    for outcome in results:
        if not outcome.hit:
            print(f"miss: {outcome.query.text!r} ({outcome.query.kind}) → {outcome.shown[:TOP]}")


if __name__ == "__main__":
    main()
