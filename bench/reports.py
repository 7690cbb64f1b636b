"""Build reports and exports on the national-scale dataset the way the worker does, each build in a
fresh process, and measure its wall time and peak memory.

Run it against a database that holds the national-scale dataset (``bench_dataset``):

    export PYTHONPATH=$PWD DJANGO_SETTINGS_MODULE=bench.settings \\
        DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench REDIS_URL=redis://127.0.0.1:6379/3 \\
        PORTAL_VAR_DIR=$PWD/var/bench
    .venv/bin/python bench/reports.py --out bench/results/reports.md

Options: ``--year 2024`` (the year of the annual report and the indicator exports), ``--only
annual`` (a comma-separated subset of ``annual``, ``indicator_results``, ``indicator_values``),
``--repeat 3`` (median time and highest peak of three builds), ``--keep`` (leave the runs and
their files in the database to look at; by default they are deleted after measuring).

For every case a child process (this script with ``--child``) sets Django up, creates a
``ReportRun`` row and calls ``reports.services.report_run_build`` — the worker's own code path —
then reports the build's wall time, its queries and the file's size and rows. The parent reads
the child's peak resident memory from ``os.wait4`` once the child has exited, so the peaks of
different builds never mix. Each report is built once per format and once with all its formats
in one run, which is what a staff member who ticks every box gets. The indicator values export is
also built over longer periods to show that its memory stays flat as the rows grow. The machine's
load average is printed before and after: figures taken on a busy machine should be re-measured.
"""

import argparse
import csv
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

FORMATS = ["pdf", "docx", "xlsx", "csv"]
# Exports whose CSV is a single table, so its lines are its rows.
ONE_TABLE = {"indicator_values", "member_directory", "event_attendance"}


@dataclass
class Case:
    kind: str
    formats: list[str]
    start: str
    end: str

    @property
    def period(self) -> str:
        return f"{self.start}–{self.end}"


def cases(year: int, only: set[str]) -> list[Case]:
    start, end = f"{year}-01-01", f"{year}-12-31"
    chosen: list[Case] = []
    for kind in ("annual", "indicator_results"):
        if kind in only:
            chosen += [Case(kind, [fmt], start, end) for fmt in FORMATS]
            chosen.append(Case(kind, FORMATS, start, end))
    if "indicator_values" in only:
        chosen += [Case("indicator_values", [fmt], start, end) for fmt in ("csv", "xlsx")]
        # Longer periods: more rows, the same memory.
        chosen.append(Case("indicator_values", ["csv"], f"{year - 1}-01-01", end))
        chosen.append(Case("indicator_values", ["csv"], "2000-01-01", "2030-12-31"))
        chosen.append(Case("indicator_values", ["xlsx"], "2000-01-01", "2030-12-31"))
    return chosen


# -- child: one build, the worker's way ----------------------------------------------------------


def _data_rows(path: Path, fmt: str) -> int | None:
    """Data rows of a one-table CSV (the header excluded); None for other formats."""
    if fmt != "csv":
        return None
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return sum(1 for _row in csv.reader(handle)) - 1


def child(kind: str, formats: str, start: str, end: str, keep: bool) -> None:
    import django

    django.setup()
    from datetime import date

    from django.db import connection

    from reports import services
    from reports.models import ReportRun

    run = ReportRun.objects.create(
        kind=kind,
        period_start=date.fromisoformat(start),
        period_end=date.fromisoformat(end),
        language="vi",
        formats=formats.split(","),
    )
    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        began = time.perf_counter()
        built = services.report_run_build(run_id=run.pk)
        seconds = time.perf_counter() - began
    run.refresh_from_db()
    files = {f.format: (f.file.path, f.size) for f in run.files.all()}
    result = {
        "run": run.pk,
        "ok": built,
        "error": run.error[:2000],
        "seconds": seconds,
        "queries": queries,
        "files": {
            fmt: {"size": size, "rows": _data_rows(Path(path), fmt) if kind in ONE_TABLE else None}
            for fmt, (path, size) in files.items()
        },
    }
    if not keep:
        for report_file in run.files.all():
            report_file.file.delete(save=False)
        run.delete()
    print(json.dumps(result), flush=True)


# -- parent: one fresh process per build -----------------------------------------------------------


def measure(case: Case, *, keep: bool) -> tuple[dict, int]:
    """(the child's result, its peak RSS in kB)."""
    arguments = ["--child", case.kind, ",".join(case.formats), case.start, case.end]
    result, peak = run_child("bench.reports", *arguments, *(["--keep"] if keep else []))
    if not result["ok"]:
        raise RuntimeError(f"{case} failed: {result['error']}")
    return result, peak


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--only", default="annual,indicator_results,indicator_values")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the runs and files after measuring")
    parser.add_argument("--out", type=Path, help="also write the Markdown table to this file")
    parser.add_argument(
        "--child", nargs=4, metavar=("KIND", "FORMATS", "START", "END"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        child(*args.child, keep=args.keep)
        return
    if not os.environ.get("DATABASE_URL") or not os.environ.get("DJANGO_SETTINGS_MODULE"):
        sys.exit("Set DATABASE_URL (the national-scale dataset) and DJANGO_SETTINGS_MODULE; see --help.")

    lines = [
        f"{os.cpu_count()} cores; load average before: {_load()}",
        "",
        "| report | period | formats | wall s | peak RSS MB | queries | file size | CSV rows |",
        "|---|---|---|---:|---:|---:|---|---:|",
    ]
    print("\n".join(lines), flush=True)
    for case in cases(args.year, {name.strip() for name in args.only.split(",")}):
        results = [measure(case, keep=args.keep) for _ in range(args.repeat)]
        seconds = statistics.median(result["seconds"] for result, _peak in results)
        peak = max(peak for _result, peak in results)
        result = results[-1][0]
        sizes = ", ".join(f"{fmt} {_size(info['size'])}" for fmt, info in result["files"].items())
        rows = next((info["rows"] for info in result["files"].values() if info["rows"] is not None), None)
        row = (
            f"| {case.kind} | {case.period} | {', '.join(case.formats)} | {seconds:.1f} "
            f"| {peak / 1024:.0f} | {result['queries']} | {sizes} | {'' if rows is None else f'{rows:,}'} |"
        )
        print(row, flush=True)
        lines.append(row)
    lines += ["", f"Load average after: {_load()}"]
    print(lines[-1])
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
