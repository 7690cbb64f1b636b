"""An event document that is not public: its file lives in private storage and is downloaded
through a permission-checked view; the public page lists only public documents. Ticking or
unticking "public" moves the file between the two storages and leaves nothing behind."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from core.private_files import document_save
from events.models import EventDocument
from events.tests.factories import EventFactory, EventOrganiserFactory
from events.tests.test_admin import form_data
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def roots(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def stored(root) -> dict[str, bytes]:
    root = Path(root)
    return {
        path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


def fetched(client, url: str) -> bytes | None:
    response = client.get(url)
    if response.status_code != 200:
        return None
    return b"".join(response.streaming_content) if response.streaming else response.content


def save_in_admin(client, event, captured, change) -> None:
    url = f"/vi/admin/events/event/{event.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    data = form_data(page)
    change(data)
    with captured(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_unticking_public_moves_the_file_to_private_storage_and_ticking_it_moves_it_back(
    client, coordinator, settings, django_capture_on_commit_callbacks
):
    event = EventFactory(slug="hoi-thao-tham-van")
    client.force_login(coordinator)

    def add(data):
        data["documents-TOTAL_FORMS"] = "1"
        data.update(
            {
                "documents-0-title": "Biên bản hội thảo",
                "documents-0-kind": "minutes",
                "documents-0-url": "",
                "documents-0-language": "vi",
                "documents-0-is_public": "on",
                "documents-0-order": "0",
                "documents-0-file": SimpleUploadedFile("Biên bản.pdf", PDF),
            }
        )

    save_in_admin(client, event, django_capture_on_commit_callbacks, add)
    document = EventDocument.objects.get()
    public_url = document.file.url
    assert public_url == f"/media/{document.file.name}"
    assert stored(settings.MEDIA_ROOT) == {document.file.name: PDF}
    client.logout()
    assert public_url in client.get("/vi/events/hoi-thao-tham-van/").content.decode()
    assert fetched(client, public_url) == PDF

    client.force_login(coordinator)
    save_in_admin(
        client, event, django_capture_on_commit_callbacks, lambda data: data.pop("documents-0-is_public")
    )
    document.refresh_from_db()
    assert not document.is_public
    assert stored(settings.MEDIA_ROOT) == {}
    assert stored(settings.PRIVATE_MEDIA_ROOT) == {document.file.name.removeprefix("private/"): PDF}
    # The admin links the document to its permission-checked download, which serves it.
    assert document.download_url in client.get(f"/vi/admin/events/event/{event.pk}/change/").content.decode()
    assert fetched(client, document.download_url) == PDF
    client.logout()
    page = client.get("/vi/events/hoi-thao-tham-van/").content.decode()
    assert "Biên bản hội thảo" not in page and "/media/" + document.file.name not in page
    assert client.get(public_url).status_code == 404
    assert client.get(document.download_url).status_code == 404

    client.force_login(coordinator)
    private_url = document.download_url

    def tick(data):
        data["documents-0-is_public"] = "on"

    save_in_admin(client, event, django_capture_on_commit_callbacks, tick)
    document.refresh_from_db()
    assert document.is_public and document.file.url.startswith("/media/events/documents/")
    assert stored(settings.PRIVATE_MEDIA_ROOT) == {}
    assert stored(settings.MEDIA_ROOT) == {document.file.name: PDF}
    # A public document is no longer behind the private download.
    assert client.get(private_url).status_code == 404
    client.logout()
    assert document.file.url in client.get("/vi/events/hoi-thao-tham-van/").content.decode()
    assert fetched(client, document.file.url) == PDF


def test_a_document_saved_as_not_public_never_touches_the_public_storage(settings):
    document = EventDocument(event=EventFactory(), title="Danh sách đại biểu", is_public=False)
    document.file.save("dai-bieu.pdf", ContentFile(PDF), save=False)
    document_save(document=document)
    assert stored(settings.MEDIA_ROOT) == {}
    assert list(stored(settings.PRIVATE_MEDIA_ROOT).values()) == [PDF]


def test_a_document_made_public_through_the_service_moves_too(settings, django_capture_on_commit_callbacks):
    document = EventDocument(event=EventFactory(), title="Kỷ yếu", is_public=False)
    document.file.save("ky-yeu.pdf", ContentFile(PDF), save=False)
    document_save(document=document)
    document.is_public = True
    with django_capture_on_commit_callbacks(execute=True):
        document_save(document=document)
    assert stored(settings.PRIVATE_MEDIA_ROOT) == {}
    assert stored(settings.MEDIA_ROOT) == {document.file.name: PDF}
    assert EventDocument.objects.get().file.name == document.file.name


def test_the_organisers_editors_download_a_private_document_and_other_members_do_not(client, editor_of):
    organiser, other = OrganisationFactory(), OrganisationFactory()
    event = EventFactory()
    EventOrganiserFactory(event=event, organisation=organiser)
    document = EventDocument(event=event, title="Danh sách đại biểu", is_public=False)
    document.file.save("dai-bieu.pdf", ContentFile(PDF), save=False)
    document_save(document=document)
    client.force_login(editor_of(other))
    assert client.get(document.download_url).status_code == 404
    client.force_login(editor_of(organiser))
    assert fetched(client, document.download_url) == PDF


def test_the_data_migration_moves_files_of_documents_that_are_not_public_out_of_media(
    client, coordinator, settings
):
    migration = importlib.import_module("events.migrations.0007_move_private_documents")
    event = EventFactory()
    media = Path(settings.MEDIA_ROOT) / "events" / "documents"
    media.mkdir(parents=True)
    rows = {}
    for name, is_public, on_disk in [
        ("noi-bo.pdf", False, True),
        ("cong-khai.pdf", True, True),
        ("da-mat.pdf", False, False),  # a database restored without its files
    ]:
        document = EventDocument.objects.create(event=event, title=name, is_public=is_public)
        EventDocument.objects.filter(pk=document.pk).update(file=f"events/documents/{name}")
        if on_disk:
            (media / name).write_bytes(PDF + name.encode())
        rows[name] = document

    migration.documents_to_private(apps, None)

    assert stored(settings.MEDIA_ROOT) == {"events/documents/cong-khai.pdf": PDF + b"cong-khai.pdf"}
    assert stored(settings.PRIVATE_MEDIA_ROOT) == {"events/documents/noi-bo.pdf": PDF + b"noi-bo.pdf"}
    names = dict(EventDocument.objects.values_list("title", "file"))
    assert names == {
        "noi-bo.pdf": "private/events/documents/noi-bo.pdf",
        "cong-khai.pdf": "events/documents/cong-khai.pdf",
        "da-mat.pdf": "private/events/documents/da-mat.pdf",
    }
    client.force_login(coordinator)
    assert fetched(client, rows["noi-bo.pdf"].download_url) == PDF + b"noi-bo.pdf"
    assert client.get(rows["da-mat.pdf"].download_url).status_code == 404
    # Running it again changes nothing.
    migration.documents_to_private(apps, None)
    assert dict(EventDocument.objects.values_list("title", "file")) == names
