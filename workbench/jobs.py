"""Jobs: work the task worker does for an editor (an import of 100,000 claims, an export of
every claim), followed in the admin while it runs.

An app submits a job with job_submit(): the row, its file and its task are stored in one
transaction, so the worker never finds a job without its task nor a task without its job. The
task hands its work to job_run(), which marks the job running, lets the work write its progress
as it goes (JobRun.progress) and its end (JobRun.finish), and records a failure with its
reason. A worker killed outright writes nothing more: its job is shown as stopped once it has
been silent for WORKBENCH_JOB_STOPPED_AFTER minutes, and job_run_again() queues it afresh.

Progress while the work is one transaction. An import is all or nothing: one transaction on
the default connection, which no one else sees until it commits. Its progress must be seen
while it runs:

- On PostgreSQL, progress is written through a second connection to the same database
  (DATABASES["progress"]), which commits at once, outside the work's transaction. The work
  does not touch its job's row until its very end, so neither connection waits for the other.
- SQLite has one writer at a time, and the work's transaction is it: a second connection would
  wait for the lock the work holds. Progress is written on the default connection while no
  transaction is open (an import's check of the file: most of its time, and where the problems
  are found) and held back inside one (its writing) until the end. The job's last sign of life
  is then as old as its writing, which is why WORKBENCH_JOB_STOPPED_AFTER is generous.

The end of the work is written inside the work's transaction when it has one (JobRun.finish on
the default connection), so a job is done exactly when its work is committed: a worker killed
before the commit leaves neither the work nor a job marked done.
"""

import time
from collections.abc import Callable, Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.text import Truncator
from django_tasks.base import Task

from .choices import STOPPED, JobState
from .models import Job

# How often a running job's progress (and so its sign of life) is written, at most.
PROGRESS_EVERY = 1.0  # seconds
# A job keeps this many of its problems' messages (and counts them all).
PROBLEMS_KEPT = 200
RUN_AGAIN_REFUSED = "Only a job that failed or stopped can be run again; this one is {state}."
RUN_AGAIN_NOT_YOURS = "Only whoever submitted a job (or a superuser) runs it again."
RUN_AGAIN_SAME_PROBLEMS = (
    "The job's file has problems, and running it again would find the same ones: correct "
    "the file and upload it again."
)
FAILED_ON_ERROR = "The job stopped on an error, and nothing of it was kept: {error}"
# The fields a run starts afresh.
AT_START = {
    "step": "",
    "rows_done": 0,
    "rows_total": None,
    "problem_count": 0,
    "problems": [],
    "summary": "",
    "finished_at": None,
}


@transaction.atomic
def job_submit(
    *,
    task: Task,
    kind: str,
    name: str,
    by: AbstractBaseUser,
    permission: str,
    unit: str = "row",
    input: File | None = None,
    options: dict | None = None,
) -> Job:
    """Store a job and queue the task that runs it (called with the job's id), in one
    transaction. `input` is kept in the jobs' own storage for the task to read; `permission`
    names who may see the job: whoever could have submitted it; `unit` what its rows are."""
    job = Job(
        kind=kind,
        name=Truncator(name).chars(255),
        submitted_by=by,
        permission=permission,
        task_path=task.module_path,
        unit=unit,
        options=options or {},
    )
    if input is not None:
        job.input.save("input", input, save=False)
    try:
        job.save()
        _enqueue(job, task)
    except BaseException:
        if job.input:
            job.input.delete(save=False)
        raise
    return job


def _enqueue(job: Job, task: Task) -> None:
    job.task_result_id = str(task.enqueue(job.pk).id)
    job.save(update_fields=["task_result_id"])


@transaction.atomic
def job_run_again(*, job: Job, by: AbstractBaseUser) -> Job:
    """Queue a job that failed or whose worker stopped, from its stored file, as a new
    attempt. Its work is all or nothing and skips what is already done (an import leaves the
    claims already in the workbench as they are), so a second run finishes the first's work
    without doubling any of it. A task of an earlier attempt that is somehow still running
    no longer writes to the job."""
    job = Job.objects.select_for_update().get(pk=job.pk)
    if refusal := run_again_refusal(job):
        raise ValidationError(refusal)
    if not job.may_be_run_again_by(by):
        raise PermissionDenied(RUN_AGAIN_NOT_YOURS)
    for name, value in AT_START.items():
        setattr(job, name, value)
    job.state, job.attempts = JobState.QUEUED, job.attempts + 1
    job.started_at = job.heartbeat_at = None
    job.save()
    _enqueue(job, import_string(job.task_path))
    return job


