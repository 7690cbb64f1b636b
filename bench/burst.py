"""The home page under a burst of approvals: a results approver approves 20 submitted updates in
one minute, 3 s apart, through the approval service, while wrk loads the home page anonymously
with 16 connections; the home page's p50, p99 and slowest answer, beside the same load without
approvals on the same server.

Each approval changes the network's totals, so the cached home page and its totals are stale at
once and the next visitors wait while they are built again: this is what the figure measures.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench REDIS_URL=redis://127.0.0.1:6379/3 \\
        DJANGO_SETTINGS_MODULE=bench.settings
    .venv/bin/python bench/burst.py --out bench/results/burst.md

gunicorn runs with the production settings and the page cache on, as ``bench/web.py``'s cached
mode. The approvals run in a child process (``manage.py bench_approvals``) that hands its
messages to a broker folder no worker reads. The approved updates stay approved: each run uses
20 more of the dataset's submitted updates (tens of thousands at national scale).

Options: ``--approvals 20``, ``--interval 3`` (seconds between approvals), ``--connections 16``,
``--workers 4``, ``--path /vi/``, ``--port 8765``, ``--out FILE``.
"""

import argparse
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
if not __package__:
    import as_script  # noqa: F401  (run as a file: the project's folder first on the path)

from bench import web  # noqa: E402

# Seconds from the start of the load to the first approval, and after the last one.
START_IN = 2.0


def approvals(env: dict[str, str], *, count: int, interval: float, scratch: str) -> subprocess.Popen:
    writing = dict(env, CELERY_BROKER_URL="filesystem://localhost/", PORTAL_VAR_DIR=scratch)
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "bench_approvals",
            "--count",
            str(count),
            "--interval",
            str(interval),
            "--start-in",
            str(START_IN),
        ],
        cwd=BASE_DIR,
        env=writing,
        stdout=subprocess.PIPE,
        text=True,
    )


def line(label: str, sample: web.Sample) -> str:
    return (
        f"| {label} | {sample.p50_ms:.1f} | {sample.p99_ms:.1f} | {sample.max_ms:.1f} | {sample.rps:.0f} "
        f"| {sample.requests:,} | {sample.errors} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--approvals", type=int, default=20)
    parser.add_argument("--interval", type=float, default=3.0, help="seconds between approvals")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker")
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--path", default="/vi/", help="the page loaded")
    parser.add_argument("--port", type=int, default=web.PORT)
    parser.add_argument("--out", type=Path, help="also write the Markdown to this file")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install -y wrk")
    if not os.environ.get("DATABASE_URL") or not os.environ.get("REDIS_URL"):
        sys.exit("Set DATABASE_URL (the national-scale dataset) and REDIS_URL (the cache); see --help.")
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    web.PORT = args.port
    env = dict(web.server_env(cached=True), PYTHONPATH=str(BASE_DIR))
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )
    # Every approval falls inside the load, the last one START_IN before its end.
    seconds = int(START_IN + (args.approvals - 1) * args.interval + args.interval + START_IN)
    url = f"http://127.0.0.1:{args.port}{args.path}"
    bare = f"http://127.0.0.1:{args.port}/bench/bare"
    options = {"connections": args.connections, "seconds": seconds, "threads": args.wrk_threads}
    lines = [
        f"gunicorn {args.workers} workers × {args.threads} threads, production settings, page cache on; "
        f"wrk {args.connections} connections on `{args.path}`, anonymous, {seconds} s each; "
        f"{os.cpu_count()} cores; load average before: {web._load()}",
        "",
        "| load | p50 ms | p99 ms | slowest ms | req/s | requests | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    print("\n".join(lines), flush=True)
    with (
        web.Server(env, workers=args.workers, threads=args.threads),
        tempfile.TemporaryDirectory() as scratch,
    ):
        web.warm(url, times=args.workers)
        calm = web.wrk(url, **options)
        lines.append(line("the page alone", calm))
        print(lines[-1], flush=True)
        web.settle(bare)
        web.warm(url, times=args.workers)
        child = approvals(env, count=args.approvals, interval=args.interval, scratch=scratch)
        # The approvals start counting once the child is ready, and the load starts with them.
        if not child.stdout.readline().startswith('{"ready"'):
            child.kill()
            raise RuntimeError("bench_approvals did not start")
        load_began = time.time()
        try:
            burst = web.wrk(url, **options)
        finally:
            output, _ = child.communicate(timeout=args.approvals * args.interval + 120)
        if child.returncode != 0:
            raise RuntimeError("bench_approvals failed")
    made = [json.loads(row) for row in output.splitlines() if row.startswith('{"update"')]
    lines.append(line(f"during {len(made)} approvals, {args.interval:g} s apart", burst))
    print(lines[-1], flush=True)
    took = [approval["seconds"] * 1000 for approval in made]
    lines += [
        "",
        f"Approvals through `indicator_update_approve`: {len(made)}, each {min(took):.0f}–{max(took):.0f} ms "
        f"(median {statistics.median(took):.0f} ms); the first {made[0]['clock'] - load_began:.1f} s and "
        f"the last {made[-1]['clock'] - load_began:.1f} s after the load began.",
        "",
        f"Load average after: {web._load()}",
    ]
    print("\n".join(lines[-3:]), flush=True)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
