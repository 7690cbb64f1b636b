"""Reporting cycles at national scale: opening a six-month cycle that covers every active
initiative, the coordinators' dashboard of it, and the reminder run, with their time, queries and
peak memory.

Run it against a database that holds the national-scale dataset (``bench_dataset``):

    export PYTHONPATH=$PWD DJANGO_SETTINGS_MODULE=bench.settings \\
        DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench REDIS_URL=redis://127.0.0.1:6379/3 \\
        PORTAL_VAR_DIR=$PWD/var/bench
    .venv/bin/python bench/cycles.py --out bench/results/cycles.md

Options: ``--requests 9`` (requests per dashboard page; their median is reported), ``--workers 4``
(gunicorn workers), ``--seed 2026`` (which organisations get editors), ``--editor-share 0.25``
(the share of the organisations leading no initiative in the cycle that have an editor),
``--every-initiative`` (the cycle also chooses every initiative one by one, whatever its dates:
the most a cycle can cover, where the busiest half-year holds less than half of them),
``--keep`` (leave the cycle, its periods, the proposals, the mails and the editors in the
database to look at; by default everything the run made is removed), ``--remove`` (remove what
an earlier run left, and stop).

What it does, each step in a fresh process (``bench/cycle_steps.py``) so that its peak
resident memory, read by the parent with ``os.wait4``, is its own:

1. *prepare*: picks the half-year in which the most initiatives run (of those no cycle covers
   yet), makes a planned six-month cycle covering every active initiative (``all_active``), due
   on the 15th of the month after it; gives the organisations member editors (one approved
   editor for every organisation accountable for an initiative in the cycle, since an initiative
   reports through its lead, and for ``--editor-share`` of the others; a second editor for one in
   seven of them; one editor in twenty has turned reminders off, one in five reads the portal in
   English); links each "people trained" indicator whose lead organisation hosted trainings in
   the half-year to up to three of them, so the figures proposed from attendance are part of the
   opening; and makes a coordinator account and three results approvers (who get the approvals
   digest).
2. *open*: ``cycles.services.cycle_open`` as the coordinator, timed, its queries counted and
   their database time summed.
3. *dashboard*: every page of the dashboard through the test client once to count its queries,
   then under gunicorn with the production settings and nothing cached
   (``PORTAL_PAGE_CACHE_SECONDS=0``), signed in as the coordinator by a session cookie, one
   request at a time: the median (p50) and the slowest of ``--requests`` requests, after one
   per worker to warm up. The member's own list of what is due is requested as the editor whose
   organisation owes most. The slowest queries of each page are listed under the table.
4. *remind*: ``cycles.reminders.reminders_send`` on the cycle's due date, when every editor
   still owing something gets a digest, then again (its mails removed first) with only the
   editors of 100 of the organisations owing active: the same initiatives owed, far fewer
   people. The queries of the two runs show what grows with the people mailed and what with the
   initiatives owed.
5. *remove*: everything made above, by its marks: the cycle's name starts with ``[bench]``, the
   accounts' user names with ``bench-cycles-``; periods created by the opening are those with a
   history row written after the cycle was made, the proposals those from attendance written
   after it, the mails the digests written after it.

The mails are written as the worker writes them (an ``OutgoingMail`` row each, handed to the
broker once committed); the steps that write run with a filesystem broker in a temporary folder
that no worker reads, so no mail leaves and the run's messages go with the folder.
"""

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
if not __package__:
    import as_script  # noqa: F401  (run as a file: the project's folder first on the path)

from bench.child import run_child  # noqa: E402

FEW_ORGANISATIONS = 100  # the second reminder run: the editors of this many organisations only
PORT = 8766


# -- parent: one fresh process per step, the dashboard under gunicorn -------------------------------


