"""Every public page asks the database the same number of questions with 5 rows of everything
and with 500: a page that grows a query per row would fall over at national scale.

The data grows in every direction a page can list: organisations, events with organisers,
pillars and participants, initiatives with partners, results, indicators, periods and approved
updates, and published reports; the detail pages' own object gains as many related rows.
Cached pages are cleared before each count, so the counts are those of building the page.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from events.models import Event, EventOrganiser, Participation
from events.tests.factories import EventFactory, EventTypeFactory
from initiatives.figures import year_figures_rebuild
from initiatives.models import (
    Indicator,
    IndicatorUpdate,
    Initiative,
    InitiativePartner,
    Period,
    Result,
    UpdateDisaggregation,
)
from initiatives.tests.factories import NetworkIndicatorFactory, PillarFactory, sex_values
from members.models import Membership, Organisation, Person, PillarParticipation
from members.tests.factories import MembershipTypeFactory, ProvinceFactory
from reports.models import PublishedReport, ReportFile, ReportRun

pytestmark = pytest.mark.django_db

PAGES = [
    "/vi/",
    "/en/",
    "/vi/members/",
    "/vi/members/?q=trung+tam&kind=ngo&province=ha-noi&pillar=innovation&status=active&page=2",
    "/vi/members/{organisation}/",
    "/vi/events/",
    "/vi/events/?when=past&year=2024&type=workshop&pillar=innovation&province=ha-noi&format=hybrid&page=2",
    "/vi/events/?q=hoi+thao&organiser={organisation}",
    "/vi/events/calendar/2024/11/",
    "/vi/events/{event}/",
    "/vi/events/{event}.ics",
    "/vi/events/feed.ics",
    "/vi/events/feed/innovation.ics",
    "/vi/initiatives/",
    "/vi/initiatives/?pillar=innovation&province=ha-noi&status=ongoing&year=2023&q=nhua&page=2",
    "/vi/initiatives/{initiative}/",
    "/vi/initiatives/results/",
    "/vi/initiatives/results/?province=ha-noi&pillar=innovation",
    "/vi/pillars/",
    "/vi/pillars/innovation/",
    "/vi/reports/",
    "/vi/reports/?kind=annual&year=2024",
    "/vi/reports/{report}/",
    "/sitemap.xml",
    "/sitemap-organisations.xml",
    "/sitemap-events.xml",
    "/sitemap-initiatives.xml",
    "/sitemap-reports.xml",
]


@pytest.fixture
def network(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    hanoi = ProvinceFactory()
    pillar = PillarFactory(code="innovation", name_vi="Đổi mới sáng tạo", name_en="Innovation")
    event_type = EventTypeFactory(code="workshop")
    membership_type = MembershipTypeFactory()
    kg = NetworkIndicatorFactory()
    women = sex_values()["female"]
    organisation = Organisation.objects.create(
        name="Trung tâm Nghiên cứu Môi trường và Cộng đồng", slug="cecr", kind="ngo", is_published=True
    )
    event = EventFactory(event_type=event_type, province=hanoi, pillars=[pillar])
    initiative = Initiative.objects.create(
        title="Mô hình kinh tế tuần hoàn cho rác thải nhựa", slug="kinh-te-tuan-hoan", is_published=True
    )
    initiative.pillars.add(pillar)
    run = ReportRun.objects.create(
        kind=ReportRun.Kind.ANNUAL,
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 12, 31),
        formats=["pdf"],
        status=ReportRun.Status.SUCCEEDED,
    )
    report_file = ReportFile(run=run, format="pdf", size=8)
    report_file.file.save("annual.pdf", ContentFile(b"%PDF-1.4"), save=True)
    report = PublishedReport.objects.create(
        slug="bao-cao-thuong-nien-2024",
        title="Báo cáo thường niên 2024",
        kind="annual",
        year=2024,
        file=report_file,
    )
    return {
        "hanoi": hanoi,
        "pillar": pillar,
        "event_type": event_type,
        "membership_type": membership_type,
        "kg": kg,
        "women": women,
        "organisation": organisation,
        "event": event,
        "initiative": initiative,
        "report": report,
        "report_file": report_file,
        "grown": 0,
    }


def grow(network: dict, count: int) -> None:
    """``count`` more of everything, each tied to the pages' own organisation, event,
    initiative and pillar so their detail pages grow too."""
    start = network["grown"]
    network["grown"] += count
    numbers = range(start, start + count)
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Trung tâm Tái chế Nhựa {n}",
            slug=f"trung-tam-{n}",
            kind="ngo",
            province=network["hanoi"],
            is_published=True,
        )
        for n in numbers
    )
    PillarParticipation.objects.bulk_create(
        PillarParticipation(organisation=o, pillar=network["pillar"]) for o in organisations
    )
    Membership.objects.bulk_create(
        Membership(
            organisation=o, membership_type=network["membership_type"], start=datetime.date(2023, 1, 1)
        )
        for o in organisations
    )
    events = Event.objects.bulk_create(
        Event(
            title=f"Hội thảo tham vấn về rác thải nhựa {n}",
            slug=f"hoi-thao-{n}",
            event_type=network["event_type"],
            format=Event.Format.HYBRID,
            start_date=datetime.date(2024, 11, 1 + n % 28),
            province=network["hanoi"],
            headcount_total=40,
            headcount_women=25,
            is_published=True,
        )
        for n in numbers
    )
    EventOrganiser.objects.bulk_create(
        EventOrganiser(event=e, organisation=o) for e, o in zip(events, organisations, strict=True)
    )
    EventOrganiser.objects.bulk_create(
        EventOrganiser(event=e, organisation=network["organisation"], role="co_host") for e in events
    )
    Event.pillars.through.objects.bulk_create(
        Event.pillars.through(event=e, pillar=network["pillar"]) for e in events
    )
    people = Person.objects.bulk_create(
        Person(full_name=f"Nguyễn Thị Hoa {n}", gender="female", email=f"hoa{n}@npap.test") for n in numbers
    )
    Participation.objects.bulk_create(
        Participation(event=network["event"], person=p, organisation=o)
        for p, o in zip(people, organisations, strict=True)
    )
    initiatives = Initiative.objects.bulk_create(
        Initiative(
            title=f"Mô hình thu gom rác thải nhựa {n}",
            slug=f"thu-gom-{n}",
            start=datetime.date(2022, 1, 1),
            end=datetime.date(2024, 12, 31),
            is_published=True,
        )
        for n in numbers
    )
    Initiative.pillars.through.objects.bulk_create(
        Initiative.pillars.through(initiative=i, pillar=network["pillar"]) for i in initiatives
    )
    Initiative.provinces.through.objects.bulk_create(
        Initiative.provinces.through(initiative=i, province=network["hanoi"]) for i in initiatives
    )
    InitiativePartner.objects.bulk_create(
        InitiativePartner(initiative=i, organisation=o, role=InitiativePartner.Role.ACCOUNTABLE)
        for i, o in zip(initiatives, organisations, strict=True)
    )
    InitiativePartner.objects.bulk_create(
        InitiativePartner(initiative=i, organisation=network["organisation"]) for i in initiatives
    )
    # Results of the other initiatives, and as many again on the page's own initiative.
    results = Result.objects.bulk_create(
        Result(initiative=owner, title=f"Rác thải nhựa được thu gom {n}")
        for n, i in zip(numbers, initiatives, strict=True)
        for owner in (i, network["initiative"])
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(result=r, title="Khối lượng thu gom", unit="kg", network_indicator=network["kg"])
        for r in results
    )
    periods = Period.objects.bulk_create(
        Period(
            indicator=i, start=datetime.date(2024, 1, 1), end=datetime.date(2024, 12, 31), target_value=100
        )
        for i in indicators
    )
    updates = IndicatorUpdate.objects.bulk_create(
        IndicatorUpdate(
            period=p,
            reported_on=datetime.date(2024, 6, 30),
            value=Decimal(35),
            status=IndicatorUpdate.Status.APPROVED,
        )
        for p in periods
    )
    UpdateDisaggregation.objects.bulk_create(
        UpdateDisaggregation(update=u, dimension_value=network["women"], value=Decimal(20)) for u in updates
    )
    # Written past the approval service: the network's kept figures are filled as a bulk load does.
    year_figures_rebuild()
    PublishedReport.objects.bulk_create(
        PublishedReport(
            slug=f"bao-cao-{n}",
            title=f"Bản tin quý {n}",
            kind="newsletter",
            year=2024,
            file=network["report_file"],
        )
        for n in numbers
    )


def test_every_public_page_does_the_same_queries_with_5_rows_and_with_500(client, network, page_queries):
    urls = [
        url.format(
            organisation=network["organisation"].slug,
            event=network["event"].slug,
            initiative=network["initiative"].slug,
            report=network["report"].slug,
        )
        for url in PAGES
    ]
    grow(network, 5)
    few = {url: page_queries(client, url) for url in urls}
    grow(network, 495)
    assert Event.objects.count() > 500 and IndicatorUpdate.objects.count() >= 1000
    many = {url: page_queries(client, url) for url in urls}
    assert many == few
