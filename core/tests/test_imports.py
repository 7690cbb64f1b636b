"""The spreadsheet import machinery: reading cells as people in Vietnam write them, the file checks,
the import record with its file kept private, and the admin pages' permissions. The resources of
each app are tested beside them; the helpers here drive the admin's upload and import for them."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook, load_workbook

from core.imports import cells
from core.imports.cells import (
    ChoiceWidget,
    DateWidget,
    DecimalWidget,
    PhoneWidget,
    YesNoWidget,
    heading_key,
    parse_amount,
)
from core.models import ImportRecord
from core.roles import COORDINATORS, REPORT_STAFF, RESULTS_APPROVERS
from members.models import Organisation

pytestmark = pytest.mark.django_db


# --- helpers the apps' import tests share -------------------------------------------------------


def workbook_bytes(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list], delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def sheet_file(rows: list[list], fmt: str = "xlsx", name: str = "") -> SimpleUploadedFile:
    data = workbook_bytes(rows) if fmt == "xlsx" else csv_bytes(rows)
    return SimpleUploadedFile(name or f"bang-tinh.{fmt}", data)


def preview(client, admin_prefix: str, rows: list[list], fmt: str = "xlsx", language: str = "vi"):
    """Upload ``rows`` (headings first) to the import page of ``admin_prefix`` ("members_organisation")
    and return the preview page."""
    with translation.override(language):
        url = reverse(f"admin:{admin_prefix}_import")
    return client.post(url, {"import_file": sheet_file(rows, fmt), "resource": "0"})


def confirm(client, admin_prefix: str, previewed, *, accept_duplicates: bool = False, language: str = "vi"):
    """Press "Import" on a preview page."""
    form = previewed.context.get("confirm_form")
    problems = [(row.line, row.errors) for row in previewed.context.get("preview_rows") or [] if row.errors]
    assert form is not None, problems or previewed.context["form"].errors
    data = {name: form.initial.get(name, "") for name in ("import_file_name", "original_file_name", "format")}
    data["resource"] = "0"
    if accept_duplicates:
        data["accept_duplicates"] = "on"
    with translation.override(language):
        url = reverse(f"admin:{admin_prefix}_process_import")
    return client.post(url, data)


def import_rows(client, admin_prefix: str, rows: list[list], fmt: str = "xlsx", **options):
    """Preview ``rows`` and import them; the preview must offer the import."""
    previewed = preview(client, admin_prefix, rows, fmt)
    assert previewed.status_code == 200, previewed.content[:500]
    return previewed, confirm(client, admin_prefix, previewed, **options)


def statuses(previewed) -> dict[int, str]:
    """Each previewed row's status by its line in the sheet."""
    return {row.line: row.status for row in previewed.context["preview_rows"]}


def row_errors(previewed, line: int) -> list[tuple[str, str]]:
    return next(row.errors for row in previewed.context["preview_rows"] if row.line == line)


# --- cells --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("35.000", Decimal("35000")),
        ("35,000", Decimal("35000")),
        ("1.234.567", Decimal("1234567")),
        ("12,5", Decimal("12.5")),
        ("12.5", Decimal("12.5")),
        ("35.000,50", Decimal("35000.50")),
        ("35,000.50", Decimal("35000.50")),
        ("16 150", Decimal("16150")),
    ],
)
def test_figures_are_read_as_people_in_vietnam_write_them(text, amount):
    assert parse_amount(text) == amount


def test_a_cell_that_is_not_a_number_says_so_in_vietnamese():
    with translation.override("vi"), pytest.raises(ValueError) as error:
        DecimalWidget().clean("ba mươi")
    assert "ba mươi" in str(error.value)
    with translation.override("vi"):
        assert str(error.value) == translation.gettext("“%(value)s” is not a number.") % {"value": "ba mươi"}


def test_dates_in_the_usual_ways_and_from_excel():
    widget = DateWidget()
    assert widget.clean("31/12/2024") == date(2024, 12, 31)
    assert widget.clean("2024-12-31") == date(2024, 12, 31)
    assert widget.clean("8/11/2024") == date(2024, 11, 8)
    assert widget.clean(date(2022, 10, 28)) == date(2022, 10, 28)
    assert widget.render(date(2022, 10, 28)) == "28/10/2022"
    with pytest.raises(ValueError):
        widget.clean("31/02/2024")


