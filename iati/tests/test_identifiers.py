"""The IATI fields coordinators fill in: an organisation's IATI identifier, an initiative's own
activity identifier and a pillar's DAC sector, each checked for its shape, the identifiers
unique when given, and each editable in the admin."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from initiatives.tests.factories import InitiativeFactory, PillarFactory
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "identifier", ["XM-DAC-41114", "GB-CHC-202918", "VN-MST-0101234567", "XI-IATI-EBRD", ""]
)
def test_an_organisation_identifier_is_an_agency_code_and_a_number(identifier):
    OrganisationFactory.build(iati_identifier=identifier).full_clean(exclude=["province", "slug"])


@pytest.mark.parametrize(
    "identifier",
    ["41114", "XM DAC 41114", "xm-dac-41114", "XM-DAC-", "XM-DAC-41114 ", "GB-CHC-20/2918", "DAC-41114"],
)
def test_an_organisation_identifier_of_another_shape_is_refused(identifier):
    with pytest.raises(ValidationError) as error:
        OrganisationFactory.build(iati_identifier=identifier).full_clean(exclude=["province", "slug"])
    assert "iati_identifier" in error.value.message_dict


def test_two_organisations_cannot_share_an_identifier_but_many_may_have_none():
    OrganisationFactory(iati_identifier="XM-DAC-41114")
    OrganisationFactory(iati_identifier="")
    OrganisationFactory(iati_identifier="")
    with translation.override("en"), pytest.raises(ValidationError) as error:
        OrganisationFactory.build(iati_identifier="XM-DAC-41114").full_clean(exclude=["province"])
    assert "Another organisation has this IATI identifier." in str(error.value)


def test_an_initiatives_own_identifier_is_checked_and_unique():
    InitiativeFactory(iati_identifier="XM-DAC-41114-VNM-00123")
    InitiativeFactory(iati_identifier="")
    InitiativeFactory(iati_identifier="")
    with pytest.raises(ValidationError):
        InitiativeFactory.build(iati_identifier="XM-DAC-41114-VNM-00123").full_clean()
    with pytest.raises(ValidationError):
        InitiativeFactory.build(iati_identifier="sáng kiến 1").full_clean()


@pytest.mark.parametrize(("code", "valid"), [("14050", True), ("", True), ("1405", False), ("14O50", False)])
def test_a_pillars_dac_sector_has_five_digits(code, valid):
    pillar = PillarFactory.build(code="policy", dac_sector=code)
    if valid:
        pillar.full_clean()
    else:
        with pytest.raises(ValidationError):
            pillar.full_clean()


@pytest.mark.parametrize(
    ("page", "field"),
    [
        ("/vi/admin/members/organisation/{organisation}/change/", "iati_identifier"),
        ("/vi/admin/initiatives/initiative/{initiative}/change/", "iati_identifier"),
        ("/vi/admin/vocabulary/pillar/{pillar}/change/", "dac_sector"),
    ],
)
def test_coordinators_fill_them_in_in_the_admin(admin_client, page, field):
    rows = {
        "organisation": OrganisationFactory().pk,
        "initiative": InitiativeFactory().pk,
        "pillar": PillarFactory().pk,
    }
    response = admin_client.get(page.format(**rows))
    assert response.status_code == 200
    assert f'name="{field}"' in response.content.decode()
