"""Imports and exports of claims as jobs (workbench/jobs.py) that the task worker runs: a file
of 100,000 claims is neither read nor written inside a web request, and the editor who asked
for it follows it in the admin (Jobs) while it runs.

An import job runs claims_import(), the same as `manage.py import_claims`: the whole file
checked first, then written in one transaction, so a job killed halfway leaves nothing, and
one run again skips the claims already in. Its progress reaches the admin as workbench/jobs.py
says: live while the file is checked, and on PostgreSQL while it is written too."""

import tempfile
from collections.abc import Iterator, Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.core.files import File
from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import TaskContext, task

from claims.models import Claim
from claims.selectors import claim_export_every_state
from workbench.jobs import JobRun, job_run, job_submit
from workbench.models import Job

from .export import export_chunks
from .importer import ImportReport, claims_import

IMPORT_KIND = "Claim import"
EXPORT_KIND = "Claim export"
CHECKING = "Checking the file"
WRITING = "Importing"
INDEXING = "Indexing for search"
EXPORTING = "Exporting"
SUBMITTER_GONE = "The account that submitted this job no longer exists; nothing was done."
# Claims read from the database at a time, with everything an export carries.
EXPORT_CHUNK = 500


def claims_import_submit(*, file: File, format: str, by: AbstractBaseUser) -> Job:
    """Queue the import of an uploaded file as `by`'s: their gradings wait for a second
    editor, as from the import page they always have."""
    return job_submit(
        task=claims_import_job,
        kind=IMPORT_KIND,
        name=file.name,
        by=by,
        permission="claims.add_claim",
        unit="claim",
        input=file,
        options={"format": format},
    )


@task(takes_context=True)
def claims_import_job(context: TaskContext, job_id: int) -> str:
    return job_run(job_id, str(context.task_result.id), _import)


class _ImportWatcher:
    """claims_import()'s progress, as the job's (exchange.importer.ImportProgress)."""

    def __init__(self, run: JobRun):
        self.run = run
        self.checked = 0

    def checking(self, claims: int, problems: list[str]) -> None:
        self.checked = claims
        self.run.progress(step=CHECKING, done=claims, problems=problems)

    def writing(self, claims: int, total: int) -> None:
        self.run.progress(step=WRITING, done=claims, total=total)

    def indexing(self, claims: int, total: int) -> None:
        self.run.progress(step=INDEXING, done=claims, total=total)

    def imported(self, report: ImportReport) -> None:
        self.run.finish(ok=True, summary=str(report), done=report.claims + report.unchanged)


def _import(run: JobRun) -> None:
    job = run.job
    if job.submitted_by is None:
        run.finish(ok=False, summary=SUBMITTER_GONE)
        return
    watcher = _ImportWatcher(run)
    with job.input.open("rb") as file:
        report = claims_import(
            file=file,
            format=job.options["format"],
            name=job.name,
            by=job.submitted_by,
            progress=watcher,
        )
    if not report.ok:
        run.finish(ok=False, summary=str(report), problems=report.problems, done=watcher.checked)


def claims_export_submit(*, claim_ids: Sequence[int], format: str, by: AbstractBaseUser) -> Job:
    """Queue an export of the claims `claim_ids` (every state: the admin's list), in their
    order, as CSV or JSON in the import format. The ids are kept as the job's file: what the
    list showed when the editor asked, whatever its filters were."""
    return job_submit(
        task=claims_export_job,
        kind=EXPORT_KIND,
        name=f"claims-{timezone.now():%Y-%m-%d-%H%M}.{format}",
        by=by,
        permission="claims.view_claim",
        unit="claim",
        input=ContentFile("\n".join(map(str, claim_ids)).encode()),
        options={"format": format},
    )


@task(takes_context=True)
def claims_export_job(context: TaskContext, job_id: int) -> str:
    return job_run(job_id, str(context.task_result.id), _export)


def _export(run: JobRun) -> None:
    """Written to a temporary file and kept only once whole: a job killed halfway leaves no
    file behind to be taken for the export."""
    job = run.job
    with job.input.open("rb") as file:
        ids = [int(line) for line in file.read().split()]
    exported = 0

    def claims() -> Iterator[Claim]:
        nonlocal exported
        for start in range(0, len(ids), EXPORT_CHUNK):
            chunk = ids[start : start + EXPORT_CHUNK]
            found = claim_export_every_state().in_bulk(chunk)
            for pk in chunk:
                if pk in found:  # deleted since it was listed
                    exported += 1
                    yield found[pk]
            run.progress(step=EXPORTING, done=start + len(chunk), total=len(ids))

    with tempfile.TemporaryFile() as out:
        for piece in export_chunks(claims(), job.options["format"]):
            out.write(piece.encode())
        out.seek(0)
        run.finish(
            ok=True,
            summary=f"Exported {exported:,} claims.",
            done=len(ids),
            output=File(out),
            output_name=job.name,
        )
