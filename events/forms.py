"""Forms of the coordinators' event admin: the event itself, its documents and photos, and the
sign-in sheet upload."""

from django import forms
from django.forms.models import BaseInlineFormSet
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from core.forms import DocumentUploadField, ImageModelForm, ImageUploadField
from core.models import unique_slug

from .models import RESERVED_SLUGS, AgendaSession, Event, EventDocument, EventPhoto, Participation
from .signin.sheet import MAX_ROWS, MAX_UPLOAD_BYTES, parse_sheet

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


class EventAdminForm(forms.ModelForm):
    # Set on the class the admin builds for "Save as new": the copy gets a free slug of its own
    # instead of an error about the original's.
    saving_as_new = False

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if slug and self.saving_as_new:
            return unique_slug(Event.objects.all(), slug, max_length=100, reserved=RESERVED_SLUGS)
        return slug


class EventDocumentForm(forms.ModelForm):
    file = DocumentUploadField(
        label=_("File"),
        required=False,
        help_text=_("PDF, Word, Excel or PowerPoint, at most 20 MB. Or give a link instead."),
        max_bytes=MAX_DOCUMENT_BYTES,
    )

    class Meta:
        model = EventDocument
        fields = ["title", "kind", "file", "url", "language", "is_public", "order"]


class EventPhotoForm(ImageModelForm):
    image = ImageUploadField(
        label=_("Photo"), help_text=_("JPEG, PNG or WebP, at most 5 MB and 40 megapixels.")
    )

    class Meta:
        model = EventPhoto
        fields = ["image", "caption_vi", "caption_en", "credit", "order"]

    def image_stored(self, instance, clean) -> None:
        instance.width, instance.height = clean.width, clean.height


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
        ) % {"size": filesizeformat(MAX_UPLOAD_BYTES), "rows": MAX_ROWS}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # People on the sheet of an online event took part online unless the sheet says otherwise.
        online = self.event.format == Event.Format.ONLINE
        default_mode = Participation.Mode.ONLINE if online else Participation.Mode.IN_PERSON
        self.sheet = parse_sheet(upload, default_mode=default_mode)
        return upload
