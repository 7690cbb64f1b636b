"""Browser journey: a coordinator brings thirty organisations in from a spreadsheet. The preview
flags the two that are already members, written without accents, and the row without a name;
the corrected file imports, and the organisations are in the public directory and the API.

The import pages' own words are new to the catalogue; they are looked up through it, so the
journey reads the admin in Vietnamese whether or not they are translated yet."""

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from core import roles
from core.models import ImportRecord
from members.models import Organisation

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path("/tmp")

NEW_ORGANISATIONS = [
    ("Trung tâm Sống Xanh Đà Nẵng", "SXDN", "tổ chức phi chính phủ / tổ chức xã hội dân sự", "Đà Nẵng"),
    ("Liên minh Không rác Hội An", "", "liên minh / mạng lưới", "Quảng Nam"),
    ("Hợp tác xã Môi trường Xanh Hải Phòng", "", "khác", "Hải Phòng"),
    ("Viện Nghiên cứu Kinh tế Tuần hoàn Miền Trung", "VCE", "viện nghiên cứu", "Huế"),
    ("Quỹ Bảo vệ Biển Xanh Việt Nam", "", "quỹ / nhà tài trợ", "Hà Nội"),
    ("Công ty TNHH Tái chế Nhựa Phương Nam", "", "doanh nghiệp", "Hồ Chí Minh"),
    ("Nhóm Tình nguyện Biển Sạch Quy Nhơn", "", "nhóm cộng đồng", "Bình Định"),
    ("Trung tâm Giáo dục Môi trường Cần Thơ", "", "tổ chức phi chính phủ / tổ chức xã hội dân sự", "Cần Thơ"),
    ("Hội Liên hiệp Phụ nữ phường Thanh Khê Tây", "", "nhóm cộng đồng", "Đà Nẵng"),
    ("Mạng lưới Thu gom Phế liệu Long Biên", "", "liên minh / mạng lưới", "Hà Nội"),
    ("Câu lạc bộ Sinh viên Vì Môi trường Huế", "", "nhóm cộng đồng", "Thừa Thiên Huế"),
    (
        "Trung tâm Phát triển Cộng đồng Bền vững Lào Cai",
        "",
        "tổ chức phi chính phủ / tổ chức xã hội dân sự",
        "Lào Cai",
    ),
    ("Công ty Cổ phần Bao bì Sinh học Bình Dương", "", "doanh nghiệp", "Hồ Chí Minh"),
    ("Viện Khoa học Môi trường và Sức khỏe Cộng đồng", "", "viện nghiên cứu", "Hà Nội"),
    (
        "Tổ chức Hành động Vì Đại dương Nha Trang",
        "",
        "tổ chức phi chính phủ / tổ chức xã hội dân sự",
        "Khánh Hòa",
    ),
    ("Liên hiệp Hợp tác xã Nông nghiệp Xanh Lâm Đồng", "", "khác", "Lâm Đồng"),
    (
        "Trung tâm Tư vấn Chính sách Tài nguyên Nước",
        "",
        "tổ chức phi chính phủ / tổ chức xã hội dân sự",
        "Hà Nội",
    ),
    ("Nhóm Cộng đồng Giảm thiểu Nhựa Phú Quốc", "", "nhóm cộng đồng", "An Giang"),
    (
        "Khoa Môi trường, Trường Đại học Bách khoa Đà Nẵng",
        "",
        "trường đại học hoặc mạng lưới học thuật",
        "Đà Nẵng",
    ),
    ("Quỹ Phát triển Xanh Mê Kông", "", "quỹ / nhà tài trợ", "Cần Thơ"),
    ("Công ty TNHH Giải pháp Tuần hoàn Sài Gòn", "", "doanh nghiệp", "Hồ Chí Minh"),
    (
        "Trung tâm Hỗ trợ Sáng kiến Phụ nữ Nông thôn",
        "",
        "tổ chức phi chính phủ / tổ chức xã hội dân sự",
        "Nghệ An",
    ),
    ("Hội Bảo vệ Thiên nhiên và Môi trường Quảng Ninh", "", "nhóm cộng đồng", "Quảng Ninh"),
    ("Mạng lưới Trường học Xanh Thủ đô", "", "liên minh / mạng lưới", "Hà Nội"),
    ("Viện Nghiên cứu Biển và Hải đảo Khánh Hòa", "", "viện nghiên cứu", "Khánh Hòa"),
    ("Trung tâm Nghiên cứu Sinh thái Đồng bằng sông Cửu Long", "", "viện nghiên cứu", "Cần Thơ"),
    ("Hợp tác xã Thu gom Ve chai Hoàng Mai", "", "khác", "Hà Nội"),
]
# Two members already in the directory, typed without accents, as a spreadsheet often has them.
DUPLICATES = [
    ("Trung tam Ho tro Phat trien Xanh", "", "to chuc phi chinh phu / to chuc xa hoi dan su", "Ha Noi"),
    ("Vien Chien luoc, Chinh sach tai nguyen va moi truong", "", "vien nghien cuu", "Ha Noi"),
]
# A row whose name was left out.
NAMELESS = ("", "KRTN", "tổ chức phi chính phủ / tổ chức xã hội dân sự", "Đắk Lắk")
NAMED = ("Tổ chức Không Rác Thải Tây Nguyên", *NAMELESS[1:])


