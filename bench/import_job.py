"""Benchmark an import of N claims uploaded through the admin's import page, over HTTP to
gunicorn on PostgreSQL: before (an earlier revision, which imports inside the request) and after
(this checkout, where the request stores the file and queues a job the task worker runs).
Not a test: it prints Markdown for BENCHMARKS.md.

    .venv/bin/python bench/import_job.py --server postgres://postgres@127.0.0.1:54330 \\
        --prefix jobs_bench --before 103fccd --claims 100000 [--kill] [--after-first]

The file is bench/import_claims.py's (2–4 evidence items per claim). Each side gets its own
empty database on the server (PREFIX_before, PREFIX_after; dropped and made afresh), migrated
by its own code, and a signed-in editor; the earlier revision is cloned into a temporary folder
and run with the same Python. Times: the upload request as curl sees it (the whole import,
before; storing the file and queueing the job, after); then, after, the task worker started
with `db_worker --batch` until it exits, and the job's own time (started to finished); and the
CPU time of the process that imports (gunicorn's worker, before; the task worker, after),
which other work on the machine moves less than wall time. The job's progress is read every
two seconds through another connection while it runs.

--kill also imports into PREFIX_kill, kills the worker (SIGKILL) halfway through writing,
checks that no claim was kept, runs the job again and checks that every claim is there once.
"""

import argparse
import os
import resource
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_claims import write_file  # noqa: E402
from serving import PYTHON, production_env, serve  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_IMPORT_PORT", "8791"))  # not 8765, the page benchmarks'

