"""The map of provinces at /vi/map/ and embedded on the initiatives and results pages: counts by
current province (former provinces in their successor), the pillar and year filters, a linked
path for every current province, the archipelagos, no outside address, and the same number of
queries with 5 rows as with 500."""

import datetime
import re
from html import unescape
from urllib.parse import urlparse

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event
from events.tests.factories import EventFactory, EventTypeFactory
from initiatives.models import Initiative
from initiatives.tests.factories import InitiativeFactory, PillarFactory
from members.models import Organisation, PillarParticipation
from members.tests.factories import OrganisationFactory
from vocabulary.geo import outline, shade_bounds, shade_of
from vocabulary.models import Province
from vocabulary.provinces_data import CURRENT_PROVINCES
from vocabulary.reference import load_provinces

pytestmark = pytest.mark.django_db


@pytest.fixture
def provinces():
    load_provinces()
    return {province.code: province for province in Province.objects.all()}


@pytest.fixture
def network(provinces):
    innovation = PillarFactory(code="innovation", name_vi="Đổi mới sáng tạo", name_en="Innovation")
    policy = PillarFactory(code="policy", name_vi="Chính sách", name_en="Policy")
    # Quảng Nam merged into Đà Nẵng: an initiative recorded there counts in Đà Nẵng.
    InitiativeFactory(
        title_vi="Mạng lưới bảo tồn nước VIWACON",
        provinces=[provinces["quang-nam"]],
        pillars=[innovation],
        start=datetime.date(2021, 1, 1),
        end=datetime.date(2023, 12, 31),
    )
    InitiativeFactory(
        title_vi="Mô hình kinh tế tuần hoàn",
        provinces=[provinces["da-nang"], provinces["ha-noi"]],
        pillars=[policy],
        start=datetime.date(2020, 1, 1),
        end=datetime.date(2022, 6, 30),
    )
    InitiativeFactory(provinces=[provinces["ha-noi"]], is_published=False)
    event_type = EventTypeFactory(code="workshop")
    EventFactory(event_type=event_type, province=provinces["bac-giang"], pillars=[innovation])
    EventFactory(event_type=event_type, province=provinces["ha-noi"], start_date=datetime.date(2023, 12, 15))
    EventFactory(event_type=event_type, province=provinces["ha-noi"], is_published=False)
    cecr = OrganisationFactory(slug="cecr", province=provinces["ha-noi"])
    PillarParticipation.objects.create(organisation=cecr, pillar=innovation)
    OrganisationFactory(province=provinces["thua-thien-hue"])
    OrganisationFactory(province=provinces["ha-noi"], is_published=False)
    return provinces


def table_row(html: str, name: str) -> list[str]:
    """The counts of a province's row in the map's table."""
    row = re.search(rf'<th scope="row">{re.escape(name)}</th>(.*?)</tr>', html, re.S)
    assert row, f"no row for {name}"
    return re.findall(r">(\d+)</a>", row.group(1))


def province_link(html: str, code: str) -> str:
    match = re.search(rf'<a href="([^"]+)" class="map-province[^"]*" data-code="{code}"', html)
    assert match, f"no linked path for {code}"
    return unescape(match.group(1))


def test_provinces_count_initiatives_events_and_members_in_the_province_of_today(client, network):
    html = client.get("/vi/map/").content.decode()

    assert table_row(html, "Đà Nẵng") == ["2", "0", "0"]
    assert table_row(html, "Hà Nội") == ["1", "1", "1"]
    assert table_row(html, "Bắc Ninh") == ["0", "1", "0"]  # the event in former Bắc Giang
    assert table_row(html, "Huế") == ["0", "0", "1"]  # the member in former Thừa Thiên Huế
    assert "Quảng Nam" not in html  # former provinces are not drawn or listed


def test_the_pillar_and_year_filters_narrow_every_layer(client, network):
    by_pillar = client.get("/vi/map/?pillar=innovation").content.decode()
    assert table_row(by_pillar, "Đà Nẵng") == ["1", "0", "0"]
    assert table_row(by_pillar, "Hà Nội") == ["0", "0", "1"]
    assert table_row(by_pillar, "Bắc Ninh") == ["0", "1", "0"]

    in_2023 = client.get("/vi/map/?year=2023").content.decode()
    assert table_row(in_2023, "Đà Nẵng") == ["1", "0", "0"]
    assert table_row(in_2023, "Hà Nội") == ["0", "1", "1"]
    assert table_row(in_2023, "Bắc Ninh") == ["0", "0", "0"]


def test_unknown_filters_count_everything(client, network):
    html = client.get("/vi/map/?pillar=nope&year=1e99999&layer=<script>").content.decode()
    assert table_row(html, "Đà Nẵng") == ["2", "0", "0"]


def test_every_current_province_has_a_path_linking_to_its_filtered_list(client, network):
    html = client.get("/vi/map/?pillar=innovation&year=2023").content.decode()
    current = Province.objects.current()
    assert current.count() == 34
    for province in current:
        assert f'data-code="{province.code}"' in html
        assert province_link(html, province.code) == (
            f"/vi/initiatives/?province={province.code}&pillar=innovation&year=2023"
        )
    assert html.count('class="map-province') == 34
    assert "/vi/events/?province=ha-noi&amp;pillar=innovation&amp;year=2023" in html
    assert "/vi/members/?province=ha-noi&amp;pillar=innovation" in html


