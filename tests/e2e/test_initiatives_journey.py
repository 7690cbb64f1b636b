"""Browser journey: a member editor reports a result with a split by sex, a coordinator
approves it, and the initiative page, its pillar page and the home page all show the new figure."""

import io
from datetime import date

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from playwright.sync_api import Page, expect

from initiatives.models import Indicator, Period
from members.models import Organisation
from members.tests.factories import EditorRequestFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_network(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=io.StringIO())


def sign_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/vi/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mật khẩu").fill("Mat-khau-2026")
    page.get_by_role("button", name="Đăng nhập").click()


def test_a_reported_result_reaches_the_initiative_pillar_and_home_totals_once_approved(
    live_server, page: Page, demo_network, django_user_model, tmp_path
):
    # The coordinators opened a new 2023 period for the Green Schools teachers indicator.
    indicator = Indicator.objects.get(title_vi="Giáo viên được tập huấn về bảo tồn nguồn nước")
    Period.objects.create(indicator=indicator, start=date(2023, 1, 1), end=date(2023, 5, 31))
    editor = UserFactory(email="bao.cao@cecr.test")
    EditorRequestFactory(user=editor, organisation=Organisation.objects.get(slug="cecr"))
    coordinator = django_user_model.objects.create_user(
        username="dieuphoi",
        email="dieuphoi@npap.test",
        password="Mat-khau-2026",
        is_staff=True,
        is_superuser=True,
    )
    EmailAddress.objects.create(user=coordinator, email=coordinator.email, verified=True, primary=True)
    base = live_server.url

    page.goto(f"{base}/vi/")
    expect(page.locator(".headline")).to_contain_text("506 người")
    expect(page.locator(".headline")).to_contain_text("51.150 kg")

    sign_in(page, base, "bao.cao@cecr.test")
    page.goto(f"{base}/vi/initiatives/report/")
    page.get_by_role(
        "link", name="Chương trình Trường học Xanh – Vì một Hà Nội Xanh trên địa bàn quận Hoàn Kiếm"
    ).click()
    page.get_by_role(
        "link", name="Thêm cập nhật · Giáo viên được tập huấn về bảo tồn nguồn nước, 01/01/2023–31/05/2023"
    ).click()
    page.get_by_label("Số liệu tính đến ngày").fill("2023-05-20")
    page.get_by_label("Giá trị (người)").fill("40")
    page.get_by_label("Nữ").fill("50")
    page.get_by_role("button", name="Gửi để phê duyệt").click()
    expect(page.get_by_role("alert").first).to_contain_text("lớn hơn tổng số 40")
    page.get_by_label("Nữ").fill("32")
    page.get_by_label("Nam", exact=True).fill("8")
    page.get_by_label("Diễn giải").fill("Tập huấn giáo viên đợt 2.")
    page.screenshot(path=tmp_path / "report-form.png", full_page=True)
    page.get_by_role("button", name="Gửi để phê duyệt").click()
    expect(page.get_by_role("status")).to_contain_text("đã được gửi tới điều phối viên")
    expect(page.get_by_text("đã gửi, chờ phê duyệt")).to_be_visible()
    page.get_by_role("link", name="Đăng xuất").click()
    page.get_by_role("button", name="Đăng xuất").click()

    sign_in(page, base, "dieuphoi@npap.test")
    page.goto(f"{base}/vi/initiatives/report/approvals/")
    item = page.locator(".queue-item").filter(has_text="Giáo viên được tập huấn về bảo tồn nguồn nước")
    expect(item).to_contain_text("Nữ: 32")
    page.screenshot(path=tmp_path / "approval-queue.png", full_page=True)
    item.get_by_role("button", name="Phê duyệt").click()
    expect(page.get_by_role("status")).to_contain_text("đã được phê duyệt")

    page.goto(f"{base}/vi/initiatives/green-schools-hoan-kiem/")
    row = page.locator("tr").filter(has_text="01/01/2023–31/05/2023")
    expect(row).to_contain_text("40 người")
    expect(row).to_contain_text("Nữ: 32")
    expect(row).to_contain_text("Nam: 8")
    page.screenshot(path=tmp_path / "initiative.png", full_page=True)

    page.goto(f"{base}/vi/pillars/awareness/")
    people = page.locator(".total-card").filter(has_text="Người được tập huấn")
    expect(people.locator(".total-figure")).to_have_text("160 người")  # 70 + 50 in 2022, + 40 in 2023
    page.screenshot(path=tmp_path / "pillar.png", full_page=True)

    page.goto(f"{base}/vi/")
    expect(page.locator(".headline")).to_contain_text("546 người")
    page.screenshot(path=tmp_path / "home.png", full_page=True)
