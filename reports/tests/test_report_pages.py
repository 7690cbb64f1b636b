"""Staff report pages and the public library: who may see what, and a broker that fails."""

import importlib
import time
from concurrent.futures import ThreadPoolExecutor
from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command

from core import dispatch
from members.tests.factories import OrganisationFactory
from network_portal.celery import app as celery_app
from reports import services
from reports.models import PublishedReport, ReportRun
from reports.tests.factories import ReportRunFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def built_run(db):
    OrganisationFactory(name_vi="Trung tâm Nghiên cứu Môi trường và Cộng đồng", acronym="CECR")
    run = ReportRunFactory(kind="member_directory", formats=["csv", "pdf"])
    services.report_run_build(run_id=run.pk)
    run.refresh_from_db()
    return run


@pytest.fixture
def report_staff(django_user_model):
    user = django_user_model.objects.create_user(
        username="baocao", email="baocao@npap.test", password="x", is_staff=True
    )
    user.user_permissions.add(Permission.objects.get(codename="add_reportrun"))
    return user


STAFF_URLS = [
    "/vi/reports/runs/",
    "/vi/reports/runs/{run}/",
    "/vi/reports/runs/{run}/status/",
    "/vi/reports/files/{file}/publish/",
]


@pytest.mark.parametrize("url", STAFF_URLS)
def test_staff_pages_and_private_files_by_role(client, built_run, url, editor_of, report_staff, coordinator):
    address = url.format(run=built_run.pk, file=built_run.files.first().pk)
    anonymous = client.get(address)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    client.force_login(editor_of(OrganisationFactory()))
    assert client.get(address).status_code == 403
    client.force_login(report_staff)
    assert client.get(address).status_code == 200
    client.force_login(coordinator)
    assert client.get(address).status_code == 200


def test_report_files_have_no_public_url(built_run, settings):
    report_file = built_run.files.first()
    assert str(settings.MEDIA_ROOT) not in report_file.file.path
    with pytest.raises(ValueError):
        _ = report_file.file.url