def run_step(step: str, *arguments, env: dict[str, str]) -> tuple[dict, int]:
    """(the child's result, its peak RSS in kB)."""
    if step == "remove":
        return run_child("bench.cycle_removal", *arguments, env=env)
    return run_child("bench.cycle_steps", step, *arguments, env=env)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, cookie: str) -> tuple[float, int]:
    """(seconds until the whole answer is read, its size); a redirect (to sign in) is an error."""
    opener = urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(url, headers={"Cookie": f"sessionid={cookie}"})
    began = time.perf_counter()
    try:
        with opener.open(request, timeout=300) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"{url} answered {error.code}") from None
    return time.perf_counter() - began, len(body)


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


class Report:
    """The Markdown the run prints as it goes and writes to ``--out`` at the end."""

    def __init__(self):
        self.lines: list[str] = []

    def say(self, *lines: str) -> None:
        print("\n".join(lines), flush=True)
        self.lines.extend(lines)


def measure_opening(report: Report, prepared: dict, env: dict[str, str]) -> None:
    report.say(
        f"Cycle: {prepared['name']} ({prepared['period_start']}–{prepared['period_end']}, due "
        f"{prepared['due_on']}), every active initiative"
        f"{', and every initiative chosen one by one' if prepared['every_initiative'] else ''}: "
        f"{prepared['initiatives']:,} initiatives. "
        f"Editors: {prepared['editors']:,} accounts for {prepared['organisations_given_editors']:,} of "
        f"{prepared['organisations']:,} organisations ({prepared['leads']:,} lead an initiative of the "
        f"cycle); {prepared['reminders_off']:,} turned reminders off, {prepared['english']:,} read in "
        f"English. {prepared['indicators_linked']:,} indicators of people trained count the attendance "
        f"of {prepared['training_links']:,} trainings.",
        "",
    )
    opened, peak = run_step("open", prepared["cycle"], env=env)
    report.say(
        "| step | wall s | queries | of which in the database s | peak RSS MB | what it wrote |",
        "|---|---:|---:|---:|---:|---|",
        f"| `cycle_open` | {opened['seconds']:.1f} | {opened['queries']:,} | {opened['db_seconds']:.1f} "
        f"| {peak / 1024:.0f} | {opened['due_periods']:,} periods due of {opened['initiatives_due']:,} "
        f"initiatives, {opened['periods_created']:,} periods created, {opened['proposals']:,} figures "
        "proposed from attendance |",
        "",
    )


def measure_pages(report: Report, cycle: int, *, workers: int, requests: int) -> None:
    from bench import web

    web.PORT = PORT  # beside a bench/web.py run, not on its port
    serving = dict(web.server_env(cached=False), PYTHONPATH=str(BASE_DIR))
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=BASE_DIR,
        env=serving,
        check=True,
    )
    counted, _peak = run_step("count", cycle, "127.0.0.1", env=serving)
    report.say(
        f"gunicorn {workers} workers, production settings, nothing cached; one request at a time, "
        f"{requests} after one per worker to warm up. The member is the editor whose organisation owes "
        f"{counted['editor_owes']} initiatives. Where the initiatives stand: "
        + ", ".join(f"{label} {n:,}" for label, n in counted["standings"].items())
        + ".",
        "",
        "| page | p50 ms | slowest ms | queries | size | test client ms |",
        "|---|---:|---:|---:|---|---:|",
    )
    with web.Server(serving, workers=workers, threads=1):
        for page in counted["pages"]:
            if page["status"] != 200:
                raise RuntimeError(f"{page['path']} answered {page['status']}")
            url = f"http://127.0.0.1:{PORT}{page['path']}"
            cookie = counted["cookies"][page["who"]]
            for _ in range(workers):  # each worker's first build of a page is slower
                fetch(url, cookie)
            times = [fetch(url, cookie)[0] * 1000 for _ in range(requests)]
            report.say(
                f"| {page['name']} (`{page['path']}`) | {statistics.median(times):.0f} | {max(times):.0f} "
                f"| {page['queries']} | {_size(page['bytes'])} | {page['seconds'] * 1000:.0f} |"
            )
    report.say("", "The slowest queries of each page (test client, ms):", "")
    for page in counted["pages"]:
        report.say(
            f"- {page['name']}: "
            + "; ".join(f"{q['ms']:.0f} `{q['sql'][:90]}…`" for q in page["slowest"][:2])
        )
    report.say("")


