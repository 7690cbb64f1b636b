"""Published reports of the public library, with the link to download each."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from reports.models import PublishedReport, ReportRun

from .common import PublicModelSerializer, PublishedPillarSerializer, code_field


class PublishedReportSerializer(PublicModelSerializer):
    pillar = PublishedPillarSerializer(read_only=True, allow_null=True)
    cover = serializers.ImageField(read_only=True, allow_null=True)
    format = code_field(ReportRun.Format.choices, "ReportFileFormatEnum", source="file.format")
    size = serializers.IntegerField(source="file.size", read_only=True, help_text=_("Bytes."))
    download_url = serializers.SerializerMethodField(help_text=_("The report's file, open to everyone."))
    published_at = serializers.DateTimeField(source="created_at", read_only=True)

    class Meta:
        model = PublishedReport
        fields = [
            "slug",
            "title",
            "summary",
            "kind",
            "pillar",
            "year",
            "language",
            "cover",
            "format",
            "size",
            "download_url",
            "published_at",
        ]

    def get_download_url(self, report: PublishedReport) -> str:
        # The download is the same file in every language; one address keeps answers alike.
        with translation.override(settings.LANGUAGE_CODE):
            path = reverse("reports:published_download", kwargs={"slug": report.slug})
        return self.context["request"].build_absolute_uri(path)
