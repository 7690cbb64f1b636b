"""Public pages: the initiatives list, an initiative, pillars, the network results and the
home page; unpublished initiatives appear nowhere, and query counts do not grow with data."""

from datetime import date
from decimal import Decimal as D

import pytest

from initiatives.models import Initiative
from initiatives.tests.factories import (
    IndicatorFactory,
    IndicatorUpdateFactory,
    InitiativeFactory,
    InitiativePartnerFactory,
    NetworkIndicatorFactory,
    PeriodFactory,
    PillarFactory,
    UpdateDisaggregationFactory,
    sex_values,
)
from members.models import PillarParticipation
from members.tests.factories import OrganisationFactory, PillarParticipationFactory, ProvinceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    values = sex_values()
    hanoi = ProvinceFactory()
    danang = ProvinceFactory(code="da-nang", name_vi="Đà Nẵng", name_en="Da Nang")
    quang_nam = ProvinceFactory(code="quang-nam", name_vi="Quảng Nam", name_en="Quang Nam", successor=danang)
    gender = PillarFactory(code="gender-inclusion", name_vi="Bình đẳng giới và phát triển bao trùm")
    cecr = OrganisationFactory(
        slug="cecr", acronym="CECR", name_vi="Trung tâm Nghiên cứu Môi trường và Cộng đồng"
    )
    kg = NetworkIndicatorFactory()
    asppire = InitiativeFactory(
        slug="asppire",
        acronym="ASPPIRe",
        title_vi="Tăng cường vai trò của phụ nữ trong giảm thiểu ô nhiễm rác thải nhựa",
        pillars=[gender],
        provinces=[hanoi],
        start=date(2021, 1, 1),
        end=date(2022, 12, 31),
        status=Initiative.Status.COMPLETED,
    )
    InitiativePartnerFactory(initiative=asppire, organisation=cecr)
    indicator = IndicatorFactory(
        result__initiative=asppire, network_indicator=kg, title_vi="Nhựa được thu gom"
    )
    period = PeriodFactory(indicator=indicator, target_value=D(40000))
    update = IndicatorUpdateFactory(period=period, value=D(35000))
    UpdateDisaggregationFactory(update=update, dimension_value=values["female"], value=D(300))
    cawacon = InitiativeFactory(
        slug="cawacon",
        acronym="CAWACON",
        title_vi="Chung tay Hành động Bảo vệ Nguồn nước",
        provinces=[quang_nam],
        start=date(2021, 1, 1),
        end=date(2023, 12, 31),
    )
    hidden = InitiativeFactory(
        slug="an-giau",
        title_vi="Sáng kiến chưa công bố",
        is_published=False,
        pillars=[gender],
        provinces=[hanoi],
    )
    InitiativePartnerFactory(initiative=hidden, organisation=cecr)
    hidden_indicator = IndicatorFactory(result__initiative=hidden, network_indicator=kg)
    IndicatorUpdateFactory(period=PeriodFactory(indicator=hidden_indicator), value=D(99999))
    return {"asppire": asppire, "cawacon": cawacon, "hidden": hidden, "gender": gender, "cecr": cecr}


def titles(response) -> list[str]:
    return [initiative.title for initiative in response.context["page"].object_list]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "phu nu"}, ["asppire"]),
        ({"q": "BẢO VỆ NGUỒN"}, ["cawacon"]),
        ({"q": "asppire"}, ["asppire"]),
        ({"pillar": "gender-inclusion"}, ["asppire"]),
        ({"status": "completed"}, ["asppire"]),
        ({"province": "da-nang"}, ["cawacon"]),
        ({"province": "ha-noi"}, ["asppire"]),
        ({"organisation": "cecr"}, ["asppire"]),
        ({"year": "2023"}, ["cawacon"]),
        ({"year": "2022"}, ["asppire", "cawacon"]),
        ({"q": "chua cong bo"}, []),
    ],
)
def test_the_list_filters_and_searches_without_diacritics(client, network, params, expected):
    response = client.get("/vi/initiatives/", params)
    assert response.status_code == 200
    assert sorted(i.slug for i in response.context["page"].object_list) == expected


