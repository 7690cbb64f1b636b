"""Evidence and initiative documents that are not public: private storage, permission-checked
downloads, links that lead there, and the move of files that were under MEDIA_ROOT."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile

from core import roles
from core.private_files import document_save
from events.tests.test_admin import form_data
from initiatives.models import IndicatorUpdate, InitiativeDocument, UpdateEvidence
from initiatives.tests.factories import IndicatorUpdateFactory, InitiativePartnerFactory
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


def evidence_for(update, content: bytes = PDF, name: str = "Danh sách người hưởng lợi.pdf") -> UpdateEvidence:
    evidence = UpdateEvidence(update=update, original_name=name)
    evidence.file.save("danh-sach.pdf", ContentFile(content), save=True)
    return evidence


def test_the_approval_queue_and_the_admin_link_evidence_to_its_download(client, staff_in, settings):
    update = IndicatorUpdateFactory(
        status=IndicatorUpdate.Status.SUBMITTED, organisation=OrganisationFactory()
    )
    evidence = evidence_for(update)
    assert stored(settings.MEDIA_ROOT) == {}
    client.force_login(staff_in(roles.RESULTS_APPROVERS))
    queue = client.get("/vi/initiatives/report/approvals/").content.decode()
    assert f'href="/vi/initiatives/evidence/{evidence.pk}/"' in queue
    assert "/media/" not in queue
    change = client.get(f"/vi/admin/initiatives/indicatorupdate/{update.pk}/change/").content.decode()
    assert f'href="/vi/initiatives/evidence/{evidence.pk}/"' in change
    assert f"/media/{evidence.file.name}" not in change
    assert fetched(client, evidence.download_url) == PDF


def test_a_member_revising_an_update_sees_its_evidence_and_downloads_it(client, editor_of):
    partner = InitiativePartnerFactory()
    update = IndicatorUpdateFactory(
        period__indicator__result__initiative=partner.initiative,
        organisation=partner.organisation,
        status=IndicatorUpdate.Status.RETURNED,
    )
    evidence = evidence_for(update)
    client.force_login(editor_of(partner.organisation))
    page = client.get(f"/vi/initiatives/report/{partner.initiative.slug}/updates/{update.pk}/edit/")
    assert f'href="{evidence.download_url}">Danh sách người hưởng lợi.pdf</a>' in page.content.decode()
    assert fetched(client, evidence.download_url) == PDF
    client.force_login(editor_of(OrganisationFactory()))
    assert client.get(evidence.download_url).status_code == 404


def test_the_public_page_lists_only_public_documents_and_unticking_public_moves_the_file(
    client, coordinator, settings, django_capture_on_commit_callbacks
):
    partner = InitiativePartnerFactory(initiative__slug="mo-hinh-thu-gom")
    initiative = partner.initiative
    shown = InitiativeDocument(initiative=initiative, title_vi="Báo cáo tổng kết")
    shown.file.save("tong-ket.pdf", ContentFile(PDF), save=False)
    document_save(document=shown)
    public_url = shown.file.url
    assert public_url == f"/media/{shown.file.name}"
    page = client.get("/vi/initiatives/mo-hinh-thu-gom/").content.decode()
    assert public_url in page
    assert fetched(client, public_url) == PDF

    client.force_login(coordinator)
    url = f"/vi/admin/initiatives/initiative/{initiative.pk}/change/"
    data = form_data(client.get(url))
    prefix = next(key for key in data if key.endswith("-0-title_vi") and data[key] == "Báo cáo tổng kết")
    data.pop(prefix.replace("title_vi", "is_public"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    document = InitiativeDocument.objects.get()
    assert not document.is_public
    assert stored(settings.MEDIA_ROOT) == {}
    assert list(stored(settings.PRIVATE_MEDIA_ROOT).values()) == [PDF]
    assert document.file.url == f"/vi/initiatives/documents/{document.pk}/"
    assert fetched(client, document.file.url) == PDF

    client.logout()
    page = client.get("/vi/initiatives/mo-hinh-thu-gom/").content.decode()
    assert "Báo cáo tổng kết" not in page
    assert client.get(public_url).status_code == 404
    assert client.get(document.file.url).status_code == 404


def test_the_partners_editors_download_a_private_document_and_other_members_do_not(client, editor_of):
    partner = InitiativePartnerFactory()
    document = InitiativeDocument(initiative=partner.initiative, title_vi="Hợp đồng tài trợ", is_public=False)
    document.file.save("hop-dong.pdf", ContentFile(PDF), save=False)
    document_save(document=document)
    client.force_login(editor_of(OrganisationFactory()))
    assert client.get(document.download_url).status_code == 404
    client.force_login(editor_of(partner.organisation))
    response = client.get(document.download_url)
    assert b"".join(response.streaming_content) == PDF
    assert (
        "filename*=UTF-8''H%E1%BB%A3p%20%C4%91%E1%BB%93ng%20t%C3%A0i%20tr%E1%BB%A3.pdf"
        in response["Content-Disposition"]
    )


def test_the_data_migration_moves_every_evidence_file_out_of_media(client, editor_of, settings):
    migration = importlib.import_module("initiatives.migrations.0007_move_private_files")
    partner = InitiativePartnerFactory()
    update = IndicatorUpdateFactory(
        period__indicator__result__initiative=partner.initiative, organisation=partner.organisation
    )
    media = Path(settings.MEDIA_ROOT) / "initiatives" / "evidence"
    media.mkdir(parents=True)
    kept = UpdateEvidence.objects.create(
        update=update, file="initiatives/evidence/danh-sach.pdf", original_name="a.pdf"
    )
    (media / "danh-sach.pdf").write_bytes(PDF)
    missing = UpdateEvidence.objects.create(update=update, file="initiatives/evidence/da-mat.pdf")
    deleted = UpdateEvidence.objects.create(update=update, file="initiatives/evidence/da-xoa.pdf")
    (media / "da-xoa.pdf").write_bytes(PDF + b"da-xoa")
    deleted.delete()  # history still names its file, which is still on disk
    (media / "khong-ten.pdf").write_bytes(PDF + b"khong-ten")  # named by no row at all

    migration.evidence_to_private(apps, None)

    assert stored(settings.MEDIA_ROOT) == {}
    assert stored(settings.PRIVATE_MEDIA_ROOT) == {
        "initiatives/evidence/danh-sach.pdf": PDF,
        "initiatives/evidence/da-xoa.pdf": PDF + b"da-xoa",
        "initiatives/evidence/khong-ten.pdf": PDF + b"khong-ten",
    }
    client.force_login(editor_of(partner.organisation))
    assert fetched(client, kept.download_url) == PDF
    assert client.get(missing.download_url).status_code == 404
