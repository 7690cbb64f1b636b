"""Uploaded documents (PDF, Word, Excel, PowerPoint): accepted by what they contain, not by name.

A document is stored only when its content is one of the kinds the form accepts, and is refused
with a message for the person who sent it when it is too large, unpacks to far more than it
weighs (a zip bomb), carries macros, or is a PDF carrying scripts, actions that launch programs,
or other files (embedded, or a zip archive appended to it). What is stored gets a generated name
with the extension of what the file really is. Images go through :mod:`core.images`.
"""

import io
import re
import uuid
import zipfile
import zlib
from collections.abc import Collection

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

PDF, DOCX, XLSX, PPTX = "pdf", "docx", "xlsx", "pptx"

# The main part's content type, declared in [Content_Types].xml, tells Office formats apart and
# leaves out their macro-enabled variants (.docm, .xlsm, .pptm), whose types differ.
OFFICE_TYPES = {
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    PPTX: "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
# What every Office file is unpacked to when it is opened; real documents stay far below it.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ARCHIVE_MEMBERS = 5000
MAX_CONTENT_TYPES_BYTES = 1024 * 1024
# Compressed object streams of a PDF are unpacked to look inside them, within this budget.
MAX_PDF_INFLATED_BYTES = 20 * 1024 * 1024

MACRO_PARTS = re.compile(r"(^|/)vbaProject\.bin$|^xl/macrosheets/|^word/vbaData\.xml$", re.IGNORECASE)
# Names of PDF features that run code, start programs or carry files; a name ends at a delimiter.
PDF_ACTIVE = re.compile(rb"/(?:JavaScript|JS|Launch|EmbeddedFiles?|RichMedia)(?=[\s/<>\[\]()%{}]|$)")
PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
PDF_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)


def _too_large_unpacked() -> ValidationError:
    return ValidationError(
        _("The file unpacks to more than %(limit)s and cannot be accepted; save a smaller copy.")
        % {"limit": filesizeformat(MAX_UNPACKED_BYTES)},
        code="too_large_unpacked",
    )


def _macros() -> ValidationError:
    return ValidationError(
        _(
            "Files with macros are not accepted: save the file without macros (as .docx, .xlsx or .pptx) "
            "and upload it again."
        ),
        code="macros",
    )


def _office_kind(data: bytes, kinds: Collection[str]) -> str | None:
    # A zip starting anywhere but at the first byte is another file with an archive hidden in it.
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_ARCHIVE_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
                raise _too_large_unpacked()
            if any(MACRO_PARTS.search(member.filename) for member in members):
                raise _macros()
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > MAX_CONTENT_TYPES_BYTES:
                return None
            content_types = archive.read(info).decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, RuntimeError, NotImplementedError, OSError, zlib.error):
        return None
    declared = set(re.findall(r'ContentType="([^"]+)"', content_types))
    if any("macroEnabled" in kind for kind in declared):
        raise _macros()
    return next((kind for kind in kinds if kind in OFFICE_TYPES and OFFICE_TYPES[kind] in declared), None)


def _pdf_text(data: bytes) -> bytes:
    """The PDF's objects as text: stream contents left out, except compressed object streams,
    which hold objects themselves and are unpacked (within a budget) to be read too."""
    parts, position, budget = [], 0, MAX_PDF_INFLATED_BYTES
    for match in PDF_STREAM.finditer(data):
        before = data[position : match.start()]
        parts.append(before)
        dictionary = before[-2048:]
        if b"/ObjStm" in dictionary and b"/FlateDecode" in dictionary:
            try:
                inflated = zlib.decompressobj().decompress(match[1], budget + 1)
            except zlib.error:
                inflated = b""
            budget -= len(inflated)
            if budget < 0:
                raise _too_large_unpacked()
            parts.append(inflated)
        position = match.end()
    parts.append(data[position:])
    # "/J#61vaScript" is "/JavaScript" to a PDF reader.
    return PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), b"\n".join(parts))


def _holds_archive(data: bytes) -> bool:
    """A zip archive appended to the file: a reader of zips sees the archive, a PDF reader the PDF."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return bool(archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        return False


def _pdf_is_active(data: bytes) -> bool:
    return PDF_ACTIVE.search(_pdf_text(data)) is not None or _holds_archive(data)


def document_kind(data: bytes, *, kinds: Collection[str]) -> str | None:
    """Which of ``kinds`` the file is, or None when it is none of them.

    Raises ``ValidationError`` when it is one of them but is refused all the same: a zip bomb,
    macros, or a PDF carrying scripts or other files.
    """
    if PDF in kinds and data.startswith(b"%PDF-"):
        if _pdf_is_active(data):
            raise ValidationError(
                _(
                    "PDF files carrying scripts or other files are not accepted; print the document "
                    "to a new PDF and upload that."
                ),
                code="active_pdf",
            )
        return PDF
    return _office_kind(data, kinds)


def read_within(upload, max_bytes: int, *, declared_too_large: str, too_large: str) -> bytes:
    """The upload's bytes, refused when larger than ``max_bytes``: by its declared size first, and
    again while reading, since a declared size can lie. The messages take ``%(limit)s`` (and the
    first ``%(size)s``): each kind of upload names itself in its own sentence."""
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(
            declared_too_large % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
            code="too_large",
        )
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValidationError(too_large % {"limit": filesizeformat(max_bytes)}, code="too_large")
    return data


def clean_document(upload, *, kinds: Collection[str], max_bytes: int, wrong_kind: str) -> ContentFile:
    """Check an uploaded document and return the file to store, under a generated name.

    ``kinds`` are the kinds accepted (``PDF``, ``DOCX``, ``XLSX``, ``PPTX``) and ``wrong_kind``
    the message for a file that is none of them. Raises ``ValidationError`` with a message for
    the person who uploaded the file.
    """
    data = read_within(
        upload,
        max_bytes,
        declared_too_large=_("The file is %(size)s; documents may be at most %(limit)s."),
        too_large=_("Documents may be at most %(limit)s."),
    )
    kind = document_kind(data, kinds=kinds)
    if kind is None:
        name = getattr(upload, "name", "") or ""
        claimed = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if claimed in kinds:
            # Named as something accepted but not that inside: say so rather than list the kinds.
            raise ValidationError(
                _("The file is not a valid %(kind)s file.") % {"kind": claimed.upper()},
                code="invalid_document",
            )
        raise ValidationError(wrong_kind, code="invalid_document")
    return ContentFile(data, name=f"{uuid.uuid4().hex}.{kind}")
