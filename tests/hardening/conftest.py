"""A small portal built from the apps' factories: two organisations, each with an editor, an
initiative with a reportable period and an update, an event with its parts, and a built and
published report. The hardening tests fill URLs and forms with these objects."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django_celery_beat.models import (
    ClockedSchedule,
    CrontabSchedule,
    IntervalSchedule,
    PeriodicTask,
    SolarSchedule,
)

from core.models import ImportRecord, OutgoingMail
from core.roles import roles_install
from cycles.services import cycle_open
from cycles.tests.factories import ReportingCycleFactory
from events.models import SignInImport
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
from groups.models import Delivery
from groups.tests.factories import GroupMembershipFactory, SentIssueFactory, SubscriberFactory
from hub.models import Resource
from hub.tests.factories import ResourceFactory
from initiatives.models import IndicatorUpdate
from initiatives.tests.factories import (
    IndicatorFactory,
    IndicatorUpdateFactory,
    InitiativePartnerFactory,
    NetworkIndicatorFactory,
    PeriodFactory,
    PillarFactory,
    sex_values,
)
from members.tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    PillarParticipationFactory,
)
from reports.models import PublishedReport, ReportFile, ReportRun
from reports.tests.factories import ReportRunFactory
from vocabulary.models import TechnicalGroup


@dataclass
class World:
    org_a: object
    org_b: object
    editor: object
    other_editor: object
    pillar: object
    event: object
    signin_import: object
    initiative_a: object
    initiative_b: object
    period_a: object
    period_b: object
    update_a: object
    update_b: object
    run: object
    report_file: object
    published: object
    cycle: object
    # The knowledge hub: a public resource and a proposal of each organisation.
    resource: object = None
    proposal_a: object = None
    proposal_b: object = None
    # The technical groups: a group with a sent newsletter issue.
    group: object = None
    issue: object = None


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def build_world(editor_of) -> World:
    pillar = PillarFactory(code="gender-inclusion", name_vi="Giới và hòa nhập", name_en="Gender inclusion")
    org_a = OrganisationFactory(slug="greenhub", acronym="GreenHub")
    org_b = OrganisationFactory(slug="cecr", acronym="CECR")
    MembershipFactory(organisation=org_a)
    PillarParticipationFactory(organisation=org_a, pillar=pillar)
    AffiliationFactory(organisation=org_b, person__public_consent=True)
    group = TechnicalGroup.objects.create(
        pillar=pillar, name_vi="Nhóm kỹ thuật giới", lead_organisation=org_a
    )

    event = EventFactory(slug="hoi-thao-tham-van", series=EventSeriesFactory(), pillars=[pillar])
    EventOrganiserFactory(event=event, organisation=org_b)
    AgendaItemFactory(event=event, session=AgendaSessionFactory(event=event))
    EventDocumentFactory(event=event)
    EventPhotoFactory(event=event)
    ParticipationFactory(event=event, organisation=org_b)
    signin_import = SignInImport.objects.create(
        event=event,
        file_name="danh-sach.csv",
        rows=[{"line": 2, "full_name": "Trần Thị Hoa", "gender": "female", "organisation": "CECR"}],
    )

    sex_values()
    periods, updates, initiatives = [], [], []
    for org in (org_a, org_b):
        partner = InitiativePartnerFactory(organisation=org, initiative__pillars=[pillar])
        indicator = IndicatorFactory(
            result__initiative=partner.initiative, network_indicator=NetworkIndicatorFactory()
        )
        period = PeriodFactory(indicator=indicator)
        updates.append(
            IndicatorUpdateFactory(
                period=period,
                organisation=org,
                value=Decimal("40"),
                status=IndicatorUpdate.Status.DRAFT,
            )
        )
        periods.append(period)
        initiatives.append(partner.initiative)
    # One waiting in the approval queue.
    IndicatorUpdateFactory(period=periods[1], status=IndicatorUpdate.Status.SUBMITTED)

    run = ReportRunFactory(
        status=ReportRun.Status.SUCCEEDED, formats=["csv"], finished_at=datetime.datetime.now(datetime.UTC)
    )
    report_file = ReportFile(run=run, format="csv", size=4)
    report_file.file.save("run.csv", ContentFile(b"a,b\n"), save=True)
    ReportRunFactory(status=ReportRun.Status.FAILED, error="ValueError")
    published = PublishedReport.objects.create(
        slug="bao-cao-thuong-nien-2022",
        title="Báo cáo thường niên 2022",
        kind=run.kind,
        year=2022,
        file=report_file,
    )
    editor = editor_of(org_a)
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    # Every model the admin lists needs a row for its change, delete and history pages; a test
    # that empties the database also removes the schedules a migration created.
    roles_install()
    every_day = CrontabSchedule.objects.create(minute="0", hour="6", timezone="Asia/Ho_Chi_Minh")
    PeriodicTask.objects.create(name="Báo cáo thử", task="reports.tasks.schedule_report", crontab=every_day)
    IntervalSchedule.objects.create(every=5, period=IntervalSchedule.MINUTES)
    SolarSchedule.objects.create(event="sunrise", latitude=Decimal("21.03"), longitude=Decimal("105.85"))
    ClockedSchedule.objects.create(clocked_time=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC))
    OutgoingMail.objects.create(
        recipient=editor, to_email=editor.email, kind="test", key="world", subject="Thử", body_text="Thử"
    )
    import_record = ImportRecord(
        user=editor, content_type=ContentType.objects.get_for_model(org_a), original_name="to-chuc.csv"
    )
    import_record.file.save(
        "imports/to-chuc.csv", ContentFile("Tên tổ chức (tiếng Việt)\nGreenHub\n".encode())
    )
    cycle = ReportingCycleFactory(initiatives=initiatives)
    cycle_open(cycle=cycle)
    resource = ResourceFactory(slug="huong-dan-phan-loai-rac", pillars=[pillar])
    proposals = [
        ResourceFactory(
            is_published=False,
            review_status=Resource.Review.PROPOSED,
            proposing_organisation=org,
            proposed_by=editor,
        )
        for org in (org_a, org_b)
    ]
    GroupMembershipFactory(group=group, organisation=org_a)
    issue = SentIssueFactory(group=group)
    Delivery.objects.create(
        issue=issue, subscriber=SubscriberFactory(groups=[group]), to_email="doc-gia@npap.test", status="sent"
    )
    return World(
        org_a=org_a,
        org_b=org_b,
        editor=editor,
        other_editor=editor_of(org_b),
        pillar=pillar,
        event=event,
        signin_import=signin_import,
        initiative_a=initiatives[0],
        initiative_b=initiatives[1],
        period_a=periods[0],
        period_b=periods[1],
        update_a=updates[0],
        update_b=updates[1],
        run=run,
        report_file=report_file,
        published=published,
        cycle=cycle,
        resource=resource,
        proposal_a=proposals[0],
        proposal_b=proposals[1],
        group=group,
        issue=issue,
    )


@pytest.fixture
def world(db, editor_of) -> World:
    return build_world(editor_of)
