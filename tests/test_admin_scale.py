"""The coordinators' admin at national scale: every list asks the database the same number of
questions with 5 rows and with 500, and so do the pages of an indicator update, an event and an
organisation however many rows their inlines show. No link to a table that grows is edited with
a plain select, which would put every row of it in the page."""

import datetime
from decimal import Decimal

import pytest
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteMixin, AutocompleteSelect, ForeignKeyRawIdWidget
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory

from core.models import OutgoingMail
from events.models import AgendaItem, AgendaSession, EventOrganiser, Participation
from events.tests.factories import EventFactory
from groups.models import Delivery, GroupMembership, Subscriber
from groups.tests.factories import IssueFactory, TechnicalGroupFactory
from hub.models import Resource
from initiatives.models import (
    Dimension,
    DimensionValue,
    NetworkIndicator,
    UpdateCorrection,
    UpdateDisaggregation,
)
from initiatives.tests.factories import IndicatorUpdateFactory
from members.models import Affiliation, Membership, MembershipType, Organisation, Person, PillarParticipation
from members.tests.factories import OrganisationFactory
from tests import test_query_counts
from vocabulary.models import Pillar, Province, TechnicalGroup

pytestmark = pytest.mark.django_db

# The network the public pages are counted on, grown further below with what only the admin lists.
network = test_query_counts.network
grow = test_query_counts.grow

PROJECT_APPS = {
    "core",
    "vocabulary",
    "members",
    "events",
    "initiatives",
    "cycles",
    "reports",
    "hub",
    "groups",
}

# Reference tables a coordinator keeps short, where a select shows every choice at once.
SMALL_REFERENCE_MODELS = {
    Pillar,  # the programme's pillars: a handful
    Province,  # 34 provinces and the former ones merged into them
    TechnicalGroup,  # one or two per pillar
    MembershipType,  # the kinds of membership
    Dimension,  # sex, age group, …
    DimensionValue,  # the values of those few dimensions
    NetworkIndicator,  # the network's shared indicators: a short catalogue
}
# Chosen among a few rows the form itself narrows the list to.
NARROWED = {
    (AgendaItem, "session"): "this event's sessions",
    (AgendaItem, "document"): "this event's documents",
}


def project_admins():
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label in PROJECT_APPS:
            yield model, model_admin


def changelist_url(model) -> str:
    return f"/vi/admin/{model._meta.app_label}/{model._meta.model_name}/"


@pytest.fixture
def signed_in(client, coordinator):
    client.force_login(coordinator)
    return client


def grow_admin(world: dict, count: int) -> None:
    """``count`` more rows of everything the admin lists, beyond what the public pages list."""
    start = world["grown"]
    grow(world, count)
    numbers = range(start, start + count)
    organisations = list(Organisation.objects.order_by("-pk")[:count])
    people = list(Person.objects.order_by("-pk")[:count])
    Affiliation.objects.bulk_create(
        Affiliation(person=p, organisation=o) for p, o in zip(people, organisations, strict=True)
    )
    if "issue" not in world:
        world["issue"] = IssueFactory(group=TechnicalGroupFactory(pillar=world["pillar"]))
    issue = world["issue"]
    GroupMembership.objects.bulk_create(
        GroupMembership(group=issue.group, organisation=o) for o in organisations
    )
    subscribers = Subscriber.objects.bulk_create(Subscriber(email=f"doc-gia-{n}@npap.test") for n in numbers)
    Delivery.objects.bulk_create(Delivery(issue=issue, subscriber=s, to_email=s.email) for s in subscribers)
    OutgoingMail.objects.bulk_create(
        OutgoingMail(
            to_email=f"thanh-vien-{n}@npap.test",
            kind="notice",
            key=f"notice-{n}",
            subject="Thông báo",
            body_text="…",
        )
        for n in numbers
    )
    Resource.objects.bulk_create(
        Resource(
            kind="study",
            title=f"Nghiên cứu rác thải nhựa {n}",
            slug=f"nghien-cuu-{n}",
            year=2024,
            url="https://npap.test/",
        )
        for n in numbers
    )