@pytest.mark.parametrize(
    "params",
    [{"year": "abc"}, {"year": "99999999999999"}, {"province": "atlantis"}, {"page": "x"}, {"status": "??"}],
)
def test_bad_query_parameters_never_break_the_list(client, network, params):
    assert client.get("/vi/initiatives/", params).status_code == 200


def test_the_list_counts_options_without_unpublished_initiatives(client, network):
    html = client.get("/vi/initiatives/").content.decode()
    assert "2 sáng kiến" in html
    assert "Bình đẳng giới và phát triển bao trùm (1)" in html
    assert "Đà Nẵng (1)" in html and "Hà Nội (1)" in html


def test_unpublished_initiatives_are_absent_from_every_public_page_and_total(client, network):
    assert client.get("/vi/initiatives/an-giau/").status_code == 404
    pages = [
        "/vi/",
        "/vi/initiatives/",
        "/vi/initiatives/?q=chua+cong+bo",
        "/vi/pillars/gender-inclusion/",
        "/vi/initiatives/results/",
        "/vi/initiatives/results/?province=ha-noi",
        "/vi/members/cecr/",
    ]
    for page in pages:
        html = client.get(page).content.decode()
        assert "Sáng kiến chưa công bố" not in html, page
        assert "99.999" not in html and "134.999" not in html, page
    assert "35.000 kg" in client.get("/vi/").content.decode()


def test_the_initiative_page_shows_target_against_actual_by_sex_with_a_chart(client, network):
    html = client.get("/vi/initiatives/asppire/").content.decode()
    assert "40.000" in html and "35.000 kg" in html
    assert "Nữ: 300" in html
    assert '<svg class="bar-chart"' in html and "Thực tế: 35.000" in html and "Chỉ tiêu: 40.000" in html
    assert "style=" not in html  # the content security policy forbids inline styles
    english = client.get("/en/initiatives/asppire/").content.decode()
    assert "35,000 kg" in english and "Female: 300" in english


def test_the_pillar_page_shows_its_organisations_totals_and_initiatives(client, network):
    PillarParticipationFactory(
        organisation=network["cecr"], pillar=network["gender"], role=PillarParticipation.Role.LEAD
    )
    PillarParticipationFactory(
        organisation=OrganisationFactory(name_vi="Tổ chức ẩn", is_published=False), pillar=network["gender"]
    )
    response = client.get("/vi/pillars/gender-inclusion/")
    html = response.content.decode()
    assert "Trung tâm Nghiên cứu Môi trường và Cộng đồng</a> · chủ trì" in html
    assert "Tổ chức ẩn" not in html
    assert "35.000 kg" in html and "ASPPIRe" in html and "CAWACON" not in html
    assert response.context["pillar_events"] == []


def test_a_pillar_with_many_organisations_names_its_leads_first_and_links_to_them_all(client, network):
    for number in range(33):
        PillarParticipationFactory(
            organisation=OrganisationFactory(name_vi=f"Hợp tác xã Môi trường {number:02d}"),
            pillar=network["gender"],
        )
    PillarParticipationFactory(
        organisation=network["cecr"], pillar=network["gender"], role=PillarParticipation.Role.LEAD
    )
    html = client.get("/vi/pillars/gender-inclusion/").content.decode()
    assert html.count("Hợp tác xã Môi trường") == 29
    assert html.index("Trung tâm Nghiên cứu Môi trường và Cộng đồng") < html.index("Hợp tác xã Môi trường 00")
    assert 'href="/vi/members/?pillar=gender-inclusion">Tất cả 34 tổ chức của trụ cột này</a>' in html
    directory = client.get("/vi/members/", {"pillar": "gender-inclusion"})
    assert directory.context["page"].paginator.count == 34


