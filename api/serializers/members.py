"""Organisations of the member directory: what their public profile shows, never a person's
contact details."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from members.models import Affiliation, Membership, MembershipType, Organisation, PillarParticipation
from members.selectors import current_membership

from .common import (
    OrganisationRefSerializer,
    PillarRefSerializer,
    PublicModelSerializer,
    PublishedOrganisationSerializer,
    code_field,
    current_province,
)


class PillarParticipationSerializer(PublicModelSerializer):
    pillar = PillarRefSerializer(read_only=True)

    class Meta:
        model = PillarParticipation
        fields = ["pillar", "role"]


class OrganisationListSerializer(PublicModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:organisation_detail", lookup_field="slug")
    province = current_province()
    logo = serializers.ImageField(read_only=True, allow_null=True)
    pillars = PillarParticipationSerializer(
        source="pillar_participations", many=True, read_only=True, help_text=_("Published pillars only.")
    )

    class Meta:
        model = Organisation
        fields = [
            "slug",
            "url",
            "name_vi",
            "name_en",
            "acronym",
            "kind",
            "province",
            "website",
            "logo",
            "pillars",
        ]


class MembershipTypeSerializer(PublicModelSerializer):
    class Meta:
        model = MembershipType
        fields = ["code", "name_vi", "name_en"]


class MembershipSerializer(PublicModelSerializer):
    membership_type = MembershipTypeSerializer(read_only=True)

    class Meta:
        model = Membership
        fields = ["membership_type", "status", "joined_on", "start", "end"]


class PersonSerializer(PublicModelSerializer):
    """Someone who agreed to be listed: name, position and role, never how to reach them."""

    full_name = serializers.CharField(source="person.full_name", read_only=True)
    position = serializers.CharField(source="person.position", read_only=True)

    class Meta:
        model = Affiliation
        fields = ["full_name", "position", "role", "is_primary"]


class OrganisationDetailSerializer(OrganisationListSerializer):
    aliases = serializers.ListField(
        source="alias_list", child=serializers.CharField(), read_only=True, help_text=_("Other names.")
    )
    parent = PublishedOrganisationSerializer(read_only=True, allow_null=True)
    children = OrganisationRefSerializer(source="published_children", many=True, read_only=True)
    membership = serializers.SerializerMethodField(help_text=_("The membership in force today, if any."))
    membership_status = code_field(
        Membership.Status.choices,
        "MembershipStatusEnum",
        allow_null=True,
        help_text=_("The standing today: that of the membership in force, or of the last one to end."),
    )
    people = serializers.SerializerMethodField(help_text=_("People who agreed to be listed."))

    class Meta(OrganisationListSerializer.Meta):
        fields = [
            *OrganisationListSerializer.Meta.fields,
            "description_vi",
            "description_en",
            "aliases",
            "parent",
            "children",
            "membership",
            "membership_status",
            "people",
        ]

    @extend_schema_field(MembershipSerializer(allow_null=True))
    def get_membership(self, organisation: Organisation) -> dict | None:
        membership = current_membership(organisation)
        return MembershipSerializer(membership).data if membership else None

    @extend_schema_field(PersonSerializer(many=True))
    def get_people(self, organisation: Organisation) -> list[dict]:
        return PersonSerializer(self.context["people"], many=True).data