def run_again_refusal(job: Job) -> str | None:
    """Why the job cannot be run again, or None: only a job that stopped, or failed on an
    error rather than on problems in its file, would end otherwise a second time."""
    if job.shown_state not in (JobState.FAILED, STOPPED):
        return RUN_AGAIN_REFUSED.format(state=job.shown_state)
    if job.problem_count:
        return RUN_AGAIN_SAME_PROBLEMS
    return None


class JobRun:
    """The worker's side of one run of a job: what the work reports as it goes."""

    def __init__(self, job: Job):
        self.job = job
        self._written_at = time.monotonic()
        self._step = ""
        self._finished = False

    def progress(
        self,
        *,
        done: int,
        total: int | None = None,
        step: str | None = None,
        problems: Sequence[str] = (),
    ) -> None:
        """How far the work has come: `done` of `total` rows, in `step`, with `problems`
        found so far. Cheap to call for every row: written at most every PROGRESS_EVERY
        seconds, and at once when the step changes."""
        step = self._step if step is None else step
        now = time.monotonic()
        if self._finished or (step == self._step and now - self._written_at < PROGRESS_EVERY):
            return
        alias = _progress_connection()
        if alias is None:
            return  # SQLite, inside the work's transaction: written at its end
        self._step, self._written_at = step, now
        self._write(
            alias,
            step=step,
            rows_done=done,
            rows_total=total,
            problem_count=len(problems),
            problems=list(problems[:PROBLEMS_KEPT]),
        )

    def finish(
        self,
        *,
        ok: bool,
        summary: str,
        problems: Sequence[str] = (),
        done: int | None = None,
        output: File | None = None,
        output_name: str = "",
    ) -> None:
        """The end of the work: done, or failed with its `problems` (nothing was written).
        Call it inside the work's transaction, if it has one, as its last write: the job is
        then done exactly when the work is committed. `output` is kept for download under
        `output_name`. `done` rows of as many. The file the work read is deleted once the
        work is committed: a done job is never run again."""
        fields = {
            "state": JobState.DONE if ok else JobState.FAILED,
            "step": "",
            "summary": summary,
            "problem_count": len(problems),
            "problems": list(problems[:PROBLEMS_KEPT]),
            "finished_at": timezone.now(),
        }
        if done is not None:
            fields["rows_done"] = fields["rows_total"] = done
        if output is not None:
            job = self.job
            job.output.save(output_name, output, save=False)
            fields |= {"output": job.output.name, "output_name": output_name}
        self._write(DEFAULT_DB_ALIAS, **fields)
        if ok and self.job.input:
            transaction.on_commit(self._forget_input)
        # Nothing more goes through the progress connection: the job's row is now this
        # transaction's until it commits, and a write there would wait for it.
        self._finished = True

    def _forget_input(self) -> None:
        self.job.input.delete(save=False)
        Job.objects.filter(pk=self.job.pk).update(input="")

    def fail(self, error: BaseException) -> None:
        reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        self._write(
            DEFAULT_DB_ALIAS,
            state=JobState.FAILED,
            step="",
            summary=Truncator(FAILED_ON_ERROR.format(error=reason)).chars(2000),
            finished_at=timezone.now(),
        )

    def _write(self, alias: str, **fields) -> None:
        # Only this run's task writes: a job run again belongs to its new task.
        Job.objects.using(alias).filter(
            pk=self.job.pk, task_result_id=self.job.task_result_id
        ).update(heartbeat_at=timezone.now(), **fields)


def _progress_connection() -> str | None:
    """The connection progress is written through now: the default one when no transaction
    is open on it; inside one, the second connection to the same database if there is one
    (PostgreSQL), else none (SQLite: it would wait for the lock the work holds)."""
    if not connection.in_atomic_block:
        return DEFAULT_DB_ALIAS
    return "progress" if "progress" in connections.settings else None


def job_run(job_id: int, task_result_id: str, work: Callable[[JobRun], None]) -> str:
    """Run `work` as the job `job_id`, from the task `task_result_id` the job was queued
    with; returns the job's summary, which the task result keeps too. The work reports through
    the JobRun it is given and ends with JobRun.finish(). An error marks the job failed with
    its reason and is raised again, so that the task result keeps its traceback."""
    started = Job.objects.filter(
        pk=job_id, task_result_id=task_result_id, state=JobState.QUEUED
    ).update(state=JobState.RUNNING, started_at=timezone.now(), heartbeat_at=timezone.now())
    if not started:
        return "Not run: the job was run again by a newer task, or is gone."
    job = Job.objects.select_related("submitted_by").get(pk=job_id)
    run = JobRun(job)
    try:
        work(run)
    except BaseException as error:
        run.fail(error)
        raise
    job.refresh_from_db(fields=["summary"])
    return job.summary
