"""``bench/web.py`` and ``bench/burst.py`` at a tiny scale, in this process: every page the load
test measures answers 200 as the account it is measured as, ``--rows`` picks rows by group or
name, wrk's report is read right, and the burst's approvals go through the approval service and
make the cached pages stale. Calls ``bench``'s modules and command directly: ``bench`` need not
be installed."""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client

from bench import dataset, web, web_pages
from bench.management.commands import bench_approvals
from core import page_cache
from core.models import OutgoingMail
from cycles.tests.factories import ReportingCycleFactory
from hub.tests.factories import ResourceFactory
from initiatives.models import IndicatorUpdate

SCALE = 0.002  # 20 organisations, 100 events, 16 initiatives, 1,000 updates


@pytest.fixture
def generated(db, settings, tmp_path, migrated_rows):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    dataset.generate(scale=SCALE, seed=7, analyze=False)
    ResourceFactory()
    ReportingCycleFactory()


def test_every_page_answers_as_the_account_it_is_measured_as(generated):
    picked = web_pages.prepare()
    groups = {row["group"] for row in picked["rows"]}
    assert groups == set(web.GROUPS)
    assert len(picked["rows"]) == 33
    for row in picked["rows"]:
        client = Client()
        if row["who"] != "anonymous":
            name, value = picked["cookies"][row["who"]].split("=", 1)
            client.cookies[name] = value
        response = client.get(row["path"])
        assert response.status_code == 200, row
        user = response.wsgi_request.user if hasattr(response.wsgi_request, "user") else None
        if row["who"] == "anonymous":
            assert user is None or not user.is_authenticated
        else:
            assert user.username == f"{web_pages.USER_PREFIX}{row['who']}", row


def test_a_second_preparation_keeps_the_accounts_and_signs_them_in_afresh(generated):
    first = web_pages.prepare()
    accounts = get_user_model().objects.count()
    second = web_pages.prepare()
    assert get_user_model().objects.count() == accounts
    assert first["cookies"]["editor"] != second["cookies"]["editor"]
    assert [row["path"] for row in first["rows"]] == [row["path"] for row in second["rows"]]


def test_rows_are_picked_by_group_or_by_part_of_their_name():
    rows = [
        {"group": "public", "name": "home"},
        {"group": "member", "name": "report index"},
        {"group": "coordinator", "name": "approval queue"},
        {"group": "admin", "name": "admin events"},
        {"group": "admin", "name": "admin people"},
    ]
    assert web.chosen(rows, "all") == rows
    assert [row["name"] for row in web.chosen(rows, "admin, Home")] == [
        "home",
        "admin events",
        "admin people",
    ]
    assert [row["name"] for row in web.chosen(rows, "approval queue,events")] == [
        "approval queue",
        "admin events",
    ]
    with pytest.raises(SystemExit):
        web.chosen(rows, "calendar")


WRK_REPORT = """Running 15s test @ http://127.0.0.1:8765/vi/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    49.51ms   15.25ms   1.12s    71.23%
    Req/Sec   175.88     30.12   250.00     70.00%
  Latency Distribution
     50%   46.10ms
     75%   57.72ms
     90%   68.93ms
     99%  740.20ms
  4211 requests in 15.03s, 19.58MB read
  Socket errors: connect 0, read 1, write 0, timeout 3
  Non-2xx or 3xx responses: 2
Requests/sec:    280.17
Transfer/sec:      1.30MB
"""


def test_wrk_s_report_is_read_with_its_units_and_errors():
    sample = web.parse_wrk(WRK_REPORT)
    assert (sample.p50_ms, sample.p99_ms, sample.max_ms) == (46.1, 740.2, 1120.0)
    assert (sample.rps, sample.requests, sample.errors) == (280.17, 4211, 6)


def test_the_burst_approves_through_the_service_and_makes_the_cached_pages_stale(generated, client):
    submitted = IndicatorUpdate.objects.filter(status=IndicatorUpdate.Status.SUBMITTED)
    waiting, mails = submitted.count(), OutgoingMail.objects.count()
    client.get("/vi/")
    versions = page_cache.content_version(), page_cache.results_version()
    out = io.StringIO()

    call_command(bench_approvals.Command(), count=3, interval=0, stdout=out)

    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert "ready" in lines[0] and [set(line) for line in lines[1:]] == [{"update", "clock", "seconds"}] * 3
    approved = IndicatorUpdate.objects.filter(pk__in=[line["update"] for line in lines[1:]])
    assert {(update.status, update.reviewer.username) for update in approved} == {
        (IndicatorUpdate.Status.APPROVED, "bench-web-approver")
    }
    assert submitted.count() == waiting - 3
    assert page_cache.content_version() != versions[0] and page_cache.results_version() != versions[1]
    # Built again for the next visitor, not answered from the cache.
    assert hasattr(client.get("/vi/").wsgi_request, "user")
    assert OutgoingMail.objects.count() == mails  # the reporters' notices are not kept


def test_the_burst_refuses_to_start_without_enough_submitted_updates(generated):
    with pytest.raises(CommandError, match="submitted updates"):
        call_command(bench_approvals.Command(), count=100_000, interval=0, stdout=io.StringIO())
