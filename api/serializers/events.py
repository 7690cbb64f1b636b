"""Events: when and where, who organised them, how many took part; the documents that are public
and the link to join online when it is open to everyone."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.models import Event, EventDocument, EventOrganiser, EventSeries, EventType
from events.selectors import Headcount

from .common import (
    LinkField,
    OrganisationRefSerializer,
    PillarRefSerializer,
    PublicModelSerializer,
    current_province,
)


class EventTypeSerializer(PublicModelSerializer):
    class Meta:
        model = EventType
        fields = ["code", "name_vi", "name_en"]


class EventSeriesSerializer(PublicModelSerializer):
    class Meta:
        model = EventSeries
        fields = ["slug", "name_vi", "name_en"]


class OrganiserSerializer(PublicModelSerializer):
    organisation = OrganisationRefSerializer(read_only=True)

    class Meta:
        model = EventOrganiser
        fields = ["organisation", "role"]


class HeadcountSerializer(serializers.Serializer):
    """Participants: counted from the attendance records where there are any, else as the
    organisers reported them (a part they did not report is null)."""

    total = serializers.IntegerField(read_only=True)
    women = serializers.IntegerField(read_only=True, allow_null=True)
    men = serializers.IntegerField(read_only=True, allow_null=True)
    other = serializers.IntegerField(
        read_only=True, allow_null=True, help_text=_("Other genders, or not disclosed.")
    )
    online = serializers.IntegerField(read_only=True, allow_null=True)
    from_attendance = serializers.BooleanField(
        read_only=True, help_text=_("Counted from the attendance records, not as reported.")
    )


class EventListSerializer(PublicModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:event_detail", lookup_field="slug")
    event_type = EventTypeSerializer(read_only=True)
    province = current_province()
    pillars = PillarRefSerializer(source="public_pillars", many=True, read_only=True)
    organisers = OrganiserSerializer(
        source="public_organisers", many=True, read_only=True, help_text=_("Published organisations only.")
    )
    headcount = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "slug",
            "url",
            "title_vi",
            "title_en",
            "event_type",
            "status",
            "format",
            "start_date",
            "end_date",
            "start_time",
            "end_time",
            "venue_vi",
            "venue_en",
            "province",
            "country",
            "pillars",
            "organisers",
            "headcount",
        ]

    @extend_schema_field(HeadcountSerializer(allow_null=True))
    def get_headcount(self, event: Event) -> dict | None:
        headcount: Headcount | None = self.context["headcounts"].get(event.pk)
        return HeadcountSerializer(headcount).data if headcount else None


class EventDocumentSerializer(PublicModelSerializer):
    url = serializers.URLField(source="href", read_only=True, help_text=_("The file, or a link elsewhere."))

    class Meta:
        model = EventDocument
        fields = ["title", "kind", "language", "url"]

    def to_representation(self, document: EventDocument) -> dict:
        data = super().to_representation(document)
        # A file's address is relative to the portal; a link is already absolute.
        data["url"] = self.context["request"].build_absolute_uri(data["url"])
        return data


class EventDetailSerializer(EventListSerializer):
    series = EventSeriesSerializer(read_only=True, allow_null=True)
    online_link = serializers.SerializerMethodField(
        help_text=_("The link to join online, when the organisers made it public; else null.")
    )
    documents = EventDocumentSerializer(
        source="public_documents", many=True, read_only=True, help_text=_("Public documents only.")
    )

    class Meta(EventListSerializer.Meta):
        fields = [
            *EventListSerializer.Meta.fields,
            "summary_vi",
            "summary_en",
            "objectives_vi",
            "objectives_en",
            "outcomes_vi",
            "outcomes_en",
            "series",
            "online_link",
            "documents",
        ]

    @extend_schema_field(LinkField())
    def get_online_link(self, event: Event) -> str | None:
        return self.context["online_link"] or None
