"""Browser journey through a reporting cycle: a coordinator opens a planned cycle in the admin;
a real worker mails CECR's editor the opening digest, whose link leads to what is due; the
editor checks the figure proposed from a training's attendance, submits it and reports the
rest of the initiative; the coordinator's dashboard counts the initiative as reported, the
figure is approved, and the reminder on the due date no longer lists it."""

import datetime
import email
import email.policy
import io
import re
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from core import roles
from cycles.models import DuePeriod, ReportingCycle
from cycles.reminders import reminders_send
from cycles.tests.factories import ReportingCycleFactory
from events.models import EventType, Participation
from events.tests.factories import EventFactory, EventOrganiserFactory, ParticipationFactory
from initiatives.models import Indicator, IndicatorUpdate, Initiative
from members.models import Organisation, Person
from members.tests.factories import EditorRequestFactory, PersonFactory, ProvinceFactory, UserFactory
from network_portal.celery import app as celery_app

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Worker start-up on the filesystem broker or Redis, on a busy two-core machine.
MAIL_TIMEOUT_SECONDS = 90
SCREENSHOTS = Path("/tmp")
MAIL_SEPARATOR = b"\n" + b"-" * 79 + b"\n"
H2_2026 = (datetime.date(2026, 7, 1), datetime.date(2026, 12, 31))
ASPPIRE = (
    "Tăng cường vai trò của phụ nữ trong các giải pháp giảm thiểu ô nhiễm rác thải nhựa thông qua phân "
    "loại, tái chế bền vững"
)
GREEN_SCHOOLS = "Chương trình Trường học Xanh – Vì một Hà Nội Xanh trên địa bàn quận Hoàn Kiếm"
TRAINED = "Ve chai và phụ nữ được tập huấn"


