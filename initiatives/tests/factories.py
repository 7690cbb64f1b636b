"""factory_boy factories of pillars, the catalogue, initiatives and their results framework."""

import datetime
from decimal import Decimal

import factory

from initiatives.figures import year_figures_refresh
from initiatives.models import (
    Dimension,
    DimensionValue,
    Indicator,
    IndicatorUpdate,
    Initiative,
    InitiativePartner,
    NetworkIndicator,
    Period,
    Result,
    UpdateDisaggregation,
)
from vocabulary.models import Pillar


class PillarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pillar
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"pillar-{n}")
    name_vi = factory.Sequence(lambda n: f"Trụ cột {n}")
    name_en = factory.Sequence(lambda n: f"Pillar {n}")
    is_published = True


class DimensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dimension
        django_get_or_create = ["code"]

    code = "sex"
    name_vi = "Giới tính"
    name_en = "Sex"


class DimensionValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DimensionValue
        django_get_or_create = ["dimension", "code"]

    dimension = factory.SubFactory(DimensionFactory)
    code = "female"
    name_vi = "Nữ"
    name_en = "Female"


def sex_values() -> dict[str, DimensionValue]:
    names = {"female": ("Nữ", "Female", 1), "male": ("Nam", "Male", 2), "other": ("Khác", "Other", 3)}
    return {
        code: DimensionValueFactory(code=code, name_vi=vi, name_en=en, order=order)
        for code, (vi, en, order) in names.items()
    }


class NetworkIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkIndicator
        django_get_or_create = ["code"]

    code = "plastic-collected"
    name_vi = "Rác thải nhựa giá trị thấp được thu gom"
    name_en = "Low-value plastic waste collected"
    unit_vi = "kg"
    unit_en = "kg"
    is_headline = True


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    title_vi = factory.Sequence(lambda n: f"Mô hình thu gom rác thải nhựa {n}")
    title_en = factory.Sequence(lambda n: f"Plastic collection model {n}")
    slug = factory.Sequence(lambda n: f"sang-kien-{n}")
    summary_vi = "Thu gom và tái chế rác thải nhựa giá trị thấp."
    status = Initiative.Status.ONGOING
    start = datetime.date(2022, 1, 1)
    end = datetime.date(2023, 12, 31)
    is_published = True

    @factory.post_generation
    def pillars(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.pillars.set(extracted)

    @factory.post_generation
    def provinces(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.provinces.set(extracted)


class InitiativePartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InitiativePartner

    initiative = factory.SubFactory(InitiativeFactory)
    organisation = factory.SubFactory("members.tests.factories.OrganisationFactory")
    role = InitiativePartner.Role.ACCOUNTABLE


class ResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Result

    initiative = factory.SubFactory(InitiativeFactory)
    title_vi = "Rác thải nhựa được thu gom"
    title_en = "Plastic collected"


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    result = factory.SubFactory(ResultFactory)
    title_vi = "Khối lượng rác thải nhựa thu gom"
    title_en = "Plastic waste collected"
    unit_vi = "kg"
    unit_en = "kg"


class PeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Period

    indicator = factory.SubFactory(IndicatorFactory)
    start = datetime.date(2022, 1, 1)
    end = datetime.date(2022, 12, 31)


class IndicatorUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorUpdate

    period = factory.SubFactory(PeriodFactory)
    reported_on = factory.LazyAttribute(lambda o: o.period.end)
    value = Decimal("100")
    status = IndicatorUpdate.Status.APPROVED

    @classmethod
    def _after_postgeneration(cls, instance: IndicatorUpdate, create: bool, results=None) -> None:
        super()._after_postgeneration(instance, create, results)
        if create:
            # As the approval service does: the network's figures count an approved update at once.
            year_figures_refresh(indicator_ids=[instance.period.indicator_id])


class UpdateDisaggregationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UpdateDisaggregation

    update = factory.SubFactory(IndicatorUpdateFactory)
    dimension_value = factory.SubFactory(DimensionValueFactory)
    value = Decimal("10")

    @classmethod
    def _after_postgeneration(cls, instance: UpdateDisaggregation, create: bool, results=None) -> None:
        super()._after_postgeneration(instance, create, results)
        if create:
            year_figures_refresh(indicator_ids=[instance.update.period.indicator_id])
