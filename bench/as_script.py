"""Imported first by a bench script run as a file (``python bench/cycles.py``).

Python then puts the script's own folder first on the path, where ``cycles.py`` and
``reports.py`` would hide the apps of the same names. The project's folder goes first instead.
Under ``python -m bench.<name>``, or imported by the tests, the path is right already and the
scripts do not import this.
"""

import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path[:] = [str(BASE_DIR)] + [p for p in sys.path[1:] if Path(p or ".").resolve() != BASE_DIR / "bench"]