def test_every_admin_list_does_the_same_queries_with_5_rows_and_with_500(signed_in, network, page_queries):
    event = network["event"]
    urls = [changelist_url(model) for model, _model_admin in project_admins()] + [
        # The big lists as coordinators filter them.
        "/vi/admin/events/event/?year=2024&month=11&pillar=innovation&province=ha-noi",
        f"/vi/admin/events/event/?organiser={network['organisation'].slug}&q=hoi+thao",
        f"/vi/admin/events/participation/?event={event.pk}&status__exact=attended",
        "/vi/admin/initiatives/indicatorupdate/?status__exact=approved&source__exact=typed",
        "/vi/admin/initiatives/initiative/?pillar=innovation&province=ha-noi",
        "/vi/admin/members/organisation/?pillar=innovation&province=ha-noi&membership_status=active",
        "/vi/admin/members/person/?gender__exact=female",
        "/vi/admin/core/outgoingmail/?year=2026",
    ]
    grow_admin(network, 5)
    few = {url: page_queries(signed_in, url) for url in urls}
    grow_admin(network, 495)
    assert Participation.objects.count() >= 500 and Delivery.objects.count() == 500
    many = {url: page_queries(signed_in, url) for url in urls}
    assert many == few


def change_page_queries(client, page_queries, obj) -> int:
    # Content types are read once by the process and kept: count them every time.
    ContentType.objects.clear_cache()
    return page_queries(client, f"{changelist_url(type(obj))}{obj.pk}/change/")


def test_an_organisations_page_does_the_same_queries_with_5_rows_of_each_inline_and_with_500(
    signed_in, page_queries
):
    organisation = OrganisationFactory()
    membership_type = MembershipType.objects.create(code="chinh-thuc", name="Thành viên chính thức")
    # An organisation takes part in a few pillars; each row's select lists them all.
    pillars = Pillar.objects.bulk_create(Pillar(code=f"tru-cot-{n}", name=f"Trụ cột {n}") for n in range(30))

    def add(start: int, count: int, pillar_rows: int) -> None:
        numbers = range(start, start + count)
        Membership.objects.bulk_create(
            Membership(
                organisation=organisation,
                membership_type=membership_type,
                start=datetime.date(2000 + n % 25, 1, 1),
            )
            for n in numbers
        )
        people = Person.objects.bulk_create(Person(full_name=f"Trần Văn Nam {n}") for n in numbers)
        Affiliation.objects.bulk_create(Affiliation(person=p, organisation=organisation) for p in people)
        PillarParticipation.objects.bulk_create(
            PillarParticipation(organisation=organisation, pillar=pillar)
            for pillar in pillars[start : start + pillar_rows]
        )

    add(0, 5, pillar_rows=5)
    few = change_page_queries(signed_in, page_queries, organisation)
    add(5, 495, pillar_rows=25)
    assert change_page_queries(signed_in, page_queries, organisation) == few


