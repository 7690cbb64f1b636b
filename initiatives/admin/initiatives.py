"""The admin of initiatives, on one page with their partners, results, documents and photos."""

from django import forms
from django.contrib import admin
from django.core.files import File
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import (
    AccentInsensitiveSearchMixin,
    LargeTableAdminMixin,
    PublishActionsMixin,
    SharedChoicesInlineMixin,
)
from core.forms import ImageModelForm, ImageUploadField
from core.imports import ImportAdminMixin
from core.private_files import DocumentFormSet
from vocabulary.admin import pillar_filter, province_filter

from ..forms import EvidenceField
from ..models import Initiative, InitiativeDocument, InitiativePartner, InitiativePhoto, Result
from ..resources import InitiativeResource
from .common import change_link


class PartnerInline(SharedChoicesInlineMixin, admin.TabularInline):
    model = InitiativePartner
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "funding_amount", "currency"]


class ResultInline(TranslationTabularInline):
    model = Result
    extra = 0
    fields = ["type", "title", "order", "indicators_link"]
    readonly_fields = ["indicators_link"]
    show_change_link = True

    @admin.display(description=_("indicators"))
    def indicators_link(self, obj: Result) -> str:
        return change_link(obj, _("Edit its indicators"))


class DocumentForm(forms.ModelForm):
    file = EvidenceField(label=_("File"), required=True)

    class Meta:
        model = InitiativeDocument
        fields = ["title_vi", "title_en", "file"]

    def clean_file(self) -> File | None:
        value = self.cleaned_data.get("file")
        if isinstance(value, tuple):
            return value[0]
        return self.instance.file if self.instance.pk and not value else value


class DocumentInline(admin.TabularInline):
    model = InitiativeDocument
    form = DocumentForm
    fields = ["title_vi", "title_en", "file", "is_public"]
    # Saved through document_save: ticking or unticking "public" moves the file.
    formset = DocumentFormSet
    extra = 0


class PhotoForm(ImageModelForm):
    image = ImageUploadField(
        label=_("Photo"), help_text=_("JPEG, PNG or WebP, at most 5 MB and 40 megapixels.")
    )

    class Meta:
        model = InitiativePhoto
        fields = ["image", "caption_vi", "caption_en", "order"]


class PhotoInline(admin.TabularInline):
    model = InitiativePhoto
    form = PhotoForm
    extra = 0


@admin.register(Initiative)
class InitiativeAdmin(
    LargeTableAdminMixin,
    ImportAdminMixin,
    AccentInsensitiveSearchMixin,
    PublishActionsMixin,
    SimpleHistoryAdmin,
    TranslationAdmin,
):
    resource_classes = [InitiativeResource]
    list_display = ["title", "acronym", "status", "start", "end", "is_published", "updated_at"]
    list_filter = ["status", "is_published", pillar_filter("pillars"), province_filter("provinces")]
    search_fields = ["title_vi"]
    accent_search_fields = ["search_text"]
    prepopulated_fields = {"slug": ["acronym"]}
    autocomplete_fields = ["parent", "provinces"]
    filter_horizontal = ["pillars"]
    inlines = [PartnerInline, ResultInline, DocumentInline, PhotoInline]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "acronym", "slug", "parent", "status", "start", "end", "is_published"]}),
        (_("Description"), {"fields": ["summary", "objectives"]}),
        (_("Where and what"), {"fields": ["provinces", "location_detail", "pillars"]}),
        # Rarely needed: the export makes the identifier itself.
        (_("IATI"), {"fields": ["iati_identifier"], "classes": ["collapse"]}),
    ]