def test_a_choice_by_its_code_or_its_label_in_either_language_without_accents():
    widget = ChoiceWidget(Organisation.Kind)
    assert widget.clean("ngo") == "ngo"
    assert widget.clean("NGO / civil society organisation") == "ngo"
    assert widget.clean("Tổ chức phi chính phủ / tổ chức xã hội dân sự") == "ngo"
    assert widget.clean("to chuc phi chinh phu / to chuc xa hoi dan su") == "ngo"
    with translation.override("vi"), pytest.raises(ValueError) as error:
        widget.clean("hợp tác xã")
    assert "viện nghiên cứu" in str(error.value), "the choices are listed in the coordinator's language"


def test_yes_and_no_and_phone_numbers_excel_kept_as_numbers():
    assert YesNoWidget().clean("Có") is True
    assert YesNoWidget().clean("khong") is False
    assert YesNoWidget().clean("x") is True
    assert YesNoWidget().clean("") is None
    with pytest.raises(ValueError):
        YesNoWidget().clean("có lẽ")
    assert PhoneWidget().clean(912345678) == "0912345678"
    assert PhoneWidget().clean("0912 345 678") == "0912 345 678"


def test_headings_compare_without_accents_case_or_punctuation():
    assert heading_key("Tên tổ chức (tiếng Việt)") == heading_key("ten to chuc - TIENG VIET")


def test_csv_with_semicolons_as_excel_writes_it_in_vietnam():
    data = csv_bytes(
        [["Tên tổ chức (tiếng Việt)", "Loại hình"], ["Trung tâm Sống Xanh", "ngo"]], delimiter=";"
    )
    dataset = cells.CSVFormat().create_dataset(data)
    assert dataset.headers == ["Tên tổ chức (tiếng Việt)", "Loại hình"]
    assert dataset[0] == ("Trung tâm Sống Xanh", "ngo")


# --- the upload and the record ----------------------------------------------------------------


ORGANISATION_HEADINGS = ["Tên tổ chức (tiếng Việt)", "Tên viết tắt", "Loại hình", "Công khai"]


@pytest.fixture
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("danh-sach.xls", b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "Old Excel files (.xls) cannot be read"),
        ("anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "This is not a spreadsheet"),
        (
            "danh-sach.csv",
            "Tên tổ chức (tiếng Việt)\nTrung tâm\n".encode("latin-1", "replace"),
            "Save the CSV file as UTF-8",
        ),
        ("trong.csv", b"", "The submitted file is empty."),
        ("trang.csv", b"  \n", "The file is empty."),
        ("sai-cot.csv", "Họ và tên,Giới tính\nAn,Nam\n".encode(), "No column heading was recognised"),
        ("khong-co-dong.csv", "Tên tổ chức (tiếng Việt),Loại hình\n,\n".encode(), "no rows under them"),
    ],
)
def test_a_file_that_cannot_be_imported_is_refused_before_any_row_is_read(
    client, coordinator, private_media, name, data, message
):
    client.force_login(coordinator)
    with translation.override("en"):
        response = client.post(
            reverse("admin:members_organisation_import"),
            {"import_file": SimpleUploadedFile(name, data), "resource": "0"},
        )
        errors = " ".join(str(error) for error in response.context["form"].errors["import_file"])
    assert response.status_code == 200
    assert message in errors
    assert not ImportRecord.objects.exists()


