"""Load test of the public pages under gunicorn, each beside a bare ``HttpResponse`` view on the
same server and middleware, measured in one run.

Run it against a database that holds the national-scale dataset (``bench_dataset``), with Redis
as the cache, as in production:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench REDIS_URL=redis://127.0.0.1:6379/3 \\
        .venv/bin/python bench/web.py --out bench/results/web.md

It starts gunicorn with the production settings (plain http on loopback), picks the pages to
load from the data (the busiest published organisation, event, initiative and pillar), then for
each page runs wrk (Debian's ``wrk``) with 16 connections: first on the bare view, then on the
page, and reports p50, p99 and requests per second with the ratio of the page's p50 to the bare
view's. Both the cached pages anonymous visitors get and, with ``--modes uncached``, the cost
of building every page are measured; the server is restarted between the two.

The public API's lists and one initiative's results are measured the same way, in the same
table. The API limits requests per client, and all of wrk's come from one address: wrk sends
them as from many visitors behind one trusted proxy (``api_clients.lua``, a new
``X-Forwarded-For`` address for each request), so the limit is checked on every request, as in
production, without refusing any.
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PORT = 8765
# wrk's script for the API's addresses (see the module docstring).
API_CLIENTS = Path(__file__).resolve().parent / "api_clients.lua"


@dataclass
class Sample:
    p50_ms: float
    p99_ms: float
    rps: float
    errors: int


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url: str, *, connections: int, seconds: int, threads: int, script: Path | None = None) -> Sample:
    options = ["-s", str(script)] if script else []
    out = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
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
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(bad.group(1)) if bad else 0) + (
        sum(map(int, socket_errors.groups())) if socket_errors else 0
    )
    return Sample(p50, p99, rps, errors)


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


def pick_pages(env: dict[str, str]) -> list[tuple[str, str]]:
    """The pages to load, with real slugs from the data: a child process so the runner itself
    stays free of Django and its connections."""
    script = """
import django, json
django.setup()
from django.db.models import Count
from events.models import Event
from initiatives.models import Initiative
from vocabulary.models import Pillar
from members.models import Organisation
organisation = (Organisation.objects.published().annotate(n=Count("event_roles")).order_by("-n", "pk").first())
event = (Event.objects.published().annotate(n=Count("participations")).order_by("-n", "pk").first())
initiative = (Initiative.objects.published().annotate(n=Count("results__indicators__periods__updates")).order_by("-n", "pk").first())
pillar = Pillar.objects.published().annotate(n=Count("initiatives")).order_by("-n", "pk").first()
print(json.dumps({"organisation": organisation.slug, "event": event.slug, "initiative": initiative.slug, "pillar": pillar.code}))
"""
    import json

    found = json.loads(
        subprocess.run(
            [sys.executable, "-c", script], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=True
        ).stdout
    )
    return [
        ("home", "/vi/"),
        ("member directory", "/vi/members/"),
        ("events list", "/vi/events/"),
        ("events calendar", "/vi/events/calendar/2024/11/"),
        ("initiatives list", "/vi/initiatives/"),
        ("pillar page", f"/vi/pillars/{found['pillar']}/"),
        ("an organisation", f"/vi/members/{found['organisation']}/"),
        ("an event", f"/vi/events/{found['event']}/"),
        ("an initiative", f"/vi/initiatives/{found['initiative']}/"),
        ("reports library", "/vi/reports/"),
        ("API organisations", "/api/v1/organisations/"),
        ("API pillars", "/api/v1/pillars/"),
        ("API events", "/api/v1/events/"),
        ("API initiatives", "/api/v1/initiatives/"),
        ("API totals", "/api/v1/totals/"),
        ("API reports", "/api/v1/reports/"),
        ("API an initiative", f"/api/v1/initiatives/{found['initiative']}/"),
    ]


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


def warm(url: str, times: int = 3) -> None:
    for _ in range(times):
        with urllib.request.urlopen(url, timeout=120) as response:
            if response.status != 200:
                raise RuntimeError(f"{url} answered {response.status}")
            response.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=15, help="wrk duration per measurement")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker")
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--modes", default="cached,uncached", help="cached, uncached or both")
    parser.add_argument("--out", type=Path, help="also write the Markdown table to this file")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install -y wrk")
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to the database holding the national-scale dataset.")

    base_env = server_env(cached=True)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=BASE_DIR,
        env=base_env,
        check=True,
    )
    pages = pick_pages(base_env)
    lines = [
        f"gunicorn {args.workers} workers × {args.threads} threads, wrk {args.connections} connections, "
        f"{args.seconds} s per measurement, {os.cpu_count()} cores",
        "",
        "| mode | page | p50 ms | p99 ms | req/s | bare p50 ms | bare p99 ms | bare req/s | p50 ratio | errors |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for mode in [m.strip() for m in args.modes.split(",") if m.strip()]:
        with Server(server_env(cached=mode == "cached"), workers=args.workers, threads=args.threads):
            bare_url = f"http://127.0.0.1:{PORT}/bench/bare"
            warm(bare_url, times=20)
            for name, path in pages:
                url = f"http://127.0.0.1:{PORT}{path}"
                warm(url)
                options = {
                    "connections": args.connections,
                    "seconds": args.seconds,
                    "threads": args.wrk_threads,
                }
                bare = wrk(bare_url, **options)
                page = wrk(url, **options, script=API_CLIENTS if path.startswith("/api/") else None)
                row = (
                    f"| {mode} | {name} (`{path}`) | {page.p50_ms:.1f} | {page.p99_ms:.1f} | {page.rps:.0f} "
                    f"| {bare.p50_ms:.1f} | {bare.p99_ms:.1f} | {bare.rps:.0f} | {page.p50_ms / bare.p50_ms:.1f}× "
                    f"| {page.errors + bare.errors} |"
                )
                print(row, flush=True)
                lines.append(row)
    table = "\n".join(lines) + "\n"
    print(table)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
