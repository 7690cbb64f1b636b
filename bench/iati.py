"""Export the published initiatives of the national-scale dataset as the IATI activities file,
each export in a fresh process, and measure its wall time, time to the first byte, peak memory
and queries.

Run it against a database that holds the national-scale dataset (``bench_dataset``):

    export PYTHONPATH=$PWD DJANGO_SETTINGS_MODULE=bench.settings \\
        DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench REDIS_URL=redis://127.0.0.1:6379/3 \\
        PORTAL_VAR_DIR=$PWD/var/bench
    .venv/bin/python bench/iati.py --out bench/results/iati.md

Options: ``--page-sizes 200,50,1000`` (initiatives read per page, one export each; the first is
also the one stopped early, below), ``--repeat 3`` (median time and highest peak of three
exports), ``--xml var/bench/activities.xml`` (keep the first full export's file), ``--validate``
(check that kept file against the official IATI 2.03 schema, in this process once the exports
are measured: validation reads the whole file into memory, the export never does).

For every export a child process (this script with ``--child``) sets Django up and reads
``iati.files.activities_xml`` to the end — the body ``/iati/activities.xml`` streams — writing
each piece to the file or dropping it, as a client reading the response would. It reports the
activities and bytes written, the pieces, the queries, the seconds to the first piece and in
all. The parent reads the child's peak resident memory from ``os.wait4`` once it has exited, so
the peaks of different exports never mix. The export is also stopped after a quarter and after
half of the activities: the same peak for a quarter, a half and all of them is what constant
memory means. The machine's load average is printed before and after: figures taken on a busy
machine should be re-measured.
"""

import argparse
import json
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
if not __package__:
    import as_script  # noqa: F401  (run as a file: the project's folder first on the path)

from bench.child import run_child  # noqa: E402

SCHEMA = BASE_DIR.parent / "shared" / "reference" / "iati-2.03" / "iati-activities-schema.xsd"
ACTIVITY = b"<iati-activity "


@dataclass
class Case:
    page_size: int
    stop_after: int | None = None  # activities; None for the whole file
    xml: Path | None = None

    @property
    def label(self) -> str:
        return "all" if self.stop_after is None else f"first {self.stop_after:,}"


# -- child: one export, as the view streams it ---------------------------------------------------


def export(*, page_size: int, stop_after: int | None = None, path: Path | None = None) -> dict:
    """Read the activities file to the end (or ``stop_after`` activities), writing it to
    ``path`` if given, with its queries counted. Django must be set up."""
    from django.db import connection

    from iati import files

    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    activities = size = pieces = 0
    first: float | None = None
    handle = path.open("wb") if path else None
    began = time.perf_counter()
    try:
        with connection.execute_wrapper(count):
            stream = files.activities_xml(page_size=page_size)
            for piece in stream:
                if first is None:
                    first = time.perf_counter() - began
                pieces += 1
                size += len(piece)
                activities += piece.count(ACTIVITY)
                if handle:
                    handle.write(piece)
                if stop_after is not None and activities >= stop_after:
                    stream.close()
                    break
    finally:
        if handle:
            handle.close()
    return {
        "activities": activities,
        "bytes": size,
        "pieces": pieces,
        "queries": queries,
        "first_byte": first or 0.0,
        "seconds": time.perf_counter() - began,
    }


def child(page_size: str, stop_after: str, xml: str) -> None:
    import django

    django.setup()
    result = export(
        page_size=int(page_size),
        stop_after=int(stop_after) or None,
        path=Path(xml) if xml else None,
    )
    print(json.dumps(result), flush=True)


# -- parent: one fresh process per export --------------------------------------------------------


def measure(case: Case) -> tuple[dict, int]:
    """(the child's result, its peak RSS in kB)."""
    return run_child("bench.iati", "--child", case.page_size, case.stop_after or 0, case.xml or "")


def validate(path: Path) -> str:
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    if schema.validate(etree.parse(str(path))):
        return f"{path}: valid against {SCHEMA.name}"
    return f"{path}: INVALID: {schema.error_log.last_error}"


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def row(case: Case, results: list[tuple[dict, int]]) -> str:
    seconds = statistics.median(result["seconds"] for result, _peak in results)
    first = statistics.median(result["first_byte"] for result, _peak in results)
    peak = max(peak for _result, peak in results)
    result = results[-1][0]
    return (
        f"| {case.page_size} | {case.label} | {result['activities']:,} | {seconds:.1f} | {first * 1000:.0f} "
        f"| {peak / 1024:.0f} | {result['queries']} | {result['bytes'] / 1_000_000:.1f} | {result['pieces']:,} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page-sizes", default="200,50,1000")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--xml", type=Path, help="keep the first full export's file here")
    parser.add_argument("--validate", action="store_true", help="check the kept file against the schema")
    parser.add_argument("--out", type=Path, help="also write the Markdown table to this file")
    parser.add_argument(
        "--child", nargs=3, metavar=("PAGE_SIZE", "STOP_AFTER", "XML"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if not os.environ.get("DATABASE_URL") or not os.environ.get("DJANGO_SETTINGS_MODULE"):
        sys.exit("Set DATABASE_URL (the national-scale dataset) and DJANGO_SETTINGS_MODULE; see --help.")
    if args.validate and not args.xml:
        sys.exit("--validate checks the file kept with --xml.")

    lines = [
        f"{os.cpu_count()} cores; load average before: {_load()}",
        "",
        "| page size | activities read | activities | wall s | first byte ms | peak RSS MB | queries "
        "| size MB | pieces |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    print("\n".join(lines), flush=True)
    sizes = [int(size) for size in args.page_sizes.split(",")]
    first_case = Case(sizes[0], xml=args.xml)
    results = [measure(first_case) for _ in range(args.repeat)]
    lines.append(row(first_case, results))
    print(lines[-1], flush=True)
    total = results[-1][0]["activities"]
    cases = [Case(size) for size in sizes[1:]]
    # Memory stays flat as the activities grow: a quarter and a half of them peak as all do.
    cases += [Case(sizes[0], stop_after=max(1, total * share // 4)) for share in (1, 2)]
    for case in cases:
        lines.append(row(case, [measure(case) for _ in range(args.repeat)]))
        print(lines[-1], flush=True)
    tail = ["", f"Load average after: {_load()}"]
    if args.validate:
        tail += ["", validate(args.xml)]
    print("\n".join(tail))
    lines += tail
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
