import pytest
from django.utils import timezone

from .. import services
from ..models import Delivery, Issue
from .factories import IssueFactory, SubscriberFactory, TechnicalGroupFactory
from .mail_backends import REFUSED

pytestmark = pytest.mark.django_db

BASE = "https://npap.example.vn"


@pytest.fixture
def refusing_mail(settings, mailoutbox):
    settings.EMAIL_BACKEND = "groups.tests.mail_backends.RefusingMemoryBackend"
    settings.PORTAL_BASE_URL = BASE
    return mailoutbox


def test_the_draft_starts_from_the_quarters_events_resources_and_approved_results(group, quarter_items):
    issue = IssueFactory(group=group, title_vi="", title_en="")
    services.issue_draft_fill(issue=issue)
    assert list(issue.events.all()) == [quarter_items["event"]]
    assert list(issue.results.all()) == [quarter_items["result"]]
    assert list(issue.resources.all()) == [quarter_items["resource"]]
    assert issue.title_vi == f"Bản tin {group.name_vi}, Quý 4/2022"
    assert issue.title_en == f"{group.name_en} newsletter, Q4/2022"


def test_an_issue_goes_to_the_confirmed_readers_of_its_group_and_pillar_once_each(group, refusing_mail):
    issue = IssueFactory(group=group)
    by_group = SubscriberFactory(groups=[group], email="nhom@npap.test")
    by_pillar = SubscriberFactory(pillars=[group.pillar], email="tru-cot@npap.test", language="en")
    SubscriberFactory(groups=[group], pillars=[group.pillar], email="ca-hai@npap.test")
    SubscriberFactory(groups=[group], confirmed_at=None, email="chua-xac-nhan@npap.test")
    SubscriberFactory(groups=[group], unsubscribed_at=timezone.now(), email="da-huy@npap.test")
    SubscriberFactory(groups=[TechnicalGroupFactory()], email="nhom-khac@npap.test")
    assert services.issue_send(issue=issue) == 3
    done = services.issue_batch_send(issue_id=issue.pk)
    assert done == {"sent": 3, "failed": 0, "queued": 0}
    assert sorted(mail.to[0] for mail in refusing_mail) == [
        "ca-hai@npap.test",
        "nhom@npap.test",
        "tru-cot@npap.test",
    ]
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT and issue.sent_at is not None
    english = next(mail for mail in refusing_mail if mail.to == [by_pillar.email])
    assert "Read this issue on the portal" in english.body
    vietnamese = next(mail for mail in refusing_mail if mail.to == [by_group.email])
    assert "Đọc số bản tin này trên cổng thông tin" in vietnamese.body


def test_the_mail_has_inlined_styles_a_text_part_absolute_links_and_one_click_unsubscribe(
    group, quarter_items, refusing_mail
):
    issue = IssueFactory(group=group)
    services.issue_draft_fill(issue=issue)
    reader = SubscriberFactory(groups=[group])
    services.issue_send(issue=issue)
    services.issue_batch_send(issue_id=issue.pk)
    (mail,) = refusing_mail
    html = mail.alternatives[0][0]
    assert "<style" not in html and 'style="' in html
    assert "Hội nghị bàn giao mô hình kinh tế tuần hoàn Hoàn Kiếm" in html and "16.150" in html
    assert "Báo cáo thường niên CECR 2022" in html
    assert "Hội nghị bàn giao mô hình kinh tế tuần hoàn Hoàn Kiếm" in mail.body
    assert f"{BASE}/vi/groups/{group.pk}/newsletters/{issue.pk}/" in mail.body
    unsubscribe = mail.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith(f"{BASE}/vi/groups/unsubscribe/")
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in mail.body and unsubscribe in html
    reader.refresh_from_db()
    assert reader.is_active


def test_a_refused_address_is_recorded_and_the_others_are_sent_in_batches_never_twice(group, refusing_mail):
    issue = IssueFactory(group=group)
    for number in range(4):
        SubscriberFactory(groups=[group], email=f"doc-gia-{number}@npap.test")
    SubscriberFactory(groups=[group], email=REFUSED)
    services.issue_send(issue=issue)
    first = services.issue_batch_send(issue_id=issue.pk, batch_size=2)
    assert first["sent"] + first["failed"] == 2 and first["queued"] == 3
    while services.issue_batch_send(issue_id=issue.pk, batch_size=2)["queued"]:
        pass
    failed = Delivery.objects.get(issue=issue, status=Delivery.Status.FAILED)
    assert failed.to_email == REFUSED and "Mailbox unavailable" in failed.error
    assert Delivery.objects.filter(issue=issue, status=Delivery.Status.SENT).count() == 4
    assert len(refusing_mail) == 4
    # A retry of the task, or a second worker, finds nothing left to send.
    assert services.issue_batch_send(issue_id=issue.pk) == {"sent": 0, "failed": 0, "queued": 0}
    assert len(refusing_mail) == 4


def test_an_issue_is_sent_once_however_often_the_button_is_pressed(group, refusing_mail):
    issue = IssueFactory(group=group)
    SubscriberFactory(groups=[group])
    services.issue_send(issue=issue)
    with pytest.raises(services.NotSendable):
        services.issue_send(issue=issue)
    assert Delivery.objects.filter(issue=issue).count() == 1


def test_a_delivery_another_worker_claimed_is_not_sent_again(group, refusing_mail):
    issue = IssueFactory(group=group)
    SubscriberFactory(groups=[group])
    services.issue_send(issue=issue)
    Delivery.objects.update(status=Delivery.Status.SENDING)  # in another worker's hands
    assert services.issue_batch_send(issue_id=issue.pk)["sent"] == 0
    assert refusing_mail == []
