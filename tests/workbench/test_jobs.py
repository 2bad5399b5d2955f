"""Jobs in the admin: seen by whoever could have submitted them, read-only, their progress in
the list, each page in a fixed number of queries whatever the number of jobs."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from tests.factories import UserFactory
from workbench.choices import STOPPED, JobState
from workbench.jobs import job_submit
from workbench.models import Job

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("job_files")]


@task()
def count_the_rows(job_id: int) -> str:
    return "counted"  # never run here: these tests look at jobs, not at their work


def submit(by, *, permission: str = "claims.add_claim", name: str = "claims.csv") -> Job:
    return job_submit(
        task=count_the_rows,
        kind="Claim import",
        name=name,
        by=by,
        permission=permission,
        unit="claim",
        input=ContentFile(b"statement,claimant\n"),
    )


def listed(client, user) -> list[Job]:
    client.force_login(user)
    return list(client.get(reverse("admin:workbench_job_changelist")).context["cl"].result_list)


def test_a_job_is_seen_by_whoever_could_have_submitted_it(
    client, editor, second_editor, curator, superuser
):
    imported = submit(editor)
    exported = submit(editor, permission="claims.view_claim", name="claims-export.csv")
    assert listed(client, second_editor) == [exported, imported]
    assert listed(client, curator) == [exported]  # curators read claims, but do not add them
    assert listed(client, superuser) == [exported, imported]
    client.force_login(curator)
    page = client.get(reverse("admin:workbench_job_change", args=[imported.pk]))
    assert page.status_code == 302 and page["Location"] == reverse("admin:index")
    client.force_login(UserFactory(username="no-role"))
    assert listed(client, UserFactory(username="no-role")) == []
    client.force_login(UserFactory(username="reader", is_staff=False))
    response = client.get(reverse("admin:workbench_job_changelist"))
    assert response["Location"].startswith(reverse("admin:login"))


def test_nobody_adds_changes_or_deletes_a_job_by_hand(client, editor, superuser):
    job = submit(editor)
    for user in (editor, superuser):
        client.force_login(user)
        assert client.get(reverse("admin:workbench_job_add")).status_code == 403
        change = reverse("admin:workbench_job_change", args=[job.pk])
        assert client.post(change, {"name": "renamed.csv"}).status_code == 403
        assert client.get(reverse("admin:workbench_job_delete", args=[job.pk])).status_code == 403
        assert 'name="_save"' not in client.get(change).content.decode()
    job.refresh_from_db()
    assert job.name == "claims.csv"


def test_the_list_shows_each_jobs_state_and_progress(client, editor):
    queued = submit(editor, name="queued.csv")
    running = submit(editor, name="running.csv")
    Job.objects.filter(pk=running.pk).update(
        state=JobState.RUNNING,
        heartbeat_at=timezone.now(),
        step="Importing",
        rows_done=41_000,
        rows_total=100_000,
        problem_count=3,
    )
    stopped = submit(editor, name="stopped.csv")
    Job.objects.filter(pk=stopped.pk).update(
        state=JobState.RUNNING, heartbeat_at=timezone.now() - datetime.timedelta(hours=1)
    )
    client.force_login(editor)
    page = client.get(reverse("admin:workbench_job_changelist")).content.decode()
    assert "Importing: 41,000 of 100,000 claims, 3 problems" in page
    for job, state in [(queued, JobState.QUEUED), (running, JobState.RUNNING), (stopped, STOPPED)]:
        job.refresh_from_db()
        assert job.shown_state == state
    assert "Claim import: stopped.csv" in page


# Session, user, their permissions (2), the count, the page, the kinds for the filter.
LIST_QUERIES = 7
# Session, user, their permissions (2), the job, its submitter, the content type (History).
CHANGE_QUERIES = 7


@pytest.mark.parametrize("jobs", [1, 5])
def test_job_pages_run_a_fixed_number_of_queries(
    client, editor, second_editor, jobs, django_assert_num_queries
):
    for _ in range(jobs):
        submit(second_editor)
    job = Job.objects.first()
    client.force_login(editor)
    ContentType.objects.clear_cache()  # per process: a page is measured as if it came first
    with django_assert_num_queries(LIST_QUERIES):
        client.get(reverse("admin:workbench_job_changelist"))
    with django_assert_num_queries(CHANGE_QUERIES):
        client.get(reverse("admin:workbench_job_change", args=[job.pk]))