def test_an_events_page_does_the_same_queries_with_5_rows_of_each_inline_and_with_many(
    signed_in, page_queries
):
    event = EventFactory()

    def add(start: int, count: int, *, programme: bool = True) -> None:
        numbers = range(start, start + count)
        organisations = Organisation.objects.bulk_create(
            Organisation(name=f"Hội Bảo vệ Thiên nhiên {n}", slug=f"hoi-{n}") for n in numbers
        )
        people = Person.objects.bulk_create(Person(full_name=f"Lê Thị Mai {n}") for n in numbers)
        Participation.objects.bulk_create(
            Participation(event=event, person=p, organisation=o)
            for p, o in zip(people, organisations, strict=True)
        )
        if not programme:
            return
        EventOrganiser.objects.bulk_create(EventOrganiser(event=event, organisation=o) for o in organisations)
        session = AgendaSession.objects.create(event=event, title=f"Phiên {start}", date=event.start_date)
        AgendaItem.objects.bulk_create(
            AgendaItem(
                event=event, session=session, title=f"Trình bày {n}", presenter=p, presenter_organisation=o
            )
            for n, p, o in zip(numbers, people, organisations, strict=True)
        )

    add(0, 5)
    few = change_page_queries(signed_in, page_queries, event)
    # Up to 40 participants are edited on the event's page.
    add(5, 30)
    assert change_page_queries(signed_in, page_queries, event) == few
    # More are managed in the attendance records, and the page says how many there are.
    add(35, 465, programme=False)
    assert Participation.objects.filter(event=event).count() == 500
    assert change_page_queries(signed_in, page_queries, event) <= few


def test_an_indicator_updates_page_does_the_same_queries_with_5_rows_of_each_inline_and_with_500(
    signed_in, page_queries
):
    update = IndicatorUpdateFactory(value=Decimal(120))
    # An update is split along a few values; each part's select lists them all.
    dimension = Dimension.objects.create(code="nhom-tuoi", name="Nhóm tuổi")
    values = DimensionValue.objects.bulk_create(
        DimensionValue(dimension=dimension, code=f"nhom-{n}", name=f"Nhóm {n}") for n in range(30)
    )

    def add(start: int, count: int, parts: int) -> None:
        UpdateDisaggregation.objects.bulk_create(
            UpdateDisaggregation(update=update, dimension_value=value, value=Decimal(7))
            for value in values[start : start + parts]
        )
        UpdateCorrection.objects.bulk_create(
            UpdateCorrection(
                update=update,
                corrected_by=update.submitted_by,
                reason=f"Sửa lỗi nhập liệu {n}",
                before={"value": str(n)},
                after={"value": str(n + 1)},
            )
            for n in range(start, start + count)
        )

    add(0, 5, parts=5)
    few = change_page_queries(signed_in, page_queries, update)
    add(5, 495, parts=25)
    assert change_page_queries(signed_in, page_queries, update) == few


def widget_of(field):
    # The admin wraps a link's widget to add its "+" and edit buttons.
    return getattr(field.widget, "widget", field.widget)


def plain_selects(form_class, model, parent_link: str = "") -> list[str]:
    """The links of ``model`` that ``form_class`` edits with a list of every row of the table
    linked to: a select, a list of boxes or the two-list picker. An inline's link to the row
    of its page (``parent_link``) is not edited."""
    found = []
    for name, field in form_class.base_fields.items():
        linked = getattr(getattr(field, "queryset", None), "model", None)
        if (
            linked is None
            or linked in SMALL_REFERENCE_MODELS
            or (model, name) in NARROWED
            or name == parent_link
        ):
            continue
        widget = widget_of(field)
        if field.widget.is_hidden or isinstance(widget, AutocompleteMixin | ForeignKeyRawIdWidget):
            continue
        found.append(f"{model._meta.label}.{name} → {linked._meta.label}")
    return found


def test_no_admin_form_edits_a_link_to_a_growing_table_with_a_plain_select(coordinator):
    """Every admin form and inline of the portal: a link to a table that grows (organisations,
    people, events, initiatives, results, accounts, …) is searched in an autocomplete box.
    A newsletter issue's events, resources and results are ticked from the quarter's candidates
    only, once the issue exists (``groups.admin.IssueAdmin.formfield_for_manytomany``)."""
    request = RequestFactory().get("/vi/admin/")
    request.user = coordinator
    offenders = []
    for model, model_admin in project_admins():
        offenders += plain_selects(model_admin.get_form(request), model)
        for inline in model_admin.get_inline_instances(request):
            formset = inline.get_formset(request)
            offenders += plain_selects(formset.form, inline.model, parent_link=formset.fk.name)
    assert offenders == []