@pytest.fixture
def demo_network(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    call_command("load_demo", stdout=io.StringIO())


def vi(message: str, plural: str = "", count: int = 0) -> str:
    """What the Vietnamese admin says for ``message``, from the catalogue."""
    with translation.override("vi"):
        return (
            translation.ngettext(message, plural, count) % {"counter": count}
            if plural
            else translation.gettext(message)
        )


def fill_template(template: Path, rows: list[tuple], target: Path) -> None:
    """Write ``rows`` under the template's headings, by heading."""
    workbook = load_workbook(template)
    sheet = workbook.active
    headings = [cell.value for cell in sheet[1]]
    for name, acronym, kind, province in rows:
        values = {
            "Tên tổ chức (tiếng Việt)": name,
            "Tên viết tắt": acronym,
            "Loại hình": kind,
            "Tỉnh/thành phố": province,
            "Công khai": "Có",
            "Loại thành viên": "Thành viên",
            "Ngày gia nhập": "15/01/2026",
        }
        sheet.append([values.get(heading, "") for heading in headings])
    workbook.save(target)


def test_coordinator_imports_organisations_from_a_spreadsheet(
    live_server, page: Page, demo_network, staff_in, tmp_path
):
    coordinator = staff_in(roles.COORDINATORS, email="dieuphoi@npap.test")
    base = live_server.url
    page.goto(f"{base}/vi/admin/members/organisation/")
    page.get_by_label("Email").fill(coordinator.email)
    page.get_by_label("Mật khẩu").fill("Mat-khau-2026")
    page.get_by_role("button", name="Đăng nhập").click()

    # 1. The coordinator opens the import and downloads the Vietnamese template.
    page.get_by_role("link", name=vi("Import from a spreadsheet")).click()
    expect(page.get_by_role("cell", name="Tên tổ chức (tiếng Việt)", exact=True)).to_be_visible()
    page.screenshot(path=SCREENSHOTS / "import-journey-start.png", full_page=True)
    with page.expect_download() as download:
        page.locator("li[lang='vi']").get_by_role("link", name="XLSX").click()
    template = tmp_path / download.value.suggested_filename
    download.value.save_as(template)
    assert template.name == "npap-organisation-template-vi.xlsx"

    # 2. Thirty rows: two members already there without their accents, one without a name.
    first = tmp_path / "to-chuc-moi.xlsx"
    rows = [
        *NEW_ORGANISATIONS[:10],
        DUPLICATES[0],
        *NEW_ORGANISATIONS[10:20],
        NAMELESS,
        DUPLICATES[1],
        *NEW_ORGANISATIONS[20:],
    ]
    assert len(rows) == 30
    fill_template(template, rows, first)
    page.locator("input[type='file']").set_input_files(str(first))
    page.get_by_role("button", name=vi("Check the file")).click()

    # 3. The preview flags the two duplicates and the bad row, and offers no import.
    greenhub_line, nameless_line, isponre_line = 12, 23, 24
    for line, member in (
        (greenhub_line, "Trung tâm Hỗ trợ Phát triển Xanh"),
        (isponre_line, "Viện Chiến lược, Chính sách"),
    ):
        row = page.locator(f"#line-{line}")
        expect(row).to_contain_text("Có thể trùng")
        expect(row.get_by_role("link", name=re.compile(member))).to_be_visible()
    expect(page.locator(f"#line-{nameless_line}")).to_contain_text("Cần sửa")
    expect(page.locator(f"#line-{nameless_line}")).to_contain_text("Trường này không được để trống.")
    expect(page.get_by_role("alert")).to_contain_text(
        f"Dòng {nameless_line}, Tên tổ chức (tiếng Việt): Trường này không được để trống."
    )
    expect(page.locator("#line-2")).to_contain_text("Mới")
    expect(page.locator("form.import-confirm")).to_have_count(0)
    page.screenshot(path=SCREENSHOTS / "import-journey-preview.png", full_page=True)
    page.locator(f"#line-{greenhub_line}").screenshot(path=SCREENSHOTS / "import-journey-duplicate-row.png")
    assert not Organisation.objects.filter(name_vi=NEW_ORGANISATIONS[0][0]).exists()

    # 4. The corrected file: the duplicates taken out, the name filled in.
    second = tmp_path / "to-chuc-moi-da-sua.xlsx"
    fill_template(template, [*NEW_ORGANISATIONS[:20], NAMED, *NEW_ORGANISATIONS[20:]], second)
    page.locator("input[type='file']").set_input_files(str(second))
    page.get_by_role("button", name=vi("Check the file")).click()
    expect(page.locator(".import-row-new")).to_have_count(28)
    expect(page.locator(".import-row-error, .import-row-duplicate")).to_have_count(0)
    page.screenshot(path=SCREENSHOTS / "import-journey-corrected.png", full_page=True)
    page.get_by_role("button", name=vi("Import %(counter)s row", "Import %(counter)s rows", 28)).click()

    # 5. Imported: the organisations are in the admin, the public directory and the API.
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert Organisation.objects.filter(name_vi__in=[row[0] for row in NEW_ORGANISATIONS]).count() == 27
    named = Organisation.objects.get(name_vi=NAMED[0])
    assert (named.acronym, named.kind, named.province.code, named.is_published) == (
        "KRTN",
        "ngo",
        "dak-lak",
        True,
    )
    record = ImportRecord.objects.get(status=ImportRecord.Status.IMPORTED)
    assert (record.user, record.new, record.errors) == (coordinator, 28, 0)

    page.goto(f"{base}/vi/members/?q=song+xanh+da+nang")
    expect(page.locator(".org-list .org-item")).to_have_count(1)
    expect(page.locator(".org-list")).to_contain_text("Trung tâm Sống Xanh Đà Nẵng")
    page.goto(f"{base}/vi/members/?q=khong+rac+thai+tay+nguyen")
    expect(page.locator(".org-list")).to_contain_text(NAMED[0])

    # The public JSON API is built beside this work (api/): it must list them too.
    answer = page.request.get(f"{base}/api/v1/organisations/?q=song+xanh+da+nang")
    assert answer.status == 200, f"/api/v1/organisations/ answered {answer.status}: is the JSON API in place?"
    assert "Trung tâm Sống Xanh Đà Nẵng" in _strings(answer.json()), answer.text()[:500]


def _strings(data) -> list[str]:
    """Every string in a JSON answer, however it is nested."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [text for value in data.values() for text in _strings(value)]
    if isinstance(data, list):
        return [text for value in data for text in _strings(value)]
    return []
