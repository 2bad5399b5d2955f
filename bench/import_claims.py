"""Benchmark `manage.py import_claims`: write a synthetic file of N claims with evidence
(about 3 evidence rows, a verdict and a rationale each; a relation for every tenth claim),
import it into the given (migrated, empty) database, import it again (nothing should change),
and print wall time and the importing process's peak memory. Not a test.

    DATABASE_URL=postgres://…/import100k .venv/bin/python bench/import_claims.py --claims 100000

Peak memory is that of the `manage.py import_claims` child process (ru_maxrss), so it can be
compared across sizes: a streamed import stays flat as N grows.
"""

import argparse
import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workbench.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")
django.setup()

from exchange.records import CSV_COLUMNS  # noqa: E402

MODELS = ["WuDao", "PanGu", "Yuan", "ERNIE", "GLM", "M6", "Qwen", "Doubao", "Kimi", "Baichuan"]
STANCES = ["asserts", "supports", "refutes", "context"]
VERDICTS = ["accurate", "mostly_accurate", "mixed", "outdated", "misleading", "inaccurate"]


def write_file(path: Path, claims: int, seed: int = 2026) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for i in range(claims):
            model = f"{rng.choice(MODELS)}-{i}"
            claim = {
                "slug": f"import-bench-{i}",
                "statement": f"{model} has {rng.randint(1, 2000)} billion parameters.",
                "kind": "figure",
                "claimant": f"Developer {i % 500}",
                "topics": f"Bench topic {i % 20}; Bench topic {(i * 7) % 20}",
                "first_source": f"Bench source {i % 5000}",
                "first_source_url": f"https://bench.example.org/source/{i % 5000}",
                "first_appeared_locator": "Table 1",
                "first_appeared_on": f"20{rng.randint(19, 25)}-0{rng.randint(1, 9)}-15",
                "verdict": rng.choice(VERDICTS),
                "confidence": "medium",
                "rationale": f"The developer's paper on {model} gives a different count.",
                "relations": f"counter_claim:import-bench-{i - 1}" if i % 10 == 9 else "",
            }
            for _ in range(rng.randint(2, 4)):
                n = rng.randint(0, 4999)
                writer.writerow(
                    {
                        **claim,
                        "source": f"Bench source {n}",
                        "source_url": f"https://bench.example.org/source/{n}",
                        "source_outlet": f"Outlet {n % 50}",
                        "source_kind": "report",
                        "source_published_on": "2023-01-01",
                        "stance": rng.choice(STANCES),
                        "excerpt": f"The source discusses {model} and its size in its main table.",
                        "locator": f"page {rng.randint(1, 300)}",
                    }
                )


def run_import(path: Path) -> tuple[float, float, str]:
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "import_claims",
            str(path),
            "--user",
            "bench-importer",
            "--approved-by",
            "bench-approver",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak_mb, result.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=100_000)
    args = parser.parse_args()
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.contrib.auth.models import User\n"
            "for name in ('bench-importer', 'bench-approver'):\n"
            "    User.objects.get_or_create(username=name)",
        ],
        cwd=ROOT,
        check=True,
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.csv"
        write_file(path, args.claims)
        size_mb = path.stat().st_size / 1e6
        rows = sum(1 for _ in path.open(encoding="utf-8")) - 1
        first = run_import(path)
        again = run_import(path)
    print("| claims | CSV rows | file | import | peak memory | second import |")
    print("|---|---|---|---|---|---|")
    print(
        f"| {args.claims:,} | {rows:,} | {size_mb:.0f} MB | {first[0]:.1f} s | "
        f"{first[1]:.0f} MB | {again[0]:.1f} s |"
    )
    print(first[2])
    print(again[2])


if __name__ == "__main__":
    main()
