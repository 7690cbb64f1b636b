import pytest

from ..models import Delivery, Issue
from .factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def test_a_coordinator_starts_an_issue_from_the_quarters_draft(client, coordinator, group, quarter_items):
    client.force_login(coordinator)
    response = client.post(
        "/vi/admin/groups/issue/add/", {"group": group.pk, "year": 2022, "quarter": 4}, follow=True
    )
    assert response.status_code == 200
    issue = Issue.objects.get(group=group)
    assert list(issue.events.all()) == [quarter_items["event"]]
    assert list(issue.results.all()) == [quarter_items["result"]]
    page = client.get(f"/vi/admin/groups/issue/{issue.pk}/change/").content.decode()
    # Only the quarter's candidates are offered: the event of another quarter is not.
    assert "Hội nghị bàn giao mô hình kinh tế tuần hoàn Hoàn Kiếm" in page
    assert "Sự kiện của quý khác" not in page


def test_the_coordinator_previews_the_issue_as_a_page_and_as_the_mail(
    client, coordinator, group, quarter_items
):
    issue = IssueFactory(group=group, editorial_vi="Lời ngỏ quý IV.")
    issue.events.set([quarter_items["event"]])
    client.force_login(coordinator)
    page = client.get(f"/vi/admin/groups/issue/{issue.pk}/preview/").content.decode()
    assert "Lời ngỏ quý IV." in page and "Hội nghị bàn giao" in page
    mail = client.get(f"/vi/admin/groups/issue/{issue.pk}/mail/")
    assert "Lời ngỏ quý IV." in mail.content.decode() and 'style="' in mail.content.decode()
    assert "script-src" not in mail["Content-Security-Policy"]
    text = client.get(f"/vi/admin/groups/issue/{issue.pk}/mail.txt").content.decode()
    assert "Lời ngỏ quý IV." in text and "Hội nghị bàn giao" in text


def test_sending_asks_for_confirmation_then_queues_one_delivery_per_reader(client, coordinator, group):
    issue = IssueFactory(group=group)
    SubscriberFactory(groups=[group])
    SubscriberFactory(pillars=[group.pillar])
    client.force_login(coordinator)
    confirmation = client.get(f"/vi/admin/groups/issue/{issue.pk}/send/").content.decode()
    assert "2" in confirmation and "<form" in confirmation
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT
    client.post(f"/vi/admin/groups/issue/{issue.pk}/send/")
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENDING and issue.sent_by == coordinator
    assert Delivery.objects.filter(issue=issue, status=Delivery.Status.QUEUED).count() == 2


def test_staff_without_the_right_cannot_send(client, staff_in, group):
    issue = IssueFactory(group=group)
    approver = staff_in("Người duyệt kết quả")
    client.force_login(approver)
    assert client.post(f"/vi/admin/groups/issue/{issue.pk}/send/").status_code == 403
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT


def test_visitors_cannot_preview_a_draft(client, group):
    issue = IssueFactory(group=group)
    response = client.get(f"/vi/admin/groups/issue/{issue.pk}/mail/")
    assert response.status_code == 302 and "/login/" in response["Location"]
