"""Documents are accepted by what they contain (core.uploads)."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from core.uploads import DOCX, OFFICE_TYPES, PDF, PPTX, XLSX, clean_document

ALL = (PDF, DOCX, XLSX, PPTX)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


WRONG_KIND = "Upload a PDF or Office file."


def office(content_type: str, name: str = "tai-lieu.docx", members: dict | None = None) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'<Types><Override PartName="/main.xml" ContentType="{content_type}"/></Types>',
        )
        for member, content in (members or {}).items():
            archive.writestr(member, content)
    return SimpleUploadedFile(name, buffer.getvalue())


def clean(upload, kinds=ALL, max_bytes=1024 * 1024):
    return clean_document(upload, kinds=kinds, max_bytes=max_bytes, wrong_kind=WRONG_KIND)


def test_office_files_are_told_apart_by_their_declared_content():
    assert clean(office(OFFICE_TYPES[PPTX])).name.endswith(".pptx")
    assert clean(office(OFFICE_TYPES[XLSX])).name.endswith(".xlsx")
    with pytest.raises(ValidationError, match="macros"):
        clean(office("application/vnd.ms-word.document.macroEnabled.main+xml"))
    with pytest.raises(ValidationError, match="macros"):
        clean(office(OFFICE_TYPES[XLSX], members={"xl/vbaProject.bin": b"VBA"}))


def test_only_the_kinds_asked_for_are_accepted():
    with pytest.raises(ValidationError, match=WRONG_KIND):
        clean(office(OFFICE_TYPES[PPTX], name="trinh-bay.pptx"), kinds=(PDF, DOCX))
    with pytest.raises(ValidationError, match="not a valid DOCX file"):
        clean(SimpleUploadedFile("bao-cao.docx", b"%PDF-1.7\n"), kinds=(DOCX,))
    with pytest.raises(ValidationError, match=WRONG_KIND):
        clean(SimpleUploadedFile("bao-cao.exe", b"%PDF-1.7\n"), kinds=(DOCX,))


def test_size_is_limited_before_anything_is_read():
    with pytest.raises(ValidationError, match="at most"):
        clean(SimpleUploadedFile("lon.pdf", b"%PDF-" + b"0" * 100), max_bytes=50)


def test_pdfs_made_by_the_portal_are_accepted():
    from core.pdf import render_pdf

    pdf = render_pdf("events/attendance_sheet_pdf.html", {"sheets": []})
    assert clean(SimpleUploadedFile("danh-sach.pdf", pdf)).name.endswith(".pdf")


def test_pdfs_with_scripts_or_attachments_written_by_a_pdf_library_are_refused():
    from pypdf import PdfWriter
    from pypdf.actions import JavaScript

    def written(change) -> SimpleUploadedFile:
        writer = PdfWriter()
        writer.add_blank_page(width=200, height=200)
        change(writer)
        buffer = io.BytesIO()
        writer.write(buffer)
        return SimpleUploadedFile("bao-cao.pdf", buffer.getvalue())

    assert clean(written(lambda writer: None)).name.endswith(".pdf")
    with pytest.raises(ValidationError, match="scripts"):
        clean(written(lambda writer: writer.add_open_action(JavaScript("app.alert('x');"))))
    with pytest.raises(ValidationError, match="scripts"):
        clean(written(lambda writer: writer.add_attachment("data.zip", b"PK\x03\x04")))
