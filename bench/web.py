"""Load test of the portal's pages under gunicorn, each beside a bare ``HttpResponse`` view on
the same server and middleware, measured in one run.

Run it against a database that holds the national-scale dataset (``bench_dataset``), with Redis
as the cache, as in production:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench REDIS_URL=redis://127.0.0.1:6379/3 \\
        DJANGO_SETTINGS_MODULE=bench.settings .venv/bin/python bench/web.py --out bench/results/web.md

It starts gunicorn with the production settings (plain http on loopback) and picks the pages to
load from the data (``bench/web_pages.py``): the public pages (the busiest published
organisation, event, initiative and pillar), the knowledge hub, the public API, the pages of a
member editor and of a coordinator, and the admin's changelists. The signed-in pages are loaded
with the session cookie of an account made for the benchmark. For each page and each number of
connections (``--connections 1,16``) it runs wrk (Debian's ``wrk``): first on the bare view, then
on the page, and reports p50, p99 and requests per second, with the ratio of the page's p50 to
the bare view's and the page's requests per second as a share of the bare view's.

Each page is measured in two modes, the server restarted between them (``--modes``):

* ``cached``: as served, with the page cache and the kept figures (anonymous visitors get whole
  pages from the cache, answered before sessions and authentication run);
* ``uncached``: nothing cached, ``PORTAL_PAGE_CACHE_SECONDS=0``, so every request builds its
  page and every figure on it, as the first visitor after a change waits.

``--rows`` runs some of the rows: groups (``public``, ``hub``, ``api``, ``member``,
``coordinator``, ``admin``) or rows by name or part of one, by commas (``--rows
"home,approval queue,admin"``); ``--list`` shows them. A whole run, 33 rows in two modes at two
numbers of connections, takes about an hour at 15 s per measurement.

The public API limits requests per client, and all of wrk's come from one address: wrk sends
them as from many visitors behind one trusted proxy (``api_clients.lua``, a new
``X-Forwarded-For`` address for each request), so the limit is checked on every request, as in
production, without refusing any.

The home page under a burst of approvals is measured by ``bench/burst.py``.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PORT = 8765
# wrk's script for the API's addresses (see the module docstring).
API_CLIENTS = Path(__file__).resolve().parent / "api_clients.lua"
# The groups of rows (``bench/web_pages.py``), in the order of the table.
GROUPS = ("public", "hub", "api", "member", "coordinator", "admin")
TABLE_HEAD = (
    "| mode | page | as | conn | p50 ms | p99 ms | req/s | bare p50 ms | bare p99 ms | bare req/s "
    "| p50 ratio | req/s share | errors |",
    "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
)


@dataclass
class Sample:
    p50_ms: float
    p99_ms: float
    max_ms: float
    rps: float
    requests: int
    errors: int


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def wrk(
    url: str,
    *,
    connections: int,
    seconds: int,
    threads: int,
    script: Path | None = None,
    headers: dict[str, str] | None = None,
) -> Sample:
    options = ["-s", str(script)] if script else []
    for name, value in (headers or {}).items():
        options += ["-H", f"{name}: {value}"]
    return parse_wrk(
        subprocess.run(
            [
                "wrk",
                f"-t{min(threads, connections)}",
                f"-c{connections}",
                f"-d{seconds}s",
                "--latency",
                "--timeout",
                "10s",
                *options,
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )


def parse_wrk(out: str) -> Sample:
    """wrk's report with ``--latency``: the percentiles, the slowest answer, requests per second,
    and the errors (answers other than 2xx and 3xx, and connect, read, write and timeout errors)."""
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    slowest = _ms(re.search(r"^\s+Latency\s+\S+\s+\S+\s+(\S+)", out, re.M).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(bad.group(1)) if bad else 0) + (
        sum(map(int, socket_errors.groups())) if socket_errors else 0
    )
    return Sample(p50, p99, slowest, rps, requests, errors)


def server_env(*, cached: bool) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=env.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        # Loopback has no TLS proxy in front: answer plain http instead of redirecting.
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_LOG_LEVEL="WARNING",
        PORTAL_PAGE_CACHE_SECONDS="600" if cached else "0",
        # wrk stands for the proxy in front of the portal (see the module docstring).
        PORTAL_TRUSTED_PROXIES="1",
    )
    return env


def pick_pages(env: dict[str, str]) -> dict:
    """The rows, the accounts' session cookies and notes on what was picked
    (``bench/web_pages.py``): a child process, so the runner itself stays free of Django and its
    connections."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.web_pages"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


