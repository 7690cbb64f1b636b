"""Private files, fetched at their real URLs by everyone who might try.

Evidence of results (often a list of named beneficiaries), documents that are not public and
built report files are downloaded only through views that check who is asking; to anyone else
they do not exist (404), and none of them is reachable under /media/.
"""

import os
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from core import roles
from core.private_files import document_save
from events.models import EventDocument
from events.tests.factories import EventFactory, EventOrganiserFactory
from initiatives.models import InitiativeDocument, UpdateEvidence

pytestmark = pytest.mark.django_db

EVIDENCE = (
    b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)
EVENT_DOCUMENT = EVIDENCE.replace(b"1 0 obj", b"7 0 obj")
INITIATIVE_DOCUMENT = EVIDENCE.replace(b"1 0 obj", b"9 0 obj")
REPORT = b"a,b\n"


def upload_evidence(client, world, name: str = "Danh sách chị em nhặt rác.pdf") -> UpdateEvidence:
    """Evidence as a member editor attaches it: through the reporting form."""
    client.force_login(world.editor)
    response = client.post(
        f"/vi/initiatives/report/{world.initiative_a.slug}/periods/{world.period_a.pk}/new/",
        {
            "reported_on": "2022-06-30",
            "value": "40",
            "action": "submit",
            "evidence": SimpleUploadedFile(name, EVIDENCE),
        },
    )
    assert response.status_code == 302
    client.logout()
    return UpdateEvidence.objects.latest("pk")


@pytest.fixture
def files(client, world) -> dict[str, tuple[str, bytes]]:
    """One private file of each kind, all of them belonging to world.org_a: its URL and bytes."""
    evidence = upload_evidence(client, world)
    event = EventFactory()
    EventOrganiserFactory(event=event, organisation=world.org_a)
    event_document = EventDocument(event=event, title="Danh sách đại biểu", is_public=False)
    event_document.file.save("dai-bieu.pdf", ContentFile(EVENT_DOCUMENT), save=False)
    document_save(document=event_document)
    initiative_document = InitiativeDocument(
        initiative=world.initiative_a, title_vi="Hợp đồng", is_public=False
    )
    initiative_document.file.save("hop-dong.pdf", ContentFile(INITIATIVE_DOCUMENT), save=False)
    document_save(document=initiative_document)
    return {
        "evidence": (evidence.file.url, EVIDENCE),
        "event document": (event_document.file.url, EVENT_DOCUMENT),
        "initiative document": (initiative_document.file.url, INITIATIVE_DOCUMENT),
        "report file": (f"/vi/reports/files/{world.report_file.pk}/", REPORT),
    }


# Who may fetch what. Report files go to report staff (who build them) and whoever may see report
# runs; the rest to those whose role covers the kind and to the owning organisation's editors.
MAY_FETCH = {
    "anonymous": set(),
    "editor of another organisation": set(),
    "editor of the owning organisation": {"evidence", "event document", "initiative document"},
    roles.COORDINATORS: {"evidence", "event document", "initiative document"},
    roles.RESULTS_APPROVERS: {"evidence"},
    roles.REPORT_STAFF: {"report file"},
    "superuser": {"evidence", "event document", "initiative document", "report file"},
}


@pytest.mark.parametrize("who", list(MAY_FETCH))
def test_each_private_file_answers_only_those_who_may_have_it(
    client, world, files, staff_in, coordinator, who
):
    accounts = {
        "editor of another organisation": world.other_editor,
        "editor of the owning organisation": world.editor,
        "superuser": coordinator,
    }
    if who != "anonymous":
        client.force_login(accounts[who] if who in accounts else staff_in(who))
    wrong = []
    for kind, (url, content) in files.items():
        response = client.get(url)
        if kind in MAY_FETCH[who]:
            body = b"".join(response.streaming_content) if response.status_code == 200 else b""
            if body != content:
                wrong.append(f"{kind} refused or wrong ({response.status_code}): {url}")
            elif not response["Content-Disposition"].startswith("attachment;"):
                wrong.append(f"{kind} is not offered as a download")
            elif (response["Cache-Control"], response["X-Content-Type-Options"]) != (
                "private, no-store",
                "nosniff",
            ):
                wrong.append(f"{kind} may be cached or sniffed")
        elif response.status_code != 404:
            wrong.append(f"{kind} answered {response.status_code}: {url}")
    assert wrong == [], f"{who}:\n" + "\n".join(wrong)


def test_evidence_is_never_under_media_and_its_old_media_address_answers_404(client, world, settings):
    evidence = upload_evidence(client, world)
    media = Path(settings.MEDIA_ROOT)
    assert not [path for path in media.rglob("*") if path.is_file() and path.read_bytes() == EVIDENCE]
    assert (Path(settings.PRIVATE_MEDIA_ROOT) / evidence.file.name).read_bytes() == EVIDENCE
    assert client.get(f"/media/{evidence.file.name}").status_code == 404
    client.force_login(world.editor)
    assert client.get(f"/media/{evidence.file.name}").status_code == 404
    assert evidence.file.url == f"/vi/initiatives/evidence/{evidence.pk}/"


