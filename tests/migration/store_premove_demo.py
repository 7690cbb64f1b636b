"""Stores a portal's var folder (its SQLite file and uploads) beside this file, as the test of the
layers move reads it: ``premove_demo.sql.gz``, the database as SQL text, and
``premove_files.tar.gz``, the folders ``media/`` and ``private/``.

    python tests/migration/store_premove_demo.py VAR_DIR

Only the standard library: it runs with any Python, outside Django. The archives carry no dates
of their own, so storing the same folder again gives the same bytes.
"""

import gzip
import io
import sqlite3
import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATABASE = HERE / "premove_demo.sql.gz"
FILES = HERE / "premove_files.tar.gz"
ROOTS = ("media", "private")


def store_database(sqlite_file: Path, into: Path = DATABASE) -> None:
    connection = sqlite3.connect(sqlite_file)
    try:
        sql = "\n".join(connection.iterdump()) + "\n"
    finally:
        connection.close()
    with into.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(sql.encode())


def store_files(var_dir: Path, into: Path = FILES) -> None:
    with (
        into.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out,
        tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for root in ROOTS:
            for path in sorted((var_dir / root).rglob("*")):
                if path.is_file():
                    info = tarfile.TarInfo(path.relative_to(var_dir).as_posix())
                    info.size, info.mode = path.stat().st_size, 0o644
                    tar.addfile(info, io.BytesIO(path.read_bytes()))


def restore(var_dir: Path, *, sqlite_file: Path) -> None:
    """The stored database into ``sqlite_file`` and the stored uploads under ``var_dir``."""
    with gzip.open(DATABASE, "rt") as dump:
        sql = dump.read()
    connection = sqlite3.connect(sqlite_file)
    try:
        connection.executescript(sql)
    finally:
        connection.close()
    with tarfile.open(FILES, "r:gz") as tar:
        tar.extractall(var_dir, filter="data")


if __name__ == "__main__":
    var = Path(sys.argv[1])
    store_database(var / "portal.sqlite3")
    store_files(var)
    print(f"{DATABASE.name}: {DATABASE.stat().st_size} bytes, {FILES.name}: {FILES.stat().st_size} bytes")