class Server:
    def __init__(self, env: dict[str, str], *, workers: int, threads: int):
        self.env, self.workers, self.threads = env, workers, threads
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Server":
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        self.process = subprocess.Popen(
            [
                gunicorn,
                "network_portal.wsgi",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--workers",
                str(self.workers),
                "--threads",
                str(self.threads),
                "--log-level",
                "warning",
            ],
            cwd=BASE_DIR,
            env=self.env,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/bench/bare", timeout=2).read()
                return self
            except OSError:
                time.sleep(0.5)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def warm(url: str, times: int = 3, *, headers: dict[str, str] | None = None) -> None:
    """Request the page ``times`` times; anything but 200 (a redirect to sign in, say) stops the run."""
    opener = urllib.request.build_opener(_NoRedirect)
    for _ in range(times):
        try:
            with opener.open(urllib.request.Request(url, headers=headers or {}), timeout=300) as response:
                response.read()
        except urllib.error.HTTPError as error:
            raise RuntimeError(f"{url} answered {error.code}") from None


def settle(url: str, *, fast_ms: float = 50, within: float = 300) -> None:
    """Wait until the server answers the bare view quickly three times in a row: requests a
    measurement left in flight (a slow page at 16 connections) finish before the next one starts."""
    deadline = time.monotonic() + within
    quick = 0
    while quick < 3 and time.monotonic() < deadline:
        began = time.perf_counter()
        warm(url, times=1)
        quick = quick + 1 if (time.perf_counter() - began) * 1000 < fast_ms else 0
        if not quick:
            time.sleep(0.2)


def row_line(mode: str, row: dict, connections: int, page: Sample, bare: Sample) -> str:
    ratio = f"{page.p50_ms / bare.p50_ms:.1f}×" if bare.p50_ms else "–"
    share = f"{100 * page.rps / bare.rps:.0f}%" if bare.rps else "–"
    return (
        f"| {mode} | {row['name']} (`{row['path']}`) | {row['who']} | {connections} "
        f"| {page.p50_ms:.1f} | {page.p99_ms:.1f} | {page.rps:.0f} "
        f"| {bare.p50_ms:.1f} | {bare.p99_ms:.1f} | {bare.rps:.0f} "
        f"| {ratio} | {share} | {page.errors + bare.errors} |"
    )


def measure(rows: list[dict], cookies: dict[str, str], *, mode: str, args: argparse.Namespace, say) -> None:
    """Every row at every number of connections on one server, each beside the bare view."""
    with Server(server_env(cached=mode == "cached"), workers=args.workers, threads=args.threads):
        bare_url = f"http://127.0.0.1:{PORT}/bench/bare"
        warm(bare_url, times=20)
        for connections in args.connections:
            for row in rows:
                options = {"connections": connections, "seconds": args.seconds, "threads": args.wrk_threads}
                headers = _headers(row, cookies)
                url = f"http://127.0.0.1:{PORT}{row['path']}"
                settle(bare_url)
                bare = wrk(bare_url, **options, headers=headers)
                settle(bare_url)
                # One request per worker just before: each worker's first build of a page is
                # slower, and a cached page kept since an earlier measurement may have expired.
                warm(url, times=args.workers, headers=headers)
                page = wrk(
                    url,
                    **options,
                    headers=headers,
                    script=API_CLIENTS if row["path"].startswith("/api/") else None,
                )
                say(row_line(mode, row, connections, page, bare))


def _headers(row: dict, cookies: dict[str, str]) -> dict[str, str]:
    """The signed-in pages send the account's session cookie (the bare view too, so both requests
    carry the same)."""
    return {"Cookie": cookies[row["who"]]} if row["who"] in cookies else {}


def chosen(rows: list[dict], wanted: str) -> list[dict]:
    """The rows ``--rows`` names: ``all``, or groups and row names (or parts of names), by commas."""
    if wanted.strip() == "all":
        return rows
    words = [word.strip().lower() for word in wanted.split(",") if word.strip()]
    picked = [
        row for row in rows if any(word == row["group"] or word in row["name"].lower() for word in words)
    ]
    if not picked:
        raise SystemExit(f"--rows {wanted!r} names no row; groups: {', '.join(GROUPS)}")
    return picked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--connections",
        type=lambda text: [int(n) for n in text.split(",") if n.strip()],
        default=[1, 16],
        help="numbers of connections, by commas (default 1,16)",
    )
    parser.add_argument("--seconds", type=int, default=15, help="wrk duration per measurement")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker")
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--modes", default="cached,uncached", help="cached, uncached or both")
    parser.add_argument(
        "--rows", default="all", help="groups or rows by (part of) name, by commas; see --list"
    )
    parser.add_argument("--list", action="store_true", help="list the rows --rows picks, and stop")
    parser.add_argument("--port", type=int, default=8765, help="the port gunicorn listens on")
    parser.add_argument("--out", type=Path, help="also write the Markdown table to this file")
    args = parser.parse_args()
    global PORT
    PORT = args.port
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install -y wrk")
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to the database holding the national-scale dataset.")
    # One secret for every process, so the sessions made by the child sign in on the server too.
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))

    base_env = server_env(cached=True)
    picked = pick_pages(base_env)
    rows = chosen(picked["rows"], args.rows)
    if args.list:
        for row in rows:
            print(f"{row['group']:<12} {row['name']:<30} {row['who']:<12} {row['path']}")
        return
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=BASE_DIR,
        env=base_env,
        check=True,
    )
    notes = picked["notes"]
    lines: list[str] = []

    def say(*said: str) -> None:
        print("\n".join(said), flush=True)
        lines.extend(said)

    say(
        f"gunicorn {args.workers} workers × {args.threads} threads, wrk at "
        f"{' and '.join(map(str, args.connections))} connections, {args.seconds} s per measurement, "
        f"{os.cpu_count()} cores; load average before: {_load()}",
        "",
        f"Signed in as a member editor of `{notes['editor_organisation']}` ({notes['editor_initiatives']} "
        f"initiatives) and as a coordinator (coordinators' and results approvers' groups); the cycle "
        f"dashboard shows {notes['cycle']}; {notes['submitted_updates']:,} updates await approval.",
        "",
        *TABLE_HEAD,
    )
    for mode in [m.strip() for m in args.modes.split(",") if m.strip()]:
        measure(rows, picked["cookies"], mode=mode, args=args, say=say)
    say("", f"Load average after: {_load()}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
