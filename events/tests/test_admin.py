"""The coordinators' event admin: one page with every part of an event, validation, cloning,
filters, search and actions."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.fields.files import FieldFile
from PIL import Image

from events.models import Event, EventDocument, EventOrganiser, EventPhoto, Participation
from events.tests.factories import (
    AgendaItemFactory,
    AgendaSessionFactory,
    EventDocumentFactory,
    EventFactory,
    EventOrganiserFactory,
    EventPhotoFactory,
    ParticipationFactory,
)
from members.tests.factories import OrganisationFactory, ProvinceFactory

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/events/event/"


@pytest.fixture
def signed_in(client, coordinator):
    client.force_login(coordinator)
    return client


def form_data(response) -> dict:
    """What the browser would send back for the page as shown: every field of the event form
    and of each inline, with the management forms."""
    data: dict = {}

    def add(form) -> None:
        for bound in form:
            value = bound.value()
            if isinstance(value, FieldFile) or value is False:
                continue
            if value is None:
                data[bound.html_name] = ""
            elif value is True:
                data[bound.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[bound.html_name] = [str(item) for item in value]
            else:
                data[bound.html_name] = str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for bound in formset.management_form:
            data[bound.html_name] = bound.value()
        for form in formset.forms:
            add(form)
    return data


def form_errors(response) -> dict:
    return response.context["adminform"].form.errors


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), "#1f6f5c").save(buffer, "JPEG")
    return buffer.getvalue()


def test_the_event_page_shows_every_part_of_the_event_and_saves_it(signed_in):
    event = EventFactory(title_vi="Hội thảo tham vấn chiến lược Mạng lưới")
    EventOrganiserFactory(event=event, organisation__acronym="GreenHub")
    session = AgendaSessionFactory(event=event)
    AgendaItemFactory(event=event, session=session)
    EventDocumentFactory(event=event)
    EventPhotoFactory(event=event)
    ParticipationFactory(event=event)

    page = signed_in.get(f"{ADMIN}{event.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f"{ADMIN}{event.pk}/signin-import/" in html
    assert f"{ADMIN}{event.pk}/attendance-sheet/" in html
    prefixes = {inline.formset.prefix for inline in page.context["inline_admin_formsets"]}
    assert prefixes == {"organisers", "sessions", "agenda_items", "documents", "photos", "participations"}

    data = form_data(page)
    data["title_vi"] = "Hội thảo tham vấn chiến lược Mạng lưới Hành động Nhựa"
    data["agenda_items-TOTAL_FORMS"] = "2"
    data.update(
        {
            "agenda_items-1-session": str(session.pk),
            "agenda_items-1-title_vi": "Kế hoạch chiến lược ba năm",
            "agenda_items-1-title_en": "",
            "agenda_items-1-order": "2",
        }
    )
    response = signed_in.post(f"{ADMIN}{event.pk}/change/", data)
    assert response.status_code == 302, form_errors(response)
    event.refresh_from_db()
    assert event.title_vi == "Hội thảo tham vấn chiến lược Mạng lưới Hành động Nhựa"
    assert event.agenda_items.get(title_vi="Kế hoạch chiến lược ba năm").session == session


def test_an_agenda_item_offers_only_the_sessions_and_documents_of_its_own_event(signed_in):
    event = EventFactory()
    own_session = AgendaSessionFactory(event=event, title_vi="Phiên toàn thể")
    own_document = EventDocumentFactory(event=event)
    AgendaItemFactory(event=event, session=own_session)
    other = EventFactory()
    AgendaSessionFactory(event=other, title_vi="Phiên song song của sự kiện khác")
    EventDocumentFactory(event=other)

    page = signed_in.get(f"{ADMIN}{event.pk}/change/")
    items = next(i for i in page.context["inline_admin_formsets"] if i.formset.prefix == "agenda_items")
    form = items.formset.forms[0]
    assert list(form.fields["session"].queryset) == [own_session]
    assert list(form.fields["document"].queryset) == [own_document]


def test_headcounts_that_do_not_add_up_are_shown_as_errors_on_the_form(signed_in):
    event = EventFactory(format=Event.Format.OFFLINE)
    data = form_data(signed_in.get(f"{ADMIN}{event.pk}/change/"))
    data.update(
        {"headcount_total": "50", "headcount_women": "30", "headcount_men": "30", "headcount_online": "5"}
    )
    response = signed_in.post(f"{ADMIN}{event.pk}/change/", data)
    assert response.status_code == 200
    errors = form_errors(response)
    assert errors["headcount_total"] == ["Women, men and other add up to more than the total of 50."]
    assert "An in-person event has no online participants" in errors["headcount_online"][0]
    assert "Women, men and other add up to more than the total of 50." in response.content.decode()

    data.update({"headcount_women": "-3", "headcount_men": "", "headcount_online": ""})
    errors = form_errors(signed_in.post(f"{ADMIN}{event.pk}/change/", data))
    assert "headcount_women" in errors

    data.update({"headcount_women": "", "start_date": "2024-11-08", "end_date": "2024-11-07"})
    response = signed_in.post(f"{ADMIN}{event.pk}/change/", data)
    assert form_errors(response)["end_date"] == ["The end date cannot be before the start date."]
    # Said once, beside the field, not again at the top of the form.
    assert response.content.decode().count("The end date cannot be before the start date.") == 1
    event.refresh_from_db()
    assert event.headcount_total is None and event.end_date is None


def test_save_as_new_copies_the_event_under_a_free_slug_without_its_attendance(signed_in):
    event = EventFactory(slug="hoi-thao-tham-van", is_published=True)
    organiser = EventOrganiserFactory(event=event)
    ParticipationFactory(event=event)
    AgendaItemFactory(event=event, session=AgendaSessionFactory(event=event))
    data = form_data(signed_in.get(f"{ADMIN}{event.pk}/change/"))
    data["_saveasnew"] = "Save as new"
    data["start_date"] = "2025-11-07"

    response = signed_in.post(f"{ADMIN}{event.pk}/change/", data)
    assert response.status_code == 302, form_errors(response)
    copy = Event.objects.exclude(pk=event.pk).get()
    assert copy.slug == "hoi-thao-tham-van-2"
    assert copy.start_date == datetime.date(2025, 11, 7)
    assert copy.is_published is False
    assert list(copy.organisers.values_list("organisation", flat=True)) == [organiser.organisation_id]
    assert not copy.participations.exists() and not copy.agenda_items.exists()
    assert event.participations.count() == 1 and EventOrganiser.objects.count() == 2


def test_the_list_filters_by_year_province_organiser_and_searches_without_diacritics(signed_in):
    danang = ProvinceFactory(code="da-nang", name_vi="Đà Nẵng")
    quang_nam = ProvinceFactory(code="quang-nam", name_vi="Quảng Nam", successor=danang)
    roundtable = EventFactory(
        title_vi="Hội nghị bàn tròn quốc gia về sản xuất và tiêu dùng bền vững",
        start_date=datetime.date(2023, 12, 15),
        province=quang_nam,
    )
    workshop = EventFactory(title_vi="Hội thảo Trụ cột Giới", start_date=datetime.date(2024, 3, 7))
    EventOrganiserFactory(event=workshop, organisation=OrganisationFactory(acronym="ISPONRE", slug="isponre"))

    def titles(params) -> list[str]:
        response = signed_in.get(ADMIN, params)
        assert response.status_code == 200
        return [event.title_vi for event in response.context["cl"].result_list]

    assert titles({"year": "2023"}) == [roundtable.title_vi]
    assert titles({"province": "da-nang"}) == [roundtable.title_vi]
    assert titles({"organiser": "isponre"}) == [workshop.title_vi]
    assert titles({"q": "hoi nghi ban tron"}) == [roundtable.title_vi]
    assert titles({"q": "isponre"}) == [workshop.title_vi]
    assert titles({"start_date__year": "2024"}) == [workshop.title_vi]
    # A year that is not a number is ignored rather than an error.
    assert set(titles({"year": "hai-nghin"})) == {roundtable.title_vi, workshop.title_vi}


def test_the_list_counts_participants_from_attendance_before_typed_in_numbers(signed_in):
    typed = EventFactory(headcount_total=46)
    recorded = EventFactory(headcount_total=99)
    ParticipationFactory.create_batch(2, event=recorded)
    ParticipationFactory(event=recorded, status=Participation.Status.REGISTERED)
    EventOrganiserFactory(event=recorded, organisation__name_vi="Trung tâm Hỗ trợ Phát triển Xanh")
    EventOrganiserFactory(event=recorded, organisation__name_vi="Quỹ Xanh Việt Nam")
    response = signed_in.get(ADMIN)
    found = signed_in.get(ADMIN, {"q": "xanh"}).context["cl"].result_list
    # Two organisers matching the search neither repeat the event nor double its count.
    assert [(event.pk, event.attended_count) for event in found] == [(recorded.pk, 2)]
    headcounts = {
        event.pk: event.attended_count or event.headcount_total
        for event in response.context["cl"].result_list
    }
    assert headcounts == {typed.pk: 46, recorded.pk: 2}


def test_publish_unpublish_and_mark_registered_as_attended_actions(signed_in):
    draft = EventFactory(is_published=False)
    registered = ParticipationFactory(event=draft, status=Participation.Status.REGISTERED)
    invited = ParticipationFactory(event=draft, status=Participation.Status.INVITED)

    published = signed_in.post(ADMIN, {"action": "publish", "_selected_action": [draft.pk]}, follow=True)
    draft.refresh_from_db()
    assert draft.is_published
    assert [str(m) for m in published.context["messages"]] == ["1 event published."]
    actions = dict(published.context["action_form"].fields["action"].choices)
    assert actions["unpublish"] == "Unpublish the selected events"

    signed_in.post(ADMIN, {"action": "mark_registered_attended", "_selected_action": [draft.pk]})
    registered.refresh_from_db()
    invited.refresh_from_db()
    assert registered.status == Participation.Status.ATTENDED
    assert invited.status == Participation.Status.INVITED

    signed_in.post(ADMIN, {"action": "unpublish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert not draft.is_published


def test_the_print_action_gives_a_pdf(signed_in):
    event = EventFactory()
    response = signed_in.post(ADMIN, {"action": "print_attendance_sheet", "_selected_action": [event.pk]})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def test_documents_are_checked_by_content_and_stored_under_generated_names(signed_in, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    event = EventFactory()
    page = signed_in.get(f"{ADMIN}{event.pk}/change/")
    data = form_data(page)
    data.update(
        {
            "documents-TOTAL_FORMS": "1",
            "documents-0-title": "Biên bản hội thảo",
            "documents-0-kind": "minutes",
            "documents-0-url": "",
            "documents-0-language": "vi",
            "documents-0-is_public": "on",
            "documents-0-order": "0",
            "documents-0-file": SimpleUploadedFile("bien-ban.pdf", b"MZ\x90\x00 not really a pdf"),
        }
    )
    response = signed_in.post(f"{ADMIN}{event.pk}/change/", data)
    assert response.status_code == 200
    documents = next(i for i in response.context["inline_admin_formsets"] if i.formset.prefix == "documents")
    assert "The file is not a valid PDF file." in str(documents.formset.errors)
    assert not EventDocument.objects.exists()

    data["documents-0-file"] = SimpleUploadedFile("Biên bản.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    response = signed_in.post(f"{ADMIN}{event.pk}/change/", data)
    assert response.status_code == 302
    stored = EventDocument.objects.get()
    assert stored.file.name.startswith("events/documents/") and stored.file.name.endswith(".pdf")
    assert "Biên" not in stored.file.name


def test_a_photo_is_re_encoded_with_a_thumbnail_and_a_bad_one_is_a_form_error(signed_in, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    event = EventFactory()
    data = form_data(signed_in.get(f"{ADMIN}{event.pk}/change/"))
    data.update(
        {
            "photos-TOTAL_FORMS": "1",
            "photos-0-image": SimpleUploadedFile("anh.jpg", b"this is not a jpeg"),
            "photos-0-caption_vi": "Đại biểu thảo luận nhóm",
            "photos-0-caption_en": "",
            "photos-0-credit": "Ban thư ký NPAP",
            "photos-0-order": "0",
        }
    )
    response = signed_in.post(f"{ADMIN}{event.pk}/change/", data)
    assert response.status_code == 200
    assert "Upload a JPEG, PNG or WebP image." in response.content.decode()
    assert not EventPhoto.objects.exists()

    data["photos-0-image"] = SimpleUploadedFile("anh.jpg", jpeg_bytes(), content_type="image/jpeg")
    response = signed_in.post(f"{ADMIN}{event.pk}/change/", data)
    assert response.status_code == 302
    photo = EventPhoto.objects.get()
    assert (photo.width, photo.height) == (320, 200)
    assert photo.thumbnail.name and photo.image.name != "events/photos/anh.jpg"
    assert photo.caption_vi == "Đại biểu thảo luận nhóm" and photo.credit == "Ban thư ký NPAP"


def test_replacing_a_photo_deletes_the_old_image_and_thumbnail_once_saved(
    signed_in, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    event = EventFactory()
    data = form_data(signed_in.get(f"{ADMIN}{event.pk}/change/"))
    data.update(
        {
            "photos-TOTAL_FORMS": "1",
            "photos-0-image": SimpleUploadedFile("anh.jpg", jpeg_bytes(), content_type="image/jpeg"),
            "photos-0-caption_vi": "Đại biểu thảo luận nhóm",
            "photos-0-caption_en": "",
            "photos-0-credit": "",
            "photos-0-order": "0",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert signed_in.post(f"{ADMIN}{event.pk}/change/", data).status_code == 302
    first = EventPhoto.objects.get()
    old = [tmp_path / first.image.name, tmp_path / first.thumbnail.name]
    assert all(path.exists() for path in old)

    data = form_data(signed_in.get(f"{ADMIN}{event.pk}/change/"))
    data["photos-0-image"] = SimpleUploadedFile("moi.jpg", jpeg_bytes(), content_type="image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        assert signed_in.post(f"{ADMIN}{event.pk}/change/", data).status_code == 302
    photo = EventPhoto.objects.get()
    assert photo.pk == first.pk and photo.image.name != first.image.name
    assert (tmp_path / photo.image.name).exists() and (tmp_path / photo.thumbnail.name).exists()
    assert not any(path.exists() for path in old)


def test_the_other_admin_pages_open_and_participations_filter_by_event(signed_in):
    participation = ParticipationFactory(
        status=Participation.Status.REGISTERED, person__full_name="Vũ Thị Mai"
    )
    ParticipationFactory()
    for url in [
        "/en/admin/events/eventtype/",
        "/en/admin/events/eventseries/",
        "/en/admin/events/participation/",
        f"/en/admin/events/participation/{participation.pk}/change/",
        f"{ADMIN}add/",
    ]:
        assert signed_in.get(url).status_code == 200, url
    listed = signed_in.get("/en/admin/events/participation/", {"event": participation.event_id})
    assert list(listed.context["cl"].result_list) == [participation]
    found = signed_in.get("/en/admin/events/participation/", {"q": "vu thi mai"})
    assert list(found.context["cl"].result_list) == [participation]
    assert signed_in.get("/en/admin/events/participation/", {"event": "x'--"}).status_code == 200

    signed_in.post(
        "/en/admin/events/participation/", {"action": "mark_attended", "_selected_action": [participation.pk]}
    )
    participation.refresh_from_db()
    assert participation.status == Participation.Status.ATTENDED


def test_presenters_are_found_by_autocomplete_without_diacritics(signed_in):
    from members.tests.factories import PersonFactory

    nhung = PersonFactory(full_name="Nguyễn Thị Hồng Nhung")
    PersonFactory(full_name="Trần Văn Minh")
    response = signed_in.get(
        "/en/admin/autocomplete/",
        {
            "app_label": "events",
            "model_name": "agendaitem",
            "field_name": "presenter",
            "term": "nguyen thi hong",
        },
    )
    assert response.status_code == 200
    assert [result["id"] for result in response.json()["results"]] == [str(nhung.pk)]


@pytest.mark.parametrize("who", ["anonymous", "member editor"])
def test_anonymous_visitors_and_member_editors_are_sent_to_the_admin_login(client, editor_of, who):
    event = EventFactory()
    if who == "member editor":
        client.force_login(editor_of(OrganisationFactory()))
    for url in [
        ADMIN,
        f"{ADMIN}{event.pk}/change/",
        f"{ADMIN}{event.pk}/signin-import/",
        f"{ADMIN}{event.pk}/signin-import/1/",
        f"{ADMIN}{event.pk}/attendance-sheet/",
        "/en/admin/events/participation/",
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/en/admin/login/"), url


def test_a_large_event_lists_its_participants_in_the_attendance_records_instead(signed_in, monkeypatch):
    from events.admin import event as event_admin

    monkeypatch.setattr(event_admin, "PARTICIPANTS_ON_EVENT_PAGE", 2)
    event = EventFactory()
    ParticipationFactory.create_batch(3, event=event)
    page = signed_in.get(f"{ADMIN}{event.pk}/change/")
    prefixes = {inline.formset.prefix for inline in page.context["inline_admin_formsets"]}
    assert "participations" not in prefixes
    assert f"/en/admin/events/participation/?event={event.pk}" in page.content.decode()

    data = form_data(page)
    data["venue_vi"] = "Trung tâm Hội nghị Quốc gia"
    response = signed_in.post(f"{ADMIN}{event.pk}/change/", data)
    assert response.status_code == 302, form_errors(response)
    assert event.participations.count() == 3
