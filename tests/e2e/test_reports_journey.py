"""Browser journey: a coordinator has the 2022 annual report built by a real worker, follows its
progress live, downloads the PDF and Word files and publishes the PDF; an anonymous visitor then
finds it in the public reports library and downloads it."""

import io
import re
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from django.core.management import call_command
from docx import Document as WordDocument
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from reports.models import ReportRun

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ANNUAL_TITLE = "Báo cáo tổng hợp thường niên Nhóm công tác Chương trình NPAP"
PUBLIC_TITLE = "Báo cáo thường niên NPAP năm 2022"
PUBLIC_SUMMARY = "Tổng hợp sự kiện, kết quả và thành viên mới của mạng lưới nhựa Việt Nam trong năm 2022."
# Worker start-up plus a PDF and a Word build; PostgreSQL and Redis on a busy machine are slower.
BUILD_TIMEOUT_MS = 180_000


@pytest.fixture
def demo_network(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    call_command("load_demo", stdout=io.StringIO())


def sign_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/vi/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mật khẩu").fill("Mat-khau-2026")
    page.get_by_role("button", name="Đăng nhập").click()


def pdf_text(path: Path) -> str:
    """All the text of the PDF in composed form with single spaces, as a reader would quote it."""
    text = " ".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_coordinator_builds_and_publishes_the_annual_report_and_a_visitor_downloads_it(
    live_server, page: Page, demo_network, coordinator, worker, tmp_path
):
    base = live_server.url
    sign_in(page, base, coordinator.email)
    page.goto(f"{base}/vi/reports/")
    page.get_by_role("link", name="Lập báo cáo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lập báo cáo")

    # 2022 is older than the period shortcuts offer, so the dates are typed.
    page.get_by_label(re.compile(r"^Báo cáo")).select_option(label="Báo cáo tổng hợp thường niên")
    page.get_by_label("Kỳ báo cáo").select_option(label="Theo ngày nhập bên dưới")
    page.get_by_label("Từ ngày").fill("01/01/2022")
    page.get_by_label("Đến ngày").fill("31/12/2022")
    page.get_by_role("radio", name="Tiếng Việt").check()
    page.get_by_role("checkbox", name="PDF").check()
    page.get_by_role("checkbox", name="Word").check()
    page.get_by_role("button", name="Lập báo cáo").click()

    # No worker runs yet: the broker took the message and the run waits for one.
    expect(page.get_by_role("status")).to_contain_text("Đã gửi yêu cầu; báo cáo đang được lập trong nền.")
    expect(page.locator(".run-status")).to_have_text("Đang chờ")
    expect(page.get_by_role("alert")).to_have_count(0)

    page.locator(".breadcrumb").get_by_role("link", name="Lập báo cáo").click()
    row = page.locator("table.runs tbody tr").filter(has_text="Báo cáo tổng hợp thường niên")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("01/01/2022–31/12/2022")
    expect(row).to_contain_text("PDF, DOCX")
    expect(row.get_by_role("progressbar", name="Tiến độ")).to_have_attribute("value", "0")
    expect(row.locator(".run-percent")).to_have_text("0%")

    # A flag on this document: it is gone if the page is reloaded before the bar is full.
    page.evaluate("window.sameDocument = true")
    worker.start()
    state = page.wait_for_function(
        """(row) => {
            const status = row.querySelector(".run-status");
            if (!/run-status-(succeeded|failed)/.test(status.className)) { return false; }
            return {
                sameDocument: window.sameDocument === true,
                value: row.querySelector("progress").value,
                percent: row.querySelector(".run-percent").textContent,
                status: status.textContent,
            };
        }""",
        arg=row.element_handle(),
        polling="raf",
        timeout=BUILD_TIMEOUT_MS,
    ).json_value()
    run = ReportRun.objects.get()
    assert state == {"sameDocument": True, "value": 100, "percent": "100%", "status": "Hoàn tất"}, (
        f"{state}; run {run.status}: {run.error}\nworker log:\n{worker.log_tail()}"
    )

    # Once finished, the page reloads itself to show the files.
    expect(row.get_by_role("link", name="Word")).to_be_visible()
    expect(row.get_by_role("progressbar", name="Tiến độ")).to_have_attribute("value", "100")
    page.screenshot(path=tmp_path / "runs-list-100.png", full_page=True)

    with page.expect_download() as pdf_download:
        row.get_by_role("link", name="PDF").click()
    assert pdf_download.value.suggested_filename == "npap-annual-20220101-20221231-vi.pdf"
    pdf_path = tmp_path / pdf_download.value.suggested_filename
    pdf_download.value.save_as(pdf_path)
    assert pdf_path.read_bytes().startswith(b"%PDF")
    text = pdf_text(pdf_path)
    assert ANNUAL_TITLE in text
    assert "Kỳ báo cáo: 01/01/2022 – 31/12/2022" in text

    with page.expect_download() as docx_download:
        row.get_by_role("link", name="Word").click()
    assert docx_download.value.suggested_filename == "npap-annual-20220101-20221231-vi.docx"
    docx_path = tmp_path / docx_download.value.suggested_filename
    docx_download.value.save_as(docx_path)
    word = WordDocument(str(docx_path))
    assert ANNUAL_TITLE in [paragraph.text for paragraph in word.paragraphs]

    # Pages as images, to look at the Vietnamese in the PDF with one's own eyes.
    rendered = pdfium.PdfDocument(str(pdf_path))
    for number, pdf_page in enumerate(rendered, start=1):
        pdf_page.render(scale=50 / 72).to_pil().save(tmp_path / f"pdf-page-{number}.png")
    assert len(list(tmp_path.glob("pdf-page-*.png"))) == len(PdfReader(pdf_path).pages)

    row.get_by_role("link", name="Báo cáo tổng hợp thường niên").click()
    page.locator(".file-list li").filter(has_text="Tải PDF").get_by_role(
        "link", name="Công bố lên thư viện công khai"
    ).click()
    page.get_by_label("Tiêu đề").fill(PUBLIC_TITLE)
    page.get_by_label("Tóm tắt").fill(PUBLIC_SUMMARY)
    page.get_by_role("button", name="Công bố").click()
    expect(page.get_by_role("status")).to_contain_text("Báo cáo đã có trong thư viện công khai.")
    expect(page.get_by_role("heading", level=1)).to_have_text(PUBLIC_TITLE)

    page.get_by_role("link", name="Đăng xuất").click()
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("link", name="Đăng nhập")).to_be_visible()

    page.goto(f"{base}/vi/reports/")
    expect(page.get_by_role("link", name="Lập báo cáo")).to_have_count(0)
    page.get_by_label("Năm").select_option("2022")
    page.get_by_role("button", name="Lọc").click()
    expect(page).to_have_url(re.compile(r"[?&]year=2022(&|$)"))
    expect(page.get_by_label("Năm")).to_have_value("2022")
    expect(page.locator(".results-count")).to_have_text("1 báo cáo")
    listed = page.locator(".org-item").filter(has_text=PUBLIC_TITLE)
    expect(listed).to_contain_text("Báo cáo tổng hợp thường niên · 2022 · Tiếng Việt · PDF")
    page.screenshot(path=tmp_path / "public-library.png", full_page=True)

    listed.get_by_role("link", name=PUBLIC_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PUBLIC_TITLE)
    expect(page.get_by_text(PUBLIC_SUMMARY)).to_be_visible()
    with page.expect_download() as public_download:
        page.get_by_role("link", name=re.compile(r"^Tải xuống \(PDF, ")).click()
    public_path = tmp_path / "public" / public_download.value.suggested_filename
    public_download.value.save_as(public_path)
    assert public_path.read_bytes() == pdf_path.read_bytes()
