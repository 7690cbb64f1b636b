"""Browser journey: a results approver narrows the queue to one pillar, ticks three updates,
reviews exactly what will be approved, confirms, and finds them gone from the queue and counted
on the initiative's page and in the network's totals."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation
from playwright.sync_api import Page, expect

from core import roles
from initiatives.models import IndicatorUpdate, Period, UpdateDisaggregation
from initiatives.tests.factories import (
    IndicatorFactory,
    InitiativePartnerFactory,
    NetworkIndicatorFactory,
    PillarFactory,
    sex_values,
)
from members.tests.factories import EditorRequestFactory, OrganisationFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def vi(message: str, plural: str = "", number: int = 0, **values) -> str:
    """``message`` as the Vietnamese pages say it."""
    with translation.override("vi"):
        text = translation.ngettext(message, plural, number) if plural else translation.gettext(message)
    return text % values if values else text


@pytest.fixture
def waiting(settings, tmp_path):
    """Three updates of CECR's collection model (innovation) wait, and one of GreenHub's
    schools (communication)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    women = sex_values()["female"]
    innovation = PillarFactory(code="innovation", name_vi="Đổi mới sáng tạo")
    communication = PillarFactory(code="communication", name_vi="Truyền thông")
    cecr = OrganisationFactory(
        slug="cecr", name_vi="Trung tâm Nghiên cứu Môi trường và Cộng đồng", acronym="CECR"
    )
    greenhub = OrganisationFactory(slug="greenhub", name_vi="Trung tâm Hỗ trợ Phát triển Xanh")
    model = InitiativePartnerFactory(
        organisation=cecr,
        initiative__slug="kinh-te-tuan-hoan",
        initiative__title_vi="Mô hình kinh tế tuần hoàn cho rác thải nhựa giá trị thấp",
        initiative__pillars=[innovation],
        initiative__start=date(2024, 1, 1),
        initiative__end=date(2026, 12, 31),
    ).initiative
    schools = InitiativePartnerFactory(
        organisation=greenhub,
        initiative__slug="truong-hoc-xanh",
        initiative__title_vi="Trường học xanh Hoàn Kiếm",
        initiative__pillars=[communication],
    ).initiative
    reporter = UserFactory(email="bao.cao@cecr.test")
    EditorRequestFactory(user=reporter, organisation=cecr)
    collected = IndicatorFactory(
        result__initiative=model,
        title_vi="Rác thải nhựa giá trị thấp được thu gom",
        unit_vi="kg",
        network_indicator=NetworkIndicatorFactory(),
    )
    trained = IndicatorFactory(
        result__initiative=model, title_vi="Người thu gom được tập huấn", unit_vi="người"
    )
    pupils = IndicatorFactory(result__initiative=schools, title_vi="Học sinh tham gia", unit_vi="em")

    def submit(indicator, organisation, start: date, value: int, days_ago: int) -> IndicatorUpdate:
        period = Period.objects.create(indicator=indicator, start=start, end=start.replace(month=12, day=31))
        update = IndicatorUpdate.objects.create(
            period=period,
            organisation=organisation,
            reported_on=period.end,
            value=Decimal(value),
            status=IndicatorUpdate.Status.SUBMITTED,
            submitted_by=reporter,
            submitted_at=timezone.now() - timedelta(days=days_ago),
        )
        UpdateDisaggregation.objects.create(update=update, dimension_value=women, value=Decimal(value // 2))
        return update

    return [
        submit(collected, cecr, date(2024, 1, 1), 35_000, days_ago=9),
        submit(collected, cecr, date(2025, 1, 1), 42_000, days_ago=8),
        submit(trained, cecr, date(2025, 1, 1), 120, days_ago=7),
        submit(pupils, greenhub, date(2025, 1, 1), 300, days_ago=10),
    ]


def test_an_approver_reviews_three_updates_of_a_pillar_and_approves_them_together(
    live_server, page: Page, waiting, staff_in, tmp_path
):
    base = live_server.url
    approver = staff_in(roles.RESULTS_APPROVERS, email="duyet@npap.test")
    page.goto(f"{base}/vi/accounts/login/?next=/vi/initiatives/report/approvals/")
    page.get_by_label("Email").fill(approver.email)
    page.get_by_label("Mật khẩu").fill("Mat-khau-2026")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator(".queue-item")).to_have_count(4)

    # Narrowed to the innovation pillar: the schools' update is not listed.
    page.get_by_label(vi("Pillar")).select_option("innovation")
    page.get_by_role("button", name=vi("Filter"), exact=True).click()
    items = page.locator(".queue-item")
    expect(items).to_have_count(3)
    expect(page.locator(".queue")).not_to_contain_text("Trường học xanh Hoàn Kiếm")
    # Oldest submitted first.
    expect(items.first).to_contain_text("01/01/2024–31/12/2024")
    for item in items.all():
        item.get_by_role("checkbox").check()
    page.screenshot(path=tmp_path / "approval-queue.png", full_page=True)
    page.get_by_role("button", name=vi("Review selected")).click()

    # The review lists exactly what will be approved; nothing is approved yet.
    expect(page.get_by_role("heading", level=1)).to_have_text(vi("Review the updates to approve"))
    rows = page.locator("table.approval-review tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("35.000 kg")
    expect(rows.nth(0)).to_contain_text("Nữ: 17.500")
    expect(rows.nth(0)).to_contain_text("bao.cao@cecr.test")
    expect(rows.nth(2)).to_contain_text("Người thu gom được tập huấn")
    page.screenshot(path=tmp_path / "approval-review.png", full_page=True)
    assert not IndicatorUpdate.objects.filter(status=IndicatorUpdate.Status.APPROVED).exists()
    page.get_by_role(
        "button", name=vi("Approve this update", "Approve these %(counter)s updates", 3, counter=3)
    ).click()

    # Back on the queue, still narrowed to the pillar: nothing of it is left.
    expect(page.get_by_role("status")).to_contain_text(
        vi(
            "%(count)d update has been approved and now counts in the totals.",
            "%(count)d updates have been approved and now count in the totals.",
            3,
            count=3,
        )
    )
    expect(page.get_by_label(vi("Pillar"))).to_have_value("innovation")
    expect(page.locator(".queue-item")).to_have_count(0)
    page.screenshot(path=tmp_path / "approval-queue-after.png", full_page=True)
    page.get_by_role("link", name=vi("Clear filters")).click()
    expect(page.locator(".queue-item")).to_have_count(1)
    expect(page.locator(".queue-item")).to_contain_text("Trường học xanh Hoàn Kiếm")
    assert set(
        IndicatorUpdate.objects.filter(status=IndicatorUpdate.Status.APPROVED).values_list("pk", flat=True)
    ) == {update.pk for update in waiting[:3]}

    # The initiative's page and the network's totals count the approved figures.
    page.goto(f"{base}/vi/initiatives/kinh-te-tuan-hoan/")
    results = page.locator("#results-heading").locator("..")
    expect(results).to_contain_text("35.000 kg")
    expect(results).to_contain_text("42.000 kg")
    expect(results).to_contain_text("120 người")
    page.goto(f"{base}/vi/initiatives/results/?pillar=innovation")
    expect(page.locator("main")).to_contain_text("77.000 kg")
    page.screenshot(path=tmp_path / "results.png", full_page=True)
