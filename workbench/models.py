import datetime
import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models.functions import Now
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.utils.functional import LazyObject

from .choices import STOPPED, JobState
from .fields import acting_user


class ContentVersion(models.Model):
    """One row whose number goes up on every write to claims or sources. Cached public pages
    are stored under the number they were rendered at, so a change shows on the very next
    request in every worker process, at the cost of reading one row. The number and the time
    it moved are also the pages' ETag and Last-Modified."""

    value = models.BigIntegerField(default=0)
    # The database's clock, which every process and machine shares.
    changed_at = models.DateTimeField(db_default=Now())

    def __str__(self) -> str:
        return str(self.value)


class NotificationPreference(models.Model):
    """Whether someone wants the workbench's emails. No row means yes: editors learn of
    sent-back gradings and assignments by email unless they turn it off."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email = models.BooleanField(
        "send me emails",
        default=True,
        help_text="Gradings sent back or approved, claims assigned to you, re-checks falling due.",
    )

    def __str__(self) -> str:
        return f"Notifications for {self.user}"


def job_file_path(job: "Job", filename: str) -> str:
    # A random name, never the uploader's: nothing of their file name reaches a path.
    return f"{job.submitted_at:%Y/%m}/{uuid.uuid4().hex}"


class JobFiles(LazyObject):
    """Where jobs keep their files (STORAGES["jobs"]): the upload an import reads, the file an
    export writes. Never served as such (an export is downloaded through its job's admin
    page) and left out of backups, like the task queue. Looked up when first used."""

    def _setup(self):
        self._wrapped = storages["jobs"]


job_files = JobFiles()


def job_storage() -> JobFiles:
    return job_files  # a callable, so that migrations name it rather than a folder


class JobQuerySet(models.QuerySet):
    def visible_to(self, user) -> "JobQuerySet":
        """The jobs `user` may follow: those they could have submitted themselves (an import
        of claims to whoever may add claims). Superusers see every job."""
        if not (user.is_active and user.is_staff):
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(permission__in=user.get_all_permissions())

    def stopped(self) -> "JobQuerySet":
        return self.filter(state=JobState.RUNNING, heartbeat_at__lt=stopped_before())

    def running(self) -> "JobQuerySet":
        return self.filter(state=JobState.RUNNING, heartbeat_at__gte=stopped_before())


def stopped_before() -> datetime.datetime:
    """A running job whose last sign of life is older than this has lost its worker."""
    return timezone.now() - datetime.timedelta(minutes=settings.WORKBENCH_JOB_STOPPED_AFTER)


class Job(models.Model):
    """Work the task worker does for an editor, too long for a web request (an import of
    100,000 claims, an export of every claim), with what it has done so far.

    The app that submits a job says what it is (`kind`, `name`), who may see it
    (`permission`: whoever could have submitted it) and which task runs it (`task_path`);
    workbench/jobs.py writes its progress. Editors follow it in the admin and never change it
    by hand."""

    kind = models.CharField(max_length=50, editable=False)
    name = models.CharField(
        max_length=255, editable=False, help_text="what the job works on: the file's name"
    )
    submitted_by = acting_user(verbose_name="submitted by")
    submitted_at = models.DateTimeField(default=timezone.now, editable=False)
    permission = models.CharField(
        max_length=100, editable=False, help_text="who may see the job: app_label.codename"
    )
    task_path = models.CharField(max_length=200, editable=False)
    options = models.JSONField(default=dict, editable=False)
    input = models.FileField(
        upload_to=job_file_path, storage=job_storage, blank=True, editable=False
    )
    output = models.FileField(
        upload_to=job_file_path, storage=job_storage, blank=True, editable=False
    )
    output_name = models.CharField(max_length=255, blank=True, editable=False)

    state = models.CharField(
        max_length=10, choices=JobState.choices, default=JobState.QUEUED, editable=False
    )
    step = models.CharField(max_length=100, blank=True, editable=False)
    unit = models.CharField(max_length=20, default="row", editable=False)  # what a row is
    rows_done = models.PositiveIntegerField(default=0, editable=False)
    rows_total = models.PositiveIntegerField(null=True, blank=True, editable=False)
    problem_count = models.PositiveIntegerField(default=0, editable=False)
    problems = models.JSONField(default=list, editable=False)
    summary = models.TextField(blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(default=1, editable=False)
    task_result_id = models.CharField("task result", max_length=64, blank=True, editable=False)
    started_at = models.DateTimeField(null=True, blank=True, editable=False)
    heartbeat_at = models.DateTimeField("last sign of life", null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["permission", "-submitted_at"])]

    def __str__(self) -> str:
        return f"{self.kind}: {self.name}"

    def may_be_seen_by(self, user) -> bool:
        """Job.objects.visible_to(), for one job."""
        return (
            user.is_active
            and user.is_staff
            and (user.is_superuser or user.has_perm(self.permission))
        )

    def may_be_run_again_by(self, user) -> bool:
        """Whoever submitted the job runs it again (or a superuser): it writes as theirs."""
        return user.is_superuser or user.pk == self.submitted_by_id

    @property
    def shown_state(self) -> str:
        """The state as editors should read it: a running job whose worker went silent longer
        than WORKBENCH_JOB_STOPPED_AFTER minutes is stopped (killed, or its machine gone)."""
        last_sign = self.heartbeat_at or self.started_at
        if self.state == JobState.RUNNING and (last_sign is None or last_sign < stopped_before()):
            return STOPPED
        return self.state

    @property
    def progress(self) -> str:
        """ "41,000 of 100,000 claims, 3 problems"."""
        done = f"{self.rows_done:,}"
        if self.rows_total is not None:
            done += f" of {self.rows_total:,}"
        counted = self.rows_done if self.rows_total is None else self.rows_total
        problems = {0: "no problems", 1: "1 problem"}.get(
            self.problem_count, f"{self.problem_count:,} problems"
        )
        return f"{done} {self.unit}{pluralize(counted)}, {problems}"
