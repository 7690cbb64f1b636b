"""Reminders: a digest a day for each editor with something due, when a cycle opens, some days
before its due date, on the day, then weekly while late; never for what was submitted, never
twice, never to someone who turned them off; a daily digest for results approvers."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail as django_mail
from django.utils import timezone, translation

from core import roles
from core.accounts import reminders_set
from core.mail import account_language_remember
from core.models import OutgoingMail
from cycles.models import DuePeriod
from cycles.reminders import Occasion, occasion, reminders_send
from initiatives.models import IndicatorUpdate
from initiatives.tests.factories import IndicatorUpdateFactory

BASE = "https://npap.example.vn"
OPENED = datetime.date(2026, 12, 1)
WEEK_BEFORE = datetime.date(2027, 1, 8)
DUE = datetime.date(2027, 1, 15)


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.PORTAL_BASE_URL = BASE


@pytest.fixture
def opened_on_day_one(opened):
    cycle = opened["cycle"]
    cycle.opened_at = timezone.make_aware(datetime.datetime(2026, 12, 1, 9, 0))
    cycle.save()
    return opened


def mails_to(user) -> list[OutgoingMail]:
    return list(OutgoingMail.objects.filter(recipient=user, kind="cycle-reminder"))


def links(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (OPENED, Occasion.OPENING),
        (datetime.date(2026, 12, 2), None),
        (WEEK_BEFORE, Occasion.BEFORE),
        (datetime.date(2027, 1, 9), None),
        (DUE, Occasion.DUE),
        (datetime.date(2027, 1, 16), None),
        (datetime.date(2027, 1, 22), Occasion.OVERDUE),
        (datetime.date(2027, 1, 29), Occasion.OVERDUE),
        (datetime.date(2027, 1, 30), None),
    ],
)
def test_a_cycle_reminds_when_it_opens_a_week_before_on_the_day_and_weekly_while_late(
    opened_on_day_one, day, expected
):
    assert occasion(opened_on_day_one["cycle"], day) == expected


def test_the_days_before_are_the_cycles_own(opened_on_day_one):
    cycle = opened_on_day_one["cycle"]
    cycle.remind_days_before = 3
    assert occasion(cycle, datetime.date(2027, 1, 12)) == Occasion.BEFORE
    assert occasion(cycle, WEEK_BEFORE) is None


def test_each_editor_gets_one_digest_listing_everything_due_and_funders_get_none(opened_on_day_one):
    sent = reminders_send(today=WEEK_BEFORE)
    assert sent["editors"] == 2
    [cecr_mail] = mails_to(opened_on_day_one["editor"])
    for title in [
        "ASPPIRe: người thu gom phế liệu và phụ nữ",
        "Mô hình kinh tế tuần hoàn cho rác thải nhựa giá trị thấp",
        "Trường học xanh Hoàn Kiếm",
    ]:
        assert title in cecr_mail.body_text and title in cecr_mail.body_html
    assert "Sắp đến hạn báo cáo kết quả" in cecr_mail.subject
    assert "hạn 15/01/2027" in cecr_mail.body_text
    [greenhub_mail] = mails_to(opened_on_day_one["greenhub_editor"])
    assert "Trường học xanh Hoàn Kiếm" in greenhub_mail.body_text
    assert "ASPPIRe" not in greenhub_mail.body_text
    assert mails_to(opened_on_day_one["dow_editor"]) == []


def test_nothing_is_sent_on_other_days(opened_on_day_one):
    assert reminders_send(today=datetime.date(2026, 12, 20))["editors"] == 0
    assert not OutgoingMail.objects.filter(kind="cycle-reminder").exists()


def test_nothing_is_sent_for_what_was_submitted_or_approved(opened_on_day_one):
    network = opened_on_day_one
    for due in DuePeriod.objects.filter(cycle=network["cycle"], initiative=network["schools"]):
        IndicatorUpdateFactory(period=due.period, status=IndicatorUpdate.Status.SUBMITTED)
    for due in DuePeriod.objects.filter(cycle=network["cycle"], initiative=network["model"]):
        IndicatorUpdateFactory(period=due.period, status=IndicatorUpdate.Status.APPROVED)
    reminders_send(today=DUE)
    assert mails_to(network["greenhub_editor"]) == []
    [cecr_mail] = mails_to(network["editor"])
    assert "ASPPIRe" in cecr_mail.body_text
    assert "Trường học xanh" not in cecr_mail.body_text and "kinh tế tuần hoàn" not in cecr_mail.body_text
    assert "Hôm nay là hạn báo cáo kết quả" in cecr_mail.subject


def test_a_second_run_the_same_day_or_on_another_worker_sends_nothing_more(opened_on_day_one):
    network = opened_on_day_one
    reminders_send(today=DUE)
    reminders_send(today=DUE)
    assert len(mails_to(network["editor"])) == 1
    # Another worker has just written its digest for the GreenHub editor: this one writes none.
    OutgoingMail.objects.filter(recipient=network["greenhub_editor"]).delete()
    OutgoingMail.objects.create(
        recipient=network["greenhub_editor"],
        to_email=network["greenhub_editor"].email,
        kind="cycle-reminder",
        key=f"cycle-reminder:{DUE.isoformat()}:{network['greenhub_editor'].pk}",
        subject="…",
        body_text="…",
    )
    assert reminders_send(today=DUE)["editors"] == 0
    assert len(mails_to(network["greenhub_editor"])) == 1
    # The next occasion is a new day: a new digest.
    reminders_send(today=datetime.date(2027, 1, 22))
    assert len(mails_to(network["editor"])) == 2


def test_someone_who_turned_reminders_off_gets_none(opened_on_day_one):
    reminders_set(user=opened_on_day_one["editor"], enabled=False)
    reminders_send(today=DUE)
    assert mails_to(opened_on_day_one["editor"]) == []
    assert len(mails_to(opened_on_day_one["greenhub_editor"])) == 1


def test_the_editor_reads_the_digest_follows_its_link_to_what_is_due_and_can_turn_reminders_off(
    client, opened_on_day_one, deliver_mail
):
    editor = opened_on_day_one["editor"]
    reminders_send(today=DUE)
    [message] = [m for m in deliver_mail() if m.to == [editor.email]]
    html = dict((mimetype, content) for content, mimetype in message.alternatives)["text/html"]
    assert '<html lang="vi">' in html
    due_link, off_link = links(message.body)[0], links(message.body)[1]
    assert due_link == f"{BASE}/vi/cycles/due/"
    assert off_link.startswith(f"{BASE}/vi/members/reminders/off/")

    client.force_login(editor)
    page = client.get(urlsplit(due_link).path).content.decode()
    assert "Trường học xanh Hoàn Kiếm" in page and "15/01/2027" in page
    client.logout()

    # The link turns reminders off without signing in, after one button.
    off = urlsplit(off_link).path
    assert editor.email in client.get(off).content.decode()
    assert client.post(off).status_code == 200
    assert reminders_send(today=datetime.date(2027, 1, 22))["editors"] == 1  # the GreenHub editor only
    assert client.get("/vi/members/reminders/off/not-a-token/").status_code == 404


def test_each_editor_is_reminded_in_their_own_language_whatever_the_run_started_in(
    opened_on_day_one, deliver_mail
):
    editor, greenhub_editor = opened_on_day_one["editor"], opened_on_day_one["greenhub_editor"]
    schools = opened_on_day_one["schools"]
    schools.title_en = "Green Schools in Hoan Kiem"
    schools.save()
    account_language_remember(user=editor, language="en")
    # Beat's run, or a coordinator's, may start in either language.
    with translation.override("en"):
        reminders_send(today=DUE)
    mails = {m.to[0]: m for m in deliver_mail()}

    english = mails[editor.email]
    assert english.subject.endswith("Your results are due today")
    assert f"{BASE}/en/cycles/due/" in english.body
    assert "Green Schools in Hoan Kiem" in english.body
    assert "Trường học xanh Hoàn Kiếm" not in english.body

    vietnamese = mails[greenhub_editor.email]
    assert vietnamese.subject.endswith("Hôm nay là hạn báo cáo kết quả")
    assert "Trường học xanh Hoàn Kiếm" in vietnamese.body
    assert "Green Schools in Hoan Kiem" not in vietnamese.body


def test_results_approvers_get_a_daily_digest_of_what_waits_for_them(
    opened_on_day_one, staff_in, deliver_mail
):
    approver = staff_in(roles.RESULTS_APPROVERS, email="duyet@npap.test")
    assert reminders_send(today=datetime.date(2026, 12, 20))["approvers"] == 0
    due = DuePeriod.objects.filter(cycle=opened_on_day_one["cycle"]).first()
    IndicatorUpdateFactory(
        period=due.period,
        status=IndicatorUpdate.Status.SUBMITTED,
        submitted_at=timezone.make_aware(datetime.datetime(2026, 11, 18, 10, 0)),
    )
    IndicatorUpdateFactory(
        period=due.period, status=IndicatorUpdate.Status.SUBMITTED, submitted_at=timezone.now()
    )
    reminders_send(today=datetime.date(2026, 12, 20))
    assert reminders_send(today=datetime.date(2026, 12, 20))["approvers"] == 0
    digests = OutgoingMail.objects.filter(kind="approvals-digest")
    # The approver, and the coordinator, whose superuser account holds every permission.
    assert {mail.to_email for mail in digests} == {approver.email, opened_on_day_one["coordinator"].email}
    [message] = [m for m in deliver_mail() if m.to == [approver.email]]
    assert "2 cập nhật đang chờ bạn phê duyệt" in message.subject
    assert "18/11/2026" in message.body
    assert f"{BASE}/vi/initiatives/report/approvals/" in message.body
    assert not any(
        "cập nhật đang chờ" in m.subject
        for m in django_mail.outbox
        if m.to == [opened_on_day_one["editor"].email]
    )