def test_a_download_is_named_after_what_the_uploader_called_it(client, world):
    evidence = upload_evidence(client, world, name="Danh sách chị em nhặt rác Đà Nẵng.pdf")
    client.force_login(world.editor)
    response = client.get(evidence.file.url)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="Danh sach chi em nhat rac Da Nang.pdf"; '
        "filename*=UTF-8''Danh%20s%C3%A1ch%20ch%E1%BB%8B%20em%20nh%E1%BA%B7t%20r%C3%A1c%20%C4%90%C3%A0%20N%E1%BA%B5ng.pdf"
    )


def test_a_hostile_original_name_cannot_break_the_download_header(client, world):
    evidence = UpdateEvidence(
        update=world.update_a, original_name='../../bao "cao";\r\nSet-Cookie: x=1\t.exe'
    )
    evidence.file.save("danh-sach.pdf", ContentFile(EVIDENCE), save=True)
    client.force_login(world.editor)
    response = client.get(evidence.file.url)
    assert b"".join(response.streaming_content) == EVIDENCE
    disposition = response["Content-Disposition"]
    assert disposition == (
        'attachment; filename="bao cao ; Set-Cookie x=1 .exe.pdf"; '
        "filename*=UTF-8''bao%20cao%20%3B%20Set-Cookie%20x%3D1%20.exe.pdf"
    )
    assert "Set-Cookie" not in response.headers and not response.cookies


def test_with_the_accel_prefix_set_nginx_sends_the_file_and_the_portal_sends_no_body(client, world, settings):
    evidence = upload_evidence(client, world)
    settings.PRIVATE_MEDIA_ACCEL_PREFIX = "/private-files/"
    assert "X-Accel-Redirect" not in client.get(evidence.file.url)  # anonymous: 404, no file
    client.force_login(world.editor)
    response = client.get(evidence.file.url)
    assert response.status_code == 200
    assert not response.streaming and response.content == b""
    assert response["X-Accel-Redirect"] == f"/private-files/{evidence.file.name}"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_private_file_missing_from_disk_answers_404(client, world, settings):
    evidence = upload_evidence(client, world)
    (Path(settings.PRIVATE_MEDIA_ROOT) / evidence.file.name).unlink()
    client.force_login(world.editor)
    assert client.get(evidence.file.url).status_code == 404


# --- the media view of local runs -------------------------------------------------------------


@pytest.fixture
def private_file(settings) -> Path:
    path = Path(settings.PRIVATE_MEDIA_ROOT) / "initiatives" / "evidence" / "danh-sach.pdf"
    path.parent.mkdir(parents=True)
    path.write_bytes(EVIDENCE)
    public = Path(settings.MEDIA_ROOT) / "logos" / "logo.png"
    public.parent.mkdir(parents=True)
    public.write_bytes(b"\x89PNG\r\n\x1a\n")
    return path


@pytest.mark.parametrize(
    "url",
    [
        "/media/../private/initiatives/evidence/danh-sach.pdf",
        "/media/%2e%2e/private/initiatives/evidence/danh-sach.pdf",
        "/media/logos/../../private/initiatives/evidence/danh-sach.pdf",
        "/media//..//private/initiatives/evidence/danh-sach.pdf",
    ],
)
def test_the_media_view_refuses_paths_that_climb_into_the_private_root(client, private_file, url):
    response = client.get(url)
    assert response.status_code in (400, 404)
    assert EVIDENCE not in (b"".join(response.streaming_content) if response.streaming else response.content)
    assert client.get("/media/logos/logo.png").status_code == 200


def test_the_media_view_refuses_a_private_root_placed_inside_the_media_root(client, settings, private_file):
    settings.PRIVATE_MEDIA_ROOT = Path(settings.MEDIA_ROOT) / "private"
    settings.PRIVATE_MEDIA_ROOT.mkdir()
    (settings.PRIVATE_MEDIA_ROOT / "danh-sach.pdf").write_bytes(EVIDENCE)
    assert client.get("/media/private/danh-sach.pdf").status_code == 404
    assert client.get("/media/private/").status_code == 404
    assert client.get("/media/logos/logo.png").status_code == 200


def test_the_media_view_refuses_a_link_into_the_private_root(client, settings, private_file):
    os.symlink(private_file.parent, Path(settings.MEDIA_ROOT) / "lien-ket")
    assert client.get("/media/lien-ket/danh-sach.pdf").status_code == 404


def test_the_deployment_check_refuses_a_private_root_inside_the_media_root(settings):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    settings.PRIVATE_MEDIA_ROOT = Path(settings.MEDIA_ROOT) / "private"
    with pytest.raises(SystemCheckError, match="private files would be public"):
        call_command("check")
