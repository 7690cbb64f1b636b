"""Member accounts: asking to edit, coordinator approval, and who may edit what."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from members.models import EditorRequest, Membership
from members.services import editor_request_decide
from members.tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def png_bytes(size=(300, 200), colour=(31, 111, 92)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def upload(name: str, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def org_a():
    return OrganisationFactory(
        name_vi="Trung tâm Hỗ trợ Phát triển Xanh", acronym="GreenHub", slug="greenhub"
    )


@pytest.fixture
def org_b():
    return OrganisationFactory(name_vi="Viện Kinh tế và Quy hoạch thủy sản", acronym="Vifep", slug="vifep")


MEMBER_URLS = ["/vi/members/{slug}/edit/", "/vi/members/{slug}/join/"]


@pytest.mark.parametrize("url", [*MEMBER_URLS, "/vi/members/mine/"])
def test_anonymous_visitors_are_sent_to_sign_in(client, org_a, url):
    response = client.get(url.format(slug=org_a.slug))
    assert response.status_code == 302
    assert response["Location"].startswith("/vi/accounts/login/")


def test_permission_matrix_for_editing_a_profile(client, org_a, org_b, editor_of, coordinator):
    editor_a = editor_of(org_a)
    editor_b = editor_of(org_b)
    edit_a = f"/vi/members/{org_a.slug}/edit/"

    client.force_login(editor_a)
    assert client.get(edit_a).status_code == 200
    client.force_login(editor_b)
    assert client.get(edit_a).status_code == 404
    assert client.post(edit_a, {"name_vi": "Đổi tên trái phép"}).status_code == 404
    client.force_login(coordinator)
    assert client.get(edit_a).status_code == 200
    org_a.refresh_from_db()
    assert org_a.name_vi == "Trung tâm Hỗ trợ Phát triển Xanh"


def test_a_pending_or_declined_request_gives_no_edit_rights(client, org_a):
    user = UserFactory()
    EditorRequest.objects.create(user=user, organisation=org_a, status=EditorRequest.Status.PENDING)
    client.force_login(user)
    assert client.get(f"/vi/members/{org_a.slug}/edit/").status_code == 404
    EditorRequest.objects.filter(user=user).update(status=EditorRequest.Status.REJECTED)
    assert client.get(f"/vi/members/{org_a.slug}/edit/").status_code == 404


def test_an_unpublished_organisation_cannot_be_joined(client, org_a):
    org_a.is_published = False
    org_a.save()
    client.force_login(UserFactory())
    assert client.get(f"/vi/members/{org_a.slug}/join/").status_code == 404


def test_sign_up_ask_to_join_approval_then_edit(
    client, org_a, coordinator, django_capture_on_commit_callbacks, deliver_mail
):
    user = UserFactory(email="thu@greenhub.test")
    client.force_login(user)
    response = client.post(
        f"/vi/members/{org_a.slug}/join/",
        {"position": "Cán bộ truyền thông", "message": "Tôi phụ trách trang web."},
    )
    assert response.status_code == 302
    request = EditorRequest.objects.get(user=user)
    assert request.status == EditorRequest.Status.PENDING
    assert "đang chờ phê duyệt" in client.get("/vi/members/mine/").content.decode().lower()

    with django_capture_on_commit_callbacks(execute=True):
        editor_request_decide(editor_request=request, coordinator=coordinator, approve=True)
    outbox = deliver_mail()
    assert outbox[-1].to == ["thu@greenhub.test"]
    assert "Trung tâm Hỗ trợ Phát triển Xanh" in outbox[-1].subject

    response = client.post(
        f"/vi/members/{org_a.slug}/edit/",
        {
            "name_vi": "Trung tâm Hỗ trợ Phát triển Xanh",
            "name_en": "GreenHub",
            "acronym": "GreenHub",
            "description_vi": "GreenHub thúc đẩy giảm thiểu rác thải nhựa tại cộng đồng ven biển.",
            "description_en": "GreenHub works on plastic-waste reduction in coastal communities.",
            "website": "https://greenhub.org.vn",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/vi/members/{org_a.slug}/").content.decode()
    assert "cộng đồng ven biển" in page
    assert "coastal communities" in client.get(f"/en/members/{org_a.slug}/").content.decode()


def test_a_member_editor_cannot_change_the_membership(client, org_a, editor_of):
    MembershipFactory(organisation=org_a, status=Membership.Status.APPLIED)
    client.force_login(editor_of(org_a))
    client.post(
        f"/vi/members/{org_a.slug}/edit/",
        {"name_vi": org_a.name_vi, "status": "active", "is_published": "", "kind": "business"},
    )
    org_a.refresh_from_db()
    assert org_a.memberships.get().status == Membership.Status.APPLIED
    assert org_a.is_published is True
    assert org_a.kind == "ngo"


def test_only_staff_decide_requests(org_a):
    request = EditorRequest.objects.create(user=UserFactory(), organisation=org_a)
    with pytest.raises(ValidationError):
        editor_request_decide(editor_request=request, coordinator=UserFactory(), approve=True)


def test_a_logo_is_re_encoded_with_a_thumbnail_under_a_generated_name(
    client, org_a, editor_of, settings, django_capture_on_commit_callbacks
):
    client.force_login(editor_of(org_a))
    response = client.post(
        f"/vi/members/{org_a.slug}/edit/",
        {"name_vi": org_a.name_vi, "logo": upload("logo cua toi.png", png_bytes((800, 400)))},
    )
    assert response.status_code == 302
    org_a.refresh_from_db()
    assert org_a.logo.name.startswith("logos/") and "logo cua toi" not in org_a.logo.name
    with Image.open(org_a.logo_thumbnail.path) as thumb:
        assert max(thumb.size) <= 240
    assert len(stored_files(settings)) == 2

    # Replacing the logo removes the old files.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/vi/members/{org_a.slug}/edit/",
            {"name_vi": org_a.name_vi, "logo": upload("moi.png", png_bytes())},
        )
    assert len(stored_files(settings)) == 2


def _bomb_png() -> bytes:
    """A PNG of a few hundred bytes whose header claims 50,000 × 50,000 pixels (2.5 gigapixels)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 50_000, 50_000, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 200_000, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bomb.png", _bomb_png(), "megapixel"),
        ("big.jpg", b"\xff\xd8\xff" + b"0" * (30 * 1024 * 1024), "tối đa 5"),
        ("script.png", b"<?php echo 'x'; ?>", "JPEG, PNG hoặc WebP"),
        ("drawing.gif", b"GIF89a" + png_bytes()[8:], "JPEG, PNG hoặc WebP"),
    ],
    ids=["decompression-bomb", "30-MB", "not-an-image", "gif"],
)
def test_bad_logos_get_a_form_error_and_store_nothing(
    client, org_a, editor_of, settings, name, content, message
):
    client.force_login(editor_of(org_a))
    response = client.post(
        f"/vi/members/{org_a.slug}/edit/",
        {"name_vi": "Tên mới vẫn được giữ trong biểu mẫu", "logo": upload(name, content)},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Tên mới vẫn được giữ trong biểu mẫu" in html  # nothing the editor typed is lost
    assert stored_files(settings) == []
    org_a.refresh_from_db()
    assert not org_a.logo
