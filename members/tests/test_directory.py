"""The public member directory: filters, accent-insensitive search, counts, privacy."""

import pytest

from initiatives.tests.factories import PillarFactory
from members.models import Membership, Organisation
from members.tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    PillarParticipationFactory,
    ProvinceFactory,
)
from vocabulary.models import Province

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [organisation.name for organisation in response.context["page"].object_list]


@pytest.fixture
def network():
    hanoi = ProvinceFactory()
    danang = ProvinceFactory(code="da-nang", name_vi="Đà Nẵng", name_en="Da Nang")
    quang_nam = ProvinceFactory(code="quang-nam", name_vi="Quảng Nam", name_en="Quang Nam", successor=danang)
    gender = PillarFactory(
        code="gender-inclusion", name_vi="Bình đẳng giới và phát triển bao trùm", name_en="Gender"
    )
    vingroup = OrganisationFactory(
        name_vi="Ban Bảo vệ Môi trường – Tập đoàn Vingroup",
        name_en="Vingroup Environmental Protection Board",
        acronym="",
        aliases="Vingroup Environment Board",
        kind=Organisation.Kind.BUSINESS,
        province=hanoi,
    )
    greenhub = OrganisationFactory(
        name_vi="Trung tâm Hỗ trợ Phát triển Xanh", name_en="Green Hub", acronym="GreenHub", province=hanoi
    )
    iced = OrganisationFactory(
        name_vi="Viện Nghiên cứu Phát triển Kinh tế Tuần hoàn",
        name_en="Institute for Circular Economy Development",
        acronym="ICED",
        kind=Organisation.Kind.ACADEMIC,
        province=quang_nam,
    )
    hidden = OrganisationFactory(
        name_vi="Tổ chức chưa công bố", acronym="HIDDEN", is_published=False, province=hanoi
    )
    PillarParticipationFactory(organisation=greenhub, pillar=gender)
    PillarParticipationFactory(organisation=hidden, pillar=gender)
    MembershipFactory(organisation=greenhub, status=Membership.Status.ACTIVE)
    MembershipFactory(organisation=iced, status=Membership.Status.LAPSED)
    return {"vingroup": vingroup, "greenhub": greenhub, "iced": iced, "hidden": hidden, "danang": danang}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bao ve moi truong", ["Ban Bảo vệ Môi trường – Tập đoàn Vingroup"]),
        ("BẢO VỆ", ["Ban Bảo vệ Môi trường – Tập đoàn Vingroup"]),
        ("greenhub", ["Trung tâm Hỗ trợ Phát triển Xanh"]),
        ("iced", ["Viện Nghiên cứu Phát triển Kinh tế Tuần hoàn"]),
        ("vingroup environment board", ["Ban Bảo vệ Môi trường – Tập đoàn Vingroup"]),
        ("phat trien", ["Trung tâm Hỗ trợ Phát triển Xanh", "Viện Nghiên cứu Phát triển Kinh tế Tuần hoàn"]),
        ("chua cong bo", []),
    ],
)
def test_search_ignores_diacritics_and_matches_acronyms_and_aliases(client, network, query, expected):
    response = client.get("/vi/members/", {"q": query})
    assert response.status_code == 200
    assert names(response) == expected


def test_filters_by_kind_pillar_status_and_province(client, network):
    assert names(client.get("/vi/members/", {"kind": "business"})) == [
        "Ban Bảo vệ Môi trường – Tập đoàn Vingroup"
    ]
    assert names(client.get("/vi/members/", {"pillar": "gender-inclusion"})) == [
        "Trung tâm Hỗ trợ Phát triển Xanh"
    ]
    assert names(client.get("/vi/members/", {"status": "lapsed"})) == [
        "Viện Nghiên cứu Phát triển Kinh tế Tuần hoàn"
    ]


def test_a_former_province_counts_in_the_province_it_merged_into(client, network):
    response = client.get("/vi/members/", {"province": "da-nang"})
    assert names(response) == ["Viện Nghiên cứu Phát triển Kinh tế Tuần hoàn"]
    assert "Đà Nẵng (1)" in response.content.decode()
    # Only current provinces are offered as filter choices.
    assert "Quảng Nam (" not in response.content.decode()


def test_filter_options_show_counts_given_the_other_filters(client, network):
    html = client.get("/vi/members/", {"province": "ha-noi"}).content.decode()
    assert "Doanh nghiệp (1)" in html
    assert "Tổ chức phi chính phủ / tổ chức xã hội dân sự (1)" in html
    assert "Hà Nội (2)" in html


def test_unpublished_organisations_are_absent_from_the_directory(client, network):
    response = client.get("/vi/members/")
    assert "Tổ chức chưa công bố" not in response.content.decode()
    assert response.context["page"].paginator.count == 3
    # Not even in the counts of the pillar they take part in.
    assert "Bình đẳng giới và phát triển bao trùm (1)" in response.content.decode()
    assert client.get(f"/vi/members/{network['hidden'].slug}/").status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "nonsense"},
        {"page": "999"},
        {"page": "abc"},
        {"pillar": "x" * 500},
        {"q": "%_\\'\""},
        {"province": "<script>"},
    ],
)
def test_bad_parameters_never_break_the_list(client, network, params):
    assert client.get("/vi/members/", params).status_code == 200


def test_the_directory_is_in_english_too(client, network):
    response = client.get("/en/members/", {"q": "green"})
    assert names(response) == ["Green Hub"]
    assert "Member directory" in response.content.decode()


def _grow(count: int) -> None:
    hanoi = Province.objects.get(code="ha-noi")
    pillar = PillarFactory(code="awareness")
    for index in range(count):
        organisation = OrganisationFactory(province=hanoi, acronym=f"ORG{index}")
        PillarParticipationFactory(organisation=organisation, pillar=pillar)
        MembershipFactory(organisation=organisation)


def test_the_directory_query_count_does_not_grow_with_the_data(client, network, page_queries):
    _grow(2)
    few = page_queries(client, "/vi/members/", {"province": "ha-noi"})
    _grow(195)
    assert Organisation.objects.count() > 200
    assert page_queries(client, "/vi/members/", {"province": "ha-noi"}) == few


def test_a_public_profile_shows_no_contact_details(client, network):
    AffiliationFactory(
        organisation=network["greenhub"],
        person__full_name="Trần Văn Minh",
        person__email="minh@greenhub.test",
        person__phone="+84 90 111 2222",
        person__public_consent=True,
    )
    AffiliationFactory(
        organisation=network["greenhub"], person__full_name="Lê Thị Hoa", person__email="hoa@greenhub.test"
    )
    html = client.get(f"/vi/members/{network['greenhub'].slug}/").content.decode()
    assert "Trần Văn Minh" in html  # agreed to be listed: name and position only
    assert "minh@greenhub.test" not in html and "+84 90 111 2222" not in html
    assert "Lê Thị Hoa" not in html and "hoa@greenhub.test" not in html