def test_every_check_and_import_is_recorded_with_its_file_kept_private(client, coordinator, private_media):
    client.force_login(coordinator)
    rows = [ORGANISATION_HEADINGS, ["Trung tâm Sống Xanh", "SX", "ngo", "Có"]]
    previewed, imported = import_rows(client, "members_organisation", rows)
    assert imported.status_code == 302
    record = ImportRecord.objects.get()
    assert (record.user, record.status, record.rows, record.new, record.errors) == (
        coordinator,
        ImportRecord.Status.IMPORTED,
        1,
        1,
        0,
    )
    assert record.content_type.model_class() is Organisation
    assert record.original_name == "bang-tinh.xlsx"
    stored = private_media.PRIVATE_MEDIA_ROOT / record.file.name
    assert stored.is_file()
    assert not list((private_media.MEDIA_ROOT).rglob("*.xlsx")), "nothing under the public media root"
    assert load_workbook(stored).active["A2"].value == "Trung tâm Sống Xanh"

    download = client.get(record.download_url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == stored.read_bytes()
    assert download["Cache-Control"].startswith("private, no-store")


def test_the_recorded_file_is_not_there_for_visitors_or_member_editors(
    client, coordinator, editor_of, private_media
):
    client.force_login(coordinator)
    import_rows(
        client, "members_organisation", [ORGANISATION_HEADINGS, ["Trung tâm Sống Xanh", "SX", "ngo", "Có"]]
    )
    record = ImportRecord.objects.get()
    client.logout()
    anonymous = client.get(record.download_url)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    editor = editor_of(Organisation.objects.get())
    client.force_login(editor)
    response = client.get(record.download_url, follow=True)
    assert response.status_code in (403, 404)
    assert b"Trung t" not in response.content


def test_a_refused_file_is_recorded_as_refused_and_a_preview_alone_as_checked(
    client, coordinator, private_media
):
    client.force_login(coordinator)
    preview(client, "members_organisation", [ORGANISATION_HEADINGS, ["", "SX", "ngo", "Có"]])
    preview(
        client, "members_organisation", [ORGANISATION_HEADINGS, ["Trung tâm Sống Xanh", "SX", "ngo", "Có"]]
    )
    refused, checked = ImportRecord.objects.order_by("pk")
    assert (refused.status, refused.errors) == (ImportRecord.Status.REFUSED, 1)
    assert (checked.status, checked.new) == (ImportRecord.Status.PREVIEWED, 1)
    assert not Organisation.objects.exists()


def test_a_checked_file_imports_once(client, coordinator, private_media):
    client.force_login(coordinator)
    previewed = preview(
        client, "members_organisation", [ORGANISATION_HEADINGS, ["Trung tâm Sống Xanh", "SX", "ngo", "Có"]]
    )
    confirm(client, "members_organisation", previewed)
    again = confirm(client, "members_organisation", previewed)
    assert again.status_code == 302
    assert Organisation.objects.count() == 1


def test_the_import_log_is_read_only_for_coordinators(client, staff_in, private_media):
    coordinator = staff_in(COORDINATORS)
    client.force_login(coordinator)
    import_rows(
        client, "members_organisation", [ORGANISATION_HEADINGS, ["Trung tâm Sống Xanh", "SX", "ngo", "Có"]]
    )
    record = ImportRecord.objects.get()
    assert client.get(reverse("admin:core_importrecord_changelist")).status_code == 200
    page = client.get(reverse("admin:core_importrecord_change", args=[record.pk]))
    assert page.status_code == 200
    assert record.download_url.encode() in page.content
    assert (
        client.post(reverse("admin:core_importrecord_delete", args=[record.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert ImportRecord.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("role", [RESULTS_APPROVERS, REPORT_STAFF])
def test_other_roles_see_no_import_button_and_cannot_import(client, staff_in, private_media, role):
    client.force_login(staff_in(role))
    for prefix in ("members_organisation", "initiatives_initiative", "initiatives_indicatorupdate"):
        changelist = client.get(reverse(f"admin:{prefix}_changelist"))
        assert reverse(f"admin:{prefix}_import").encode() not in changelist.content
        assert client.get(reverse(f"admin:{prefix}_import")).status_code == 403
        assert client.get(reverse(f"admin:{prefix}_import_template", args=["xlsx"])).status_code == 403
        refused = client.post(reverse(f"admin:{prefix}_process_import"), {"import_file_name": "x.xlsx"})
        assert refused.status_code == 403


def test_coordinators_see_the_import_button(client, staff_in):
    client.force_login(staff_in(COORDINATORS))
    for prefix in (
        "members_organisation",
        "members_person",
        "initiatives_initiative",
        "initiatives_result",
        "initiatives_indicator",
        "initiatives_period",
        "initiatives_indicatorupdate",
    ):
        changelist = client.get(reverse(f"admin:{prefix}_changelist"))
        assert reverse(f"admin:{prefix}_import").encode() in changelist.content, prefix


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_templates_have_the_headings_in_each_language(client, coordinator, fmt, language):
    client.force_login(coordinator)
    response = client.get(
        reverse("admin:members_organisation_import_template", args=[fmt]), {"lang": language}
    )
    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    dataset = (cells.XLSXFormat if fmt == "xlsx" else cells.CSVFormat)().create_dataset(data)
    first = {"vi": "Tên tổ chức (tiếng Việt)", "en": "Name (Vietnamese)"}[language]
    assert first in dataset.headers
    assert len(dataset) == 0
