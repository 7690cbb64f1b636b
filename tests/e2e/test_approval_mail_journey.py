"""Browser journey: a member editor submits a result with an evidence PDF; a real worker mails
the results approver, who follows the mail's link, opens the evidence and approves; the member
is mailed the approval; the evidence stays out of reach of an anonymous visitor."""

import email
import email.policy
import io
import re
import time
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from playwright.sync_api import Browser, Page, expect

from core import roles
from core.models import OutgoingMail
from initiatives.models import Indicator, IndicatorUpdate, Period
from members.models import Organisation
from members.tests.factories import EditorRequestFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Worker start-up on the filesystem broker or Redis, on a busy two-core machine.
MAIL_TIMEOUT_SECONDS = 90
EVIDENCE = (
    b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\n"
    b"endobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


@pytest.fixture
def network(settings, tmp_path, live_server):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.PORTAL_BASE_URL = live_server.url
    call_command("setup_reference", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    roles.roles_install()


def mails_to(
    folder: Path, address: str, *, about: str, count: int, worker
) -> list[email.message.EmailMessage]:
    """Wait for the worker to have written ``count`` mails to ``address`` whose subject says
    ``about``; return them, oldest first. Other notices (the demo cycle's reminders) pass by."""
    deadline = time.monotonic() + MAIL_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        found = []
        for path in sorted(folder.glob("*.log"), key=lambda p: p.stat().st_mtime) if folder.exists() else []:
            # The file backend writes each message followed by a line of dashes.
            for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                if raw.strip():
                    message = email.message_from_bytes(raw.lstrip(), policy=email.policy.default)
                    if message["To"] == address and about in message["Subject"]:
                        found.append(message)
        if len(found) >= count:
            return found
        time.sleep(0.5)
    raise AssertionError(f"no mail to {address} within {MAIL_TIMEOUT_SECONDS} s:\n{worker.log_tail()}")


def link_in(message: email.message.EmailMessage, fragment: str) -> str:
    text = message.get_body(preferencelist=("plain",)).get_content()
    [link] = {url for url in re.findall(r"https?://\S+", text) if fragment in url}
    return link


def sign_in(page: Page, base: str, address: str, *, next_url: str = "") -> None:
    page.goto(f"{base}/vi/accounts/login/" + (f"?next={next_url}" if next_url else ""))
    page.get_by_label("Email").fill(address)
    page.get_by_label("Mật khẩu").fill("Mat-khau-2026")
    page.get_by_role("button", name="Đăng nhập").click()


def test_a_submitted_update_is_mailed_to_the_approver_who_approves_it_and_its_evidence_stays_private(
    live_server, network, worker, browser: Browser, page: Page, staff_in, tmp_path
):
    mail_folder = tmp_path / "mail"
    worker.start(
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend", EMAIL_FILE_PATH=str(mail_folder)
    )
    base = live_server.url
    indicator = Indicator.objects.get(title_vi="Giáo viên được tập huấn về bảo tồn nguồn nước")
    Period.objects.create(indicator=indicator, start=date(2023, 1, 1), end=date(2023, 5, 31))
    editor = UserFactory(email="bao.cao@cecr.test")
    EditorRequestFactory(user=editor, organisation=Organisation.objects.get(slug="cecr"))
    approver = staff_in(roles.COORDINATORS, email="dieuphoi@npap.test")
    approver.groups.add(Group.objects.get(name=roles.RESULTS_APPROVERS))

    # The member editor reports the figure with the sign-in list as evidence.
    sign_in(page, base, editor.email)
    page.goto(f"{base}/vi/initiatives/report/")
    page.get_by_role(
        "link", name="Chương trình Trường học Xanh – Vì một Hà Nội Xanh trên địa bàn quận Hoàn Kiếm"
    ).click()
    page.get_by_role(
        "link", name="Thêm cập nhật · Giáo viên được tập huấn về bảo tồn nguồn nước, 01/01/2023–31/05/2023"
    ).click()
    page.get_by_label("Số liệu tính đến ngày").fill("2023-05-20")
    page.get_by_label("Giá trị (người)").fill("40")
    page.get_by_label("Nữ").fill("32")
    page.get_by_label("Nam", exact=True).fill("8")
    page.get_by_label("Diễn giải").fill("Tập huấn giáo viên đợt 2.")
    page.get_by_label("Minh chứng").set_input_files(
        files=[{"name": "danh-sach-giao-vien.pdf", "mimeType": "application/pdf", "buffer": EVIDENCE}]
    )
    page.get_by_role("button", name="Gửi để phê duyệt").click()
    expect(page.get_by_role("status")).to_contain_text("đã được gửi")
    page.screenshot(path=tmp_path / "submitted.png", full_page=True)
    evidence = IndicatorUpdate.objects.get(period__start=date(2023, 1, 1)).evidence.get()

    # The worker mails the approver a link that opens the queue once signed in.
    [waiting] = mails_to(mail_folder, approver.email, about="đang chờ bạn phê duyệt", count=1, worker=worker)
    assert waiting["Subject"].strip() == (
        "[NPAP] Một cập nhật cho chỉ số Giáo viên được tập huấn về bảo tồn nguồn nước đang chờ bạn phê duyệt"
    )
    assert waiting.get_body(preferencelist=("html",)) is not None
    queue_link = link_in(waiting, "/initiatives/report/approvals/")
    assert queue_link.startswith(base + "/vi/")
    page.get_by_role("link", name="Đăng xuất").click()
    page.get_by_role("button", name="Đăng xuất").click()
    page.goto(queue_link)  # signed out: the portal asks to sign in and then comes back here
    page.get_by_label("Email").fill(approver.email)
    page.get_by_label("Mật khẩu").fill("Mat-khau-2026")
    page.get_by_role("button", name="Đăng nhập").click()
    item = page.locator(".queue-item").filter(has_text="Giáo viên được tập huấn về bảo tồn nguồn nước")
    expect(item).to_contain_text("Nữ: 32")
    evidence_link = item.get_by_role("link", name="danh-sach-giao-vien.pdf")
    evidence_url = base + evidence_link.get_attribute("href")
    assert "/media/" not in evidence_url
    with page.expect_download() as download:
        evidence_link.click()
    assert Path(download.value.path()).read_bytes() == EVIDENCE
    page.screenshot(path=tmp_path / "approval-queue.png", full_page=True)
    item.get_by_role("button", name="Phê duyệt").click()
    expect(page.get_by_role("status")).to_contain_text("đã được phê duyệt")

    # The member is told, by the worker, with a link to the initiative's results.
    [approved] = mails_to(mail_folder, editor.email, about="đã được phê duyệt", count=1, worker=worker)
    assert "đã được phê duyệt" in approved["Subject"]
    assert link_in(approved, "/initiatives/report/").startswith(base)
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {OutgoingMail.Status.SENT}

    # Nobody else reaches the evidence: not an anonymous visitor, not at the public media path.
    visitor = browser.new_context()
    assert visitor.request.get(evidence_url).status == 404
    assert visitor.request.get(f"{base}/media/{evidence.file.name}").status == 404
    visitor.close()
