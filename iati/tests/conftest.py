"""Fixtures of the IATI tests: the official schemas, the files as a client fetches them, and a
network built to fill every part the activities file can hold."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from lxml import etree

from initiatives.models import IndicatorUpdate, Initiative, InitiativePartner, Measure, PeriodTarget, Result
from initiatives.tests.factories import (
    IndicatorFactory,
    IndicatorUpdateFactory,
    InitiativeFactory,
    InitiativePartnerFactory,
    NetworkIndicatorFactory,
    PeriodFactory,
    PillarFactory,
    ResultFactory,
    UpdateDisaggregationFactory,
    sex_values,
)
from members.models import Organisation
from members.tests.factories import OrganisationFactory, ProvinceFactory
from reports.models import PublishedReport, ReportFile, ReportRun
from reports.tests.factories import ReportRunFactory

SCHEMAS = Path(settings.BASE_DIR).parent / "shared" / "reference" / "iati-2.03"
REPORTING_REF = "VN-GOV-NPAP"
PAST = datetime.date(2020, 1, 1)
FUTURE = datetime.date(2099, 12, 31)


def _schema(name: str) -> etree.XMLSchema:
    # Parsed from the folder, so the includes of iati-common.xsd and xml.xsd resolve beside it.
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


@pytest.fixture(scope="session")
def activities_schema() -> etree.XMLSchema:
    return _schema("iati-activities-schema.xsd")


@pytest.fixture(scope="session")
def organisations_schema() -> etree.XMLSchema:
    return _schema("iati-organisations-schema.xsd")


@pytest.fixture(autouse=True)
def reporting_org(settings):
    settings.IATI_REPORTING_ORG = {
        "ref": REPORTING_REF,
        "type": "10",
        "name_vi": "Ban thư ký Chương trình đối tác hành động quốc gia về nhựa",
        "name_en": "National Plastic Action Partnership secretariat",
    }
    settings.PORTAL_BASE_URL = "https://npap.example.vn"
    return settings.IATI_REPORTING_ORG


def publish_report(*, slug: str, kind: str, fmt: str = "pdf", **fields) -> PublishedReport:
    run = ReportRunFactory(kind=kind, status=ReportRun.Status.SUCCEEDED, formats=[fmt])
    report_file = ReportFile(run=run, format=fmt, size=4)
    report_file.file.save(f"run.{fmt}", ContentFile(b"%PDF"), save=True)
    return PublishedReport.objects.create(slug=slug, kind=kind, file=report_file, **fields)


@pytest.fixture
def annual_report(db, settings, tmp_path) -> PublishedReport:
    """A published annual report in the public library, beside reports the file leaves out."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    publish_report(slug="ban-tin-quy", kind=ReportRun.Kind.NEWSLETTER, title="Bản tin quý", year=2024)
    publish_report(
        slug="bao-cao-rut-lai",
        kind=ReportRun.Kind.ANNUAL,
        title="Báo cáo đã rút lại",
        year=2023,
        is_published=False,
    )
    return publish_report(
        slug="bao-cao-thuong-nien-2024",
        kind=ReportRun.Kind.ANNUAL,
        title="Báo cáo tổng hợp thường niên 2024",
        summary="Kết quả của mạng lưới năm 2024.",
        year=2024,
    )


def read_stream(response) -> bytes:
    assert response.status_code == 200
    assert response.streaming
    return b"".join(response.streaming_content)


@pytest.fixture
def fetch_activities(client):
    """``fetch_activities()``: the activities file as the parsed root element."""

    def fetch() -> etree._Element:
        return etree.fromstring(read_stream(client.get("/iati/activities.xml")))

    return fetch


def activity_of(root: etree._Element, initiative: Initiative) -> etree._Element:
    """The activity whose web page is the initiative's."""
    found = root.xpath("iati-activity[document-link[contains(@url, $slug)]]", slug=f"/{initiative.slug}/")
    assert len(found) == 1, initiative.slug
    return found[0]


