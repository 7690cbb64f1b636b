"""Browser journeys of the technical groups' newsletter: a visitor subscribes from a group's page
and confirms from the mail a real worker sends; a coordinator composes the quarter's issue in the
admin from its draft, previews it as a page and as the mail, sends it, and the reader's mail holds
the items and an unsubscribe link that works."""

import email
import email.policy
import io
import re
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from groups.models import Delivery, Issue, Subscriber
from groups.tests.factories import SubscriberFactory
from tests.e2e.accessibility import serious_violations
from vocabulary.models import TechnicalGroup

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MAIL_TIMEOUT_SECONDS = 90
SHOTS = Path("/tmp/shots/groups")
INNOVATION = "Đổi mới sáng tạo và khơi nguồn tài chính"
GENDER = "Bình đẳng giới và phát triển bao trùm"


@pytest.fixture
def network(settings, tmp_path, live_server):
    settings.PORTAL_BASE_URL = live_server.url
    call_command("load_demo", stdout=io.StringIO())
    SHOTS.mkdir(parents=True, exist_ok=True)


def mail_to(folder: Path, address: str, *, about: str, worker) -> email.message.EmailMessage:
    deadline = time.monotonic() + MAIL_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        for path in sorted(folder.glob("*.log")) if folder.exists() else []:
            for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n")[:-1]:
                if raw.strip():
                    message = email.message_from_bytes(raw.lstrip(), policy=email.policy.default)
                    if message["To"] == address and about in message["Subject"]:
                        return message
        time.sleep(0.5)
    raise AssertionError(
        f"no mail to {address} about {about!r} within {MAIL_TIMEOUT_SECONDS} s:\n{worker.log_tail()}"
    )


def link_in(message: email.message.EmailMessage, fragment: str) -> str:
    text = message.get_body(preferencelist=("plain",)).get_content()
    [link] = {url for url in re.findall(r"https?://\S+", text) if fragment in url}
    return link


