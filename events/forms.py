"""Forms of the coordinators' event admin: the event itself, its documents and photos, and the
sign-in sheet upload."""

import io
import re
import uuid
import zipfile

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.forms.models import BaseInlineFormSet
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from network_portal.forms import ImageUploadField

from . import imports
from .models import RESERVED_SLUGS, AgendaSession, Event, EventDocument, EventPhoto, Participation

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
DOCUMENT_ACCEPT = ".pdf,.docx,.xlsx,.pptx"
# The main part's content type, declared in [Content_Types].xml, tells Office formats apart and
# leaves out their macro-enabled variants (.docm, .xlsm, .pptm), whose types differ.
OFFICE_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
MAX_CONTENT_TYPES_BYTES = 1024 * 1024


def unique_slug(base: str, *, max_length: int = 100) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever no event (and no fixed page) uses yet."""
    candidate, number = base, 2
    while candidate in RESERVED_SLUGS or Event.objects.filter(slug=candidate).exists():
        suffix = f"-{number}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
        number += 1
    return candidate


class EventAdminForm(forms.ModelForm):
    # Set on the class the admin builds for "Save as new": the copy gets a free slug of its own
    # instead of an error about the original's.
    saving_as_new = False

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if slug and self.saving_as_new:
            return unique_slug(slug)
        return slug


def clean_event_document(upload, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> ContentFile:
    """Accept a PDF, Word, Excel or PowerPoint file by what it contains, not by its name.

    Returns the file to store under a generated name with the extension of what it really is.
    """
    if upload.size is not None and upload.size > max_bytes:
        raise ValidationError(
            _("The file is %(size)s; documents may be at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
            code="too_large",
        )
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValidationError(
            _("Documents may be at most %(limit)s.") % {"limit": filesizeformat(max_bytes)}, code="too_large"
        )
    wrong_kind = ValidationError(
        _("Upload a PDF, Word (.docx), Excel (.xlsx) or PowerPoint (.pptx) file."), code="invalid_document"
    )
    if data.startswith(b"%PDF-"):
        extension = "pdf"
    else:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                info = archive.getinfo("[Content_Types].xml")
                if info.file_size > MAX_CONTENT_TYPES_BYTES:
                    raise wrong_kind
                content_types = archive.read(info).decode("utf-8", "replace")
        except (zipfile.BadZipFile, KeyError, RuntimeError, NotImplementedError, OSError):
            raise wrong_kind from None
        declared = set(re.findall(r'ContentType="([^"]+)"', content_types))
        extension = next((ext for ext, kind in OFFICE_TYPES.items() if kind in declared), None)
        if extension is None:
            raise wrong_kind
    return ContentFile(data, name=f"{uuid.uuid4().hex}.{extension}")


class DocumentUploadField(forms.FileField):
    widget = forms.ClearableFileInput(attrs={"accept": DOCUMENT_ACCEPT})

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            return clean_event_document(value)
        return value


class EventDocumentForm(forms.ModelForm):
    file = DocumentUploadField(
        label=_("File"),
        required=False,
        help_text=_("PDF, Word, Excel or PowerPoint, at most 20 MB. Or give a link instead."),
    )

    class Meta:
        model = EventDocument
        fields = ["title", "kind", "file", "url", "language", "is_public", "order"]


class EventPhotoForm(forms.ModelForm):
    image = ImageUploadField(
        label=_("Photo"), help_text=_("JPEG, PNG or WebP, at most 5 MB and 40 megapixels.")
    )

    class Meta:
        model = EventPhoto
        fields = ["image", "caption_vi", "caption_en", "credit", "order"]

    def save(self, commit=True):
        photo = super().save(commit=False)
        clean = getattr(self.fields["image"], "last_clean", None)
        if clean is not None:
            photo.thumbnail.save(clean.thumbnail.name, clean.thumbnail, save=False)
            photo.width, photo.height = clean.width, clean.height
        if commit:
            photo.save()
        return photo


class AgendaItemFormSet(BaseInlineFormSet):
    """Offers only this event's own sessions and documents on each agenda item."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        event = self.instance if self.instance.pk else None
        if "session" in form.fields:
            form.fields["session"].queryset = AgendaSession.objects.filter(event=event)
        if "document" in form.fields:
            form.fields["document"].queryset = EventDocument.objects.filter(event=event)


class SignInUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Sign-in sheet"),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,.csv,text/csv,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["file"].help_text = _(
            "An Excel workbook (.xlsx) or a CSV file in UTF-8, at most %(size)s and %(rows)s people, with "
            "columns such as “Họ và tên”, “Giới tính”, “Tổ chức”, “Chức vụ”, “Email”, “Điện thoại”."
        ) % {"size": filesizeformat(imports.MAX_UPLOAD_BYTES), "rows": imports.MAX_ROWS}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # People on the sheet of an online event took part online unless the sheet says otherwise.
        online = self.event.format == Event.Format.ONLINE
        default_mode = Participation.Mode.ONLINE if online else Participation.Mode.IN_PERSON
        self.sheet = imports.parse_sheet(upload, default_mode=default_mode)
        return upload
