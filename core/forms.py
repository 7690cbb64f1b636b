"""Form pieces shared by the apps."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from . import uploads
from .images import CleanImage, clean_image, image_store

IMAGE_ACCEPT = "image/jpeg,image/png,image/webp"


class DocumentUploadField(forms.FileField):
    """A file field that only accepts a PDF, Word, Excel or PowerPoint file that
    :func:`uploads.clean_document` accepts, up to ``max_bytes``."""

    widget = forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.pptx"})

    def __init__(self, *, max_bytes: int, **kwargs):
        super().__init__(**kwargs)
        self.max_bytes = max_bytes

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            return uploads.clean_document(
                value,
                kinds=(uploads.PDF, uploads.DOCX, uploads.XLSX, uploads.PPTX),
                max_bytes=self.max_bytes,
                wrong_kind=_("Upload a PDF, Word (.docx), Excel (.xlsx) or PowerPoint (.pptx) file."),
            )
        return value


class ImageUploadField(forms.FileField):
    """A file field that only accepts an image that :func:`clean_image` accepts.

    It returns the re-encoded image, so the upload as sent is never stored; the thumbnail is
    kept on ``last_clean`` for the form to store beside it.
    """

    widget = forms.ClearableFileInput(attrs={"accept": IMAGE_ACCEPT})

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        self.last_clean: CleanImage | None = None
        if isinstance(value, UploadedFile):
            self.last_clean = clean_image(value)
            return self.last_clean.image
        return value


class ImageModelForm(forms.ModelForm):
    """A model form whose image is an :class:`ImageUploadField`: saving stores the re-encoded
    image with its thumbnail and removes the files they replace (:func:`image_store`)."""

    image_field = "image"
    thumbnail_field = "thumbnail"

    def save(self, commit=True):
        instance = super().save(commit=False)
        clean = getattr(self.fields[self.image_field], "last_clean", None)
        image_store(
            instance,
            clean=clean,
            field=self.image_field,
            thumbnail=self.thumbnail_field,
            cleared=self.cleaned_data.get(self.image_field) is False,
        )
        if clean is not None:
            self.image_stored(instance, clean)
        if commit:
            instance.save()
            self.save_m2m()
        return instance

    def image_stored(self, instance, clean: CleanImage) -> None:
        """Called after a new image is put on ``instance``, e.g. to record its size."""


def form_add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal on the form: on the fields it names where the form has them,
    above the form otherwise, so what the person typed stays in place."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
