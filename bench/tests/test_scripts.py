"""Each benchmark starts as docs/operations.md runs it: ``.venv/bin/python bench/<name>.py``,
from the project folder, with nothing added to the path."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
# Run as a file, a script's folder comes first on the path and hides the app of its name.
SCRIPTS = ["web", "burst", "reports", "cycles", "iati", "queries"]


@pytest.mark.parametrize("name", SCRIPTS)
def test_the_script_starts_as_a_file(name):
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, f"bench/{name}.py", "--help"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "usage:" in done.stdout
