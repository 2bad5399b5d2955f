"""Scaling out, shown: two web nodes and a task worker against one PostgreSQL and one Redis.

    .venv/bin/python scripts/scale_out.py

Starts a throwaway PostgreSQL (initdb as the user postgres when run as root, as .ci/run does)
and a redis-server, on free ports in a temporary directory; migrates and loads the demo; serves
the workbench from two gunicorn nodes with production settings and the page cache in Redis, and
runs one `manage.py db_worker`. Then, over HTTP only, as people would:

  (a) node B caches a public page; a curator changes it through node A; node B's very next
      anonymous request shows the change;
  (b) an editor submits an import on node A; the worker does it and node B lists the claims.

Everything it started is stopped, and its directory removed, on the way out, whatever happens.
Needs PostgreSQL's server (Debian package postgresql) and redis-server. `.ci/run` runs it.
"""

import contextlib
import csv
import glob
import html.parser
import http.client
import io
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import redis

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ADMIN = "/admin/"
PASSWORD = "demo-workbench-2026"  # the demo accounts' (README)
STARTED = time.monotonic()

# The page (a) changes: a demo source's page names its outlet, which a curator may rename.
SOURCE_PAGE = "/sources/ieee-spectrum-wu-dao-3/"
OUTLET = "IEEE Spectrum"
OUTLET_RENAMED = "IEEE Spectrum (renamed on node A)"

# The file (b) imports: two drafts, in the exchange format (README, "Export and import").
IMPORTED = {
    "scale-out-import-one": "A file submitted on one web node is imported by the task worker.",
    "scale-out-import-two": "Claims imported by the worker are listed by the other web node.",
}


def say(line: str) -> None:
    print(f"[{time.monotonic() - STARTED:5.1f}s] {line}", flush=True)


class CheckFailed(Exception):
    pass


def check(condition: bool, failure: str) -> None:
    if not condition:
        raise CheckFailed(failure)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, what: str, log: Path, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.1)
    raise CheckFailed(f"{what} did not start within {seconds:.0f} s; its log:\n" + tail(log))


def tail(log: Path, lines: int = 30) -> str:
    if not log.exists():
        return "(no log)"
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


