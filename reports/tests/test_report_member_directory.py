"""The member directory export gives each organisation's current membership, as the directory does."""

from datetime import date

import pytest

from members.models import Membership
from members.tests.factories import MembershipFactory, MembershipTypeFactory, OrganisationFactory
from reports import services
from reports.models import ReportRun
from reports.tests.factories import ReportRunFactory
from reports.tests.readers import csv_rows

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def test_the_member_directory_export_gives_the_current_membership(settings):
    observer = MembershipTypeFactory(code="observer", name_vi="Quan sát viên", name_en="Observer")
    member = MembershipTypeFactory(code="member", name_vi="Thành viên", name_en="Member")
    rejoined = OrganisationFactory(name_vi="Trung tâm Sống và Học tập vì Môi trường")
    MembershipFactory(
        organisation=rejoined,
        membership_type=observer,
        status=Membership.Status.LAPSED,
        start=date(2018, 1, 1),
    )
    MembershipFactory(organisation=rejoined, membership_type=member, start=date(2023, 3, 1))
    ended = OrganisationFactory(name_vi="Liên minh Tái chế Bao bì Việt Nam")
    MembershipFactory(
        organisation=ended, membership_type=member, start=date(2019, 1, 1), end=date(2022, 12, 31)
    )

    run = ReportRunFactory(kind=ReportRun.Kind.MEMBER_DIRECTORY, formats=["csv"])
    assert services.report_run_build(run_id=run.pk) is True
    rows = csv_rows(run.files.get(format="csv").file.path)

    columns = rows[0].index("Loại thành viên"), rows[0].index("Tình trạng thành viên")
    by_name = {row[0]: [row[i] for i in columns] for row in rows[1:]}
    assert by_name[rejoined.name_vi] == ["Thành viên", "đang hoạt động"]
    assert by_name[ended.name_vi] == ["", "hết hạn"]


def test_the_reports_count_as_active_only_members_whose_membership_was_in_force_at_the_periods_end():
    from reports.content import ReportData

    rejoined = OrganisationFactory()
    MembershipFactory(organisation=rejoined, status=Membership.Status.LAPSED, start=date(2018, 1, 1))
    MembershipFactory(organisation=rejoined, start=date(2022, 3, 1))
    lapsed = OrganisationFactory()
    MembershipFactory(organisation=lapsed, start=date(2019, 1, 1), end=date(2021, 12, 31))
    joined_later = OrganisationFactory()
    MembershipFactory(organisation=joined_later, start=date(2023, 2, 1))
    run = ReportRunFactory(
        kind=ReportRun.Kind.ANNUAL, period_start=date(2022, 1, 1), period_end=date(2022, 12, 31)
    )
    assert ReportData(run).active_member_count == 1
