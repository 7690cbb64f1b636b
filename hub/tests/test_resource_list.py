"""The hub's public list: only what is public, search without diacritics, facets counted right,
the published reports among the resources."""

import re

import pytest
from django.urls import reverse

from initiatives.tests.factories import PillarFactory
from members.tests.factories import OrganisationFactory, ProvinceFactory
from vocabulary.models import TechnicalGroup

from ..models import Resource
from .factories import PublishedReportFactory, ResourceFactory, ResourceOrganisationFactory

pytestmark = pytest.mark.django_db

URL = "/vi/hub/"


def titles(response) -> str:
    return response.content.decode()


def option_count(html: str, name: str, value: str) -> int | None:
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    match = re.search(rf'<option value="{re.escape(value)}"[^>]*>[^<]*\((\d+)\)</option>', select)
    return int(match.group(1)) if match else None


def test_unpublished_and_proposed_resources_are_hidden(client):
    ResourceFactory(title_vi="Hướng dẫn đã công bố")
    ResourceFactory(title_vi="Bản nháp chưa công bố", is_published=False)
    ResourceFactory(
        title_vi="Đề xuất của thành viên", is_published=False, review_status=Resource.Review.PROPOSED
    )
    ResourceFactory(title_vi="Đề xuất bị từ chối", is_published=False, review_status=Resource.Review.DECLINED)
    html = titles(client.get(URL))
    assert "Hướng dẫn đã công bố" in html
    assert "Bản nháp chưa công bố" not in html
    assert "Đề xuất của thành viên" not in html
    assert "Đề xuất bị từ chối" not in html
    assert "1 tài liệu" in html or "1 resource" in html


def test_search_ignores_diacritics(client):
    ResourceFactory(
        kind=Resource.Kind.GOOD_PRACTICE, title_vi="Mô hình kinh tế tuần hoàn rác thải nhựa giá trị thấp"
    )
    ResourceFactory(title_vi="Hướng dẫn truyền thông")
    html = titles(client.get(URL, {"q": "mo hinh kinh te tuan hoan"}))
    assert "Mô hình kinh tế tuần hoàn rác thải nhựa giá trị thấp" in html
    assert "Hướng dẫn truyền thông" not in html


def test_search_finds_resources_by_their_published_organisations(client):
    cecr = OrganisationFactory(name_vi="Trung tâm Nghiên cứu Môi trường và Cộng đồng", acronym="CECR")
    hidden = OrganisationFactory(name_vi="Tổ chức chưa công bố", is_published=False)
    ResourceOrganisationFactory(resource__title_vi="Báo cáo thường niên 2022", organisation=cecr)
    ResourceOrganisationFactory(resource__title_vi="Tài liệu của tổ chức ẩn", organisation=hidden)
    assert "Báo cáo thường niên 2022" in titles(client.get(URL, {"q": "cong dong"}))
    assert "Tài liệu của tổ chức ẩn" not in titles(client.get(URL, {"q": "chua cong bo"}))


def test_search_does_not_find_unpublished_resources(client):
    ResourceFactory(title_vi="Mô hình bí mật", is_published=False)
    assert "Mô hình bí mật" not in titles(client.get(URL, {"q": "mo hinh bi mat"}))


def test_published_reports_are_listed_as_a_kind(client):
    PublishedReportFactory(title="Báo cáo tổng hợp thường niên 2023", year=2023)
    PublishedReportFactory(title="Báo cáo đã gỡ xuống", is_published=False)
    ResourceFactory(title_vi="Hướng dẫn phân loại rác", kind=Resource.Kind.GUIDELINE)
    html = titles(client.get(URL))
    assert "Báo cáo tổng hợp thường niên 2023" in html
    assert "Hướng dẫn phân loại rác" in html
    assert "Báo cáo đã gỡ xuống" not in html
    only_reports = titles(client.get(URL, {"kind": "report"}))
    assert "Báo cáo tổng hợp thường niên 2023" in only_reports
    assert "Hướng dẫn phân loại rác" not in only_reports
    guidelines = titles(client.get(URL, {"kind": "guideline"}))
    assert "Báo cáo tổng hợp thường niên 2023" not in guidelines


def test_facets_count_each_option_given_the_other_filters(client):
    policy = PillarFactory(code="policy")
    innovation = PillarFactory(code="innovation")
    hidden = PillarFactory(code="hidden", is_published=False)
    ha_noi = ProvinceFactory()
    group = TechnicalGroup.objects.create(pillar=innovation, name="Đổi mới sáng tạo & Tài chính")
    ResourceFactory(year=2024, pillars=[policy, innovation], provinces=[ha_noi], technical_groups=[group])
    ResourceFactory(year=2024, pillars=[policy, hidden], kind=Resource.Kind.GUIDELINE)
    ResourceFactory(year=2022, language="en", kind=Resource.Kind.GUIDELINE)
    ResourceFactory(year=2024, pillars=[policy], is_published=False)
    PublishedReportFactory(year=2024, pillar=policy)

    html = titles(client.get(URL))
    assert option_count(html, "pillar", "policy") == 3
    assert option_count(html, "pillar", "innovation") == 1
    assert option_count(html, "year", "2024") == 3
    assert option_count(html, "year", "2022") == 1
    assert option_count(html, "kind", "guideline") == 2
    assert option_count(html, "kind", "report") == 1
    assert option_count(html, "language", "en") == 1
    assert option_count(html, "province", "ha-noi") == 1
    assert option_count(html, "group", str(group.pk)) == 1
    assert "hidden" not in re.search(r'<select name="pillar".*?</select>', html, re.S).group(0)

    # The year's options count what the chosen kind leaves, and the kind's what the year leaves.
    html = titles(client.get(URL, {"kind": "guideline", "year": "2024"}))
    assert option_count(html, "year", "2024") == 1
    assert option_count(html, "year", "2022") == 1
    assert option_count(html, "kind", "guideline") == 1
    assert option_count(html, "kind", "report") == 1
    assert option_count(html, "kind", "study") == 1


def test_bad_parameters_are_ignored(client):
    ResourceFactory(title_vi="Tài liệu còn hiện")
    response = client.get(URL, {"year": "abc", "kind": "nothing", "pillar": "x" * 300, "page": "-3"})
    assert response.status_code == 200
    assert "Tài liệu còn hiện" in titles(response)


def test_the_list_pages_through_resources_and_reports(client):
    for number in range(15):
        ResourceFactory(year=2000 + number)
    for number in range(10):
        PublishedReportFactory(year=2000 + number)
    first = titles(client.get(URL))
    second = titles(client.get(URL, {"page": 2}))
    assert "25 tài liệu" in first
    assert first.count('class="org-item"') == 20
    assert second.count('class="org-item"') == 5


def test_the_navigation_links_the_hub(client):
    html = titles(client.get(reverse("home")))
    assert 'href="/vi/hub/"' in html
    assert "Kho tri thức" in html
