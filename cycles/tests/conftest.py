"""A small network in the middle of a reporting cycle: CECR reports three initiatives, one of
them with another partner, and an editor of each organisation."""

import datetime

import pytest

from cycles import services
from initiatives.models import InitiativePartner
from initiatives.tests.factories import (
    IndicatorFactory,
    InitiativeFactory,
    InitiativePartnerFactory,
    ResultFactory,
    sex_values,
)
from members.tests.factories import EditorRequestFactory, OrganisationFactory, UserFactory

from .factories import ReportingCycleFactory

OPENED_ON = datetime.date(2026, 12, 1)


def initiative_with_indicators(title: str, slug: str, *indicators: str, partners=()):
    initiative = InitiativeFactory(
        title_vi=title, slug=slug, start=datetime.date(2021, 1, 1), end=datetime.date(2027, 12, 31)
    )
    result = ResultFactory(initiative=initiative)
    for name in indicators:
        IndicatorFactory(result=result, title_vi=name, unit_vi="người")
    for organisation, role in partners:
        InitiativePartnerFactory(initiative=initiative, organisation=organisation, role=role)
    return initiative


@pytest.fixture
def network(db):
    sex_values()
    cecr = OrganisationFactory(
        name_vi="Trung tâm Nghiên cứu Môi trường và Cộng đồng", acronym="CECR", slug="cecr"
    )
    dow = OrganisationFactory(name_vi="Dow Việt Nam", acronym="Dow", slug="dow")
    greenhub = OrganisationFactory(
        name_vi="Trung tâm Hỗ trợ Phát triển Xanh", acronym="GreenHub", slug="greenhub"
    )
    lead = InitiativePartner.Role.ACCOUNTABLE
    asppire = initiative_with_indicators(
        "ASPPIRe: người thu gom phế liệu và phụ nữ",
        "asppire",
        "Người thu gom được tập huấn",
        "Hộ gia đình phân loại rác tại nguồn",
        partners=[(cecr, lead)],
    )
    model = initiative_with_indicators(
        "Mô hình kinh tế tuần hoàn cho rác thải nhựa giá trị thấp",
        "kinh-te-tuan-hoan",
        "Rác thải nhựa giá trị thấp được thu gom",
        partners=[(cecr, lead), (dow, InitiativePartner.Role.FUNDER)],
    )
    schools = initiative_with_indicators(
        "Trường học xanh Hoàn Kiếm",
        "truong-hoc-xanh",
        "Trường học tham gia",
        partners=[(cecr, lead), (greenhub, InitiativePartner.Role.IMPLEMENTING)],
    )
    editor = EditorRequestFactory(organisation=cecr, user=UserFactory(email="bientap@cecr.org.vn")).user
    greenhub_editor = EditorRequestFactory(
        organisation=greenhub, user=UserFactory(email="bientap@greenhub.vn")
    ).user
    dow_editor = EditorRequestFactory(organisation=dow, user=UserFactory(email="bientap@dow.vn")).user
    coordinator = UserFactory(email="dieuphoi@npap.vn", is_staff=True, is_superuser=True)
    cycle = ReportingCycleFactory(initiatives=[asppire, model, schools])
    return {
        "cecr": cecr,
        "dow": dow,
        "greenhub": greenhub,
        "asppire": asppire,
        "model": model,
        "schools": schools,
        "editor": editor,
        "greenhub_editor": greenhub_editor,
        "dow_editor": dow_editor,
        "coordinator": coordinator,
        "cycle": cycle,
    }


@pytest.fixture
def opened(network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        services.cycle_open(cycle=network["cycle"], user=network["coordinator"])
    network["cycle"].refresh_from_db()
    return network
