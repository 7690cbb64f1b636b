"""The printable attendance sheet: Vietnamese names in a PDF, blank lines, staff only."""

import io

import pytest
from pypdf import PdfReader

from events.attendance_sheet import BLANK_ROWS, attendance_sheet_pdf
from events.models import Participation
from events.tests.factories import EventFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

TITLE = "Hội thảo tham vấn chiến lược Mạng lưới Hành động Nhựa và Sức khỏe"


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def event():
    event = EventFactory(title_vi=TITLE, venue_vi="Khách sạn Hà Nội Daewoo, 360 Kim Mã")
    ParticipationFactory(
        event=event,
        person__full_name="Nguyễn Thị Hồng Nhung",
        person__position="Điều phối dự án",
        organisation__name_vi="Trung tâm Hỗ trợ Phát triển Xanh",
        status=Participation.Status.REGISTERED,
    )
    ParticipationFactory(
        event=event,
        person__full_name="Trần Văn Minh",
        organisation=None,
        organisation_name="Viện Kinh tế và Quy hoạch thủy sản",
        status=Participation.Status.INVITED,
    )
    ParticipationFactory(event=event, person__full_name="Đỗ Quang Huy", status=Participation.Status.NO_SHOW)
    return event


def test_the_sheet_lists_invited_and_registered_people_in_vietnamese(client, coordinator, event):
    client.force_login(coordinator)
    response = client.get(f"/vi/admin/events/event/{event.pk}/attendance-sheet/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for expected in [
        TITLE,
        "08/11/2024",
        "Khách sạn Hà Nội Daewoo, 360 Kim Mã",
        "Nguyễn Thị Hồng Nhung",
        "Trung tâm Hỗ trợ Phát triển Xanh",
        "Điều phối dự án",
        "Trần Văn Minh",
        "Viện Kinh tế và Quy hoạch thủy sản",
    ]:
        assert expected in text, expected
    assert "Đỗ Quang Huy" not in text


def test_the_sheet_has_numbered_blank_lines_after_the_people_known(event):
    text = pdf_text(attendance_sheet_pdf(events=[event], blank_rows=BLANK_ROWS))
    numbers = [
        int(line.split()[0]) for line in text.splitlines() if line.split() and line.split()[0].isdigit()
    ]
    assert max(numbers) == 2 + BLANK_ROWS
    fewer = pdf_text(attendance_sheet_pdf(events=[event], blank_rows=3))
    assert "5" in fewer.split() and "6" not in fewer.split()


def test_the_sheet_is_for_coordinators_only(client, editor_of, event):
    from members.tests.factories import OrganisationFactory

    url = f"/vi/admin/events/event/{event.pk}/attendance-sheet/"
    assert client.get(url)["Location"].startswith("/vi/admin/login/")
    client.force_login(editor_of(OrganisationFactory()))
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/vi/admin/login/")


def test_staff_find_the_attendance_sheet_on_the_event_page_and_visitors_do_not(client, coordinator):
    from events.tests.factories import EventFactory

    event = EventFactory(status="planned")
    sheet_url = f"/vi/admin/events/event/{event.pk}/attendance-sheet/"
    assert sheet_url not in client.get(event.get_absolute_url()).content.decode()
    client.force_login(coordinator)
    assert sheet_url in client.get(event.get_absolute_url()).content.decode()
    response = client.get(sheet_url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
