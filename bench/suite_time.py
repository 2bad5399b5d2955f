"""Wall time of `make test` at two revisions, measured one after the other on this machine.

Each revision is cloned into a temporary folder, installed (not timed), then `make test` is
timed as a whole: lint, the migrations check and the suite. Run from the repository:

    python3 bench/suite_time.py BEFORE_REVISION [AFTER_REVISION]    # after: HEAD

Set DATABASE_URL to time the PostgreSQL run instead of SQLite.
"""

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(revision: str) -> tuple[float, str]:
    with tempfile.TemporaryDirectory() as folder:
        clone = Path(folder) / "clone"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        subprocess.run(["git", "checkout", "-q", revision], cwd=clone, check=True)
        subprocess.run(["make", "install"], cwd=clone, check=True, capture_output=True)
        started = time.monotonic()
        run = subprocess.run(["make", "test"], cwd=clone, capture_output=True, text=True)
        elapsed = time.monotonic() - started
        if run.returncode:
            sys.exit(f"make test failed at {revision}:\n{run.stdout[-3000:]}{run.stderr[-2000:]}")
        summary = re.findall(r"=+ (.*(?:passed|failed).*) =+", run.stdout)
        return elapsed, summary[-1] if summary else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before")
    parser.add_argument("after", nargs="?", default="HEAD")
    arguments = parser.parse_args()
    print("| revision | make test, wall | pytest summary |")
    print("| --- | --- | --- |")
    for revision in (arguments.before, arguments.after):
        elapsed, summary = measure(revision)
        minutes, seconds = divmod(round(elapsed), 60)
        print(f"| {revision} | {minutes}:{seconds:02d} | {summary} |", flush=True)


if __name__ == "__main__":
    main()
