"""Forms of the knowledge hub: a member's proposal, and the coordinators' resource admin. Files
go through the upload checks in core (documents by content, images re-encoded)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DocumentUploadField, ImageModelForm, ImageUploadField
from core.models import file_or_link_error

from .models import Resource

MAX_DOCUMENT_BYTES = 30 * 1024 * 1024
COVER_HELP = _("JPEG, PNG or WebP, at most 5 MB.")
FILE_HELP = _("PDF, Word, Excel or PowerPoint, at most 30 MB. Or give a link instead.")


def document_field() -> DocumentUploadField:
    return DocumentUploadField(
        label=_("File"), required=False, help_text=FILE_HELP, max_bytes=MAX_DOCUMENT_BYTES
    )


class ProposalForm(forms.Form):
    """What a member editor says about a resource they propose."""

    kind = forms.ChoiceField(label=_("Kind"), choices=Resource.Kind.choices)
    title_vi = forms.CharField(label=_("Title in Vietnamese"), max_length=300)
    title_en = forms.CharField(label=_("Title in English"), max_length=300, required=False)
    summary_vi = forms.CharField(label=_("Summary in Vietnamese"), widget=forms.Textarea(attrs={"rows": 4}))
    summary_en = forms.CharField(
        label=_("Summary in English"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    year = forms.IntegerField(
        label=_("Year"),
        min_value=1950,
        max_value=2100,
        error_messages={"invalid": _("Enter a year, using digits only.")},
    )
    language = forms.ChoiceField(
        label=_("Language of the document"), choices=Resource._meta.get_field("language").choices
    )
    file = document_field()
    url = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")
    cover = ImageUploadField(label=_("Cover image"), required=False, help_text=COVER_HELP)

    def clean(self):
        data = super().clean()
        file, url, kind = data.get("file"), data.get("url"), data.get("kind")
        # A file refused by its checks is not missing as well.
        if not self.errors.get("file") and (file_error := file_or_link_error(file, url)):
            self.add_error("url", file_error)
        if file and kind in (Resource.Kind.VIDEO, Resource.Kind.LINK):
            self.add_error("file", _("A video or a link is given by its address, not a file."))
        return data

    def cover_upload(self):
        return getattr(self.fields["cover"], "last_clean", None)


class ResourceAdminForm(ImageModelForm):
    """The cover goes through the image checks and is stored re-encoded with its thumbnail; the
    file through the document checks."""

    image_field = "cover"
    thumbnail_field = "cover_thumbnail"
    cover = ImageUploadField(label=_("Cover image"), required=False, help_text=COVER_HELP)
    file = document_field()

    class Meta:
        model = Resource
        fields = [
            "kind",
            "title",
            "slug",
            "summary",
            "year",
            "language",
            "is_published",
            "file",
            "url",
            "cover",
            "pillars",
            "technical_groups",
            "provinces",
            "initiatives",
            "events",
            "problem",
            "approach",
            "outcomes",
            "replication",
            "results",
            "review_status",
            "proposing_organisation",
        ]

    def clean(self):
        data = super().clean()
        results, initiatives = data.get("results"), data.get("initiatives")
        if results is not None and initiatives is not None:
            chosen = {initiative.pk for initiative in initiatives}
            if any(result.initiative_id not in chosen for result in results):
                self.add_error("results", _("Choose results of the related initiatives."))
        return data