class Machines:
    """The processes and files this run started, undone in reverse order on the way out."""

    def __init__(self) -> None:
        self.undo = contextlib.ExitStack()
        self.logs: dict[str, Path] = {}
        self.as_root = os.geteuid() == 0
        self.dir = Path(tempfile.mkdtemp(prefix="scale-out-"))
        self.dir.chmod(0o755)  # the postgres user finds its data directory inside
        self.undo.callback(shutil.rmtree, self.dir, ignore_errors=True)

    def close(self) -> None:
        self.undo.close()

    def start(self, name: str, command: list[str], env: dict) -> subprocess.Popen:
        """A process in a session of its own, so that stopping it stops its children too."""
        log = self.logs[name] = self.dir / f"{name}.log"
        # A stop from outside waits until the process is on the list of those to stop.
        stops = {signal.SIGINT, signal.SIGTERM}
        signal.pthread_sigmask(signal.SIG_BLOCK, stops)
        try:
            with log.open("w") as out:
                process = subprocess.Popen(
                    command,
                    cwd=ROOT,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                    # It would inherit the blocked signals and never hear its own stop.
                    preexec_fn=lambda: signal.pthread_sigmask(signal.SIG_UNBLOCK, stops),
                )
            self.undo.callback(stop, process)
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, stops)
        return process

    def manage(self, env: dict, *args: str) -> str:
        """Run a management command to its end; what it printed."""
        name = f"manage-{len(self.logs)}-{args[0]}"
        returncode = self.start(name, [PYTHON, "manage.py", *args], env).wait()
        output = self.logs[name].read_text(errors="replace")
        check(returncode == 0, f"manage.py {' '.join(args)} failed:\n{output[-3000:]}")
        return output

    def postgres(self) -> str:
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
        check(bool(bins), "No PostgreSQL server here: apt-get install postgresql.")
        bin_dir, port = bins[-1], free_port()
        data = self.dir / "postgres"
        data.mkdir()
        commands = [
            f"{bin_dir}/initdb -D {data}/data -U postgres -A trust -E UTF8 --no-sync",
            f"{bin_dir}/pg_ctl -D {data}/data -l {data}/log -w -o "
            f"'-c listen_addresses=127.0.0.1 -p {port} -k {data} -c fsync=off' start",
        ]
        stop_server = f"{bin_dir}/pg_ctl -D {data}/data -m fast stop"
        if self.as_root:  # initdb refuses to run as root
            shutil.chown(data, "postgres", "postgres")
            commands = [["su", "postgres", "-s", "/bin/sh", "-c", c] for c in commands]
            stop_server = ["su", "postgres", "-s", "/bin/sh", "-c", stop_server]
        else:
            commands = [["/bin/sh", "-c", c] for c in commands]
            stop_server = ["/bin/sh", "-c", stop_server]
        subprocess.run(commands[0], check=True, capture_output=True)
        self.undo.callback(subprocess.run, stop_server, capture_output=True)
        subprocess.run(commands[1], check=True, capture_output=True)
        subprocess.run(
            [f"{bin_dir}/createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "wb"],
            check=True,
        )
        about = subprocess.run([f"{bin_dir}/postgres", "--version"], capture_output=True)
        version = re.search(rb"\d+\.\d+", about.stdout)[0].decode()
        say(f"PostgreSQL {version} on 127.0.0.1:{port}")
        return f"postgres://postgres@127.0.0.1:{port}/wb"

    def redis(self) -> str:
        server = shutil.which("redis-server")
        check(server is not None, "No Redis server here: apt-get install redis-server.")
        port = free_port()
        command = f"{server} --port {port} --bind 127.0.0.1 --appendonly no --dir {self.dir}"
        self.start("redis", [*command.split(), "--save", ""], os.environ.copy())  # memory only
        wait_for_port(port, "Redis", self.logs["redis"])
        version = redis.Redis(port=port).info()["redis_version"]
        say(f"Redis {version} on 127.0.0.1:{port}")
        return f"redis://127.0.0.1:{port}/0"


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGCONT)  # a paused worker hears nothing else
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def production_env(database_url: str, cache_url: str, media: Path) -> dict:
    """What every node and the worker share: one database, one cache, one secret key."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "WORKBENCH_", "CACHE_"))
    }
    return env | {
        "DJANGO_SETTINGS_MODULE": "workbench.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "scale-out-" + secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        # Plain HTTP between this script and the nodes, as behind a load balancer ending TLS.
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "CACHE_URL": cache_url,
        "WORKBENCH_PAGE_CACHE": "1",
        "WORKBENCH_MEDIA_ROOT": str(media),
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",  # no mail server here
    }


# Over HTTP, as a browser would.


@dataclass
class Page:
    status: int
    location: str
    text: str


@dataclass
class Browser:
    """One person's browser. Its cookies go with it from node to node, as a load balancer
    would send it to either; the nodes share its session through the database."""

    who: str
    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, port: int, method: str, path: str, body=b"", content_type="") -> Page:
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if content_type:
            headers["Content-Type"] = content_type
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", errors="replace")
            # The cookies are marked Secure; behind TLS they would travel all the same.
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                value = rest.split(";", 1)[0]
                if value and "max-age=0" not in rest.lower():
                    self.cookies[name] = value
                else:
                    self.cookies.pop(name, None)
            return Page(response.status, response.headers.get("Location", ""), text)
        finally:
            connection.close()

    def get(self, port: int, path: str) -> Page:
        return self.request(port, "GET", path)

    def submit(self, port: int, path: str, changes: dict, files: dict | None = None) -> Page:
        """Open the page, fill in its form as it stands with `changes`, and send it."""
        form = FormReader.read(self.get(port, path).text)
        fields = [(name, value) for name, value in form if name not in changes]
        fields += list(changes.items())
        if files:
            boundary = uuid.uuid4().hex
            body = io.BytesIO()
            for name, value in fields:
                body.write(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
                    f"\r\n\r\n{value}\r\n".encode()
                )
            for name, (filename, content) in files.items():
                body.write(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                    f'filename="{filename}"\r\nContent-Type: text/csv\r\n\r\n'.encode()
                )
                body.write(content.encode() + b"\r\n")
            body.write(f"--{boundary}--\r\n".encode())
            return self.request(
                port, "POST", path, body.getvalue(), f"multipart/form-data; boundary={boundary}"
            )
        return self.request(
            port, "POST", path, urlencode(fields).encode(), "application/x-www-form-urlencoded"
        )

    def log_in(self, port: int) -> None:
        page = self.submit(
            port, ADMIN + "login/", {"username": self.who, "password": PASSWORD, "next": ADMIN}
        )
        check(page.status == 302 and "sessionid" in self.cookies, f"{self.who} could not log in")


class FormReader(html.parser.HTMLParser):
    """The fields of a page's last POST form as a browser would send them unchanged."""

    @classmethod
    def read(cls, text: str) -> list[tuple[str, str]]:
        reader = cls()
        reader.feed(text)
        return reader.fields

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: list[tuple[str, str]] = []
        self.in_form = False
        self.textarea: str | None = None
        self.select: tuple[str, bool] | None = None
        self.options: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method", "").lower() == "post":
            self.in_form, self.fields = True, []
        elif not self.in_form or "name" not in a and tag != "option":
            return
        elif tag == "input" and a.get("type", "text") not in ("submit", "button", "file", "image"):
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields.append((a["name"], a.get("value", "on")))
            else:
                self.fields.append((a["name"], a.get("value", "")))
        elif tag == "textarea":
            self.textarea, self.fields = a["name"], [*self.fields, (a["name"], "")]
        elif tag == "select":
            self.select, self.options = (a["name"], "multiple" in a), []
        elif tag == "option" and self.select:
            self.options.append((a.get("value", ""), "selected" in a))

    def handle_data(self, data):
        if self.textarea:
            name, value = self.fields.pop()
            self.fields.append((name, value + data))

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "textarea" and self.textarea:
            name, value = self.fields.pop()
            # As browsers do: the newline just after <textarea> is not part of its text.
            self.fields.append((name, value.removeprefix("\n")))
            self.textarea = None
        elif tag == "select" and self.select:
            name, multiple = self.select
            chosen = [value for value, selected in self.options if selected]
            if not chosen and not multiple and self.options:
                chosen = [self.options[0][0]]
            self.fields += [(name, value) for value in chosen]
            self.select = None


