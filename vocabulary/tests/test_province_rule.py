"""A former province counts in the province it merged into, wherever rows are filtered."""

import pytest

from events.filters import EventFilter
from events.tests.factories import EventFactory
from initiatives.filters import InitiativeFilter
from initiatives.models import Initiative
from initiatives.tests.factories import InitiativeFactory
from members.filters import OrganisationFilter
from members.models import Organisation
from members.tests.factories import OrganisationFactory, ProvinceFactory
from vocabulary.models import Province

pytestmark = pytest.mark.django_db


@pytest.fixture
def da_nang():
    """Quảng Nam merged into Đà Nẵng in 2025 (Resolution 202/2025/QH15)."""
    city = ProvinceFactory(code="da-nang", name_vi="Đà Nẵng", name_en="Da Nang")
    ProvinceFactory(code="quang-nam", name_vi="Quảng Nam", name_en="Quang Nam", successor=city)
    return city


def test_only_todays_provinces_are_offered(da_nang):
    assert list(Province.objects.current()) == [da_nang]
    assert list(OrganisationFilter().form.fields["province"].queryset) == [da_nang]


def test_rows_of_a_former_province_are_found_under_its_successor(da_nang):
    quang_nam = Province.objects.get(code="quang-nam")
    organisation = OrganisationFactory(name_vi="Hội Phụ nữ Quảng Nam", province=quang_nam)
    OrganisationFactory(name_vi="Hội Phụ nữ Huế", province=ProvinceFactory(code="hue", name_vi="Huế"))
    event = EventFactory(province=quang_nam)
    initiative = InitiativeFactory()
    # In two provinces that both count as Đà Nẵng: still listed once.
    initiative.provinces.add(quang_nam, da_nang)

    def found(filterset, queryset):
        return list(filterset({"province": "da-nang"}, queryset=queryset).qs)

    assert found(OrganisationFilter, Organisation.objects.all()) == [organisation]
    assert found(EventFilter, event._meta.model.objects.all()) == [event]
    assert found(InitiativeFilter, Initiative.objects.all()) == [initiative]
    assert quang_nam.current == da_nang