SESSION = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
user, _ = get_user_model().objects.get_or_create(
    username="bench-editor", defaults={"is_staff": True}
)
user.groups.add(Group.objects.get(name="Editors"))
s = SessionStore()
s["_auth_user_id"] = str(user.pk)
s["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
s["_auth_user_hash"] = user.get_session_auth_hash()
s.create()
print(s.session_key)
"""

RUN_AGAIN = """
from django.contrib.auth import get_user_model
from workbench.jobs import job_run_again
from workbench.models import Job
job = Job.objects.get()
print(job.shown_state)
job_run_again(job=job, by=get_user_model().objects.get(username="bench-editor"))
"""


def environment(database: str, **extra: str) -> dict:
    return production_env(DATABASE_URL=database, WORKBENCH_PAGE_CACHE="0", **extra)


def manage(code: Path, database: str, *arguments: str, **extra: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *arguments],
        cwd=code,
        env=environment(database, **extra),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def fresh_database(server: str, name: str) -> str:
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


def prepare(code: Path, database: str) -> str:
    """Migrate, collect the static files the admin pages name, sign an editor in."""
    manage(code, database, "migrate", "--noinput")
    manage(code, database, "collectstatic", "--noinput")
    return manage(code, database, "shell", "-c", SESSION).splitlines()[-1]


def serve_code(code: Path, database: str) -> subprocess.Popen:
    # One worker, which imports inside the request before: its CPU time is the import's.
    return serve(
        code,
        environment(database),
        port=PORT,
        workers=1,
        probe="/admin/login/",
        log="/tmp/bench-import-gunicorn.log",
        timeout=1200,
    )


def cpu_seconds(server: subprocess.Popen) -> float:
    """User and system time so far of gunicorn's one worker process, the child of `server`."""
    worker = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()[0]
    fields = Path(f"/proc/{worker}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def upload(path: Path, session: str) -> tuple[float, str, str]:
    """POST the file to the import page as the signed-in editor: seconds, status, Location."""
    token = secrets.token_hex(16)  # a CSRF secret of 32 characters, as cookie and header
    out = subprocess.run(
        [
            "curl",
            "-s",
            "-o",
            "/dev/null",
            "-w",
            "%{time_total} %{http_code} %{redirect_url}",
            "-b",
            f"sessionid={session}; csrftoken={token}",
            "-H",
            f"X-CSRFToken: {token}",
            "-F",
            f"file=@{path};type=text/csv",
            f"http://127.0.0.1:{PORT}/admin/claims/claim/import/",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return float(out[0]), out[1], out[2] if len(out) > 2 else ""


def count(database: str, sql: str):
    with psycopg.connect(database, autocommit=True) as connection:
        return connection.execute(sql).fetchone()


JOB = "SELECT state, step, rows_done, rows_total, problem_count, summary FROM workbench_job"


def watch(database: str, samples: list, stop: threading.Event) -> None:
    """The job as the admin sees it, every two seconds, through a connection of its own."""
    started = time.monotonic()
    with psycopg.connect(database, autocommit=True) as connection:
        while not stop.wait(2):
            row = connection.execute(JOB).fetchone()
            claims = connection.execute("SELECT count(*) FROM claims_claim").fetchone()[0]
            samples.append((time.monotonic() - started, *row[:5], claims))


def run_worker(code: Path, database: str) -> tuple[float, float]:
    """Wall and CPU (user and system) seconds of a worker run until no task is left."""
    started, used = time.monotonic(), resource.getrusage(resource.RUSAGE_CHILDREN)
    manage(code, database, "db_worker", "--batch", "--no-startup-delay", "--queue-name", "*")
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime
    return time.monotonic() - started, cpu


def job_seconds(database: str) -> float:
    sql = "SELECT extract(epoch FROM finished_at - started_at) FROM workbench_job"
    return float(count(database, sql)[0])


def before(revision: str, server: str, prefix: str, path: Path) -> tuple[float, float, str]:
    with tempfile.TemporaryDirectory() as folder:
        code = Path(folder) / "clone"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(code)], check=True)
        subprocess.run(["git", "checkout", "-q", revision], cwd=code, check=True)
        database = fresh_database(server, f"{prefix}_before")
        session = prepare(code, database)
        server_process = serve_code(code, database)
        try:
            cpu = cpu_seconds(server_process)
            seconds, status, location = upload(path, session)
            cpu = cpu_seconds(server_process) - cpu
        finally:
            server_process.terminate()
            server_process.wait()
        claims = count(database, "SELECT count(*) FROM claims_claim")[0]
        outcome = f"HTTP {status} → {location or '-'}; {claims:,} claims in the database"
        return seconds, cpu, outcome


def after(server: str, prefix: str, path: Path) -> dict:
    database = fresh_database(server, f"{prefix}_after")
    session = prepare(ROOT, database)
    server_process = serve_code(ROOT, database)
    try:
        request, status, location = upload(path, session)
    finally:
        server_process.terminate()
        server_process.wait()
    queued = count(database, "SELECT count(*) FROM claims_claim")[0]
    samples: list = []
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(database, samples, stop))
    watcher.start()
    worker, cpu = run_worker(ROOT, database)
    stop.set()
    watcher.join()
    return {
        "request": request,
        "status": f"HTTP {status} → {location}; {queued} claims in the database after it",
        "worker": worker,
        "cpu": cpu,
        "job": job_seconds(database),
        "outcome": count(database, JOB),
        "samples": samples,
    }


def killed(server: str, prefix: str, path: Path) -> list[str]:
    """Kill the worker halfway through writing; check nothing was kept; run the job again."""
    database = fresh_database(server, f"{prefix}_kill")
    session = prepare(ROOT, database)
    server_process = serve_code(ROOT, database)
    try:
        upload(path, session)
    finally:
        server_process.terminate()
        server_process.wait()
    worker = subprocess.Popen(
        [PYTHON, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--queue-name", "*"],
        cwd=ROOT,
        env=environment(database),
    )
    notes = []
    while True:
        time.sleep(0.5)
        state, step, done, total, _, _ = count(database, JOB)
        if step == "Importing" and total and done >= total // 2:
            worker.send_signal(signal.SIGKILL)
            worker.wait()
            notes.append(f"worker killed (SIGKILL) at {done:,} of {total:,} claims written")
            break
        if worker.poll() is not None:
            raise SystemExit("the worker finished before it could be killed")
    time.sleep(1)  # the server notices the dropped connection and rolls its transaction back
    claims = count(database, "SELECT count(*) FROM claims_claim")[0]
    notes.append(f"claims in the database after the kill: {claims:,}; job state stored: {state}")
    # Shown as stopped once silent for WORKBENCH_JOB_STOPPED_AFTER minutes: at once, here.
    shown = manage(
        ROOT, database, "shell", "-c", RUN_AGAIN, WORKBENCH_JOB_STOPPED_AFTER="0"
    ).splitlines()[-1]
    notes.append(f"the job is then shown as {shown!r} and run again")
    seconds, _ = run_worker(ROOT, database)
    claims, distinct = count(
        database, "SELECT count(*), count(DISTINCT statement) FROM claims_claim"
    )
    outcome = count(database, JOB)
    notes.append(
        f"second run: {seconds:.1f} s, job {outcome[0]}; {claims:,} claims, {distinct:,} distinct"
    )
    return notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", required=True, help="postgres://user@host:port")
    parser.add_argument("--prefix", required=True, help="names of the databases made here")
    parser.add_argument("--before", required=True, help="the revision to compare with")
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--kill", action="store_true")
    parser.add_argument("--after-first", action="store_true", help="measure this checkout first")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.csv"
        write_file(path, arguments.claims)
        size = path.stat().st_size / 1e6
        if arguments.after_first:
            now = after(arguments.server, arguments.prefix, path)
            then = before(arguments.before, arguments.server, arguments.prefix, path)
        else:
            then = before(arguments.before, arguments.server, arguments.prefix, path)
            now = after(arguments.server, arguments.prefix, path)
        notes = killed(arguments.server, arguments.prefix, path) if arguments.kill else []
    order = "after, then before" if arguments.after_first else "before, then after"
    print(f"{arguments.claims:,} claims, {size:.0f} MB CSV; measured {order}\n")
    print(
        "| code | upload request | task worker, `db_worker --batch` | job, started to finished "
        "| CPU of the importing process |"
    )
    print("|---|---|---|---|---|")
    print(f"| before ({arguments.before}) | {then[0]:.1f} s | – | – | {then[1]:.0f} s |")
    print(
        f"| after | {now['request']:.2f} s | {now['worker']:.1f} s | {now['job']:.1f} s "
        f"| {now['cpu']:.0f} s |"
    )
    print(f"\nbefore: {then[2]}\nafter: {now['status']}\njob: {now['outcome']}\n")
    print("Progress seen from another connection (s, state, step, done, total, problems, claims):")
    for sample in now["samples"][:: max(1, len(now["samples"]) // 12)]:
        print(f"  {sample[0]:5.0f} s  {sample[1:]}")
    for note in notes:
        print(note)


if __name__ == "__main__":
    main()
