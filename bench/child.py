"""One measured step in a fresh Python process, so that the peak resident memory read for it is
its own and not what earlier steps left in the parent."""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def run_child(module: str, *arguments: object, env: dict[str, str] | None = None) -> tuple[dict, int]:
    """Runs ``python -m module arguments…`` and answers the JSON the child printed last, with the
    child's peak RSS in kB. A child that exits with an error raises ``RuntimeError``."""
    process = subprocess.Popen(
        # As a module from the project folder: run as a file, a script's folder would come first
        # on the path and its name would hide the app it is named after (``iati``, ``reports``).
        [sys.executable, "-m", module, *map(str, arguments)],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    output = process.stdout.read()
    process.stdout.close()
    # wait4 gives this child's own resource usage; RUSAGE_CHILDREN would mix every child's peak.
    _pid, status, usage = os.wait4(process.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{module} {' '.join(map(str, arguments))} exited with {code}")
    return json.loads(output.strip().splitlines()[-1]), usage.ru_maxrss
