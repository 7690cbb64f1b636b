"""Fields and small serializers the resources share: references to provinces, pillars and
organisations, figures, and links to files."""

from typing import Any

from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from members.models import Organisation
from vocabulary.models import Pillar, Province

AMOUNT_HELP = _('A decimal number written as a string with two decimals, e.g. "35000.00".')
LOCAL_TIME_HELP = _("Hours, minutes and seconds in Vietnam's time (UTC+7).")


class AmountField(serializers.DecimalField):
    """A figure as a decimal string with two decimals, whatever its sum or division gave."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", None)
        kwargs.setdefault("decimal_places", 2)
        help_text = kwargs.get("help_text")
        kwargs["help_text"] = format_lazy("{} {}", help_text, AMOUNT_HELP) if help_text else AMOUNT_HELP
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)


@extend_schema_field({"type": "string", "pattern": r"^\d{2}:\d{2}:\d{2}$", "example": "08:30:00"})
class LocalTimeField(serializers.TimeField):
    """A time of day as it reads on the programme, in Vietnam's time (UTC+7). The schema gives a
    pattern rather than the "time" format, which wants a UTC offset the portal does not store."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", LOCAL_TIME_HELP)
        super().__init__(**kwargs)


class LinkField(serializers.URLField):
    """An address, or null where none was given: an empty text is not an address."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["allow_null"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: str | None) -> str | None:
        return value or None


def _codes_described(choices: list[tuple[str, str]]) -> str:
    return "\n".join(f"* `{value}` - {label}" for value, label in choices)


# One field class for each list of codes: the schema knows a component by the class behind it.
_CODE_FIELDS: dict[str, type[serializers.ChoiceField]] = {}


def code_field(choices: list[tuple[str, str]], component: str, **kwargs: Any) -> serializers.ChoiceField:
    """A choice given as its code. The schema lists the codes, with their meaning in the language
    asked for, once under ``component`` (e.g. ``EventStatusEnum``): several models have a
    "status" or a "kind" of their own, and each list of codes keeps the name of its model."""
    if component not in _CODE_FIELDS:
        schema = {
            "type": "string",
            "enum": [value for value, _label in choices],
            "description": lazy(_codes_described, str)(choices),
        }
        _CODE_FIELDS[component] = extend_schema_field(schema, component_name=component)(
            type(component, (serializers.ChoiceField,), {"__module__": __name__})
        )
    kwargs.setdefault("read_only", True)
    return _CODE_FIELDS[component](choices=choices, **kwargs)


class PublicModelSerializer(serializers.ModelSerializer):
    """Every field is read-only (the API only reads), decimals are :class:`AmountField` and
    choices are codes named after their model (:func:`code_field`)."""

    def build_standard_field(self, field_name: str, model_field) -> tuple[type, dict]:
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if issubclass(field_class, serializers.DecimalField):
            field_class = AmountField
            kwargs = {"allow_null": kwargs.get("allow_null", False)}
        elif issubclass(field_class, serializers.TimeField):
            field_class = LocalTimeField
        elif issubclass(field_class, serializers.URLField):
            field_class = LinkField
        elif issubclass(field_class, serializers.ChoiceField) and model_field.choices:
            words = "".join(word.capitalize() for word in field_name.split("_"))
            component = f"{model_field.model.__name__}{words}Enum"
            return code_field, {"choices": list(model_field.choices), "component": component, **kwargs}
        return field_class, kwargs

    def get_extra_kwargs(self) -> dict:
        extra = super().get_extra_kwargs()
        for name in self.Meta.fields:
            extra.setdefault(name, {})["read_only"] = True
        return extra


class ProvinceSerializer(PublicModelSerializer):
    """A province as it is today: a row recorded under a former province shows its successor."""

    class Meta:
        model = Province
        fields = ["code", "name_vi", "name_en"]


def current_province(**kwargs: Any) -> ProvinceSerializer:
    """The current province of the row's ``province`` (``select_related`` its successor)."""
    return ProvinceSerializer(source="province.current", read_only=True, allow_null=True, **kwargs)


@extend_schema_field(ProvinceSerializer(many=True))
class CurrentProvincesField(serializers.Field):
    """The current provinces of a many-to-many of provinces, each once: two former provinces
    merged into one are that one."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, provinces) -> list[dict]:
        seen: dict[str, Province] = {}
        for province in provinces.all():
            seen.setdefault(province.current.code, province.current)
        return ProvinceSerializer(list(seen.values()), many=True).data


# For the serializer of a row another row points to: null while the row is not published, so
# that the link never reveals it. (A comment, not a docstring: the schema describes a serializer
# by the first docstring of its classes.)
class NullUnlessPublished:
    def to_representation(self, instance: Any) -> dict | None:
        return super().to_representation(instance) if instance.is_published else None


class PillarRefSerializer(PublicModelSerializer):
    class Meta:
        model = Pillar
        fields = ["code", "name_vi", "name_en"]


class PublishedPillarSerializer(NullUnlessPublished, PillarRefSerializer):
    """A pillar a row points to, or null while the pillar is not published."""


class OrganisationRefSerializer(PublicModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:organisation_detail", lookup_field="slug")

    class Meta:
        model = Organisation
        fields = ["slug", "url", "name_vi", "name_en", "acronym"]


class PublishedOrganisationSerializer(NullUnlessPublished, OrganisationRefSerializer):
    """An organisation a row points to, or null while the organisation is not published."""


class FigureSerializer(serializers.Serializer):
    """An actual or a total from approved updates only, by the rules of the results page: a sum,
    or for a cumulative indicator the latest running total; a percentage adds numerators and
    denominators and divides once."""

    value = AmountField(help_text=_("The figure; null for a percentage or a narrative."))
    numerator = AmountField(help_text=_("For a percentage: the numerator."))
    denominator = AmountField(help_text=_("For a percentage: the denominator."))
    percentage = AmountField(help_text=_("For a percentage: numerator × 100 / denominator."))
    reports = serializers.IntegerField(
        read_only=True, help_text=_("How many approved updates the figure is made of.")
    )


class DisaggregationSerializer(serializers.Serializer):
    """One part of a figure, e.g. the women among the people trained."""

    dimension = serializers.CharField(source="value.dimension.code", read_only=True)
    code = serializers.CharField(source="value.code", read_only=True)
    name_vi = serializers.CharField(source="value.name_vi", read_only=True, allow_null=True)
    name_en = serializers.CharField(source="value.name_en", read_only=True, allow_null=True)
    actual = AmountField()
    target = AmountField()


class DisaggregationTotalSerializer(DisaggregationSerializer):
    target = None


class ErrorSerializer(serializers.Serializer):
    """What a refused request is told."""

    detail = serializers.CharField(read_only=True)
