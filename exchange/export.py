"""Writing exports: CSV, JSON and ClaimReview JSON-LD, streamed claim by claim."""

import csv
import io
import json
from collections.abc import Iterable, Iterator

from claims.models import Claim

from .claimreview import claim_review
from .records import CSV_COLUMNS, claim_record, csv_rows


def export_chunks(claims: Iterable[Claim], format: str) -> Iterator[str]:
    """The export of `claims` piece by piece, so that a large one streams."""
    if format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        for claim in claims:
            writer.writerows(csv_rows(claim_record(claim)))
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()
        return
    build = claim_record if format == "json" else claim_review
    separator = "[\n"
    for claim in claims:
        yield separator + json.dumps(build(claim), ensure_ascii=False, indent=1)
        separator = ",\n"
    yield "[]\n" if separator == "[\n" else "\n]\n"
