"""An event's public page: agenda, organisers, outcomes, public documents, photos and headcount,
never anyone's contact details or the participant list; the online link by role; drafts hidden."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import AgendaSession, Event, EventDocument, EventOrganiser, Participation
from events.tests.factories import (
    AgendaItemFactory,
    AgendaSessionFactory,
    EventDocumentFactory,
    EventFactory,
    EventOrganiserFactory,
    EventPhotoFactory,
    EventSeriesFactory,
    ParticipationFactory,
)
from initiatives.tests.factories import PillarFactory
from members.models import Organisation, Person
from members.tests.factories import OrganisationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/vi/events/hoi-nghi-ban-tron-lan-5/"


@pytest.fixture
def roundtable():
    """The 5th national roundtable: two days, plenary and parallel sessions, recommendations."""
    event = EventFactory(
        slug="hoi-nghi-ban-tron-lan-5",
        title_vi="Hội nghị bàn tròn quốc gia lần thứ 5 về sản xuất và tiêu dùng bền vững",
        title_en="5th national roundtable on sustainable production and consumption",
        series=EventSeriesFactory(),
        start_date=datetime.date(2007, 5, 26),
        end_date=datetime.date(2007, 5, 27),
        format=Event.Format.OFFLINE,
        venue_vi="Nha Trang",
        province=None,
        summary_vi="Hơn 200 đại biểu, trong đó có hơn 50 doanh nghiệp.",
        objectives_vi="Chia sẻ kinh nghiệm sản xuất sạch hơn.",
        outcomes_vi="Các khuyến nghị được thống nhất về sản xuất và tiêu dùng bền vững.",
        pillars=[PillarFactory(code="policy", name_vi="Chính sách")],
    )
    vncpc = OrganisationFactory(slug="vncpc", acronym="VNCPC", name_vi="Trung tâm Sản xuất sạch Việt Nam")
    moit = OrganisationFactory(slug="moit", acronym="MOIT", name_vi="Bộ Công Thương")
    hidden = OrganisationFactory(
        slug="an", acronym="ANDANH", name_vi="Nhà tài trợ ẩn danh", is_published=False
    )
    EventOrganiserFactory(event=event, organisation=moit, role=EventOrganiser.Role.HOST)
    EventOrganiserFactory(event=event, organisation=vncpc, role=EventOrganiser.Role.CO_HOST, order=1)
    EventOrganiserFactory(event=event, organisation=hidden, role=EventOrganiser.Role.FUNDER, order=2)
    plenary = AgendaSessionFactory(
        event=event,
        title_vi="Phiên toàn thể",
        date=datetime.date(2007, 5, 26),
        start_time=datetime.time(8, 30),
        end_time=datetime.time(11, 30),
        order=1,
    )
    parallel = AgendaSessionFactory(
        event=event,
        title_vi="Hội thảo nhánh 1: Sản xuất sạch hơn",
        kind=AgendaSession.Kind.PARALLEL,
        date=datetime.date(2007, 5, 27),
        room="Phòng B",
        order=2,
    )
    slides = EventDocumentFactory(
        event=event, title="Bài trình bày của Bộ Công Thương", kind=EventDocument.Kind.SLIDES
    )
    private_slides = EventDocumentFactory(event=event, title="Bản nháp nội bộ", is_public=False)
    AgendaItemFactory(
        event=event,
        session=plenary,
        title_vi="Chính sách sản xuất và tiêu dùng bền vững",
        start_time=datetime.time(8, 45),
        end_time=datetime.time(9, 15),
        presenter=PersonFactory(full_name="Trần Văn Công", public_consent=True, email="cong@moit.test"),
        presenter_organisation=moit,
        document=slides,
    )
    AgendaItemFactory(
        event=event,
        session=parallel,
        title_vi="Kinh nghiệm doanh nghiệp",
        presenter=PersonFactory(full_name="Phạm Thị Riêng", public_consent=False),
        presenter_organisation=hidden,
        document=private_slides,
    )
    EventDocumentFactory(event=event, title="Khuyến nghị của hội nghị", kind=EventDocument.Kind.REPORT)
    return event


def test_the_page_shows_the_agenda_organisers_and_outcomes(client, roundtable):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hội nghị bàn tròn quốc gia lần thứ 5" in html
    assert '26/05/2007</time> – <time datetime="2007-05-27">27/05/2007' in html
    assert "Nha Trang" in html and "Hơn 200 đại biểu" in html
    assert "Chia sẻ kinh nghiệm sản xuất sạch hơn." in html
    assert "Các khuyến nghị được thống nhất" in html
    assert 'href="/vi/pillars/policy/"' in html
    # Organisers with their roles, linked; an unpublished one is not named.
    assert 'href="/vi/members/moit/">Bộ Công Thương</a> (MOIT)' in html
    assert 'href="/vi/members/vncpc/">' in html
    assert "Nhà tài trợ ẩn danh" not in html and "ANDANH" not in html
    # Sessions in order, with times, rooms and items.
    assert html.index("Phiên toàn thể") < html.index("Hội thảo nhánh 1: Sản xuất sạch hơn")
    assert "08:30–11:30" in html and "08:45–09:15" in html and "Phòng B" in html
    assert "Chính sách sản xuất và tiêu dùng bền vững" in html and "Kinh nghiệm doanh nghiệp" in html
    # A presenter is named only with consent, and never with contact details.
    assert "Trần Văn Công" in html and "cong@moit.test" not in html
    assert "Phạm Thị Riêng" not in html


def test_the_page_lists_public_documents_only(client, roundtable):
    html = client.get(URL).content.decode()
    assert "Khuyến nghị của hội nghị" in html
    assert "Bài trình bày của Bộ Công Thương" in html
    assert "Bản nháp nội bộ" not in html


def test_the_gallery_links_thumbnails_to_photos_with_captions_credits_and_alt_text(client, roundtable):
    photo = EventPhotoFactory(event=roundtable)
    EventPhotoFactory(event=roundtable, caption_vi="", caption_en="", credit="")
    html = client.get(URL).content.decode()
    assert (
        f'<a href="{photo.image.url}"><img src="{photo.image.url}" alt="Các đại biểu thảo luận nhóm"' in html
    )
    assert "Ban thư ký NPAP" in html
    english = client.get("/en/events/hoi-nghi-ban-tron-lan-5/").content.decode()
    assert 'alt="Photo 2 of 5th national roundtable on sustainable production and consumption"' in english
    assert "Photo: Ban thư ký NPAP" in english


def test_the_headcount_comes_from_attendance_by_gender_mode_and_kind(client, roundtable):
    business = OrganisationFactory(kind=Organisation.Kind.BUSINESS)
    for gender, mode in [
        (Person.Gender.FEMALE, Participation.Mode.IN_PERSON),
        (Person.Gender.FEMALE, Participation.Mode.ONLINE),
        (Person.Gender.MALE, Participation.Mode.IN_PERSON),
        (Person.Gender.UNDISCLOSED, Participation.Mode.IN_PERSON),
    ]:
        ParticipationFactory(
            event=roundtable,
            person__gender=gender,
            person__full_name=f"Đại biểu {gender} {mode}",
            mode=mode,
            organisation=business,
        )
    ParticipationFactory(event=roundtable, status=Participation.Status.NO_SHOW)
    response = client.get("/en/events/hoi-nghi-ban-tron-lan-5/")
    headcount = response.context["headcount"]
    assert (headcount.total, headcount.women, headcount.men, headcount.other) == (4, 2, 1, 1)
    assert (headcount.in_person, headcount.online) == (3, 1)
    html = response.content.decode()
    assert '<dt>Women</dt><dd>2 <span class="meta">(50%)</span></dd>' in html
    assert "<dt>Online</dt><dd>1</dd>" in html
    assert '<th scope="row">Business</th><td class="number">4</td>' in html
    assert "Counted from the attendance records." in html


def test_the_headcount_can_be_typed_in(client, roundtable):
    Event.objects.filter(pk=roundtable.pk).update(
        headcount_total=1500, headcount_women=800, headcount_men=650, headcount_other=50
    )
    html = client.get(URL).content.decode()
    assert "<dd>1.500</dd>" in html and "<dd>800 <span" in html and "<dd>650</dd>" in html
    english = client.get("/en/events/hoi-nghi-ban-tron-lan-5/").content.decode()
    assert "<dd>1,500</dd>" in english and "As reported by the organisers." in english


def test_participants_contact_details_and_names_are_never_shown(client, roundtable):
    for index in range(3):
        ParticipationFactory(
            event=roundtable,
            person__full_name=f"Lê Thị Tham Dự {index}",
            person__email=f"thamdu{index}@example.test",
            person__phone=f"+84 98 765 43{index:02d}",
            organisation_name="Viết tay trên phiếu",
        )
    html = client.get(URL).content.decode()
    assert "Lê Thị Tham Dự" not in html
    assert "@example.test" not in html and "+84 98 765" not in html
    assert "Viết tay trên phiếu" not in html


@pytest.mark.parametrize(
    ("visibility", "anonymous", "member", "staff"),
    [
        (Event.LinkVisibility.PUBLIC, True, True, True),
        (Event.LinkVisibility.SIGNED_IN, False, True, True),
        (Event.LinkVisibility.STAFF, False, False, True),
    ],
)
def test_the_online_link_shows_by_role(client, roundtable, coordinator, visibility, anonymous, member, staff):
    link = "https://meet.example.test/npap-ban-tron"
    Event.objects.filter(pk=roundtable.pk).update(
        format=Event.Format.HYBRID, online_link=link, online_link_visibility=visibility
    )
    assert (link in client.get(URL).content.decode()) is anonymous
    client.force_login(UserFactory())
    assert (link in client.get(URL).content.decode()) is member
    client.force_login(coordinator)
    assert (link in client.get(URL).content.decode()) is staff


def test_an_anonymous_visitor_is_invited_to_sign_in_for_a_members_link(client, roundtable):
    Event.objects.filter(pk=roundtable.pk).update(
        format=Event.Format.ONLINE,
        online_link="https://meet.example.test/x",
        online_link_visibility=Event.LinkVisibility.SIGNED_IN,
    )
    html = client.get("/en/events/hoi-nghi-ban-tron-lan-5/").content.decode()
    assert "/en/accounts/login/?next=/en/events/hoi-nghi-ban-tron-lan-5/" in html


def test_an_unpublished_event_is_not_found_anywhere_public(client, roundtable, coordinator):
    Event.objects.filter(pk=roundtable.pk).update(is_published=False)
    assert client.get(URL).status_code == 404
    assert client.get("/vi/events/hoi-nghi-ban-tron-lan-5.ics").status_code == 404
    assert client.get("/en/events/hoi-nghi-ban-tron-lan-5/").status_code == 404
    # Coordinators see drafts in the admin, not on the public site.
    client.force_login(coordinator)
    assert client.get(URL).status_code == 404


def test_an_unknown_event_is_not_found(client, roundtable):
    assert client.get("/vi/events/khong-co/").status_code == 404


def test_the_page_query_count_does_not_grow_with_the_agenda_photos_and_participants(client, roundtable):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    def grow(n: int) -> None:
        session = AgendaSessionFactory(event=roundtable, title_vi="Phiên thêm")
        for _index in range(n):
            AgendaItemFactory(
                event=roundtable,
                session=session,
                presenter=PersonFactory(public_consent=True),
                presenter_organisation=OrganisationFactory(),
                document=EventDocumentFactory(event=roundtable),
            )
            EventOrganiserFactory(event=roundtable, organisation=OrganisationFactory())
            ParticipationFactory(event=roundtable)
        AgendaItemFactory(event=roundtable, session=None, title_vi="Mục ngoài phiên")
        EventPhotoFactory.create_batch(n, event=roundtable)

    grow(1)
    few = count()
    grow(20)
    assert count() == few
