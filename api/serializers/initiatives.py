"""Initiatives with their results framework, pillars with their technical groups, and the
network's totals. Actuals and totals count approved updates only."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from initiatives.models import (
    Indicator,
    Initiative,
    InitiativeDocument,
    InitiativePartner,
    NetworkIndicator,
    Period,
    Result,
)
from initiatives.selectors import NetworkTotal, disaggregations, pillar_list_public
from vocabulary.models import Pillar, Province, TechnicalGroup

from .common import (
    CurrentProvincesField,
    DisaggregationSerializer,
    DisaggregationTotalSerializer,
    FigureSerializer,
    NullUnlessPublished,
    OrganisationRefSerializer,
    PillarRefSerializer,
    ProvinceSerializer,
    PublicModelSerializer,
    PublishedOrganisationSerializer,
)

# --- pillars -------------------------------------------------------------------------------------


class TechnicalGroupSerializer(PublicModelSerializer):
    lead_organisation = PublishedOrganisationSerializer(read_only=True, allow_null=True)

    class Meta:
        model = TechnicalGroup
        fields = ["name_vi", "name_en", "description_vi", "description_en", "lead_organisation"]


class PillarSerializer(PublicModelSerializer):
    technical_groups = TechnicalGroupSerializer(many=True, read_only=True)

    class Meta:
        model = Pillar
        fields = [
            "code",
            "name_vi",
            "name_en",
            "description_vi",
            "description_en",
            "colour",
            "technical_groups",
        ]


# --- initiatives ---------------------------------------------------------------------------------


class PartnerSerializer(PublicModelSerializer):
    organisation = OrganisationRefSerializer(read_only=True)

    class Meta:
        model = InitiativePartner
        fields = ["organisation", "role", "funding_amount", "currency"]


class InitiativeRefSerializer(PublicModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:initiative_detail", lookup_field="slug")

    class Meta:
        model = Initiative
        fields = ["slug", "url", "title_vi", "title_en", "acronym"]


class PublishedInitiativeSerializer(NullUnlessPublished, InitiativeRefSerializer):
    pass


class InitiativeListSerializer(PublicModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:initiative_detail", lookup_field="slug")
    pillars = PillarRefSerializer(many=True, read_only=True, help_text=_("Published pillars only."))
    provinces = CurrentProvincesField()
    leads = serializers.SerializerMethodField(help_text=_("The accountable (lead) organisations."))

    class Meta:
        model = Initiative
        fields = [
            "slug",
            "url",
            "title_vi",
            "title_en",
            "acronym",
            "status",
            "start",
            "end",
            "pillars",
            "provinces",
            "leads",
        ]

    @extend_schema_field(OrganisationRefSerializer(many=True))
    def get_leads(self, initiative: Initiative) -> list[dict]:
        organisations = [partner.organisation for partner in initiative.leads]
        return OrganisationRefSerializer(organisations, many=True, context=self.context).data


class InitiativeDocumentSerializer(PublicModelSerializer):
    url = serializers.FileField(source="file", read_only=True)

    class Meta:
        model = InitiativeDocument
        fields = ["title_vi", "title_en", "url"]


class NarrativeSerializer(serializers.Serializer):
    reported_on = serializers.DateField(read_only=True, help_text=_("The date the update describes."))
    text = serializers.CharField(read_only=True)


class PeriodSerializer(PublicModelSerializer):
    actual = FigureSerializer(
        read_only=True,
        allow_null=True,
        help_text=_("From approved updates only; null until one is approved."),
    )
    disaggregations = serializers.SerializerMethodField(
        help_text=_("The actual and the target by sex (and any other breakdown), part by part.")
    )
    narratives = serializers.SerializerMethodField(help_text=_("What the approved updates say."))

    class Meta:
        model = Period
        fields = ["start", "end", "target_value", "actual", "disaggregations", "narratives"]

    @extend_schema_field(DisaggregationSerializer(many=True))
    def get_disaggregations(self, period: Period) -> list[dict]:
        targets = {target.dimension_value_id: target.value for target in period.disaggregation_targets.all()}
        rows = disaggregations(period.actual, self.context["dimension_values"], targets)
        return DisaggregationSerializer(rows, many=True).data

    @extend_schema_field(NarrativeSerializer(many=True))
    def get_narratives(self, period: Period) -> list[dict]:
        rows = [{"reported_on": on, "text": text} for on, text in period.narratives]
        return NarrativeSerializer(rows, many=True).data


class IndicatorSerializer(PublicModelSerializer):
    network_indicator = serializers.SlugRelatedField(
        slug_field="code",
        read_only=True,
        allow_null=True,
        help_text=_("The network indicator it counts towards, if any."),
    )
    periods = PeriodSerializer(many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "title_vi",
            "title_en",
            "description_vi",
            "description_en",
            "measure",
            "unit_vi",
            "unit_en",
            "ascending",
            "cumulative",
            "baseline_year",
            "baseline_value",
            "target_value",
            "network_indicator",
            "periods",
        ]


class ResultSerializer(PublicModelSerializer):
    indicators = IndicatorSerializer(many=True, read_only=True)

    class Meta:
        model = Result
        fields = ["type", "title_vi", "title_en", "description_vi", "description_en", "indicators"]


class InitiativeDetailSerializer(InitiativeListSerializer):
    # The partners below say who leads, with every other role.
    leads = None
    parent = PublishedInitiativeSerializer(read_only=True, allow_null=True, help_text=_("The programme."))
    children = InitiativeRefSerializer(source="published_children", many=True, read_only=True)
    partners = PartnerSerializer(
        many=True, read_only=True, help_text=_("Published organisations only, with their role.")
    )
    documents = InitiativeDocumentSerializer(
        source="public_documents", many=True, read_only=True, help_text=_("Public documents only.")
    )
    results = serializers.SerializerMethodField()

    class Meta(InitiativeListSerializer.Meta):
        fields = [
            *(name for name in InitiativeListSerializer.Meta.fields if name != "leads"),
            "summary_vi",
            "summary_en",
            "objectives_vi",
            "objectives_en",
            "location_detail",
            "parent",
            "children",
            "partners",
            "documents",
            "results",
        ]

    @extend_schema_field(ResultSerializer(many=True))
    def get_results(self, initiative: Initiative) -> list[dict]:
        return ResultSerializer(self.context["results"], many=True, context=self.context).data


# --- the network's totals ------------------------------------------------------------------------


class NetworkIndicatorSerializer(PublicModelSerializer):
    class Meta:
        model = NetworkIndicator
        fields = [
            "code",
            "name_vi",
            "name_en",
            "description_vi",
            "description_en",
            "unit_vi",
            "unit_en",
            "measure",
            "cumulative",
            "is_headline",
        ]


class YearFigureSerializer(serializers.Serializer):
    year = serializers.IntegerField(read_only=True)
    figure = FigureSerializer(read_only=True)


class NetworkTotalSerializer(serializers.Serializer):
    indicator = NetworkIndicatorSerializer(read_only=True)
    total = FigureSerializer(
        read_only=True, allow_null=True, help_text=_("Null until an update is approved.")
    )
    by_year = serializers.SerializerMethodField(help_text=_("The total of each calendar year."))
    disaggregations = serializers.SerializerMethodField(
        help_text=_("The total by sex (and any other breakdown).")
    )

    @extend_schema_field(YearFigureSerializer(many=True))
    def get_by_year(self, total: NetworkTotal) -> list[dict]:
        return YearFigureSerializer([{"year": y, "figure": f} for y, f in total.by_year], many=True).data

    @extend_schema_field(DisaggregationTotalSerializer(many=True))
    def get_disaggregations(self, total: NetworkTotal) -> list[dict]:
        rows = disaggregations(total.total, self.context["dimension_values"])
        return DisaggregationTotalSerializer(rows, many=True).data


class TotalsSerializer(serializers.Serializer):
    province = ProvinceSerializer(
        read_only=True, allow_null=True, help_text=_("The province totalled, if one.")
    )
    pillar = PillarRefSerializer(read_only=True, allow_null=True, help_text=_("The pillar totalled, if one."))
    indicators = NetworkTotalSerializer(many=True, read_only=True)


class TotalsScopeSerializer(serializers.Serializer):
    """What part of the network the totals are of: one current province (with the former
    provinces merged into it), one published pillar, both, or the whole network."""

    province = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Province.objects.current(),
        required=False,
        help_text=_("A current province's code, e.g. ha-noi."),
        error_messages={"does_not_exist": _("No current province has the code {value}.")},
    )
    pillar = serializers.SlugRelatedField(
        slug_field="code",
        queryset=pillar_list_public(),
        required=False,
        help_text=_("A published pillar's code."),
        error_messages={"does_not_exist": _("No published pillar has the code {value}.")},
    )
