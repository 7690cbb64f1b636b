import datetime

import pytest

from events.tests.factories import EventFactory
from hub.tests.factories import ResourceFactory
from initiatives.tests.factories import PillarFactory
from members.tests.factories import OrganisationFactory

from ..models import GroupMembership
from .factories import GroupMembershipFactory, IssueFactory, SentIssueFactory, TechnicalGroupFactory

pytestmark = pytest.mark.django_db


def test_the_list_shows_the_groups_of_published_pillars_with_their_lead(client):
    lead = OrganisationFactory(name_vi="Chương trình NPAP")
    shown = TechnicalGroupFactory(name_vi="Đổi mới sáng tạo và khơi nguồn tài chính", lead_organisation=lead)
    TechnicalGroupFactory(name_vi="Nhóm của trụ cột ẩn", pillar=PillarFactory(is_published=False))
    page = client.get("/vi/groups/").content.decode()
    assert shown.name_vi in page and "Chương trình NPAP" in page
    assert "Nhóm của trụ cột ẩn" not in page


def test_a_group_page_shows_its_members_events_resources_results_and_sent_newsletters(
    client, group, quarter_items
):
    GroupMembershipFactory(group=group, organisation=OrganisationFactory(name_vi="Dow Việt Nam"))
    GroupMembershipFactory(
        group=group, organisation=OrganisationFactory(name_vi="CECR"), role=GroupMembership.Role.LEAD
    )
    GroupMembershipFactory(
        group=group, organisation=OrganisationFactory(name_vi="Tổ chức ẩn", is_published=False)
    )
    sent = SentIssueFactory(group=group, title_vi="Bản tin quý IV/2022")
    IssueFactory(group=group, year=2023, quarter=1, title_vi="Bản nháp quý I/2023")
    page = client.get(f"/vi/groups/{group.pk}/").content.decode()
    assert "Dow Việt Nam" in page and "CECR" in page
    assert "Tổ chức ẩn" not in page
    assert "Hội nghị bàn giao mô hình kinh tế tuần hoàn Hoàn Kiếm" in page
    assert "Sự kiện chưa công bố" not in page
    assert "Báo cáo thường niên CECR 2022" in page
    assert "Rác thải nhựa giá trị thấp được thu gom" in page and "16.150" in page
    assert "999" not in page  # submitted, not approved
    assert sent.get_absolute_url() in page
    assert "Bản nháp quý I/2023" not in page


def test_a_group_of_an_unpublished_pillar_has_no_page(client):
    hidden = TechnicalGroupFactory(pillar=PillarFactory(is_published=False))
    assert client.get(f"/vi/groups/{hidden.pk}/").status_code == 404
    assert client.get("/vi/groups/999999/").status_code == 404


def test_the_pillar_page_links_to_its_groups(client, group):
    page = client.get(f"/vi/pillars/{group.pillar.code}/").content.decode()
    assert f'href="/vi/groups/{group.pk}/"' in page


def test_an_unpublished_resource_is_not_on_the_group_page(client, group):
    ResourceFactory(title_vi="Tài liệu chưa công bố", technical_groups=[group], is_published=False)
    assert "Tài liệu chưa công bố" not in client.get(f"/vi/groups/{group.pk}/").content.decode()


def _rows(group, n: int) -> None:
    from initiatives.tests.factories import IndicatorUpdateFactory

    organisations = OrganisationFactory.create_batch(n)
    for organisation in organisations:
        GroupMembershipFactory(group=group, organisation=organisation)
        other = TechnicalGroupFactory(pillar=group.pillar, lead_organisation=organisation)
        GroupMembershipFactory(group=other, organisation=organisation)
    for number in range(n):
        EventFactory(
            start_date=datetime.date(2022, 10, 1) + datetime.timedelta(days=number % 60),
            pillars=[group.pillar],
        )
        ResourceFactory(technical_groups=[group], pillars=[group.pillar], year=2022)
        update = IndicatorUpdateFactory(reported_on=datetime.date(2022, 12, 31))
        update.period.indicator.result.initiative.pillars.set([group.pillar])
    for year in range(2000, 2000 + min(n, 25)):
        SentIssueFactory(group=group, year=year, quarter=1 if n < 10 else 2)


PAGES = [
    "/vi/groups/",
    "/vi/groups/{group}/",
    "/vi/groups/{group}/newsletters/{issue}/",
    "/vi/groups/{group}/newsletters/feed/",
    "/vi/groups/newsletters/feed/",
]


def test_group_pages_ask_the_same_queries_for_5_and_500_rows(client, page_queries, group, quarter_items):
    from events.models import Event
    from hub.models import Resource
    from initiatives.models import IndicatorUpdate

    issue = SentIssueFactory(group=group)
    issue.events.set([quarter_items["event"]])
    issue.results.set([quarter_items["result"]])
    issue.resources.set([quarter_items["resource"]])
    urls = [path.format(group=group.pk, issue=issue.pk) for path in PAGES]
    _rows(group, 5)
    few = {url: page_queries(client, url) for url in urls}
    _rows(group, 495)
    issue.events.set(Event.objects.all()[:200])
    issue.results.set(IndicatorUpdate.objects.all()[:200])
    issue.resources.set(Resource.objects.all()[:200])
    assert {url: page_queries(client, url) for url in urls} == few