def measure_reminders(report: Report, cycle: int, env: dict[str, str]) -> None:
    report.say(
        "| reminder run on the due date | wall s | queries | of which in the database s | peak RSS MB "
        "| initiatives owed | organisations owing | editors active | editor digests | approver digests |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    )
    runs = []
    for label, only in (
        ("every editor", 0),
        (f"editors of {FEW_ORGANISATIONS} organisations", FEW_ORGANISATIONS),
    ):
        run, peak = run_step("remind", cycle, only, env=env)
        run["mails"] = run["editor_digests"] + run["approver_digests"]
        runs.append(run)
        report.say(
            f"| {label} | {run['seconds']:.1f} | {run['queries']:,} | {run['db_seconds']:.1f} "
            f"| {peak / 1024:.0f} | {run['initiatives_owed']:,} | {run['organisations_owing']:,} "
            f"| {run['editors_active']:,} | {run['editor_digests']:,} | {run['approver_digests']:,} |"
        )
    many, few = runs
    if many["mails"] != few["mails"]:
        per_mail = (many["queries"] - few["queries"]) / (many["mails"] - few["mails"])
        report.say(
            "",
            f"Queries = {many['queries'] - per_mail * many['mails']:.0f} + {per_mail:.2f} × mails written, "
            f"with the same {many['initiatives_owed']:,} initiatives owed whether {many['mails']:,} or "
            f"{few['mails']:,} people are mailed.",
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--requests", type=int, default=9, help="requests per page, after one per worker to warm up"
    )
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--seed", type=int, default=2026, help="which organisations get editors")
    parser.add_argument("--editor-share", type=float, default=0.25)
    parser.add_argument(
        "--every-initiative",
        action="store_true",
        help="the cycle also chooses every initiative, whatever its dates",
    )
    parser.add_argument("--keep", action="store_true", help="keep what the run made after measuring")
    parser.add_argument("--remove", action="store_true", help="remove what an earlier run left, and stop")
    parser.add_argument("--out", type=Path, help="also write the Markdown tables to this file")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL") or not os.environ.get("DJANGO_SETTINGS_MODULE"):
        sys.exit("Set DATABASE_URL (the national-scale dataset) and DJANGO_SETTINGS_MODULE; see --help.")

    # One secret for every process, so the session a child makes signs the coordinator in on the
    # server too.
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    env = dict(os.environ, PYTHONPATH=str(BASE_DIR))
    if args.remove:
        removed, _peak = run_step("remove", env=env)
        print(json.dumps(removed))
        return
    report = Report()
    report.say(f"{os.cpu_count()} cores; load average before: {_load()}", "")
    with tempfile.TemporaryDirectory(prefix="bench-cycles-") as scratch:
        # The steps that write hand their messages to a queue no worker reads.
        writing = dict(env, CELERY_BROKER_URL="filesystem://localhost/", PORTAL_VAR_DIR=scratch)
        prepared, _peak = run_step(
            "prepare",
            args.seed,
            args.editor_share,
            "every" if args.every_initiative else "active",
            env=writing,
        )
        try:
            measure_opening(report, prepared, writing)
            measure_pages(report, prepared["cycle"], workers=args.workers, requests=args.requests)
            measure_reminders(report, prepared["cycle"], writing)
        finally:
            if args.keep:
                report.say("", "Kept: remove it with `bench/cycles.py --remove`.")
            else:
                removed, _peak = run_step("remove", env=writing)
                report.say("", "Removed: " + ", ".join(f"{n:,} {what}" for what, n in removed.items()) + ".")
    report.say("", f"Load average after: {_load()}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("\n".join(report.lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
