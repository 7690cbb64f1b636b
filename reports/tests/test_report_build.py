"""Building reports: every kind in every format from the demo data, read back."""

from io import StringIO

import pytest
from django.core.management import call_command

from members.models import Organisation
from reports import content, services
from reports.models import ReportFile, ReportRun
from reports.tests.factories import ReportRunFactory
from reports.tests.readers import csv_rows, docx_headings_and_text, pdf_text, xlsx_sheets

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO())


def build(**fields) -> ReportRun:
    run = ReportRunFactory(**fields)
    assert services.report_run_build(run_id=run.pk) is True
    run.refresh_from_db()
    assert run.status == ReportRun.Status.SUCCEEDED, run.error
    assert run.progress == 100
    return run


def files(run: ReportRun) -> dict[str, object]:
    return {f.format: f.file.path for f in run.files.all()}


@pytest.mark.parametrize("kind", [k for k in ReportRun.Kind.values if k not in ("pillar", "newsletter")])
def test_every_kind_builds_in_every_format(demo, kind):
    run = build(kind=kind)
    built = files(run)
    assert set(built) == {"pdf", "docx", "xlsx", "csv"}
    title = content.build_document(run).title
    assert title in pdf_text(built["pdf"])
    headings, _text = docx_headings_and_text(built["docx"])
    assert headings[0] == title
    assert xlsx_sheets(built["xlsx"])
    assert csv_rows(built["csv"])


@pytest.mark.parametrize("kind", ["pillar", "newsletter"])
def test_pillar_reports_and_newsletters_name_their_pillar(demo, kind):
    from vocabulary.models import Pillar

    pillar = Pillar.objects.get(code="gender-inclusion")
    run = build(kind=kind, pillar=pillar)
    assert "Bình đẳng giới và phát triển bao trùm" in pdf_text(files(run)["pdf"])


def test_the_annual_report_reads_back_in_vietnamese_with_real_figures(demo):
    run = build(kind="annual")
    built = files(run)
    active = Organisation.objects.filter(is_published=True, memberships__status="active").distinct().count()
    text = pdf_text(built["pdf"])
    assert "Báo cáo tổng hợp thường niên Nhóm công tác Chương trình NPAP" in text
    assert "Kỳ báo cáo: 01/01/2022 – 31/12/2022" in text
    assert f"Mạng lưới có {active} tổ chức thành viên đang hoạt động" in text
    headings, word_text = docx_headings_and_text(built["docx"])
    assert "Thành viên" in headings
    assert "Thành viên theo loại hình" in headings
    assert "Tổ chức phi chính phủ / tổ chức xã hội dân sự" in word_text
    sheets = xlsx_sheets(built["xlsx"])
    kinds = {row[0]: row[1] for row in sheets["Thành viên theo loại hình"][1:]}
    assert kinds["Viện nghiên cứu"] == Organisation.objects.filter(is_published=True, kind="research").count()
    assert all(isinstance(count, int | float) for count in kinds.values())


def test_the_english_report_is_in_english(demo):
    run = build(kind="annual", language="en", formats=["pdf"])
    text = pdf_text(files(run)["pdf"])
    assert "Annual synthesis report of the NPAP working group" in text
    assert "Period: 01/01/2022 – 31/12/2022" in text


def test_the_member_directory_export_has_every_published_member(demo):
    run = build(kind="member_directory", formats=["csv", "xlsx"])
    rows = csv_rows(files(run)["csv"])
    published = Organisation.objects.filter(is_published=True).count()
    assert rows[0][0] == "Tên (tiếng Việt)"
    assert len(rows) - 1 == published
    assert "Ban Bảo vệ Môi trường – Tập đoàn Vingroup" in {row[0] for row in rows}
    sheet = xlsx_sheets(files(run)["xlsx"])["Danh bạ thành viên"]
    assert len(sheet) - 1 == published


def test_building_twice_keeps_one_set_of_files(demo, settings, django_capture_on_commit_callbacks):
    run = build(kind="member_directory", formats=["csv", "pdf"])
    ReportRun.objects.filter(pk=run.pk).update(status=ReportRun.Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.report_run_build(run_id=run.pk) is True
    assert ReportFile.objects.filter(run=run).count() == 2
    stored = [p for p in (settings.PRIVATE_MEDIA_ROOT / "reports").rglob("*") if p.is_file()]
    assert len(stored) == 2


def test_a_run_already_claimed_is_not_built_again(demo):
    run = ReportRunFactory(kind="member_directory", formats=["csv"], status=ReportRun.Status.RUNNING)
    assert services.report_run_build(run_id=run.pk) is False
    assert not ReportFile.objects.filter(run=run).exists()


def test_a_failure_marks_the_run_failed_with_the_error_and_it_can_be_retried(
    demo, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(run, data):
        raise RuntimeError("Thiếu dữ liệu kỳ báo cáo")

    monkeypatch.setitem(content.BUILDERS, "annual", broken)
    run = ReportRunFactory(kind="annual", formats=["pdf"])
    assert services.report_run_build(run_id=run.pk) is False
    run.refresh_from_db()
    assert run.status == ReportRun.Status.FAILED
    assert "RuntimeError: Thiếu dữ liệu kỳ báo cáo" in run.error
    assert run.finished_at is not None

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=False):
        services.report_run_retry(run=run)
    assert run.status == ReportRun.Status.PENDING
    assert services.report_run_build(run_id=run.pk) is True
