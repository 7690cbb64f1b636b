"""The coordinators' admin for members: accent-insensitive search, filters, history, logos."""

import pytest

from members.models import Organisation
from members.tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ProvinceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, coordinator):
    client.force_login(coordinator)
    return client


def changelist_names(response) -> list[str]:
    return [org.name_vi for org in response.context["cl"].result_list]


def test_admin_search_ignores_diacritics_and_finds_acronyms_and_aliases(signed_in):
    OrganisationFactory(
        name_vi="Ban Bảo vệ Môi trường – Tập đoàn Vingroup", aliases="Vingroup Environment Board"
    )
    OrganisationFactory(name_vi="Viện Chiến lược, Chính sách tài nguyên và môi trường", acronym="ISPONRE")
    OrganisationFactory(name_vi="Tổ chức khác")
    url = "/vi/admin/members/organisation/"
    assert changelist_names(signed_in.get(url, {"q": "bao ve moi truong"})) == [
        "Ban Bảo vệ Môi trường – Tập đoàn Vingroup"
    ]
    assert changelist_names(signed_in.get(url, {"q": "isponre"})) == [
        "Viện Chiến lược, Chính sách tài nguyên và môi trường"
    ]
    assert changelist_names(signed_in.get(url, {"q": "environment board"})) == [
        "Ban Bảo vệ Môi trường – Tập đoàn Vingroup"
    ]


def test_admin_filters_by_current_province_and_membership_status(signed_in):
    danang = ProvinceFactory(code="da-nang", name_vi="Đà Nẵng")
    quang_nam = ProvinceFactory(code="quang-nam", name_vi="Quảng Nam", successor=danang)
    old = OrganisationFactory(name_vi="Hội Phụ nữ Quảng Nam", province=quang_nam)
    MembershipFactory(organisation=old, status="suspended")
    OrganisationFactory(name_vi="Tổ chức Hà Nội")
    url = "/vi/admin/members/organisation/"
    assert changelist_names(signed_in.get(url, {"province": "da-nang"})) == ["Hội Phụ nữ Quảng Nam"]
    assert changelist_names(signed_in.get(url, {"membership_status": "suspended"})) == [
        "Hội Phụ nữ Quảng Nam"
    ]


def test_a_coordinator_adds_an_organisation_with_a_membership_and_history_is_kept(signed_in):
    from members.tests.factories import MembershipTypeFactory

    member = MembershipTypeFactory()
    ProvinceFactory()
    data = {
        "name_vi": "Liên minh Không rác thải Việt Nam",
        "name_en": "Zero Waste Alliance Vietnam",
        "acronym": "ZWAV",
        "slug": "zwav",
        "kind": "alliance",
        "is_published": "on",
        "description_vi": "",
        "description_en": "",
        "website": "",
        "aliases": "",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "0",
        "memberships-0-membership_type": member.pk,
        "memberships-0-status": "active",
        "memberships-0-start": "08/11/2023",
        "memberships-0-end": "",
        "memberships-0-joined_on": "",
        "memberships-0-notes": "",
        "pillar_participations-TOTAL_FORMS": "0",
        "pillar_participations-INITIAL_FORMS": "0",
        "affiliations-TOTAL_FORMS": "0",
        "affiliations-INITIAL_FORMS": "0",
    }
    response = signed_in.post("/vi/admin/members/organisation/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    organisation = Organisation.objects.get(slug="zwav")
    assert organisation.memberships.get().start.isoformat() == "2023-11-08"
    assert organisation.history.count() == 1
    assert organisation.history.first().history_user.email == "dieuphoi@npap.test"


def test_a_membership_cannot_end_before_it_starts(signed_in):
    organisation = OrganisationFactory()
    membership = MembershipFactory(organisation=organisation)
    membership.start, membership.end = "2024-03-07", "2023-12-15"
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Ngày kết thúc"):
        membership.full_clean()


def test_people_are_searched_by_their_organisations_and_addresses_and_listed_once(signed_in):
    # Two affiliations with the same organisation match twice through the join: listed once.
    institute = OrganisationFactory(name_vi="Viện Nghiên cứu Nhựa Đà Nẵng")
    lan = PersonFactory(full_name="Trần Thị Lan", email="Lan.Tran@Example.vn")
    AffiliationFactory(person=lan, organisation=institute, role="staff", is_primary=False)
    AffiliationFactory(person=lan, organisation=institute, role="focal_point")
    PersonFactory(full_name="Lê Văn Lan", email="le.lan@example.org")
    url = "/vi/admin/members/person/"

    def names(q: str) -> list[str]:
        return [person.full_name for person in signed_in.get(url, {"q": q}).context["cl"].result_list]

    assert names("vien nhua da nang") == ["Trần Thị Lan"]
    # A word from the person and a word from the organisation, in any order.
    assert names("lan da nang") == ["Trần Thị Lan"]
    assert sorted(names("lan")) == ["Lê Văn Lan", "Trần Thị Lan"]
    assert names("lan.tran@example") == ["Trần Thị Lan"]