def cached_pages(cache: redis.Redis) -> list[str]:
    """The pages the shared page cache holds, by their keys (each names the page's ETag, which
    names the content version it shows)."""
    return sorted(key.decode() for key in cache.keys("*workbench-pages*:page:*"))


def listed_claims(browser: Browser, port: int) -> list[str]:
    """Which of the imported claims the admin's claim list shows the editor."""
    page = browser.get(port, ADMIN + "claims/claim/?" + urlencode({"q": "scale-out-import"}))
    check(page.status == 200, f"the claim list answered {page.status}")
    return [slug for slug, statement in IMPORTED.items() if statement in page.text]


def run(machines: Machines) -> None:
    say(f"everything below lives in {machines.dir} and goes when this stops")
    database_url = machines.postgres()
    cache_url = machines.redis()
    env = production_env(database_url, cache_url, machines.dir / "media")

    machines.manage(env, "migrate", "--noinput", "-v0")
    machines.manage(env, "load_demo", "-v0")
    machines.manage(env, "collectstatic", "--noinput", "-v0")  # production serves hashed names
    say("migrated, demo loaded, static files collected")

    nodes = {"A": free_port(), "B": free_port()}
    for name, port in nodes.items():
        machines.start(
            f"node-{name}",
            [
                PYTHON,
                "-m",
                "gunicorn",
                "workbench.wsgi",
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                "2",
                "--access-logfile",
                "-",
            ],
            env,
        )
    worker = machines.start("worker", [PYTHON, "manage.py", "db_worker", "--queue-name", "*"], env)
    for name, port in nodes.items():
        wait_for_port(port, f"node {name}", machines.logs[f"node-{name}"])
        say(f"node {name}: gunicorn, 2 processes, http://127.0.0.1:{port}/")
    say(f"worker: manage.py db_worker, pid {worker.pid}")
    a, b = nodes["A"], nodes["B"]
    cache = redis.Redis.from_url(cache_url)

    # The demo's documents queue work (sentences, quotes) whose writes move the content
    # version: done first, so that only the curator's change moves it during (a).
    deadline = time.monotonic() + 120
    while int(machines.manage(env, "shell", "-c", TASKS_WAITING).split()[-1]):
        check(time.monotonic() < deadline, "the worker did not finish the demo's tasks")
        time.sleep(1)
    say("worker: the demo's documents processed")

    say("(a) a change made through node A is on node B's next anonymous request")
    reader = Browser("anonymous reader")
    page = reader.get(b, SOURCE_PAGE)
    check(page.status == 200 and OUTLET in page.text, f"B: {SOURCE_PAGE} answered {page.status}")
    pages = cached_pages(cache)
    check(len(pages) == 1, f"B's page is not in the shared cache: {pages}")
    say(f"  B  GET {SOURCE_PAGE}: outlet {OUTLET!r}; Redis holds it ({pages[0][-20:]})")
    hits = cache.info("stats")["keyspace_hits"]
    page = reader.get(a, SOURCE_PAGE)
    check(OUTLET in page.text and cached_pages(cache) == pages, "A made a page of its own")
    check(cache.info("stats")["keyspace_hits"] > hits, "A did not ask Redis for the page")
    say(f"  A  GET {SOURCE_PAGE}: the page B cached, from Redis (a hit, no new entry)")

    curator = Browser("curator")
    curator.log_in(a)
    say("  A  the curator logs in through the admin's login form")
    listing = curator.get(a, ADMIN + "sources/outlet/?" + urlencode({"q": OUTLET}))
    outlet_id = re.search(r'href="/admin/sources/outlet/(\d+)/change/', listing.text)
    check(outlet_id is not None, f"A: the outlet list holds no {OUTLET!r}")
    change_form = f"{ADMIN}sources/outlet/{outlet_id[1]}/change/"
    saved = curator.submit(a, change_form, {"name": OUTLET_RENAMED, "_save": "Save"})
    check(saved.status == 302, f"A: saving the outlet answered {saved.status}: {problems(saved)}")
    say(f"  A  POST {change_form}: renamed to {OUTLET_RENAMED!r}")

    page = reader.get(b, SOURCE_PAGE)
    check(OUTLET_RENAMED in page.text, f"B's next anonymous request still shows {OUTLET!r}")
    renamed = cached_pages(cache)
    check(len(renamed) == 2 and pages[0] in renamed, f"Redis holds {renamed}")
    say(f"  B  GET {SOURCE_PAGE}: outlet {OUTLET_RENAMED!r}; Redis holds it as it was and is")

    say("(b) an import submitted on node A is done by the worker")
    os.killpg(worker.pid, signal.SIGSTOP)
    say("  the worker is paused")
    editor = Browser("editor")
    editor.log_in(a)
    rows = io.StringIO()
    writer = csv.writer(rows)
    writer.writerow(["slug", "statement", "claimant"])
    writer.writerows([slug, statement, "Scale-out check"] for slug, statement in IMPORTED.items())
    submitted = time.monotonic()
    sent = editor.submit(
        a, ADMIN + "claims/claim/import/", {}, files={"file": ("scale-out.csv", rows.getvalue())}
    )
    check(sent.status == 302, f"A: the import answered {sent.status}: {problems(sent)}")
    say(
        f"  A  the editor uploads scale-out.csv ({len(IMPORTED)} claims): {sent.status} to "
        f"{sent.location}"
    )
    time.sleep(2)  # time enough for anyone else to have done it
    early = listed_claims(editor, b)
    check(early == [], f"imported while the worker was paused: {early}")
    say("  B  the editor's claim list: none of them while the worker is paused")
    os.killpg(worker.pid, signal.SIGCONT)
    say("  the worker resumes")
    deadline = submitted + 60
    while (listed := listed_claims(editor, b)) != list(IMPORTED):
        check(time.monotonic() < deadline, f"B lists {listed} a minute after the upload")
        time.sleep(0.5)
    say(
        f"  B  the editor's claim list: {len(listed)} of {len(IMPORTED)}, "
        f"{time.monotonic() - submitted:.1f} s after the upload"
    )
    # The task's row is the worker's own record of the work.
    finished = int(machines.manage(env, "shell", "-c", IMPORT_JOB_FINISHED).split()[-1])
    check(finished >= 1, "no import job finished")
    say("  the import's task: finished by the worker")

    check(worker.poll() is None, "the worker stopped:\n" + tail(machines.logs["worker"]))
    for name, port in nodes.items():
        check(reader.get(port, "/").status == 200, f"node {name} stopped answering")


TASKS_WAITING = """
from django_tasks_db.models import DBTaskResult
print(DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).count())
"""

IMPORT_JOB_FINISHED = """
from django_tasks_db.models import DBTaskResult
print(DBTaskResult.objects.successful().filter(task_path="exchange.jobs.claims_import_job").count())
"""


def problems(page: Page) -> str:
    """What a form refused, as the page says it."""
    found = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', page.text, re.S)
    return "; ".join(re.sub(r"<[^>]+>", " ", item).strip() for item in found)[:500] or "?"


def main() -> int:
    # A stop from outside (Ctrl-C, a CI timeout) unwinds like a failure: everything is undone.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    machines = Machines()
    try:
        run(machines)
    except (CheckFailed, subprocess.CalledProcessError) as failure:
        say(f"FAILED: {failure}")
        for name, log in machines.logs.items():
            print(f"--- {name} (last lines) ---\n{tail(log, 15)}")
        return 1
    finally:
        machines.close()
        say("stopped the nodes, the worker, Redis and PostgreSQL; removed their directory")
    say("scaling out: both checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