def test_a_visitor_subscribes_to_a_groups_newsletter_and_confirms_from_the_mail(
    live_server, network, worker, page: Page, tmp_path
):
    mail_folder = tmp_path / "mail"
    worker.start(
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend", EMAIL_FILE_PATH=str(mail_folder)
    )
    base = live_server.url

    page.goto(f"{base}/vi/pillars/innovation/")
    page.get_by_role("link", name=INNOVATION).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(INNOVATION)
    expect(page.locator("main")).to_contain_text("Dow Việt Nam")
    expect(page.get_by_role("link", name=f"Bản tin {INNOVATION}, Quý 4/2022")).to_be_visible()
    assert serious_violations(page) == []
    page.screenshot(path=SHOTS / "group-page.png", full_page=True)

    page.get_by_role("link", name="Đăng ký nhận bản tin của nhóm này").click()
    expect(page.get_by_label(INNOVATION)).to_be_checked()
    assert serious_violations(page) == []
    page.get_by_label("Địa chỉ email của bạn").fill("ban.doc@npap.test")
    page.get_by_label("English").check()
    page.get_by_role("button", name="Đăng ký", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hãy kiểm tra hộp thư")
    subscriber = Subscriber.objects.get(email="ban.doc@npap.test")
    assert not subscriber.is_active

    message = mail_to(mail_folder, "ban.doc@npap.test", about="Confirm", worker=worker)
    page.goto(link_in(message, "/groups/confirm/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Subscription confirmed")
    expect(page.locator("main")).to_contain_text("Innovation and finance")
    assert serious_violations(page) == []
    subscriber.refresh_from_db()
    assert subscriber.is_active and subscriber.language == "en"


def test_a_coordinator_composes_previews_and_sends_the_quarters_issue_and_the_reader_can_unsubscribe(
    live_server, network, worker, page: Page, coordinator, tmp_path
):
    mail_folder = tmp_path / "mail"
    worker.start(
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail_folder),
        # The mail is written by the worker: its links start with the live server's address.
        PORTAL_BASE_URL=live_server.url,
    )
    base = live_server.url
    group = TechnicalGroup.objects.get(name_vi=GENDER)
    reader = SubscriberFactory(email="doc.gia.gioi@npap.test", groups=[group])

    page.goto(f"{base}/vi/accounts/login/")
    page.get_by_label("Email").fill(coordinator.email)
    page.get_by_label("Mật khẩu").fill("Mat-khau-2026")
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{base}/vi/admin/groups/issue/add/")
    page.locator("#id_group").select_option(label=GENDER)
    page.locator("#id_year").fill("2022")
    page.locator("#id_quarter").select_option("4")
    page.locator("input[name=_continue]").click()

    # The draft holds the quarter's events and approved results; the coordinator writes the note.
    expect(page.get_by_label("Hội thảo tập huấn về Mô hình cho 3 phường (dự án ASPPIRe)")).to_be_checked()
    results = page.locator("#id_results input[type=checkbox]")
    assert results.count() == 7
    results.nth(0).uncheck()
    page.locator("#id_editorial_vi").fill(
        "Quý IV/2022, dự án ASPPIRe tập huấn cho 3 phường của quận Nam Từ Liêm với khoảng 100 đại biểu."
    )
    page.locator("input[name=_continue]").click()
    issue = Issue.objects.get(group=group, year=2022, quarter=4)
    assert issue.results.count() == 6

    page.get_by_role("link", name="Xem trước trên trình duyệt").click()
    expect(page.get_by_role("status")).to_contain_text("chưa được công bố")
    expect(page.locator("main")).to_contain_text("khoảng 100 đại biểu")
    page.go_back()
    page.get_by_role("link", name="Xem trước thư (HTML)").click()
    expect(page.locator("body")).to_contain_text("Hội thảo tập huấn về Mô hình cho 3 phường")
    page.go_back()
    # Not public before it is sent.
    assert page.request.get(f"{base}/vi/groups/{group.pk}/newsletters/{issue.pk}/").status == 404

    page.get_by_role("link", name="Gửi cho người đọc…").click()
    # The demo's two readers of the group and the one added here.
    expect(page.locator("#content")).to_contain_text("3 người đọc đã xác nhận")
    page.get_by_role("button", name="Có, gửi đi").click()
    expect(page.locator(".messagelist")).to_contain_text("Số bản tin đang được gửi tới 3 người đọc")

    message = mail_to(mail_folder, reader.email, about="Quý 4/2022", worker=worker)
    html = message.get_body(preferencelist=("html",)).get_content()
    text = message.get_body(preferencelist=("plain",)).get_content()
    for body in (html, text):
        assert "Hội thảo tập huấn về Mô hình cho 3 phường (dự án ASPPIRe)" in body
        assert "khoảng 100 đại biểu" in body
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    page.set_content(html)
    page.screenshot(path=SHOTS / "newsletter-mail.png", full_page=True)
    deadline = time.monotonic() + MAIL_TIMEOUT_SECONDS
    while not Issue.objects.filter(pk=issue.pk, status=Issue.Status.SENT).exists():
        assert time.monotonic() < deadline, worker.log_tail()
        time.sleep(0.5)
    assert Delivery.objects.get(issue=issue, subscriber=reader).status == Delivery.Status.SENT

    page.goto(link_in(message, f"/groups/{group.pk}/newsletters/{issue.pk}/"))
    expect(page.locator("main")).to_contain_text("khoảng 100 đại biểu")
    assert serious_violations(page) == []
    page.screenshot(path=SHOTS / "issue-page.png", full_page=True)

    page.goto(link_in(message, "/groups/unsubscribe/"))
    assert serious_violations(page) == []
    page.get_by_role("button", name="Hủy đăng ký").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bạn đã hủy đăng ký")
    reader.refresh_from_db()
    assert reader.unsubscribed_at is not None
