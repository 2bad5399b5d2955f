"""Imports and exports as jobs: the upload page only stores the file and queues the job; the
task worker checks and imports it all or nothing, its progress visible in the admin while it
runs; a job that failed or stopped halfway left nothing and runs again from its file."""

import csv
import io
import threading

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from claims.choices import ClaimState
from claims.models import Claim, Claimant, Evidence, Topic
from claims.selectors import claim_export_every_state
from exchange.export import export_chunks
from exchange.importer import _ClaimImporter
from exchange.jobs import CHECKING, EXPORT_KIND, IMPORT_KIND, INDEXING, WRITING
from exchange.records import CSV_COLUMNS
from sources.models import Source
from tests.factories import ClaimFactory, PublishedClaimFactory, UserFactory
from workbench.choices import STOPPED, JobState
from workbench.jobs import JobRun
from workbench.models import Job

# The real worker runs here, and it closes and reopens its database connection as it would in
# production: the tests commit their data instead of running inside one transaction. All
# databases: on PostgreSQL, progress goes through a second connection (DATABASES["progress"]).
pytestmark = [
    pytest.mark.django_db(transaction=True, databases="__all__"),
    pytest.mark.usefixtures("job_files"),
]


def run_worker() -> None:
    call_command("db_worker", batch=True, verbosity=0)


