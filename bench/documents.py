"""Benchmark and measure the documents path (issue 15): how well check-worthy sentences and
their figures are found, on the two labelled sets, and how long a 20-page PDF takes from upload
to marked sentences, in a (migrated) database with the demo loaded. Not a test.

    DJANGO_DEBUG=1 .venv/bin/python bench/documents.py            # SQLite: db.sqlite3
    DATABASE_URL=postgres://…/bench .venv/bin/python bench/documents.py
"""

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
django.setup()

from django.db import transaction  # noqa: E402
from fpdf import FPDF  # noqa: E402

from documents.extract import extract  # noqa: E402
from documents.measure import measure  # noqa: E402
from documents.services import snapshot_mark_sentences, snapshot_take  # noqa: E402
from sources.models import Source  # noqa: E402
from tests.documents.heldout import HELDOUT  # noqa: E402
from tests.documents.labelled import LABELLED  # noqa: E402

SENTENCES = [
    "The laboratory described its newest system in a long technical report.",
    "The model has {n} billion parameters, the authors said.",
    "Training used {m} accelerators for about {d} days.",
    "Critics argue that the comparison with earlier systems is not fair.",
    "The team plans to release a smaller version for researchers.",
    "It is the largest model the group has trained so far.",
]


def twenty_page_pdf() -> bytes:
    document = FPDF()
    document.set_font("helvetica", size=11)
    for page in range(20):
        document.add_page()
        for paragraph in range(8):
            n = page * 8 + paragraph
            text = " ".join(s.format(n=n + 7, m=256 + n, d=10 + n % 30) for s in SENTENCES)
            document.multi_cell(0, 6, text)
            document.ln(4)
    return bytes(document.output())


def main() -> None:
    print("Detection (precision / recall):")
    for name, labelled in [
        ("labelled (written beside the rules)", LABELLED),
        ("held out", HELDOUT),
    ]:
        for kind, scores in measure(labelled).items():
            print(
                f"  {name:38} {kind:13} P {scores.precision:.2f}  R {scores.recall:.2f}  "
                f"(tp {scores.true_positives}, fp {scores.false_positives}, "
                f"fn {scores.false_negatives})"
            )
    content = twenty_page_pdf()
    source = Source.objects.order_by("pk").first()
    request, worker, extract_only = [], [], []
    for _ in range(5):
        started = time.perf_counter()
        extract("report.pdf", content)
        extract_only.append(time.perf_counter() - started)
        with transaction.atomic():
            started = time.perf_counter()
            snapshot = snapshot_take(source=source, name="report.pdf", content=content, by=None)
            request.append(time.perf_counter() - started)
            started = time.perf_counter()
            snapshot_mark_sentences(snapshot)  # what the task worker does next
            worker.append(time.perf_counter() - started)
            sentences = sum(p.sentences.count() for p in snapshot.paragraphs.all())
            paragraphs = snapshot.paragraphs.count()
            transaction.set_rollback(True)  # leave the database as it was
    total = [a + b for a, b in zip(request, worker, strict=True)]
    print(
        f"20-page PDF ({len(content) // 1024} KB, {paragraphs} paragraphs, {sentences} "
        f"check-worthy sentences), median of 5: "
        f"extraction {statistics.median(extract_only):.2f} s; "
        f"the upload request {statistics.median(request):.2f} s; marking and matching in the "
        f"worker {statistics.median(worker):.2f} s; upload to marked sentences "
        f"{statistics.median(total):.2f} s (worst {max(total):.2f} s)"
    )


if __name__ == "__main__":
    main()
