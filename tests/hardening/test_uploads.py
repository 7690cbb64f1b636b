"""Every place that takes a file, given files made to hurt.

Decompression bombs (a PNG declaring 20,000 × 20,000 pixels, zip bombs dressed as Excel and
Word files), polyglots (an image that is also HTML or JavaScript, a PDF with scripts or a zip
archive inside, macro workbooks renamed .xlsx), wrong kinds and oversize files must each be
refused with a message in Vietnamese, store nothing, and give the form back with what else
was typed. Images that are accepted are stored re-encoded, so nothing appended to them survives.
"""

import functools
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.fields.files import FieldFile
from PIL import Image

from events.models import EventDocument, EventPhoto, SignInImport
from initiatives.models import IndicatorUpdate, InitiativeDocument, InitiativePhoto, UpdateEvidence
from members.models import Organisation
from reports.models import PublishedReport

pytestmark = pytest.mark.django_db

KEPT = "Nội dung đã nhập vẫn được giữ lại"
PAYLOAD = b"<html><script>alert(document.cookie)</script></html>"

# --- hostile files -------------------------------------------------------------------------------


def image_bytes(fmt: str, size=(320, 200)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (31, 111, 92)).save(buffer, fmt)
    return buffer.getvalue()


def png_bomb() -> bytes:
    """A few hundred bytes declaring 20,000 × 20,000 pixels (400 megapixels)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 20_000, 20_000, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 100_000, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def gif_javascript() -> bytes:
    """A real GIF that a browser would also run as a script."""
    return image_bytes("GIF") + b"\n*/=1;alert(document.domain);//" + PAYLOAD


CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "xlsm": "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "docm": "application/vnd.ms-word.document.macroEnabled.main+xml",
}
MAIN_PART = {"docx": "word/document.xml", "docm": "word/document.xml", "xlsx": "xl/workbook.xml"}
MAIN_PART["xlsm"] = MAIN_PART["xlsx"]


def office(kind: str, *, extra: dict[str, bytes] | None = None, big_member: int = 0) -> bytes:
    main = MAIN_PART[kind]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'<Types><Override PartName="/{main}" ContentType="{CONTENT_TYPES[kind]}"/></Types>',
        )
        archive.writestr(main, "<document/>")
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
        if big_member:
            # Zeros pack a thousand to one: a small upload that opens to a huge file.
            with archive.open(main.rsplit("/", 1)[0] + "/filler.xml", "w", force_zip64=True) as member:
                block = b"\x00" * (1024 * 1024)
                for _ in range(big_member // len(block)):
                    member.write(block)
    return buffer.getvalue()


@functools.cache
def zip_bomb(kind: str) -> bytes:
    return office(kind, big_member=150 * 1024 * 1024)


def real_xlsx() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Họ và tên", "Giới tính", "Tổ chức"])
    workbook.active.append(["Trần Thị Hoa", "Nữ", "CECR"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def real_docx() -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("Biên bản hội thảo tham vấn")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def pdf_with(body: bytes) -> bytes:
    return b"%PDF-1.7\n1 0 obj\n" + body + b"\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def pdf_object_stream(hidden: bytes) -> bytes:
    packed = zlib.compress(hidden)
    return (
        b"%PDF-1.7\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length "
        + str(len(packed)).encode()
        + b" >>\nstream\n"
        + packed
        + b"\nendstream\nendobj\n%%EOF\n"
    )


def pdf_zip_polyglot() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.html", PAYLOAD)
    return PDF + buffer.getvalue()


# What a refusal says in Vietnamese, one of these per case.
NOT_AN_IMAGE = ["Hãy tải lên ảnh JPEG, PNG hoặc WebP."]
TOO_MANY_PIXELS = ["megapixel", "Ảnh quá lớn để xử lý."]
IMAGE_TOO_LARGE = ["ảnh chỉ được tối đa 5,0"]
DOCUMENT_TOO_LARGE = ["tài liệu chỉ được tối đa"]
MACROS = ["Không nhận tệp có macro"]
UNPACKS_TOO_LARGE = ["khi giải nén lớn hơn"]
ACTIVE_PDF = ["Không nhận tệp PDF có kèm mã lệnh"]
NOT_VALID = ["hợp lệ"]


@dataclass(frozen=True)
class Case:
    id: str
    name: str
    content: object  # bytes, or a function making them (big files are made only when used)
    messages: list[str]

    def upload(self) -> SimpleUploadedFile:
        content = self.content() if callable(self.content) else self.content
        return SimpleUploadedFile(self.name, content)


IMAGE_CASES = [
    Case("png-bomb", "anh.png", png_bomb, TOO_MANY_PIXELS),
    Case("gif-javascript-polyglot", "anh.gif", gif_javascript, NOT_AN_IMAGE),
    Case("gif-named-jpg", "anh.jpg", gif_javascript, NOT_AN_IMAGE),
    Case("html-named-jpg", "anh.jpg", b"<!DOCTYPE html>" + PAYLOAD, NOT_AN_IMAGE),
    Case(
        "svg-with-script",
        "logo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        NOT_AN_IMAGE,
    ),
    Case("pdf-named-png", "anh.png", PDF, NOT_AN_IMAGE),
    Case("oversize", "anh.jpg", lambda: image_bytes("JPEG") + b"\x00" * (5 * 1024 * 1024), IMAGE_TOO_LARGE),
]
DOCUMENT_CASES = [
    Case("xlsx-zip-bomb", "so-lieu.xlsx", lambda: zip_bomb("xlsx"), UNPACKS_TOO_LARGE),
    Case("docx-zip-bomb", "bao-cao.docx", lambda: zip_bomb("docx"), UNPACKS_TOO_LARGE),
    Case(
        "xlsm-renamed-xlsx",
        "so-lieu.xlsx",
        lambda: office("xlsm", extra={"xl/vbaProject.bin": b"VBA"}),
        MACROS,
    ),
    Case(
        "xlsx-with-vba-project",
        "so-lieu.xlsx",
        lambda: office("xlsx", extra={"xl/vbaProject.bin": b"VBA"}),
        MACROS,
    ),
    Case("docm-renamed-docx", "bao-cao.docx", lambda: office("docm"), MACROS),
    Case(
        "pdf-javascript",
        "bao-cao.pdf",
        pdf_with(b"<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>"),
        ACTIVE_PDF,
    ),
    Case(
        "pdf-javascript-escaped",
        "bao-cao.pdf",
        pdf_with(b"<< /OpenAction << /S /J#61vaScript /J#53 (x) >> >>"),
        ACTIVE_PDF,
    ),
    Case(
        "pdf-javascript-compressed",
        "bao-cao.pdf",
        pdf_object_stream(b"6 0 << /S /JavaScript /JS (x) >>"),
        ACTIVE_PDF,
    ),
    Case(
        "pdf-launch", "bao-cao.pdf", pdf_with(b"<< /OpenAction << /S /Launch /F (cmd.exe) >> >>"), ACTIVE_PDF
    ),
    Case(
        "pdf-embedded-file", "bao-cao.pdf", pdf_with(b"<< /Names << /EmbeddedFiles 3 0 R >> >>"), ACTIVE_PDF
    ),
    Case("pdf-zip-polyglot", "bao-cao.pdf", pdf_zip_polyglot, ACTIVE_PDF),
    Case("exe-named-pdf", "bao-cao.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100, NOT_VALID),
    Case("html-named-docx", "bao-cao.docx", b"<!DOCTYPE html>" + PAYLOAD, NOT_VALID),
    Case("html-zip-polyglot", "so-lieu.xlsx", lambda: PAYLOAD + real_xlsx(), NOT_VALID),
    Case("oversize", "bao-cao.pdf", lambda: PDF + b"%" * (20 * 1024 * 1024), DOCUMENT_TOO_LARGE),
]

# --- the places that take files ------------------------------------------------------------------


def admin_form_data(response) -> dict:
    """What the browser sends back for an admin change page as shown, inlines included."""
    data: dict = {}

    def add(form) -> None:
        for bound in form:
            value = bound.value()
            if isinstance(value, FieldFile) or value is False:
                continue
            if value is None:
                data[bound.html_name] = ""
            elif value is True:
                data[bound.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[bound.html_name] = [str(item) for item in value]
            else:
                data[bound.html_name] = str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        for bound in inline.formset.management_form:
            data[bound.html_name] = bound.value()
        for form in inline.formset.forms:
            add(form)
    return data


def post_admin_inline(client, url: str, model, fields: dict):
    """Add one row to the inline of ``model`` on an admin change page and save the page."""
    page = client.get(url)
    data = admin_form_data(page)
    formset = next(i.formset for i in page.context["inline_admin_formsets"] if i.formset.model is model)
    index = formset.total_form_count()
    data[f"{formset.prefix}-TOTAL_FORMS"] = str(index + 1)
    data.update({f"{formset.prefix}-{index}-{name}": value for name, value in fields.items()})
    return client.post(url, data)


@dataclass(frozen=True)
class Place:
    id: str
    model: type
    signed_in: str  # "editor" or "coordinator"
    submit: object  # (client, world, upload) -> response

    def count(self) -> int:
        return self.model.objects.count()


def logo_by_member_editor(client, world, upload):
    return client.post(f"/vi/members/{world.org_a.slug}/edit/", {"name_vi": KEPT, "logo": upload})


def logo_in_admin(client, world, upload):
    url = f"/vi/admin/members/organisation/{world.org_a.pk}/change/"
    data = admin_form_data(client.get(url))
    data.update({"name_vi": KEPT, "logo": upload})
    return client.post(url, data)


def event_photo_in_admin(client, world, upload):
    return post_admin_inline(
        client,
        f"/vi/admin/events/event/{world.event.pk}/change/",
        EventPhoto,
        {"image": upload, "caption_vi": KEPT, "caption_en": "", "credit": "NPAP", "order": "0"},
    )


def initiative_photo_in_admin(client, world, upload):
    return post_admin_inline(
        client,
        f"/vi/admin/initiatives/initiative/{world.initiative_a.pk}/change/",
        InitiativePhoto,
        {"image": upload, "caption_vi": KEPT, "caption_en": "", "order": "0"},
    )


def cover_when_publishing(client, world, upload):
    return client.post(
        f"/vi/reports/files/{world.report_file.pk}/publish/", {"title": KEPT, "summary": "", "cover": upload}
    )


def cover_in_admin(client, world, upload):
    url = f"/vi/admin/reports/publishedreport/{world.published.pk}/change/"
    data = admin_form_data(client.get(url))
    data.update({"title": KEPT, "cover": upload})
    return client.post(url, data)


def event_document_in_admin(client, world, upload):
    return post_admin_inline(
        client,
        f"/vi/admin/events/event/{world.event.pk}/change/",
        EventDocument,
        {
            "file": upload,
            "title": KEPT,
            "kind": "minutes",
            "url": "",
            "language": "vi",
            "is_public": "on",
            "order": "0",
        },
    )


def initiative_document_in_admin(client, world, upload):
    return post_admin_inline(
        client,
        f"/vi/admin/initiatives/initiative/{world.initiative_a.pk}/change/",
        InitiativeDocument,
        {"file": upload, "title_vi": KEPT, "title_en": ""},
    )


def evidence_when_reporting(client, world, upload):
    period = world.period_a
    return client.post(
        f"/vi/initiatives/report/{world.initiative_a.slug}/periods/{period.pk}/new/",
        {
            "reported_on": "2022-06-30",
            "value": "40",
            "narrative": KEPT,
            "action": "submit",
            "evidence": upload,
        },
    )


IMAGE_PLACES = [
    Place("member-editor-logo", Organisation, "editor", logo_by_member_editor),
    Place("admin-logo", Organisation, "coordinator", logo_in_admin),
    Place("event-photo", EventPhoto, "coordinator", event_photo_in_admin),
    Place("initiative-photo", InitiativePhoto, "coordinator", initiative_photo_in_admin),
    Place("report-cover-publish", PublishedReport, "coordinator", cover_when_publishing),
    Place("report-cover-admin", PublishedReport, "coordinator", cover_in_admin),
]
DOCUMENT_PLACES = [
    Place("event-document", EventDocument, "coordinator", event_document_in_admin),
    Place("initiative-document", InitiativeDocument, "coordinator", initiative_document_in_admin),
    Place("evidence", IndicatorUpdate, "editor", evidence_when_reporting),
]


def media_files() -> set[Path]:
    roots = [Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)]
    return {path for root in roots if root.exists() for path in root.rglob("*") if path.is_file()}


def sign_in(client, world, coordinator, who: str) -> None:
    client.force_login(world.editor if who == "editor" else coordinator)


def refusal_problems(response, case: Case, place: Place, before_files, before_count) -> list[str]:
    problems = []
    if response.status_code != 200:
        return [f"{case.id}: accepted ({response.status_code})"]
    html = response.content.decode()
    if not any(message in html for message in case.messages):
        problems.append(f"{case.id}: no clear message")
    if KEPT not in html:
        problems.append(f"{case.id}: what was typed is lost")
    if media_files() != before_files or place.count() != before_count:
        problems.append(f"{case.id}: something was stored")
    return problems


def refuse_all(client, world, place: Place, cases: list[Case]) -> list[str]:
    problems = []
    for case in cases:
        before_files, before_count = media_files(), place.count()
        response = place.submit(client, world, case.upload())
        problems += refusal_problems(response, case, place, before_files, before_count)
    return problems


# --- refusals ------------------------------------------------------------------------------------


@pytest.mark.parametrize("place", IMAGE_PLACES, ids=lambda place: place.id)
def test_hostile_images_are_refused_clearly_and_nothing_is_lost(client, world, coordinator, place):
    sign_in(client, world, coordinator, place.signed_in)
    problems = refuse_all(client, world, place, IMAGE_CASES)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("place", DOCUMENT_PLACES, ids=lambda place: place.id)
def test_hostile_documents_are_refused_clearly_and_nothing_is_lost(client, world, coordinator, place):
    sign_in(client, world, coordinator, place.signed_in)
    problems = refuse_all(client, world, place, DOCUMENT_CASES)
    assert problems == [], "\n".join(problems)


def test_evidence_photos_get_the_image_checks(client, world):
    client.force_login(world.editor)
    photos = [case for case in IMAGE_CASES if case.name.endswith((".png", ".jpg"))]
    problems = refuse_all(client, world, DOCUMENT_PLACES[-1], photos)
    assert problems == [], "\n".join(problems)


SHEET_CASES = [
    Case("xlsx-zip-bomb", "danh-sach.xlsx", lambda: zip_bomb("xlsx"), UNPACKS_TOO_LARGE),
    Case(
        "xlsm-renamed-xlsx",
        "danh-sach.xlsx",
        lambda: office("xlsm", extra={"xl/vbaProject.bin": b"V"}),
        MACROS,
    ),
    Case(
        "xlsx-with-vba-project",
        "danh-sach.xlsx",
        lambda: office("xlsx", extra={"xl/vbaProject.bin": b"V"}),
        MACROS,
    ),
    Case("docx-named-xlsx", "danh-sach.xlsx", real_docx, ["Đây không phải là bảng tính"]),
    Case("html-named-xlsx", "danh-sach.xlsx", b"<!DOCTYPE html>" + PAYLOAD, ["Đây không phải là bảng tính"]),
    Case(
        "oversize", "danh-sach.csv", lambda: b"H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan\n" * 600_000, ["tối đa 5,0"]
    ),
]


def test_hostile_sign_in_sheets_are_refused_clearly(client, world, coordinator):
    client.force_login(coordinator)
    url = f"/vi/admin/events/event/{world.event.pk}/signin-import/"
    before = media_files()
    for case in SHEET_CASES:
        response = client.post(url, {"file": case.upload()})
        assert response.status_code == 200, case.id
        assert any(message in response.content.decode() for message in case.messages), case.id
    assert SignInImport.objects.exclude(pk=world.signin_import.pk).count() == 0
    assert media_files() == before


# --- acceptance: re-encoded, under a generated name ---------------------------------------------


@pytest.mark.parametrize("place", IMAGE_PLACES, ids=lambda place: place.id)
def test_an_image_with_a_payload_appended_is_stored_re_encoded_without_it(client, world, coordinator, place):
    sign_in(client, world, coordinator, place.signed_in)
    for fmt, name in [("JPEG", "anh co mã độc.html.jpg"), ("PNG", "anh.png")]:
        before = media_files()
        response = place.submit(client, world, SimpleUploadedFile(name, image_bytes(fmt) + PAYLOAD))
        assert response.status_code == 302, f"{place.id} refused a good {fmt}"
        stored = media_files() - before
        assert stored, f"{place.id} stored nothing"
        for path in stored:
            content = path.read_bytes()
            assert b"<script" not in content and b"alert(" not in content, path
            assert "mã độc" not in path.name and ".html" not in path.name
            with Image.open(path) as image:
                assert image.format == fmt


GOOD_DOCUMENTS = [
    ("Biên bản.pdf", PDF, ".pdf"),
    ("so-lieu.xlsx", real_xlsx(), ".xlsx"),
    ("bao-cao.docx", real_docx(), ".docx"),
    ("bao-cao-that-ra-la-pdf.docx", PDF, ".pdf"),
]


@pytest.mark.parametrize("place", DOCUMENT_PLACES, ids=lambda place: place.id)
def test_good_documents_are_stored_under_a_generated_name_of_their_real_kind(
    client, world, coordinator, place
):
    sign_in(client, world, coordinator, place.signed_in)
    for name, content, extension in GOOD_DOCUMENTS:
        before = media_files()
        response = place.submit(client, world, SimpleUploadedFile(name, content))
        assert response.status_code == 302, f"{place.id} refused a good {name}"
        (stored,) = media_files() - before
        assert stored.suffix == extension and stored.read_bytes() == content, name
        assert name.rsplit(".", 1)[0] not in stored.name
        if place.model is IndicatorUpdate:
            assert UpdateEvidence.objects.latest("pk").original_name == name