@dataclass
class Network:
    full: Initiative
    planned: Initiative
    completed: Initiative
    cancelled: Initiative
    undated: Initiative
    unpublished: Initiative
    private_organisation: Organisation
    lead: Organisation
    funder: Organisation
    quantity: Result
    cumulative: Result
    percentage: Result
    qualitative: Result


def _update(period, *, on, status=IndicatorUpdate.Status.APPROVED, sex=None, **values):
    update = IndicatorUpdateFactory(period=period, reported_on=on, status=status, **values)
    for value, amount in (sex or {}).items():
        UpdateDisaggregationFactory(update=update, dimension_value=value, value=Decimal(amount))
    return update


@pytest.fixture
def network(db) -> Network:
    """Every branch of the activities file: partners of each role with and without an IATI
    identifier, one unpublished; provinces current and former; pillars with and without a DAC
    code, one unpublished; statuses planned, ongoing, completed and cancelled; a programme and
    its initiatives; quantity, cumulative, percentage and qualitative indicators with baselines,
    targets and actuals split by sex, periods without actuals, and updates not approved."""
    sex = sex_values()
    ha_noi = ProvinceFactory(code="ha-noi", name_vi="Hà Nội", name_en="Hanoi")
    da_nang = ProvinceFactory(code="da-nang", name_vi="Đà Nẵng", name_en="Da Nang")
    quang_nam = ProvinceFactory(code="quang-nam", name_vi="Quảng Nam", name_en="Quang Nam", successor=da_nang)
    innovation = PillarFactory(
        code="innovation", name_vi="Đổi mới sáng tạo", name_en="Innovation", dac_sector=""
    )
    policy = PillarFactory(code="policy", name_vi="Chính sách", name_en="Policy", dac_sector="41010")
    awareness = PillarFactory(
        code="awareness", name_vi="Nâng cao nhận thức", name_en="Awareness-raising", dac_sector="41081"
    )
    hidden_pillar = PillarFactory(code="hidden", name_vi="Trụ cột ẩn", is_published=False, dac_sector="99810")

    def organisation(slug: str, kind: str, identifier: str = "", **extra) -> Organisation:
        return OrganisationFactory(slug=slug, kind=kind, iati_identifier=identifier, province=ha_noi, **extra)

    lead_without = organisation(
        "cecr", Organisation.Kind.NGO, name_vi="Trung tâm Nghiên cứu Môi trường và Cộng đồng"
    )
    lead = organisation("greenhub", Organisation.Kind.RESEARCH, "VN-MST-0101234567")
    funder = organisation("quy-vi-tam-voc-viet", Organisation.Kind.FOUNDATION, "GB-CHC-202918")
    funder_without = organisation("iucn", Organisation.Kind.INTERNATIONAL)
    implementer = organisation("keep-hanoi-clean", Organisation.Kind.COMMUNITY)
    business = organisation("dow-viet-nam", Organisation.Kind.BUSINESS, "XM-DAC-70001")
    alliance = organisation("zero-waste-alliance", Organisation.Kind.ALLIANCE)
    secretariat = organisation("npap", Organisation.Kind.GOVERNMENT, REPORTING_REF)
    private_organisation = organisation(
        "to-chuc-an",
        Organisation.Kind.NGO,
        "XM-DAC-55555",
        name_vi="Tổ chức chưa công bố",
        is_published=False,
    )

    full = InitiativeFactory(
        slug="mo-hinh-day-du",
        title_vi="Mô hình thu gom rác thải nhựa tại Đà Nẵng và Hà Nội",
        title_en="Plastic collection in Da Nang and Hanoi",
        summary_vi="Thu gom rác thải nhựa giá trị thấp; phân loại tại nguồn.\x0b",
        summary_en="Collecting low-value plastic; sorting at source.",
        objectives_vi="Giảm 20% rác thải nhựa.",
        objectives_en="Cut plastic waste by 20%.",
        status=Initiative.Status.ONGOING,
        start=PAST,
        end=FUTURE,
        location_detail="Quận Hoàn Kiếm, sáu phường",
        pillars=[innovation, policy, awareness, hidden_pillar],
        provinces=[ha_noi, da_nang, quang_nam],
    )
    for org, role in [
        (lead_without, InitiativePartner.Role.ACCOUNTABLE),
        (lead, InitiativePartner.Role.ACCOUNTABLE),
        (funder, InitiativePartner.Role.FUNDER),
        (funder_without, InitiativePartner.Role.FUNDER),
        (implementer, InitiativePartner.Role.IMPLEMENTING),
        (business, InitiativePartner.Role.PARTNER),
        (alliance, InitiativePartner.Role.IMPLEMENTING),
        (private_organisation, InitiativePartner.Role.IMPLEMENTING),
    ]:
        InitiativePartnerFactory(initiative=full, organisation=org, role=role)

    # Kilograms collected: summed, split by sex, with a baseline, targets, a later period
    # without actuals and updates that are not approved.
    quantity = ResultFactory(initiative=full, type=Result.Type.OUTPUT, order=1)
    kilograms = IndicatorFactory(
        result=quantity,
        network_indicator=NetworkIndicatorFactory(),
        baseline_year=2019,
        baseline_value=Decimal("0"),
        order=1,
    )
    year = PeriodFactory(
        indicator=kilograms,
        start=datetime.date(2020, 1, 1),
        end=datetime.date(2020, 12, 31),
        target_value=1000,
    )
    PeriodTarget.objects.create(period=year, dimension_value=sex["female"], value=Decimal(600))
    PeriodTarget.objects.create(period=year, dimension_value=sex["male"], value=Decimal(400))
    _update(
        year,
        on=datetime.date(2020, 6, 30),
        value=Decimal(300),
        sex={sex["female"]: 200, sex["male"]: 100},
        narrative="Đợt thu gom đầu tiên ở phường Hàng Đào.",
    )
    _update(
        year,
        on=datetime.date(2020, 12, 31),
        value=Decimal("400.50"),
        sex={sex["female"]: 250, sex["male"]: 150},
    )
    _update(
        year, on=datetime.date(2020, 12, 31), value=Decimal(5000), status=IndicatorUpdate.Status.SUBMITTED
    )
    _update(year, on=datetime.date(2020, 12, 31), value=Decimal(7000), status=IndicatorUpdate.Status.RETURNED)
    PeriodFactory(indicator=kilograms, start=datetime.date(2099, 1, 1), end=FUTURE, target_value=2000)
    ResultFactory(initiative=full, type=Result.Type.OUTPUT, title_vi="Kết quả chưa có chỉ số", order=9)

    # Households sorting at source: running totals, the latest counts.
    cumulative = ResultFactory(
        initiative=full, type=Result.Type.OUTCOME, title_vi="Phân loại rác tại nguồn", title_en="", order=2
    )
    households = IndicatorFactory(
        result=cumulative,
        title_vi="Hộ gia đình phân loại rác tại nguồn",
        title_en="Households sorting at source",
        unit_vi="hộ",
        unit_en="",
        cumulative=True,
        order=1,
    )
    running = PeriodFactory(
        indicator=households, start=datetime.date(2020, 1, 1), end=datetime.date(2020, 12, 31)
    )
    _update(running, on=datetime.date(2020, 6, 30), value=Decimal(9000), sex={sex["female"]: 5000})
    _update(
        running,
        on=datetime.date(2020, 12, 31),
        value=Decimal(12000),
        sex={sex["female"]: 7000, sex["male"]: 5000},
    )

    # Share of households sorting correctly: numerators and denominators add up, then divide.
    percentage = ResultFactory(
        initiative=full,
        type=Result.Type.OUTCOME,
        title_vi="Phân loại đúng",
        title_en="Sorting done right",
        order=3,
    )
    share = IndicatorFactory(
        result=percentage,
        title_vi="Tỷ lệ hộ phân loại sai",
        title_en="Share of households sorting wrongly",
        measure=Measure.PERCENTAGE,
        unit_vi="%",
        unit_en="%",
        ascending=False,
        order=1,
    )
    shared = PeriodFactory(
        indicator=share, start=datetime.date(2020, 1, 1), end=datetime.date(2020, 12, 31), target_value=30
    )
    PeriodTarget.objects.create(period=shared, dimension_value=sex["female"], value=Decimal(10))
    _update(
        shared, on=datetime.date(2020, 3, 31), value=None, numerator=4, denominator=5, sex={sex["female"]: 3}
    )
    _update(shared, on=datetime.date(2020, 9, 30), value=None, numerator=1, denominator=20)

    # A change told in words.
    qualitative = ResultFactory(
        initiative=full,
        type=Result.Type.IMPACT,
        title_vi="Chính sách của quận",
        title_en="The district's policy",
        order=4,
    )
    plan = IndicatorFactory(
        result=qualitative,
        title_vi="Kế hoạch giảm rác nhựa của quận",
        title_en="The district's plastic reduction plan",
        measure=Measure.QUALITATIVE,
        unit_vi="",
        unit_en="",
        baseline_year=2019,
        order=1,
    )
    words = PeriodFactory(indicator=plan, start=datetime.date(2020, 1, 1), end=datetime.date(2020, 12, 31))
    _update(
        words,
        on=datetime.date(2020, 11, 30),
        value=None,
        narrative="Quận đã ban hành kế hoạch giảm rác nhựa.",
    )
    _update(
        words,
        on=datetime.date(2020, 12, 31),
        value=None,
        narrative="Bản nháp nội bộ chưa duyệt.",
        status=IndicatorUpdate.Status.DRAFT,
    )
    PeriodFactory(indicator=plan, start=datetime.date(2099, 1, 1), end=FUTURE)

    planned = InitiativeFactory(
        slug="du-kien",
        title_vi="Sáng kiến dự kiến ở trường học",
        title_en="",
        summary_vi="Chỉ có tiếng Việt.",
        summary_en="",
        status=Initiative.Status.PLANNED,
        start=datetime.date(2099, 1, 1),
        end=FUTURE,
        parent=full,
    )
    InitiativePartnerFactory(initiative=planned, organisation=private_organisation)

    completed = InitiativeFactory(
        slug="da-xong",
        status=Initiative.Status.COMPLETED,
        start=datetime.date(2019, 1, 1),
        end=PAST,
        parent=full,
        provinces=[quang_nam],
        location_detail="Thành phố Hội An",
    )
    InitiativePartnerFactory(initiative=completed, organisation=secretariat)
    InitiativePartnerFactory(initiative=completed, organisation=lead)

    cancelled = InitiativeFactory(
        slug="da-huy",
        status=Initiative.Status.CANCELLED,
        start=PAST,
        end=datetime.date(2021, 12, 31),
        iati_identifier="XM-DAC-70001-VNM-0042",
    )
    InitiativePartnerFactory(initiative=cancelled, organisation=business)

    undated = InitiativeFactory(slug="chua-co-ngay", start=None, end=None, summary_vi="", summary_en="")
    unpublished = InitiativeFactory(
        slug="chua-cong-bo", title_vi="Sáng kiến bí mật chưa công bố", is_published=False, parent=full
    )
    InitiativePartnerFactory(initiative=unpublished, organisation=lead)

    return Network(
        full=full,
        planned=planned,
        completed=completed,
        cancelled=cancelled,
        undated=undated,
        unpublished=unpublished,
        private_organisation=private_organisation,
        lead=lead,
        funder=funder,
        quantity=quantity,
        cumulative=cumulative,
        percentage=percentage,
        qualitative=qualitative,
    )