def test_the_layer_chosen_shades_the_map_and_links_to_its_list(client, network):
    html = client.get("/vi/map/?layer=members").content.decode()
    assert province_link(html, "hue") == "/vi/members/?province=hue"
    assert re.search(r'class="map-province map-shade-4" data-code="hue"', html)
    assert re.search(r'class="map-province map-shade-0" data-code="da-nang"', html)


def test_the_province_links_lead_to_lists_showing_the_counted_rows(client, network):
    html = client.get("/vi/map/").content.decode()
    listed = client.get(province_link(html, "da-nang")).content.decode()
    assert "Mạng lưới bảo tồn nước VIWACON" in listed
    assert "Mô hình kinh tế tuần hoàn" in listed


def test_the_archipelagos_are_drawn_and_labelled_as_vietnamese(client, network):
    vi = client.get("/vi/map/").content.decode()
    assert "Quần đảo Hoàng Sa" in vi and "(Đà Nẵng)" in vi
    assert "Quần đảo Trường Sa" in vi and "(Khánh Hòa)" in vi
    assert "<title>Quần đảo Hoàng Sa (Đà Nẵng)</title>" in vi
    assert vi.count("<circle") >= 20
    en = client.get("/en/map/").content.decode()
    assert "Hoàng Sa Archipelago (Da Nang)" in en
    assert "Trường Sa Archipelago (Khanh Hoa)" in en
    for other_name in ("Paracel Islands", "Spratly Islands", "Xisha", "Nansha"):
        assert other_name not in vi and other_name not in en


def test_the_page_needs_nothing_from_outside_the_portal(client, network):
    html = client.get("/vi/map/").content.decode()
    addresses = re.findall(r'(?:href|src|action)="([^"]+)"', html)
    assert addresses
    # Only the alternate-language links are absolute, and they name the portal itself.
    assert {urlparse(a).netloc for a in addresses} <= {"", "testserver"}
    assert "<script>" not in html and " style=" not in html


def test_the_map_works_without_javascript(client, network):
    html = client.get("/vi/map/").content.decode()
    assert "<svg" in html and "<table" in html
    assert html.count("<path d=") == 34
    # The layer switch is made of plain links.
    assert 'href="/vi/map/?layer=events"' in html


def test_the_initiatives_list_and_the_results_page_embed_the_map(client, network):
    for url in ("/vi/initiatives/?pillar=innovation", "/vi/initiatives/results/"):
        html = client.get(url).content.decode()
        assert "province-map-embedded" in html
        assert html.count('class="map-province') == 34
    listed = client.get("/vi/initiatives/?pillar=innovation").content.decode()
    assert table_row(listed, "Đà Nẵng")[0] == "1"


def test_the_navigation_links_to_the_map(client, network):
    html = client.get("/en/").content.decode()
    assert '<a href="/en/map/"' in html
    assert ">Map</a>" in html


def test_the_shades_split_the_largest_count_in_quarters():
    bounds = shade_bounds([0, 1, 8, 3])
    assert bounds == [2, 4, 6, 8]
    assert [shade_of(n, bounds) for n in (0, 1, 3, 5, 8)] == [0, 1, 2, 3, 4]
    assert shade_bounds([0, 0]) == []
    # With only one province busy, it still has the darkest shade.
    assert shade_bounds([1, 0]) == [1]
    assert shade_of(1, [1]) == 4


def test_the_vendored_outline_holds_every_current_province():
    drawn = outline()
    assert set(drawn["provinces"]) == {row["code"] for row in CURRENT_PROVINCES}
    assert {group["key"] for group in drawn["archipelagos"]} == {"hoang-sa", "truong-sa"}


def _grow(provinces, pillar, event_type, size: int, tag: str) -> None:
    codes = list(provinces)

    def province(n: int) -> Province:
        return provinces[codes[n % len(codes)]]

    initiatives = Initiative.objects.bulk_create(
        Initiative(
            title_vi=f"Sáng kiến {n}",
            slug=f"sk-{tag}-{n}",
            is_published=True,
            start=datetime.date(2023, 1, 1),
        )
        for n in range(size)
    )
    for n, initiative in enumerate(initiatives):
        initiative.provinces.add(province(n))
        initiative.pillars.add(pillar)
    Event.objects.bulk_create(
        Event(
            title_vi=f"Hội thảo {n}",
            slug=f"ht-{tag}-{n}",
            event_type=event_type,
            start_date=datetime.date(2023, 3, 1),
            province=province(n),
            is_published=True,
        )
        for n in range(size)
    )
    Organisation.objects.bulk_create(
        Organisation(name_vi=f"Tổ chức {n}", slug=f"tc-{tag}-{n}", province=province(n), is_published=True)
        for n in range(size)
    )


def _queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/vi/map/", "/vi/map/?pillar=innovation&year=2023&layer=events"])
def test_the_map_asks_as_many_queries_for_500_rows_as_for_5(client, provinces, url):
    pillar = PillarFactory(code="innovation")
    event_type = EventTypeFactory(code="workshop")
    _grow(provinces, pillar, event_type, 5, "few")
    few = _queries(client, url)
    _grow(provinces, pillar, event_type, 495, "many")
    assert _queries(client, url) == few
