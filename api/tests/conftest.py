"""A small network for the API's tests, built from the apps' factories: published rows beside
unpublished ones, and private details (contact details, evidence, a document that is not public,
figures waiting for approval) that no answer may show."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from events.models import Event, EventDocument
from events.tests.factories import (
    EventDocumentFactory,
    EventFactory,
    EventOrganiserFactory,
    EventTypeFactory,
    ParticipationFactory,
)
from initiatives.models import IndicatorUpdate, InitiativePartner, UpdateEvidence
from initiatives.tests.factories import (
    IndicatorFactory,
    IndicatorUpdateFactory,
    InitiativeFactory,
    InitiativePartnerFactory,
    NetworkIndicatorFactory,
    PeriodFactory,
    PillarFactory,
    UpdateDisaggregationFactory,
    sex_values,
)
from members.models import Membership
from members.tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    PillarParticipationFactory,
    ProvinceFactory,
)
from reports.models import PublishedReport, ReportFile, ReportRun
from reports.tests.factories import ReportRunFactory
from vocabulary.models import TechnicalGroup

# Written on private rows only: an answer holding any of these has leaked something.
SECRETS = [
    "lan.private@greenhub.test",
    "+84 91 555 0101",
    "Bản nháp chưa duyệt",
    "Ghi chú của người duyệt",
    "bien-ban-noi-bo",
    "bang-chung",
    "chua-cong-bo",
    "https://meet.example.vn/rieng",
    "nguoi.nop@greenhub.test",
    "nguoi.cong.bo@npap.test",
]


@dataclass
class Portal:
    hanoi: object
    danang: object
    quangnam: object
    pillar: object
    hidden_pillar: object
    greenhub: object
    cecr: object
    hidden_org: object
    workshop: object
    upcoming: object
    hidden_event: object
    initiative: object
    hidden_initiative: object
    indicator: object
    period: object
    network_indicator: object
    report: object
    hidden_report: object
    values: dict


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def account(email: str):
    # No password: hashing one would take most of the time these tests spend building data.
    return get_user_model().objects.create(username=email, email=email)


def build_portal() -> Portal:
    hanoi = ProvinceFactory()
    danang = ProvinceFactory(code="da-nang", name_vi="Đà Nẵng", name_en="Da Nang")
    # Merged into Đà Nẵng on 1 July 2025: its older records count there.
    quangnam = ProvinceFactory(code="quang-nam", name_vi="Quảng Nam", name_en="Quang Nam", successor=danang)
    pillar = PillarFactory(
        code="gender-inclusion", name_vi="Giới và hòa nhập", name_en="Gender and inclusion"
    )
    hidden_pillar = PillarFactory(code="chua-cong-bo", name_vi="Trụ cột chưa công bố", is_published=False)

    greenhub = OrganisationFactory(
        slug="greenhub",
        name_vi="Trung tâm Hỗ trợ Phát triển Xanh",
        name_en="Green Development Support Centre",
        acronym="GreenHub",
        province=danang,
    )
    cecr = OrganisationFactory(
        slug="cecr",
        name_vi="Trung tâm Nghiên cứu Môi trường và Cộng đồng",
        name_en="Centre for Environment and Community Research",
        acronym="CECR",
        kind="research",
        province=quangnam,
    )
    hidden_org = OrganisationFactory(
        slug="chua-cong-bo-org", name_vi="Tổ chức chưa công bố", acronym="HIDDEN", is_published=False
    )
    greenhub.parent = hidden_org
    greenhub.save()
    MembershipFactory(organisation=greenhub, start=datetime.date(2023, 1, 1))
    MembershipFactory(
        organisation=cecr,
        status=Membership.Status.LAPSED,
        start=datetime.date(2020, 1, 1),
        end=datetime.date(2021, 1, 1),
    )
    PillarParticipationFactory(organisation=greenhub, pillar=pillar)
    PillarParticipationFactory(organisation=greenhub, pillar=hidden_pillar)
    AffiliationFactory(
        organisation=greenhub,
        person__full_name="Nguyễn Thị Lan",
        person__public_consent=True,
        person__email="lan.private@greenhub.test",
        person__phone="+84 91 555 0101",
    )
    AffiliationFactory(organisation=greenhub, person__full_name="Trần Văn Kín", person__public_consent=False)
    TechnicalGroup.objects.create(pillar=pillar, name_vi="Nhóm kỹ thuật giới", lead_organisation=hidden_org)
    TechnicalGroup.objects.create(pillar=pillar, name_vi="Nhóm truyền thông", lead_organisation=greenhub)

    workshop_type = EventTypeFactory()
    training = EventTypeFactory(code="training", name_vi="Tập huấn", name_en="Training")
    workshop = EventFactory(
        slug="hoi-thao-nhua-da-nang",
        title_vi="Hội thảo giảm thiểu rác thải nhựa tại Đà Nẵng",
        title_en="Workshop on reducing plastic waste in Da Nang",
        venue_vi="Đà Nẵng",
        province=quangnam,
        event_type=workshop_type,
        start_date=datetime.date(2024, 11, 8),
        format=Event.Format.HYBRID,
        online_link="https://meet.example.vn/rieng",
        online_link_visibility=Event.LinkVisibility.SIGNED_IN,
        headcount_total=40,
        headcount_women=25,
        headcount_men=15,
        pillars=[pillar, hidden_pillar],
    )
    EventOrganiserFactory(event=workshop, organisation=greenhub)
    EventOrganiserFactory(event=workshop, organisation=hidden_org, role="co_host")
    EventDocumentFactory(event=workshop, title="Chương trình hội thảo")
    EventDocumentFactory(
        event=workshop,
        title="Biên bản nội bộ",
        kind=EventDocument.Kind.MINUTES,
        url="https://npap.example.vn/bien-ban-noi-bo.pdf",
        is_public=False,
    )
    ParticipationFactory(event=workshop, organisation=greenhub, person__email="lan.private@greenhub.test")
    upcoming = EventFactory(
        slug="tap-huan-sap-toi",
        title_vi="Tập huấn phân loại rác tại nguồn",
        title_en="Training on sorting waste at source",
        event_type=training,
        status=Event.Status.PLANNED,
        format=Event.Format.ONLINE,
        start_date=timezone.localdate() + datetime.timedelta(days=30),
        province=hanoi,
        online_link="https://meet.example.vn/cong-khai",
        online_link_visibility=Event.LinkVisibility.PUBLIC,
    )
    EventOrganiserFactory(event=upcoming, organisation=cecr)
    hidden_event = EventFactory(
        slug="su-kien-chua-cong-bo", title_vi="Sự kiện chưa công bố", is_published=False
    )

    values = sex_values()
    kg = NetworkIndicatorFactory()
    initiative = InitiativeFactory(
        slug="asppire",
        title_vi="Tăng cường vai trò của phụ nữ trong giảm thiểu rác thải nhựa",
        title_en="Women's role in reducing plastic pollution",
        acronym="ASPPIRe",
        pillars=[pillar, hidden_pillar],
        provinces=[quangnam, danang],
    )
    InitiativePartnerFactory(initiative=initiative, organisation=cecr)
    InitiativePartnerFactory(
        initiative=initiative,
        organisation=greenhub,
        role=InitiativePartner.Role.FUNDER,
        funding_amount=Decimal("1500000"),
    )
    InitiativePartnerFactory(
        initiative=initiative, organisation=hidden_org, role=InitiativePartner.Role.PARTNER
    )
    hidden_initiative = InitiativeFactory(
        slug="sang-kien-chua-cong-bo", title_vi="Sáng kiến chưa công bố", is_published=False, pillars=[pillar]
    )
    indicator = IndicatorFactory(
        result__initiative=initiative, network_indicator=kg, target_value=Decimal("40000")
    )
    period = PeriodFactory(indicator=indicator, target_value=Decimal("30000"))
    period.disaggregation_targets.create(dimension_value=values["female"], value=Decimal("20000"))
    approved = IndicatorUpdateFactory(
        period=period,
        value=Decimal("35000"),
        narrative="Thu gom 35.000 kg rác thải nhựa giá trị thấp.",
        review_note="Ghi chú của người duyệt",
        submitted_by=account("nguoi.nop@greenhub.test"),
    )
    UpdateDisaggregationFactory(update=approved, dimension_value=values["female"], value=Decimal("21000"))
    UpdateEvidence.objects.create(
        update=approved, file=ContentFile(b"%PDF-1.4", name="bang-chung.pdf"), original_name="bang-chung.pdf"
    )
    IndicatorUpdateFactory(
        period=period,
        value=Decimal("9999"),
        status=IndicatorUpdate.Status.SUBMITTED,
        narrative="Bản nháp chưa duyệt",
    )
    hidden_indicator = IndicatorFactory(result__initiative=hidden_initiative, network_indicator=kg)
    IndicatorUpdateFactory(period=PeriodFactory(indicator=hidden_indicator), value=Decimal("777"))

    run = ReportRunFactory(status=ReportRun.Status.SUCCEEDED, formats=["pdf"])
    report_file = ReportFile(run=run, format="pdf", size=8)
    report_file.file.save("annual.pdf", ContentFile(b"%PDF-1.4"), save=True)
    report = PublishedReport.objects.create(
        slug="bao-cao-thuong-nien-2022",
        title="Báo cáo thường niên 2022",
        kind=ReportRun.Kind.ANNUAL,
        year=2022,
        pillar=hidden_pillar,
        file=report_file,
        published_by=account("nguoi.cong.bo@npap.test"),
    )
    hidden_report = PublishedReport.objects.create(
        slug="bao-cao-chua-cong-bo",
        title="Báo cáo chưa công bố",
        kind=ReportRun.Kind.PILLAR,
        year=2023,
        file=report_file,
        is_published=False,
    )
    return Portal(
        hanoi=hanoi,
        danang=danang,
        quangnam=quangnam,
        pillar=pillar,
        hidden_pillar=hidden_pillar,
        greenhub=greenhub,
        cecr=cecr,
        hidden_org=hidden_org,
        workshop=workshop,
        upcoming=upcoming,
        hidden_event=hidden_event,
        initiative=initiative,
        hidden_initiative=hidden_initiative,
        indicator=indicator,
        period=period,
        network_indicator=kg,
        report=report,
        hidden_report=hidden_report,
        values=values,
    )


@pytest.fixture
def portal(db) -> Portal:
    return build_portal()


@pytest.fixture
def get_json(client):
    """``get_json(url, **params)``: the JSON of a 200 answer."""

    def get(url: str, **params) -> dict:
        response = client.get(url, params)
        assert response.status_code == 200, (url, response.status_code, response.content[:500])
        return response.json()

    return get


@pytest.fixture
def listed(get_json):
    """``listed(url, **params)``: the slugs (or ``key``) of every row of a list, following its
    next links to the end."""

    def collect(url: str, key: str = "slug", **params) -> list[str]:
        rows, answer = [], get_json(url, **params)
        rows += [row[key] for row in answer["results"]]
        while answer["next"]:
            answer = get_json(answer["next"])
            rows += [row[key] for row in answer["results"]]
        return rows

    return collect
