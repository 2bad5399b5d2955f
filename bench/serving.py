"""What the benchmarks that go over HTTP share: the production settings they run the workbench
with, and gunicorn serving a checkout of it until a probe answers."""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PYTHON = sys.executable


def production_env(**extra: str) -> dict:
    """The environment of a production server on this machine: no debug, no HTTPS redirect."""
    return {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        **extra,
    }


def serve(
    tree: Path, env: dict, *, port: int, workers: int, probe: str, log: str, timeout: int = 30
) -> subprocess.Popen:
    """gunicorn serving the checkout `tree`, once `probe` (a path) answers."""
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "workbench.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--timeout",
            str(timeout),
            "--access-logfile",
            "/dev/null",
            "--error-logfile",
            log,
            # gunicorn's control socket is one file per user; no other server's business.
            "--no-control-socket",
        ],
        cwd=tree,
        env=env,
    )
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{probe}", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"gunicorn did not start; see {log}")