def test_a_persons_page_links_them_to_organisations_searched_by_name(signed_in):
    person = Person.objects.create(full_name="Phạm Minh Châu")
    organisation = OrganisationFactory(name_vi="Trung tâm Sống và Học tập vì Môi trường")
    url = f"/vi/admin/members/person/{person.pk}/change/"
    formset = next(
        inline.formset
        for inline in signed_in.get(url).context["inline_admin_formsets"]
        if inline.formset.model is Affiliation
    )
    assert isinstance(widget_of(formset.empty_form.fields["organisation"]), AutocompleteSelect)
    prefix = formset.prefix
    response = signed_in.post(
        url,
        {
            "full_name": person.full_name,
            "gender": person.gender,
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-0-organisation": str(organisation.pk),
            f"{prefix}-0-role": Affiliation.Role.STAFF,
            f"{prefix}-0-is_primary": "on",
        },
    )
    assert response.status_code == 302, [
        f.errors for f in response.context["inline_admin_formsets"][0].formset
    ]
    assert list(person.affiliations.values_list("organisation", flat=True)) == [organisation.pk]


def filter_choices(response, parameter: str) -> list[str]:
    """The choices a filter offers; a filter with none is not shown."""
    specs = [
        spec
        for spec in response.context["cl"].filter_specs
        if getattr(spec, "parameter_name", "") == parameter
    ]
    return [value for spec in specs for value, _label in spec.lookup_choices]


def test_events_are_narrowed_by_year_then_by_month_of_that_year(signed_in):
    march = EventFactory(start_date=datetime.date(2024, 3, 7))
    EventFactory(start_date=datetime.date(2024, 11, 20))
    EventFactory(start_date=datetime.date(2022, 3, 1))
    everything = signed_in.get("/vi/admin/events/event/")
    assert filter_choices(everything, "year") == ["2024", "2023", "2022"]
    assert filter_choices(everything, "month") == []  # until a year is chosen
    chosen = signed_in.get("/vi/admin/events/event/", {"year": "2024", "month": "3"})
    assert filter_choices(chosen, "month") == [str(month) for month in range(1, 13)]
    assert list(chosen.context["cl"].result_list) == [march]
    # A month without a year, or out of range, narrows nothing.
    assert len(signed_in.get("/vi/admin/events/event/", {"month": "3"}).context["cl"].result_list) == 3
    assert (
        len(
            signed_in.get("/vi/admin/events/event/", {"year": "2024", "month": "13"})
            .context["cl"]
            .result_list
        )
        == 2
    )


def test_mail_is_narrowed_by_the_month_it_was_written_in_vietnam(signed_in):
    mail = OutgoingMail.objects.create(
        to_email="a@npap.test", kind="notice", key="k", subject="Thông báo", body_text="…"
    )
    # 18:30 on 31 January in Greenwich is 01:30 on 1 February in Hà Nội.
    OutgoingMail.objects.filter(pk=mail.pk).update(
        created_at=datetime.datetime(2026, 1, 31, 18, 30, tzinfo=datetime.UTC)
    )

    def listed(month: str) -> list:
        response = signed_in.get("/vi/admin/core/outgoingmail/", {"year": "2026", "month": month})
        return list(response.context["cl"].result_list)

    assert listed("2") == [mail]
    assert listed("1") == []


def test_an_event_in_two_pillars_is_listed_once_under_each(signed_in):
    innovation = Pillar.objects.create(code="innovation", name="Đổi mới sáng tạo")
    gender = Pillar.objects.create(code="gender", name="Giới")
    both = EventFactory(pillars=[innovation, gender])
    EventFactory(pillars=[gender])
    for code, expected in (("innovation", 1), ("gender", 2)):
        response = signed_in.get("/vi/admin/events/event/", {"pillar": code})
        assert response.context["cl"].result_count == expected
        assert both in response.context["cl"].result_list
