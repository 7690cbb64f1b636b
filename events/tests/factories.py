"""factory_boy factories of events and what belongs to them, for the tests of every app."""

import datetime

import factory

from events.models import (
    AgendaItem,
    AgendaSession,
    Event,
    EventDocument,
    EventOrganiser,
    EventSeries,
    EventType,
    Participation,
)
from members.tests.factories import OrganisationFactory, PersonFactory, ProvinceFactory


class EventTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventType
        django_get_or_create = ["code"]

    code = "consultation-workshop"
    name_vi = "Hội thảo tham vấn"
    name_en = "Consultation workshop"


class EventSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSeries
        django_get_or_create = ["slug"]

    slug = "national-roundtable"
    name_vi = "Hội nghị bàn tròn quốc gia về sản xuất và tiêu dùng bền vững"
    name_en = "National roundtable on sustainable production and consumption"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title_vi = factory.Sequence(lambda n: f"Hội thảo tham vấn chiến lược Mạng lưới Hành động Nhựa {n}")
    title_en = factory.Sequence(lambda n: f"Strategy consultation workshop of the Plastic Action Network {n}")
    slug = factory.Sequence(lambda n: f"su-kien-{n}")
    event_type = factory.SubFactory(EventTypeFactory)
    status = Event.Status.HELD
    format = Event.Format.HYBRID
    start_date = datetime.date(2024, 11, 8)
    venue_vi = "Hà Nội"
    province = factory.SubFactory(ProvinceFactory)
    is_published = True

    @factory.post_generation
    def pillars(self, create, extracted, **kwargs):
        if create and extracted:
            self.pillars.set(extracted)


class EventOrganiserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventOrganiser

    event = factory.SubFactory(EventFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = EventOrganiser.Role.HOST


class AgendaSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaSession

    event = factory.SubFactory(EventFactory)
    title_vi = "Phiên toàn thể"
    title_en = "Plenary session"
    kind = AgendaSession.Kind.PLENARY


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    event = factory.SubFactory(EventFactory)
    title_vi = "Tầm nhìn, giá trị cốt lõi và sứ mệnh của Mạng lưới"
    title_en = "The network's vision, values and mission"


class EventDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventDocument

    event = factory.SubFactory(EventFactory)
    title = "Chương trình hội thảo"
    kind = EventDocument.Kind.AGENDA
    url = "https://npap.example.vn/tai-lieu/chuong-trinh.pdf"


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = Participation.Status.ATTENDED


class EventPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.EventPhoto"

    event = factory.SubFactory(EventFactory)
    image = factory.django.ImageField(filename="anh.jpg", width=64, height=48, format="JPEG")
    caption_vi = "Các đại biểu thảo luận nhóm"
    caption_en = "Delegates in group discussion"
    credit = "Ban thư ký NPAP"
