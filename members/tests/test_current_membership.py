"""An organisation's standing comes from its current membership, and its focal point from the
focal-point role in force: in the directory, its counts, the admin, the profile and the exports."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.utils import timezone

from members.models import Affiliation, Membership
from members.tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    MembershipTypeFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [organisation.name for organisation in response.context["page"].object_list]


@pytest.fixture
def network():
    """Three members whose history a status filter over all memberships would get wrong."""
    observer = MembershipTypeFactory(code="observer", name_vi="Quan sát viên", name_en="Observer")
    member = MembershipTypeFactory(code="member", name_vi="Thành viên", name_en="Member")
    rejoined = OrganisationFactory(name_vi="Trung tâm Sống và Học tập vì Môi trường", acronym="CECR")
    MembershipFactory(
        organisation=rejoined,
        membership_type=observer,
        status=Membership.Status.LAPSED,
        start=date(2018, 1, 1),
        end=date(2020, 12, 31),
    )
    MembershipFactory(
        organisation=rejoined,
        membership_type=member,
        status=Membership.Status.ACTIVE,
        joined_on=date(2023, 3, 1),
        start=date(2023, 3, 1),
    )
    ended = OrganisationFactory(name_vi="Liên minh Tái chế Bao bì Việt Nam", acronym="PRO")
    MembershipFactory(
        organisation=ended, membership_type=member, start=date(2019, 1, 1), end=date(2022, 12, 31)
    )
    withdrew = OrganisationFactory(name_vi="Quỹ Bảo vệ Môi trường Biển", acronym="QBVMT")
    MembershipFactory(
        organisation=withdrew,
        membership_type=member,
        status=Membership.Status.WITHDRAWN,
        start=date(2019, 1, 1),
        end=date(2021, 6, 30),
    )
    upcoming = OrganisationFactory(name_vi="Hợp tác xã Môi trường Xanh Hội An", acronym="HTX")
    MembershipFactory(
        organisation=upcoming,
        membership_type=member,
        start=timezone.localdate() + timedelta(days=30),
    )
    return {"rejoined": rejoined, "ended": ended, "withdrew": withdrew, "upcoming": upcoming}


def test_an_organisation_that_lapsed_and_rejoined_is_listed_and_counted_as_active(client, network):
    assert names(client.get("/vi/members/", {"status": "active"})) == [network["rejoined"].name]
    assert network["rejoined"].name not in names(client.get("/vi/members/", {"status": "lapsed"}))
    html = client.get("/vi/members/").content.decode()
    assert "Đang hoạt động (1)" in html
    assert "Hết hạn (1)" in html


def test_an_organisation_whose_only_membership_ended_is_lapsed(client, network):
    assert names(client.get("/vi/members/", {"status": "lapsed"})) == [network["ended"].name]
    assert names(client.get("/vi/members/", {"status": "withdrawn"})) == [network["withdrew"].name]
    # A membership that has not begun yet makes no one active.
    assert network["upcoming"].name not in names(client.get("/vi/members/", {"status": "active"}))


def test_the_admins_status_filter_reads_the_current_membership_too(client, network, coordinator):
    client.force_login(coordinator)

    def listed(status: str) -> set[str]:
        response = client.get("/vi/admin/members/organisation/", {"membership_status": status})
        return {organisation.name for organisation in response.context["cl"].result_list}

    assert listed("active") == {network["rejoined"].name}
    assert listed("lapsed") == {network["ended"].name}


def test_the_profile_shows_the_current_membership(client, network):
    html = client.get(network["rejoined"].get_absolute_url()).content.decode()
    assert "Thành viên · đang hoạt động · từ 01/03/2023" in html
    assert "Quan sát viên" not in html
    ended = client.get(network["ended"].get_absolute_url()).content.decode()
    assert "<dd>hết hạn</dd>" in ended and "đang hoạt động" not in ended


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_the_public_export_gives_the_current_membership(client, network):
    rows = {row[0]: row for row in read_csv(client.get("/vi/members/export.csv"))[1:]}
    assert rows[network["rejoined"].name][7:9] == ["Thành viên", "đang hoạt động"]
    assert rows[network["ended"].name][7:9] == ["", "hết hạn"]
    assert rows[network["withdrew"].name][7:9] == ["", "đã rút"]


def test_the_coordinators_export_names_the_current_primary_focal_point(client, coordinator):
    organisation = OrganisationFactory(name_vi="Trung tâm Sống và Học tập vì Môi trường")
    for name, role, primary, start, end in [
        ("Nguyễn Thị Hoa", Affiliation.Role.FOCAL_POINT, True, date(2018, 1, 1), date(2022, 12, 31)),
        ("Lê Văn Nam", Affiliation.Role.ALTERNATE, True, date(2023, 1, 1), None),
        ("Phạm Thu Trang", Affiliation.Role.FOCAL_POINT, False, date(2024, 1, 1), None),
        ("Trần Thị Mai", Affiliation.Role.FOCAL_POINT, True, date(2023, 1, 1), None),
        ("Vũ Đức Anh", Affiliation.Role.HEAD, True, date(2015, 1, 1), None),
    ]:
        AffiliationFactory(
            organisation=organisation,
            person__full_name=name,
            person__email=f"{start.year}{role}@cecr.test",
            role=role,
            is_primary=primary,
            start=start,
            end=end,
        )
    only_alternate = OrganisationFactory(name_vi="Liên minh Tái chế Bao bì Việt Nam")
    AffiliationFactory(
        organisation=only_alternate, person__full_name="Đỗ Minh Khoa", role=Affiliation.Role.ALTERNATE
    )
    client.force_login(coordinator)
    response = client.post(
        "/vi/admin/members/organisation/",
        {"action": "export_csv", "_selected_action": [organisation.pk, only_alternate.pk]},
    )
    rows = {row[0]: row for row in read_csv(response)[1:]}
    assert rows[organisation.name][-3:-1] == ["Trần Thị Mai", "2023focal_point@cecr.test"]
    assert rows[only_alternate.name][-3:] == ["", "", ""]