def test_the_organisation_page_lists_its_published_initiatives(client, network):
    html = client.get("/vi/members/cecr/").content.decode()
    assert "Tăng cường vai trò của phụ nữ trong giảm thiểu ô nhiễm rác thải nhựa" in html


def test_results_page_groups_former_provinces_under_their_successor(client, network):
    indicator = IndicatorFactory(
        result__initiative=network["cawacon"],
        network_indicator=network["asppire"].results.first().indicators.first().network_indicator,
    )
    IndicatorUpdateFactory(period=PeriodFactory(indicator=indicator), value=D(1250))
    assert "1.250 kg" in client.get("/vi/initiatives/results/", {"province": "da-nang"}).content.decode()
    assert "36.250 kg" in client.get("/vi/initiatives/results/").content.decode()


def grow(network, count: int) -> None:
    """Add ``count`` published initiatives, each with partners, results and approved updates."""
    kg = network["asppire"].results.first().indicators.first().network_indicator
    values = sex_values()
    for n in range(count):
        initiative = InitiativeFactory(
            pillars=[network["gender"]], provinces=[network["asppire"].provinces.first()]
        )
        InitiativePartnerFactory(initiative=initiative, organisation=OrganisationFactory())
        InitiativePartnerFactory(
            initiative=network["asppire"], organisation=OrganisationFactory(), role="partner"
        )
        indicator = IndicatorFactory(result__initiative=network["asppire"], network_indicator=kg)
        period = PeriodFactory(indicator=indicator, target_value=D(10))
        update = IndicatorUpdateFactory(period=period, value=D(n + 1))
        UpdateDisaggregationFactory(update=update, dimension_value=values["female"], value=D(1))
        IndicatorUpdateFactory(
            period=PeriodFactory(
                indicator=IndicatorFactory(result__initiative=initiative, network_indicator=kg)
            )
        )


@pytest.mark.parametrize(
    "url",
    [
        "/vi/initiatives/",
        "/vi/initiatives/?pillar=gender-inclusion&year=2022&q=nhua",
        "/vi/initiatives/asppire/",
        "/vi/pillars/gender-inclusion/",
        "/vi/initiatives/results/?province=ha-noi",
        "/vi/",
        "/vi/members/cecr/",
    ],
)
def test_query_counts_stay_the_same_as_data_grows(client, network, url, page_queries):
    grow(network, 2)
    few = page_queries(client, url)
    grow(network, 25)
    assert page_queries(client, url) == few


def _options(response, name: str) -> list[str]:
    """The values a filter of the list offers."""
    facet = next(facet for facet in response.context["facets"] if facet.name == name)
    return [option.value for option in facet.options]


def test_year_options_are_plain_years_that_filter(client, network):
    html = client.get("/vi/initiatives/").content.decode()
    assert '<option value="2022">2022</option>' in html and "2.022" not in html
    assert (
        '<option value="2022" selected>' in client.get("/vi/initiatives/", {"year": "2022"}).content.decode()
    )


def test_the_organisation_filter_offers_the_busiest_partners_and_the_one_chosen(client, network):
    quiet = OrganisationFactory(name_vi="Hợp tác xã Tái chế Nhựa Yên Bình", slug="htx-yen-binh", acronym="")
    InitiativePartnerFactory(organisation=quiet)
    for index in range(31):
        busy = OrganisationFactory(name_vi=f"Trung tâm Môi trường {index:02d}", acronym="")
        for _ in range(3):
            InitiativePartnerFactory(organisation=busy)

    options = _options(client.get("/vi/initiatives/"), "organisation")
    assert len(options) == 30
    assert quiet.slug not in options

    chosen = client.get("/vi/initiatives/", {"organisation": "htx-yen-binh"})
    assert quiet.slug in _options(chosen, "organisation")