@pytest.fixture
def network(settings, tmp_path, live_server):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.PORTAL_BASE_URL = live_server.url
    call_command("setup_reference", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    roles.roles_install()


@pytest.fixture
def planned_cycle(network) -> ReportingCycle:
    """The second half of 2026 as a planned cycle of CECR's ASPPIRe and green-schools
    initiatives, opening today. The demo's cycle for that half-year, already open, is deleted
    first: two open cycles of one period would ask for the same figures twice. The periods it
    made stay, and the new cycle asks for them."""
    ReportingCycle.objects.filter(period_start=H2_2026[0], period_end=H2_2026[1]).delete()
    today = timezone.localdate()
    return ReportingCycleFactory(
        name_vi="Kỳ báo cáo 6 tháng cuối năm 2026",
        name_en="Six-month reporting, second half of 2026",
        period_start=H2_2026[0],
        period_end=H2_2026[1],
        opens_on=today,
        due_on=today + datetime.timedelta(days=30),
        initiatives=list(Initiative.objects.filter(slug__in=["asppire", "green-schools-hoan-kiem"])),
    )


@pytest.fixture
def training_in_the_period(network) -> Indicator:
    """A training of ASPPIRe in October 2026, attended by three women and two men (a third man
    registered and did not come), counted by the indicator of people trained."""
    cecr = Organisation.objects.get(slug="cecr")
    training = EventFactory(
        title_vi="Tập huấn “Dấu vân tay xã hội” cho ve chai và phụ nữ Nam Từ Liêm, đợt 2",
        title_en="“Social fingerprint” training for waste pickers and women, second round",
        slug="tap-huan-dau-van-tay-xa-hoi-dot-2",
        event_type=EventType.objects.get(code="training"),
        start_date=datetime.date(2026, 10, 15),
        province=ProvinceFactory(),
    )
    EventOrganiserFactory(event=training, organisation=cecr)
    people = [
        ("Nguyễn Thị Hoa", Person.Gender.FEMALE),
        ("Trần Thị Mận", Person.Gender.FEMALE),
        ("Lê Thị Thu", Person.Gender.FEMALE),
        ("Phạm Văn Bình", Person.Gender.MALE),
        ("Đỗ Văn Sơn", Person.Gender.MALE),
    ]
    for number, (name, gender) in enumerate(people):
        person = PersonFactory(full_name=name, gender=gender, email=f"hoc.vien{number}@npap.test")
        ParticipationFactory(event=training, person=person, organisation=cecr)
    ParticipationFactory(
        event=training,
        person=PersonFactory(full_name="Hoàng Văn Tùng", gender=Person.Gender.MALE, email="tung@npap.test"),
        organisation=cecr,
        status=Participation.Status.NO_SHOW,
    )
    indicator = Indicator.objects.get(result__initiative__slug="asppire", title_vi=TRAINED)
    indicator.attendance_events.add(training)
    return indicator


def mails_to(folder: Path, address: str, subject: str, *, worker) -> email.message.EmailMessage:
    """Wait for the worker to have written the mail to ``address`` with ``subject``; return it."""
    deadline = time.monotonic() + MAIL_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        found = []
        for path in sorted(folder.glob("*.log")) if folder.exists() else []:
            # The file backend ends each message with a line of dashes: what follows the last
            # one is a message still being written.
            for raw in path.read_bytes().split(MAIL_SEPARATOR)[:-1]:
                if raw.strip():
                    message = email.message_from_bytes(raw.lstrip(), policy=email.policy.default)
                    if message["To"] == address and message["Subject"].strip() == subject:
                        found.append(message)
        if found:
            [message] = found
            return message
        time.sleep(0.5)
    raise AssertionError(
        f"no mail {subject!r} to {address} within {MAIL_TIMEOUT_SECONDS} s:\n{worker.log_tail()}"
    )


def text_of(message: email.message.EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def sign_in(page: Page, address: str) -> None:
    """On the sign-in page the portal sent ``page`` to, sign in; it goes back where it was going."""
    page.get_by_label("Email").fill(address)
    page.get_by_label("Mật khẩu").fill("Mat-khau-2026")
    page.get_by_role("button", name="Đăng nhập").click()


def test_a_coordinator_opens_a_cycle_and_the_editor_reminded_by_mail_reports_the_proposed_figure(
    live_server,
    planned_cycle,
    training_in_the_period,
    worker,
    browser: Browser,
    browser_context_args,
    page: Page,
    staff_in,
    tmp_path,
):
    base, cycle = live_server.url, planned_cycle
    mail_folder = tmp_path / "mail"
    # What load_demo queued (its cycle's opening reminders) is not this journey's.
    celery_app.control.purge()
    worker.start(
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail_folder),
        PORTAL_BASE_URL=base,
    )
    editor = UserFactory(email="bao.cao@cecr.test")
    EditorRequestFactory(user=editor, organisation=Organisation.objects.get(slug="cecr"))
    coordinator = staff_in(roles.COORDINATORS, email="dieuphoi@npap.test")
    coordinator.groups.add(Group.objects.get(name=roles.RESULTS_APPROVERS))

    # 1. The coordinator opens the planned cycle from the admin's list.
    page.goto(f"{base}/vi/admin/cycles/reportingcycle/")
    sign_in(page, coordinator.email)
    row = page.locator("#result_list tbody tr").filter(has_text="Kỳ báo cáo 6 tháng cuối năm 2026")
    expect(row.locator("td.field-status")).to_have_text(re.compile("^dự kiến$", re.IGNORECASE))
    row.locator("input[name='_selected_action']").check()
    page.get_by_label("Hoạt động:").select_option(label="Mở các kỳ báo cáo đã chọn")
    page.get_by_role("button", name="Đi đến").click()
    expect(page.locator(".messagelist .success")).to_have_text("Đã mở 1 kỳ báo cáo.")
    expect(row.locator("td.field-status")).to_have_text(re.compile("^mở$", re.IGNORECASE))
    page.screenshot(path=SCREENSHOTS / "cycle-journey-admin.png", full_page=True)
    cycle.refresh_from_db()
    assert cycle.status == ReportingCycle.Status.OPEN and cycle.opened_by == coordinator
    due_periods = DuePeriod.objects.filter(cycle=cycle)
    asppire_due = due_periods.filter(initiative__slug="asppire").count()
    schools_due = due_periods.filter(initiative__slug="green-schools-hoan-kiem").count()
    # Each indicator of the two initiatives owes its figure for the half-year.
    assert asppire_due == Indicator.objects.filter(result__initiative__slug="asppire").count() == 7
    assert schools_due == Indicator.objects.filter(result__initiative__slug="green-schools-hoan-kiem").count()

    # The dashboard: nothing reported yet; ASPPIRe has a draft, the figure proposed.
    page.get_by_role("link", name="Mở bảng theo dõi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kỳ báo cáo 6 tháng cuối năm 2026")
    expect(page.locator(".completeness-figure").first).to_contain_text("0/2 sáng kiến đã báo cáo")
    asppire_row = page.locator("table.dashboard tbody tr").filter(has_text=ASPPIRE)
    schools_row = page.locator("table.dashboard tbody tr").filter(has_text=GREEN_SCHOOLS)
    expect(asppire_row).to_contain_text("Bản nháp")
    expect(asppire_row.locator("td").last).to_have_text(f"0/{asppire_due}")
    expect(schools_row).to_contain_text("Chưa bắt đầu")

    # 2. The worker mails the editor the opening digest; its link leads, once signed in, to
    # what is due.
    digest = mails_to(mail_folder, editor.email, "[NPAP] Một kỳ báo cáo kết quả đã mở", worker=worker)
    text = text_of(digest)
    assert ASPPIRE in text and GREEN_SCHOOLS in text
    assert "Tổ chức của bạn cần báo cáo số liệu cho 2 sáng kiến." in text
    [due_link] = {link for link in re.findall(r"https?://\S+", text) if "/cycles/due/" in link}
    assert due_link == f"{base}/vi/cycles/due/"
    editor_context = browser.new_context(**browser_context_args)
    member = editor_context.new_page()
    member.goto(due_link)
    sign_in(member, editor.email)
    assert member.url == due_link

    # 3. What is due, with the figure proposed from the training's attendance to check.
    expect(member.get_by_role("heading", level=1)).to_have_text("Kết quả cần báo cáo")
    asppire_card = member.locator(".due-item").filter(has_text=ASPPIRE)
    expect(asppire_card).to_contain_text("Kỳ báo cáo 6 tháng cuối năm 2026")
    expect(asppire_card).to_contain_text(f"hạn {cycle.due_on:%d/%m/%Y}")
    expect(asppire_card.locator(".due-periods li")).to_have_count(asppire_due)
    trained_item = asppire_card.locator(".due-periods li").filter(has_text=TRAINED)
    expect(trained_item).to_contain_text("01/07/2026–31/12/2026")
    expect(trained_item).to_contain_text("Bản nháp")
    member.screenshot(path=SCREENSHOTS / "cycle-journey-due.png", full_page=True)
    trained_item.get_by_role("link", name="Kiểm tra số liệu đề xuất").click()
    expect(member.get_by_role("heading", level=1)).to_have_text("Báo cáo cập nhật")
    expect(member.locator(".facts")).to_contain_text(TRAINED)
    # The figure as of today, or as of the period's end once it is over.
    as_of = min(H2_2026[1], max(H2_2026[0], timezone.localdate()))
    expect(member.get_by_label("Số liệu tính đến ngày")).to_have_value(as_of.isoformat())
    # Five people attended (each counted once); the one who did not come is not counted. Whole
    # numbers show as typed: "5.00" would read as five hundred in Vietnamese.
    expect(member.get_by_label("Giá trị (người)")).to_have_value("5")
    expect(member.get_by_label("Nữ")).to_have_value("3")
    expect(member.get_by_label("Nam", exact=True)).to_have_value("2")
    assert member.get_by_label("Khác").input_value() == ""
    expect(member.get_by_label("Diễn giải")).to_have_value(
        "Đề xuất từ những người được ghi nhận tham dự 1 sự kiện, mỗi người tính một lần."
    )
    member.screenshot(path=SCREENSHOTS / "cycle-journey-proposal.png", full_page=True)
    member.get_by_role("button", name="Gửi để phê duyệt").click()
    expect(member.get_by_role("status")).to_contain_text("đã được gửi")
    proposal = IndicatorUpdate.objects.get(period__indicator=training_in_the_period, period__start=H2_2026[0])
    assert proposal.status == IndicatorUpdate.Status.SUBMITTED
    assert proposal.source == IndicatorUpdate.Source.ATTENDANCE
    assert proposal.submitted_by == editor and proposal.value == 5

    # The editor reports ASPPIRe's other figures from the same list.
    for _ in range(asppire_due - 1):
        member.goto(due_link)
        asppire_card.get_by_role("link", name="Báo cáo số liệu này").first.click()
        member.get_by_label("Số liệu tính đến ngày").fill("2026-11-30")
        member.locator("#id_value").fill("12")
        member.get_by_role("button", name="Gửi để phê duyệt").click()
        expect(member.get_by_role("status")).to_contain_text("đã được gửi")
    member.goto(due_link)
    expect(asppire_card.get_by_role("link")).to_have_count(1)  # its title; nothing left to report
    expect(asppire_card.locator(".due-periods li").filter(has_text="Đã gửi")).to_have_count(asppire_due)

    # 4. The dashboard counts ASPPIRe as reported: all its periods due are submitted.
    page.reload()
    expect(page.locator(".completeness-figure").first).to_contain_text("1/2 sáng kiến đã báo cáo")
    expect(page.locator(".completeness-figure").first).to_contain_text("(50 %)")
    expect(asppire_row).to_contain_text("Đã gửi")
    expect(asppire_row.locator("td").last).to_have_text(f"{asppire_due}/{asppire_due}")
    expect(schools_row).to_contain_text("Chưa bắt đầu")
    expect(schools_row.locator("td").last).to_have_text(f"0/{schools_due}")
    page.screenshot(path=SCREENSHOTS / "cycle-journey-dashboard.png", full_page=True)

    # A results approver approves the figure proposed from attendance.
    page.goto(f"{base}/vi/initiatives/report/approvals/")
    item = page.locator(".queue-item").filter(has_text=TRAINED)
    expect(item).to_contain_text("Nữ: 3")
    expect(item).to_contain_text("Nam: 2")
    item.get_by_role("button", name="Phê duyệt").click()
    expect(page.get_by_role("status")).to_contain_text("đã được phê duyệt")
    proposal.refresh_from_db()
    assert proposal.status == IndicatorUpdate.Status.APPROVED and proposal.reviewer == coordinator

    # 5. On the due date the editor is reminded of what is still owed, and ASPPIRe is not.
    reminders_send(today=cycle.due_on)
    due_day = mails_to(mail_folder, editor.email, "[NPAP] Hôm nay là hạn báo cáo kết quả", worker=worker)
    text = text_of(due_day)
    assert "Tổ chức của bạn cần báo cáo số liệu cho 1 sáng kiến." in text, text
    assert GREEN_SCHOOLS in text, text
    assert ASPPIRE not in text, text
    assert f"{base}/vi/cycles/due/" in text

    # The editor's list says where each initiative stands.
    member.goto(due_link)
    expect(asppire_card).to_contain_text("Đã gửi")
    expect(member.locator(".due-item").filter(has_text=GREEN_SCHOOLS).locator("p.meta")).to_contain_text(
        "Chưa bắt đầu"
    )
    editor_context.close()