def test_staff_request_a_report_and_it_is_queued(client, coordinator, django_capture_on_commit_callbacks):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/vi/reports/runs/",
            {"kind": "annual", "preset": "2025", "language": "vi", "formats": ["pdf", "docx"]},
        )
    run = ReportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/vi/reports/runs/{run.pk}/"
    assert (run.period_start.isoformat(), run.period_end.isoformat()) == ("2025-01-01", "2025-12-31")
    assert run.formats == ["pdf", "docx"]
    assert run.requested_by == coordinator
    assert run.dispatch_note == ""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {
                "kind": "annual",
                "period_start": "31/12/2022",
                "period_end": "01/01/2022",
                "language": "vi",
                "formats": ["pdf"],
            },
            "không được trước ngày bắt đầu",
        ),
        ({"kind": "pillar", "preset": "2025", "language": "vi", "formats": ["pdf"]}, "Hãy chọn trụ cột"),
        ({"kind": "annual", "language": "vi", "formats": ["pdf"]}, "Hãy chọn một kỳ báo cáo"),
        ({"kind": "annual", "preset": "2025", "language": "vi"}, "Trường này là bắt buộc"),
        (
            {
                "kind": "annual",
                "period_start": "ba mươi",
                "period_end": "01/01/2022",
                "language": "vi",
                "formats": ["pdf"],
            },
            "Nhập một ngày hợp lệ",
        ),
    ],
)
def test_bad_requests_get_a_clear_error_and_keep_what_was_typed(client, coordinator, data, message):
    client.force_login(coordinator)
    response = client.post("/vi/reports/runs/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ReportRun.objects.exists()


@pytest.fixture
def broker_at(monkeypatch):
    """Point the Celery app at another broker for this test, then back to the real one.

    The app caches its connection pool and producers; the test gets fresh ones for the other
    broker and the real ones are put back untouched afterwards.
    """
    saved_conf = {key: celery_app.conf[key] for key in ("broker_url", "broker_transport_options")}
    saved_pools = (celery_app._pool, celery_app.amqp._producer_pool)
    # Sends to a hung broker outlive the request; let them end before the real broker returns.
    dispatcher = ThreadPoolExecutor(max_workers=2)
    monkeypatch.setattr(dispatch, "_executor", dispatcher)

    def point(url: str) -> None:
        celery_app.conf["broker_url"] = url
        celery_app.conf["broker_transport_options"] = {"socket_timeout": 2, "socket_connect_timeout": 2}
        celery_app._pool = None
        celery_app.amqp._producer_pool = None

    yield point
    dispatcher.shutdown(wait=True)
    if celery_app._pool is not None:
        celery_app._pool.force_close_all()
    celery_app.conf.update(saved_conf)
    celery_app._pool, celery_app.amqp._producer_pool = saved_pools


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("broker", ["stopped", "hung"])
def test_a_broker_down_or_hung_gives_a_message_within_two_seconds(
    client, coordinator, broker_at, silent_port, closed_port, broker
):
    # A real commit, so the dispatch runs inside the request as it does in production.
    port = closed_port if broker == "stopped" else silent_port
    broker_at(f"redis://127.0.0.1:{port}/0")
    client.force_login(coordinator)
    started = time.monotonic()
    response = client.post(
        "/vi/reports/runs/", {"kind": "annual", "preset": "2025", "language": "vi", "formats": ["pdf"]}
    )
    assert time.monotonic() - started < 2
    response = client.get(response["Location"])
    assert response.status_code == 200
    run = ReportRun.objects.get()
    assert run.status == ReportRun.Status.PENDING
    assert "sẽ tự động được lập khi hàng đợi hoạt động trở lại" in response.content.decode()


def test_the_sweep_restarts_lost_runs(django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.utils import timezone

    old = timezone.now() - timedelta(hours=2)
    never_delivered = ReportRunFactory(status=ReportRun.Status.PENDING)
    ReportRun.objects.filter(pk=never_delivered.pk).update(created_at=old)
    worker_died = ReportRunFactory(status=ReportRun.Status.RUNNING, heartbeat_at=old)
    still_running = ReportRunFactory(status=ReportRun.Status.RUNNING, heartbeat_at=timezone.now())
    result = services.report_runs_sweep()
    assert result["revived"] == 1
    assert result["dispatched"] == 2
    statuses = dict(ReportRun.objects.values_list("pk", "status"))
    assert statuses[worker_died.pk] == ReportRun.Status.PENDING
    assert statuses[still_running.pk] == ReportRun.Status.RUNNING


def test_schedules_are_created_for_beat_and_draft_the_period_just_ended(django_capture_on_commit_callbacks):
    from datetime import date

    from django.apps import apps as django_apps
    from django_celery_beat.models import PeriodicTask

    from vocabulary.models import Pillar

    # Browser and worker tests empty the database between tests, which also removes what the
    # migration created; run the migration's function again, as `migrate` does on a new database.
    schedules = importlib.import_module("reports.migrations.0002_report_schedules")
    schedules.create_schedules(django_apps, None)
    schedules.create_schedules(django_apps, None)
    tasks = list(PeriodicTask.objects.values_list("task", flat=True))
    assert tasks.count("reports.tasks.schedule_report") == 3
    assert tasks.count("reports.tasks.sweep_report_runs") == 1
    assert services.report_period_for("annual", date(2026, 1, 10)) == (date(2025, 1, 1), date(2025, 12, 31))
    assert services.report_period_for("six_month", date(2026, 7, 10)) == (date(2026, 1, 1), date(2026, 6, 30))
    assert services.report_period_for("newsletter", date(2026, 10, 10)) == (
        date(2026, 7, 1),
        date(2026, 9, 30),
    )
    Pillar.objects.create(code="policy", name_vi="Chính sách")
    Pillar.objects.create(code="finance", name_vi="Tài chính")
    runs = services.report_schedule(kind="newsletter", today=date(2026, 4, 10))
    again = services.report_schedule(kind="newsletter", today=date(2026, 4, 10))
    assert len(runs) == 2 and again == []


def test_publish_then_the_public_downloads_it(client, built_run, coordinator):
    report_file = built_run.files.get(format="pdf")
    client.force_login(coordinator)
    response = client.post(
        f"/vi/reports/files/{report_file.pk}/publish/",
        {"title": "Danh bạ thành viên 2022", "summary": "Danh sách các tổ chức thành viên."},
    )
    published = PublishedReport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/vi/reports/{published.slug}/"
    client.logout()
    library = client.get("/vi/reports/").content.decode()
    assert "Danh bạ thành viên 2022" in library
    download = client.get(f"/vi/reports/{published.slug}/download/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    # The unpublished CSV of the same run stays private.
    csv_file = built_run.files.get(format="csv")
    assert client.get(f"/vi/reports/files/{csv_file.pk}/").status_code == 404


def test_an_unpublished_report_disappears_from_the_library(client, built_run, coordinator):
    published = services.report_publish(
        report_file=built_run.files.get(format="pdf"),
        title="Bản tin quý III của Nhóm Bình đẳng giới",
        summary="",
        cover=None,
        published_by=coordinator,
    )
    PublishedReport.objects.filter(pk=published.pk).update(is_published=False)
    assert "Bản tin quý III của Nhóm Bình đẳng giới" not in client.get("/vi/reports/").content.decode()
    assert client.get(f"/vi/reports/{published.slug}/").status_code == 404
    assert client.get(f"/vi/reports/{published.slug}/download/").status_code == 404


@pytest.mark.parametrize("params", [{"year": "abcd"}, {"kind": "<x>"}, {"pillar": "z" * 300}, {"page": "-1"}])
def test_the_library_ignores_bad_parameters(client, params):
    assert client.get("/vi/reports/", params).status_code == 200


def test_the_library_query_count_does_not_grow(client, built_run, coordinator, page_queries):
    def count() -> int:
        return page_queries(client, "/vi/reports/")

    report_file = built_run.files.get(format="pdf")
    services.report_publish(
        report_file=report_file, title="Một", summary="", cover=None, published_by=coordinator
    )
    few = count()
    for index in range(15):
        services.report_publish(
            report_file=report_file,
            title=f"Báo cáo {index}",
            summary="",
            cover=None,
            published_by=coordinator,
        )
    assert count() == few


def test_demo_data_loads_with_reports(db):
    call_command("load_demo", stdout=StringIO())


def test_staff_can_request_the_indicator_values_export_and_see_it_listed(
    client, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    form = client.get("/vi/reports/runs/").content.decode()
    assert '<option value="indicator_values">Xuất số liệu chỉ số</option>' in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/vi/reports/runs/",
            {"kind": "indicator_values", "preset": "2025", "language": "vi", "formats": ["csv", "xlsx"]},
        )
    run = ReportRun.objects.get()
    assert response.status_code == 302
    assert (run.kind, run.formats) == ("indicator_values", ["xlsx", "csv"])
    listed = client.get("/vi/reports/runs/").content.decode()
    assert "Xuất số liệu chỉ số" in listed
    assert "Xuất số liệu chỉ số" in client.get(f"/vi/reports/runs/{run.pk}/").content.decode()