def claims_csv(count: int, **cells: str) -> bytes:
    """A file of `count` claims, each with one evidence item, in the import format."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, restval="")
    writer.writeheader()
    for number in range(1, count + 1):
        writer.writerow(
            {
                "statement": f"Model {number} has {number}00 billion parameters.",
                "claimant": "Its developer",
                "topics": "Model scale",
                "source": "Launch post",
                "source_url": "https://example.com/launch",
                "stance": "asserts",
                "excerpt": "The post gives the count.",
                "locator": "second paragraph",
                "verdict": "mostly_accurate",
                "rationale": "The paper gives a slightly different count.",
                **cells,
            }
        )
    return out.getvalue().encode()


def upload(client, content: bytes, name: str = "claims.csv"):
    file = io.BytesIO(content)
    file.name = name
    return client.post(reverse("exchange:import"), {"file": file})


def job_page(job: Job) -> str:
    return reverse("admin:workbench_job_change", args=[job.pk])


def seen_from_elsewhere(job_id: int) -> dict:
    """The job and the claims as the admin in another process reads them now: through another
    connection, which sees only what is committed."""
    seen = {}

    def read():
        try:
            seen.update(
                Job.objects.values("step", "rows_done", "rows_total", "problem_count").get(
                    pk=job_id
                )
            )
            seen["claims in the workbench"] = Claim.objects.count()
        finally:
            connection.close()

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    return seen


@pytest.fixture
def watched(monkeypatch):
    """What another connection sees each time the job reports progress (written every time,
    not once a second), with the import writing and indexing two claims per batch."""
    seen = []
    report = JobRun.progress

    def progress(self, **kwargs):
        report(self, **kwargs)
        seen.append(seen_from_elsewhere(self.job.pk))

    monkeypatch.setattr(JobRun, "progress", progress)
    monkeypatch.setattr("workbench.jobs.PROGRESS_EVERY", 0)
    monkeypatch.setattr("exchange.importer.IMPORT_BATCH_SIZE", 2)
    monkeypatch.setattr("exchange.importer.SUMMARY_BATCH_SIZE", 2)
    return seen


def test_an_upload_is_stored_and_queued_and_the_worker_imports_it(
    client, editor, settings, job_files
):
    client.force_login(editor)
    content = claims_csv(2)
    response = upload(client, content)
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == job_page(job)
    # The request stored the file and queued the job; nothing is imported yet.
    assert Claim.objects.count() == 0
    assert (job.kind, job.name, job.submitted_by, job.state) == (
        IMPORT_KIND,
        "claims.csv",
        editor,
        JobState.QUEUED,
    )
    assert DBTaskResult.objects.get(id=job.task_result_id).status == "READY"
    assert job.input.read() == content
    job.input.close()
    # Kept privately: neither under MEDIA_ROOT nor at any address the site serves.
    assert not job.input.path.startswith(str(settings.MEDIA_ROOT))
    assert client.get(f"/media/{job.input.name}").status_code == 404
    page = client.get(job_page(job)).content.decode()
    assert "is queued for import" in page and '<meta http-equiv="refresh" content="5">' in page
    # Who submitted it, as text: a link would lead an editor to the user admin's 403.
    assert reverse("admin:auth_user_change", args=[editor.pk]) not in page
    assert f'<div class="readonly">{editor.username}</div>' in page

    run_worker()
    job.refresh_from_db()
    assert job.state == JobState.DONE and job.progress == "2 of 2 claims, no problems"
    assert job.summary.startswith("Imported 2 claims (0 published)")
    assert Claim.objects.filter(state=ClaimState.IN_REVIEW).count() == 2
    assert not job.input  # the file is deleted once imported
    assert [path for path in job_files.rglob("*") if path.is_file()] == []
    page = client.get(job_page(job)).content.decode()
    assert "Imported 2 claims" in page and 'http-equiv="refresh"' not in page


def test_curators_cannot_import(client, curator):
    client.force_login(curator)
    assert client.get(reverse("exchange:import")).status_code == 403
    assert upload(client, claims_csv(1)).status_code == 403
    assert Job.objects.count() == 0


def test_the_admin_sees_progress_while_the_import_runs_and_no_claim_until_its_end(
    client, editor, watched
):
    client.force_login(editor)
    upload(client, claims_csv(6))
    run_worker()
    checking, starting, writing = watched[:6], watched[6], watched[7:]
    assert [(s["step"], s["rows_done"]) for s in checking] == [(CHECKING, n) for n in range(1, 7)]
    # Written before the import's transaction opens: on either database.
    assert (starting["step"], starting["rows_done"], starting["rows_total"]) == (WRITING, 0, 6)
    if connection.vendor == "postgresql":
        # Written through the second connection while the import's transaction is open.
        assert [(s["step"], s["rows_done"], s["rows_total"]) for s in writing] == [
            (step, done, 6) for step in (WRITING, INDEXING) for done in (2, 4, 6)
        ]
    else:
        # SQLite has one writer, the import: the admin sees it start, then its end.
        assert len(writing) == 6 and all(s == starting for s in writing)
    # All or nothing: no claim is seen before the import commits.
    assert {s["claims in the workbench"] for s in watched} == {0}
    job = Job.objects.get()
    assert (job.state, job.rows_done, job.step) == (JobState.DONE, 6, "")
    assert Claim.objects.count() == 6


def test_problems_are_counted_as_the_file_is_checked_and_nothing_is_imported(
    client, editor, watched
):
    client.force_login(editor)
    upload(client, claims_csv(4, locator=""))  # every evidence item needs its locator
    run_worker()
    assert [s["problem_count"] for s in watched] == [1, 2, 3, 4]
    job = Job.objects.get()
    assert job.state == JobState.FAILED and job.problem_count == 4
    assert job.summary == "Nothing was imported: 4 problem(s) in the file."
    assert job.problems[0] == "line 2: evidence 1 locator: This field cannot be blank."
    assert Claim.objects.count() == 0
    page = client.get(job_page(job)).content.decode()
    assert "line 5: evidence 1 locator: This field cannot be blank." in page
    assert "4 of 4 claims, 4 problems" in page
    # The same file would fail the same way: the page says to correct it, and offers no rerun.
    assert "Correct the problems in the file and upload it again" in page
    assert 'value="Run again"' not in page
    response = client.post(reverse("admin:workbench_job_run_again", args=[job.pk]), follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "The job's file has problems, and running it again would find the same ones: correct "
        "the file and upload it again."
    ]
    job.refresh_from_db()
    assert (job.state, job.attempts) == (JobState.FAILED, 1)


def test_a_null_character_in_a_row_fails_the_job_with_its_line(client, editor):
    client.force_login(editor)
    upload(client, claims_csv(2, context="Stated at launch.\x00"))
    run_worker()
    job = Job.objects.get()
    assert job.state == JobState.FAILED
    assert job.problem_count == 2
    assert job.problems[1] == "line 3: contains a null character, which cannot be stored; remove it"
    assert Claim.objects.count() == 0


def test_an_import_failing_halfway_leaves_nothing_and_runs_again_once(
    client, editor, second_editor, monkeypatch
):
    monkeypatch.setattr("exchange.importer.IMPORT_BATCH_SIZE", 2)
    add = _ClaimImporter.add
    batches = []

    def add_until_the_disk_fills(self, records):
        batches.append(len(records))
        if len(batches) == 2:
            raise OSError("No space left on device")
        add(self, records)

    monkeypatch.setattr(_ClaimImporter, "add", add_until_the_disk_fills)
    client.force_login(editor)
    upload(client, claims_csv(6))
    run_worker()
    job = Job.objects.get()
    assert job.state == JobState.FAILED and batches == [2, 2]
    assert job.summary == (
        "The job stopped on an error, and nothing of it was kept: OSError: No space left on device"
    )
    assert DBTaskResult.objects.get(id=job.task_result_id).status == "FAILED"
    # The first batch was written, then rolled back with the rest: nothing, history included.
    for model in (Claim, Evidence, Source, Topic, Claimant):
        assert model.objects.count() == 0 and model.history.count() == 0

    monkeypatch.setattr(_ClaimImporter, "add", add)  # the disk has room again
    client.force_login(second_editor)
    assert client.post(reverse("admin:workbench_job_run_again", args=[job.pk])).status_code == 403
    client.force_login(editor)
    assert 'value="Run again"' in client.get(job_page(job)).content.decode()
    assert client.get(reverse("admin:workbench_job_run_again", args=[job.pk])).status_code == 405
    response = client.post(reverse("admin:workbench_job_run_again", args=[job.pk]), follow=True)
    assert "The job is queued again" in response.content.decode()
    job.refresh_from_db()
    assert (job.state, job.attempts, job.rows_done) == (JobState.QUEUED, 2, 0)
    run_worker()
    job.refresh_from_db()
    assert job.state == JobState.DONE
    assert Claim.objects.count() == 6 and Evidence.objects.count() == 6
    assert Claim.objects.values("statement").distinct().count() == 6
    # A job that is done is not run again.
    response = client.post(reverse("admin:workbench_job_run_again", args=[job.pk]), follow=True)
    assert "Only a job that failed or stopped can be run again; this one is done." in (
        response.content.decode()
    )


def test_an_import_that_met_another_editors_write_runs_again(client, editor, monkeypatch):
    # The file is sound: the import failed on a row another editor wrote meanwhile, which the
    # importer reports as a problem. A second run skips what is now in; correcting the file
    # would change nothing.
    add = _ClaimImporter.add

    def add_beside_another_editor(self, records):
        raise IntegrityError("UNIQUE constraint failed: claims_claim.slug")

    monkeypatch.setattr(_ClaimImporter, "add", add_beside_another_editor)
    client.force_login(editor)
    upload(client, claims_csv(2))
    run_worker()
    job = Job.objects.get()
    assert job.state == JobState.FAILED
    assert job.summary.startswith("Nothing was imported: The import conflicts with the workbench")
    assert job.problem_count == 0  # nothing wrong with the file

    monkeypatch.setattr(_ClaimImporter, "add", add)
    page = client.get(job_page(job)).content.decode()
    assert "Correct the problems in the file" not in page
    assert 'value="Run again"' in page
    client.post(reverse("admin:workbench_job_run_again", args=[job.pk]))
    run_worker()
    job.refresh_from_db()
    assert job.state == JobState.DONE and Claim.objects.count() == 2


def test_a_stopped_job_that_found_problems_says_why_it_is_not_run_again(client, editor):
    # On PostgreSQL the problems found so far are written as the file is checked; the worker
    # then died. The page offers no "Run again", and must say why, as a failed job's does.
    client.force_login(editor)
    upload(client, claims_csv(3))
    job = Job.objects.get()
    long_ago = job.submitted_at.replace(year=job.submitted_at.year - 1)
    Job.objects.filter(pk=job.pk).update(
        state=JobState.RUNNING,
        started_at=long_ago,
        heartbeat_at=long_ago,
        problem_count=1,
        problems=["line 2: evidence 1 locator: This field cannot be blank."],
    )
    job.refresh_from_db()
    assert job.shown_state == STOPPED
    page = client.get(job_page(job)).content.decode()
    assert 'value="Run again"' not in page
    assert "Correct the problems in the file and upload it again" in page


def test_a_job_whose_worker_died_shows_as_stopped_and_runs_again(client, editor, settings):
    client.force_login(editor)
    upload(client, claims_csv(3))
    job = Job.objects.get()
    first_task = job.task_result_id
    # What a worker killed outright mid-import leaves: its transaction rolled back by the
    # database, the job still "running", its last sign of life growing old.
    long_ago = job.submitted_at.replace(year=job.submitted_at.year - 1)
    Job.objects.filter(pk=job.pk).update(
        state=JobState.RUNNING, started_at=long_ago, heartbeat_at=long_ago
    )
    job.refresh_from_db()
    assert job.shown_state == STOPPED
    stopped_list = client.get(reverse("admin:workbench_job_changelist") + "?state=stopped")
    assert list(stopped_list.context["cl"].result_list) == [job]
    running_list = client.get(reverse("admin:workbench_job_changelist") + "?state=running")
    assert list(running_list.context["cl"].result_list) == []
    page = client.get(job_page(job)).content.decode()
    assert 'value="Run again"' in page and 'http-equiv="refresh"' not in page

    client.post(reverse("admin:workbench_job_run_again", args=[job.pk]))
    run_worker()  # runs the first task too, which finds the job is no longer its own
    job.refresh_from_db()
    assert job.state == JobState.DONE and job.task_result_id != first_task
    assert DBTaskResult.objects.get(id=first_task).return_value.startswith("Not run")
    assert Claim.objects.count() == 3


BAD_UPLOADS = [
    (b"", "claims.csv", "The submitted file is empty."),
    (b"\x00\x01\x02binary", "claims.csv", "line 1: contains a null character"),
    (b"\xff\xfe\x00s\x00t", "claims.csv", "The first line is not readable as UTF-8 CSV"),
    (b"name,age\nA,3\n", "claims.csv", "The CSV header must name the columns"),
    (b'{"statement": "A"}', "claims.json", "The file must be a JSON list of claims"),
    (b"\xef\xbb\xbf[]", "claims.json", "byte-order mark"),
    (b"statement,claimant\n", "claims.txt", "File extension “txt” is not allowed."),
]


@pytest.mark.parametrize("content, name, message", BAD_UPLOADS)
def test_a_file_that_is_no_claims_file_is_refused_at_once_without_a_job(
    client, editor, content, name, message
):
    client.force_login(editor)
    page = upload(client, content, name)
    assert page.status_code == 200
    assert message in page.content.decode()
    assert Job.objects.count() == 0


def test_a_file_over_the_limit_is_refused_with_its_size(client, editor, settings):
    settings.WORKBENCH_IMPORT_MAX_BYTES = 1000
    client.force_login(editor)
    page = upload(client, claims_csv(20))
    assert "the import takes files of up to 1000\xa0bytes" in page.content.decode()
    assert Job.objects.count() == 0


@pytest.fixture
def listed_claims(editor, second_editor):
    published = [
        PublishedClaimFactory(statement=f"Model {n} was trained on {n} trillion tokens.")
        for n in range(1, 4)
    ]
    ClaimFactory(statement="A draft the filter leaves out.")
    return published


def test_an_export_job_writes_the_filtered_list_and_its_role_downloads_it(
    client, editor, second_editor, curator, listed_claims
):
    client.force_login(editor)
    url = reverse("exchange:export-claims") + "?state__exact=published"
    assert "Export 3 claims" in client.get(url).content.decode()
    response = client.post(url, {"format": "csv"})
    job = Job.objects.get()
    assert response["Location"] == job_page(job) and job.kind == EXPORT_KIND
    run_worker()
    job.refresh_from_db()
    assert (job.state, job.summary, job.progress) == (
        JobState.DONE,
        "Exported 3 claims.",
        "3 of 3 claims, no problems",
    )
    download = reverse("admin:workbench_job_download", args=[job.pk])
    assert download in client.get(job_page(job)).content.decode()
    response = client.get(download)
    assert response["Content-Disposition"] == f'attachment; filename="{job.name}"'
    expected = "".join(
        export_chunks(claim_export_every_state().filter(state=ClaimState.PUBLISHED), "csv")
    )
    assert b"".join(response.streaming_content).decode() == expected

    # Whoever may read claims in the admin may have the file; nobody else.
    for user, status in [
        (second_editor, 200),
        (curator, 200),
        (UserFactory(username="staff-without-a-role"), 404),
    ]:
        client.force_login(user)
        assert client.get(download).status_code == status, user
    client.force_login(UserFactory(username="reader", is_staff=False))
    assert client.get(download)["Location"].startswith(reverse("admin:login"))
    client.logout()
    assert client.get(download)["Location"].startswith(reverse("admin:login"))


def test_the_export_page_names_the_filters_and_search_it_exports(client, editor, listed_claims):
    client.force_login(editor)
    page = client.get(reverse("exchange:export-claims") + "?state__exact=published&q=trained")
    text = page.content.decode()
    assert "Export 3 claims" in text and "the search “trained” finds" in text
    assert "<li>State: Published</li>" in text and "in every state" not in text
    assert page.context["form"]["format"].value() == "csv"  # Export works without a choice
    assert '<a href="/admin/claims/claim/">Claims</a> › Export claims' in text  # the way back
    unfiltered = client.get(reverse("exchange:export-claims")).content.decode()
    assert "Export 4 claims" in unfiltered and "in every state" in unfiltered


def test_a_search_with_more_matches_than_it_ranks_says_so_before_its_export(
    client, editor, listed_claims, monkeypatch
):
    monkeypatch.setattr("claims.search.ranking.CANDIDATES", 2)
    client.force_login(editor)
    for address in [
        reverse("admin:claims_claim_changelist") + "?q=trained",
        reverse("exchange:export-claims") + "?q=trained",
    ]:
        response = client.get(address)
        assert [str(message) for message in response.context["messages"]] == [
            "This search shows its 2 best matches; more claims may match. Add a word or a "
            "filter to narrow it."
        ], address
    assert "Export 2 claims" in response.content.decode()
    client.logout()
    reader = client.get("/claims/?q=trained").content.decode()
    assert "The 2 best matches; there may be more" in reader
    assert "The 1 best" not in client.get("/claims/?q=model+1").content.decode()


def test_the_export_page_names_a_choice_its_filter_no_longer_lists(client, editor, listed_claims):
    # A topic deleted since the address was written: the list holds no claim, and the page
    # must not present that as the whole list.
    Topic.objects.create(name="Model scale", slug="model-scale")  # the topic filter shows
    client.force_login(editor)
    text = client.get(reverse("exchange:export-claims") + "?topic=999999").content.decode()
    assert "Export 0 claims" in text and "<li>Topic: 999999</li>" in text
    assert "in every state" not in text


@pytest.mark.parametrize(
    "filters",
    # The list's own filter links write ?state__exact=: the bare field and a list of values
    # would narrow the list with no filter showing it.
    ["?nonsense=1", "?id=abc", "?graded_at__year=99999", "?state=published", "?state__in=draft"],
)
def test_an_export_of_filters_the_list_cannot_use_is_refused_with_a_message(
    client, editor, filters
):
    client.force_login(editor)
    response = client.get(reverse("exchange:export-claims") + filters, follow=True)
    assert [str(message) for message in response.context["messages"]] == [
        "The claim list's filters cannot be used; nothing was exported."
    ]
    assert Job.objects.count() == 0


def test_an_export_job_in_json_holds_what_export_claims_writes(client, editor, listed_claims):
    client.force_login(editor)
    client.post(reverse("exchange:export-claims"), {"format": "json"})
    run_worker()
    job = Job.objects.get()
    written = b"".join(client.get(reverse("admin:workbench_job_download", args=[job.pk])))
    out = io.StringIO()
    call_command("export_claims", format="json", every_state=True, stdout=out)
    assert written.decode() == out.getvalue()
    assert job.progress == "4 of 4 claims, no problems"


# Session, user, their permissions (2); in one transaction (BEGIN, COMMIT) the job stored, its
# task queued and the task's id noted. The file itself is only moved into the jobs' folder.
UPLOAD_QUERIES = 9


@pytest.mark.parametrize("claims", [2, 200])
def test_an_upload_runs_the_same_queries_whatever_its_size(
    client, editor, claims, django_assert_num_queries
):
    client.force_login(editor)
    with django_assert_num_queries(UPLOAD_QUERIES):
        assert upload(client, claims_csv(claims)).status_code == 302


# Session, user, their permissions (2), and the claim list's own: the choices of its filters
# (assignees, topics) and its count; its rows are not read.
EXPORT_PAGE_QUERIES = 7


@pytest.mark.parametrize("claims", [1, 4])
def test_the_export_page_runs_the_same_queries_whatever_the_list_holds(
    client, editor, claims, django_assert_num_queries
):
    for n in range(claims):
        ClaimFactory(statement=f"Model {n} was trained for {n} months.")
    client.force_login(editor)
    with django_assert_num_queries(EXPORT_PAGE_QUERIES):
        client.get(reverse("exchange:export-claims") + "?state__exact=draft")
