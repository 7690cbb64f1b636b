"""Importing organisations and people from a spreadsheet in the admin: the preview row by row, the
possible duplicates found by ``members.matching``, all or nothing, and nothing changed by the same
file twice. The demo network goes out through the template and comes back identical."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from core.imports.cells import XLSXFormat
from core.models import ImportRecord
from core.tests.test_imports import confirm, import_rows, preview, row_errors, statuses, workbook_bytes
from events.models import EventOrganiser
from hub.models import ResourceOrganisation
from initiatives.models import InitiativePartner
from members.models import Affiliation, Membership, MembershipType, Organisation, Person
from members.resources import OrganisationResource
from members.tests.factories import (
    AffiliationFactory,
    MembershipTypeFactory,
    OrganisationFactory,
    PersonFactory,
    ProvinceFactory,
)
from vocabulary.models import Province

pytestmark = pytest.mark.django_db

ORGANISATIONS = "members_organisation"
PEOPLE = "members_person"
HEADINGS = [
    "Tên tổ chức (tiếng Việt)",
    "Tên tổ chức (tiếng Anh)",
    "Tên viết tắt",
    "Loại hình",
    "Tỉnh/thành phố",
    "Công khai",
    "Loại thành viên",
    "Ngày gia nhập",
]


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def greenhub(db):
    return OrganisationFactory(
        slug="greenhub",
        name_vi="Trung tâm Hỗ trợ Phát triển Xanh",
        name_en="Centre for Supporting Green Development",
        acronym="GreenHub",
        aliases="Green Hub",
    )


@pytest.fixture
def places(db):
    ProvinceFactory()
    danang = ProvinceFactory(code="da-nang", name_vi="Đà Nẵng", name_en="Da Nang")
    ProvinceFactory(code="quang-nam", name_vi="Quảng Nam", name_en="Quang Nam", successor=danang)
    MembershipTypeFactory()


@pytest.fixture
def signed_in(client, coordinator):
    client.force_login(coordinator)
    return client


def history_rows() -> int:
    return Organisation.history.count() + Membership.history.count() + Person.history.count()


def test_the_preview_tells_new_updated_duplicate_and_wrong_rows_apart(signed_in, greenhub, places):
    rows = [
        HEADINGS,
        [
            "Trung tâm Sống Xanh",
            "Green Living Centre",
            "SX",
            "ngo",
            "Hà Nội",
            "Có",
            "Thành viên",
            "08/11/2024",
        ],
        # The directory's own name, so the row updates it: a new English name.
        [
            "Trung tâm Hỗ trợ Phát triển Xanh",
            "Green Development Support Centre",
            "GreenHub",
            "ngo",
            "",
            "",
            "",
            "",
        ],
        # The same centre, written without accents: a possible duplicate, not an update.
        ["Trung tam Ho tro Phat trien Xanh", "", "", "ngo", "", "Có", "", ""],
        ["Liên minh Không rác Việt Nam", "", "ZWA", "hợp tác xã", "Hà Nội", "Có", "", ""],
        ["", "", "KHC", "community", "", "", "", ""],
    ]
    response = preview(signed_in, ORGANISATIONS, rows)
    assert response.status_code == 200
    assert statuses(response) == {2: "new", 3: "update", 4: "duplicate", 5: "error", 6: "error"}
    duplicate = next(row for row in response.context["preview_rows"] if row.line == 4)
    assert [found.url for found in duplicate.duplicates] == [
        reverse("admin:members_organisation_change", args=[greenhub.pk])
    ]
    update = next(row for row in response.context["preview_rows"] if row.line == 3)
    assert [cell.changed for cell in update.cells][:3] == [False, True, False]
    assert response.context.get("confirm_form") is None, "a file with errors offers no import"
    assert Organisation.objects.count() == 1
    greenhub.refresh_from_db()
    assert greenhub.name_en == "Centre for Supporting Green Development"


def test_errors_are_shown_in_vietnamese_with_the_row_and_the_column(signed_in, places):
    rows = [
        HEADINGS,
        ["Liên minh Không rác", "", "ZWA", "hợp tác xã", "Hà Nội", "Có", "", "31/02/2024"],
        ["", "", "KHC", "", "", "", "", ""],
    ]
    response = preview(signed_in, ORGANISATIONS, rows)
    content = response.content.decode()
    with translation.override("vi"):
        unknown_kind = translation.gettext("“%(value)s” is not one of the choices: %(choices)s.") % {
            "value": "hợp tác xã",
            "choices": "; ".join(str(label) for _value, label in Organisation.Kind.choices),
        }
        wrong_date = translation.gettext("“%(value)s” is not a date: write it as 31/12/2024.") % {
            "value": "31/02/2024"
        }
    assert ("Loại hình", unknown_kind) in row_errors(response, 2)
    assert ("Ngày gia nhập", wrong_date) in row_errors(response, 2)
    assert "viện nghiên cứu" in unknown_kind, "the choices are listed in Vietnamese"
    # The blank-cell message in Vietnamese, under the column's Vietnamese heading.
    assert row_errors(response, 3) == [("Tên tổ chức (tiếng Việt)", "Trường này không được để trống.")]
    assert 'href="#line-3">Dòng 3</a>, Tên tổ chức (tiếng Việt): Trường này không được để trống.' in content
    assert "Có thể trùng" in content and "Cần sửa" in content


def test_a_file_with_one_bad_row_imports_nothing(signed_in, places):
    rows = [HEADINGS] + [
        [f"Hợp tác xã Môi trường {n}", "", "", "ngo", "Hà Nội", "Có", "Thành viên", ""] for n in range(5)
    ]
    rows.append(["Hợp tác xã Môi trường 6", "", "", "ngo", "Hà Nội", "Có", "Thành viên", "ngày mai"])
    response = preview(signed_in, ORGANISATIONS, rows)
    assert response.context["counts"].errors == 1
    assert response.context.get("confirm_form") is None
    # Even posted by hand, the import of a file the preview refused finds no preview to import.
    data = {"import_file_name": "x.xlsx", "original_file_name": "x.xlsx", "format": "0", "resource": "0"}
    refused = signed_in.post(reverse("admin:members_organisation_process_import"), data)
    assert refused.status_code == 302
    assert not Organisation.objects.exists()
    assert not Membership.objects.exists()
    assert ImportRecord.objects.get().status == ImportRecord.Status.REFUSED


def test_an_import_that_fails_half_way_is_rolled_back_whole(signed_in, places, monkeypatch):
    rows = [HEADINGS] + [
        [f"Hợp tác xã Môi trường {n}", "", "", "ngo", "Hà Nội", "Có", "Thành viên", ""] for n in range(4)
    ]
    previewed = preview(signed_in, ORGANISATIONS, rows)
    # Between the preview and the import another coordinator adds the third organisation's
    # name as a slug-less duplicate: its row now updates it, and an acronym clash is refused.
    OrganisationFactory(name_vi="Hợp tác xã Môi trường 2")
    OrganisationFactory(name_vi="Hợp tác xã Môi trường 2")
    response = confirm(signed_in, ORGANISATIONS, previewed)
    assert response.status_code == 200
    assert statuses(response)[4] == "error"
    assert not Organisation.objects.filter(
        name_vi__in=["Hợp tác xã Môi trường 0", "Hợp tác xã Môi trường 1"]
    ).exists()
    assert not Membership.objects.exists()
    assert ImportRecord.objects.get().status == ImportRecord.Status.REFUSED


def test_importing_creates_memberships_places_and_counts_former_provinces_in_their_successor(
    signed_in, places
):
    rows = [
        HEADINGS,
        [
            "Trung tâm Sống Xanh",
            "Green Living Centre",
            "SX",
            "NGO / civil society organisation",
            "ha-noi",
            "Có",
            "member",
            "08/11/2024",
        ],
        ["Nhóm Biển Sạch Hội An", "", "", "nhóm cộng đồng", "Tỉnh Quảng Nam", "có", "Thành viên", ""],
        ["Quỹ Xanh Đà Nẵng", "", "", "foundation", "TP. Đà Nẵng", "Không", "", ""],
    ]
    previewed, imported = import_rows(signed_in, ORGANISATIONS, rows, fmt="csv")
    assert imported.status_code == 302
    song_xanh = Organisation.objects.get(name_vi="Trung tâm Sống Xanh")
    assert (song_xanh.slug, song_xanh.kind, song_xanh.province.code, song_xanh.is_published) == (
        "sx",
        "ngo",
        "ha-noi",
        True,
    )
    membership = song_xanh.memberships.get()
    assert (membership.membership_type.code, str(membership.joined_on), membership.status) == (
        "member",
        "2024-11-08",
        "active",
    )
    hoi_an = Organisation.objects.get(name_vi="Nhóm Biển Sạch Hội An")
    assert (hoi_an.slug, hoi_an.province.code) == ("nhom-bien-sach-hoi-an", "quang-nam")
    assert not Organisation.objects.get(name_vi="Quỹ Xanh Đà Nẵng").is_published
    # The former province is kept as written; the directory counts it in Đà Nẵng.
    listed = signed_in.get(reverse("members:list"), {"province": "da-nang"})
    assert "Nhóm Biển Sạch Hội An" in listed.content.decode()


def test_the_same_file_twice_changes_nothing(signed_in, greenhub, places):
    rows = [
        HEADINGS,
        [
            "Trung tâm Sống Xanh",
            "Green Living Centre",
            "SX",
            "ngo",
            "Hà Nội",
            "Có",
            "Thành viên",
            "08/11/2024",
        ],
        [
            "Trung tâm Hỗ trợ Phát triển Xanh",
            "Green Development Support Centre",
            "GreenHub",
            "ngo",
            "Hà Nội",
            "Có",
            "Thành viên",
            "",
        ],
    ]
    import_rows(signed_in, ORGANISATIONS, rows)
    before = {
        "organisations": list(Organisation.objects.order_by("pk").values()),
        "memberships": list(Membership.objects.order_by("pk").values()),
        "history": history_rows(),
    }
    previewed, imported = import_rows(signed_in, ORGANISATIONS, rows)
    assert statuses(previewed) == {2: "skip", 3: "skip"}
    assert imported.status_code == 302
    assert list(Organisation.objects.order_by("pk").values()) == before["organisations"]
    assert list(Membership.objects.order_by("pk").values()) == before["memberships"]
    assert history_rows() == before["history"]
    assert ImportRecord.objects.order_by("pk").last().skipped == 2


def test_empty_cells_change_nothing_and_a_changed_membership_is_updated(signed_in, greenhub, places):
    membership = Membership.objects.create(
        organisation=greenhub, membership_type=MembershipType.objects.get(code="member"), status="active"
    )
    rows = [
        ["Mã (slug)", "Tên tổ chức (tiếng Anh)", "Loại hình", "Loại thành viên", "Tình trạng thành viên"],
        ["greenhub", "", "", "Thành viên", "tạm ngừng"],
    ]
    previewed, imported = import_rows(signed_in, ORGANISATIONS, rows)
    assert statuses(previewed) == {2: "update"}
    greenhub.refresh_from_db()
    membership.refresh_from_db()
    assert greenhub.name_en == "Centre for Supporting Green Development"
    assert membership.status == Membership.Status.SUSPENDED
    assert greenhub.history.count() == 1, "the organisation itself did not change"


def test_possible_duplicates_are_imported_only_when_confirmed(signed_in, greenhub, places):
    rows = [
        HEADINGS,
        ["Green Hub", "", "", "ngo", "", "Có", "", ""],
        ["Trung tâm Mới", "", "TTM", "ngo", "", "Có", "", ""],
        ["Trung tam moi", "", "", "ngo", "", "", "", ""],
    ]
    previewed = preview(signed_in, ORGANISATIONS, rows)
    assert statuses(previewed) == {2: "duplicate", 3: "new", 4: "duplicate"}
    in_file = next(row for row in previewed.context["preview_rows"] if row.line == 4)
    assert [found.url for found in in_file.duplicates] == ["#line-3"]
    refused = confirm(signed_in, ORGANISATIONS, previewed)
    assert refused.status_code == 200
    assert Organisation.objects.count() == 1
    imported = confirm(signed_in, ORGANISATIONS, previewed, accept_duplicates=True)
    assert imported.status_code == 302
    assert Organisation.objects.count() == 4


def test_an_english_sheet_imports_as_a_vietnamese_one(signed_in, places):
    rows = [
        ["Name (Vietnamese)", "Name (English)", "Acronym", "Kind", "Province", "Published"],
        [
            "Trung tâm Sống Xanh",
            "Green Living Centre",
            "SX",
            "NGO / civil society organisation",
            "Hanoi",
            "Yes",
        ],
    ]
    import_rows(signed_in, ORGANISATIONS, rows)
    organisation = Organisation.objects.get()
    assert (
        organisation.name_en,
        organisation.kind,
        organisation.province.code,
        organisation.is_published,
    ) == (
        "Green Living Centre",
        "ngo",
        "ha-noi",
        True,
    )


def test_the_demo_network_goes_out_through_the_template_and_comes_back_identical(
    signed_in, settings, tmp_path
):
    call_command("load_demo", stdout=io.StringIO())
    imported_fields = [
        "slug",
        "name_vi",
        "name_en",
        "acronym",
        "aliases",
        "kind",
        "province_id",
        "website",
        "description_vi",
        "description_en",
        "is_published",
    ]

    def directory() -> dict:
        return {
            organisation["slug"]: organisation
            for organisation in Organisation.objects.values(*imported_fields)
        } | {
            f"membership:{membership['organisation__slug']}": membership
            for membership in Membership.objects.values(
                "organisation__slug", "membership_type__code", "status", "joined_on", "start", "end"
            )
        }

    before = directory()
    assert len([key for key in before if not key.startswith("membership:")]) >= 17
    exported = signed_in.get(
        reverse("admin:members_organisation_import_template", args=["xlsx"]), {"filled": "1"}
    )
    data = exported.content
    dataset = XLSXFormat().create_dataset(data)
    assert dataset.headers[:2] == ["Mã (slug)", "Tên tổ chức (tiếng Việt)"]
    assert len(dataset) == len(before) - len([key for key in before if key.startswith("membership:")])

    # The same file into the same directory changes nothing.
    history = history_rows()
    response = signed_in.post(
        reverse("admin:members_organisation_import"), {"import_file": _upload(data), "resource": "0"}
    )
    assert set(statuses(response).values()) == {"skip"}

    # And into an emptied directory it brings every organisation back as it was.
    InitiativePartner.objects.all().delete()
    EventOrganiser.objects.all().delete()
    ResourceOrganisation.objects.all().delete()
    Organisation.objects.update(parent=None)
    Organisation.objects.all().delete()
    response = signed_in.post(
        reverse("admin:members_organisation_import"), {"import_file": _upload(data), "resource": "0"}
    )
    assert set(statuses(response).values()) == {"new"}, [
        row.errors for row in response.context["preview_rows"]
    ]
    confirm(signed_in, ORGANISATIONS, response)
    assert directory() == before
    assert history_rows() > history


def _upload(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("to-chuc.xlsx", data)


# --- people ---------------------------------------------------------------------------------------

PEOPLE_HEADINGS = [
    "Họ và tên",
    "Giới tính",
    "Chức vụ",
    "Email",
    "Điện thoại",
    "Tổ chức",
    "Vai trò",
    "Đầu mối chính",
]


def test_people_are_matched_by_email_by_name_at_their_organisation_or_flagged(signed_in, greenhub):
    nhung = PersonFactory(full_name="Nguyễn Thị Hồng Nhung", email="nhung@greenhub.test", phone="")
    AffiliationFactory(person=nhung, organisation=greenhub)
    minh = PersonFactory(full_name="Trần Văn Minh", email="", phone="")
    AffiliationFactory(person=minh, organisation=greenhub, role=Affiliation.Role.STAFF)
    rows = [
        PEOPLE_HEADINGS,
        [
            "Nguyễn Thị Hồng Nhung",
            "Nữ",
            "Điều phối viên",
            "NHUNG@greenhub.test",
            "",
            "GreenHub",
            "đầu mối",
            "Có",
        ],
        ["Trần Văn Minh", "Nam", "", "", "", "Trung tâm Hỗ trợ Phát triển Xanh", "", ""],
        ["Tran Van Minh", "Nam", "", "", "", "Green Hub", "", ""],
        ["Lê Thu Hà", "nữ", "Cán bộ dự án", "ha.le@cecr.test", "912345678", "", "", ""],
        ["Phạm Văn Đức", "", "", "", "", "Công ty chưa có", "", ""],
    ]
    response = preview(signed_in, PEOPLE, rows)
    assert statuses(response) == {2: "update", 3: "update", 4: "duplicate", 5: "new", 6: "error"}
    with translation.override("vi"):
        unknown = translation.gettext(
            "“%(value)s” is not an organisation of the directory: add it first, or write its name as the directory has it."
        ) % {"value": "Công ty chưa có"}
    assert row_errors(response, 6) == [("Tổ chức", unknown)]


def test_people_and_their_roles_import_once(signed_in, greenhub):
    cecr = OrganisationFactory(name_vi="Trung tâm Bảo tồn và Phát triển Tài nguyên Nước", acronym="CECR")
    rows = [
        PEOPLE_HEADINGS,
        # Excel keeps a phone number typed as a number without its leading zero.
        ["Lê Thu Hà", "nữ", "Cán bộ dự án", "ha.le@cecr.test", 912345678, "CECR", "đầu mối", "Có"],
        # The same person with a second role: one person, two roles.
        ["Lê Thu Hà", "nữ", "Cán bộ dự án", "ha.le@cecr.test", "", "GreenHub", "cán bộ", ""],
        ["Hoàng Minh Tuấn", "Nam", "", "", "", "GreenHub", "", ""],
    ]
    import_rows(signed_in, PEOPLE, rows)
    ha = Person.objects.get(full_name="Lê Thu Hà")
    assert (ha.gender, ha.phone, ha.email) == ("female", "0912345678", "ha.le@cecr.test")
    assert sorted(ha.affiliations.values_list("organisation__acronym", "role", "is_primary")) == [
        ("CECR", "focal_point", True),
        ("GreenHub", "staff", False),
    ]
    assert Person.objects.count() == 2
    snapshot = (list(Person.objects.values()), list(Affiliation.objects.values()), Person.history.count())
    previewed, _imported = import_rows(signed_in, PEOPLE, rows)
    assert set(statuses(previewed).values()) == {"skip"}
    assert (
        list(Person.objects.values()),
        list(Affiliation.objects.values()),
        Person.history.count(),
    ) == snapshot
    assert cecr.affiliations.count() == 1


def test_the_people_template_carries_their_roles(signed_in, greenhub):
    nhung = PersonFactory(full_name="Nguyễn Thị Hồng Nhung", email="nhung@greenhub.test")
    AffiliationFactory(
        person=nhung, organisation=greenhub, role=Affiliation.Role.FOCAL_POINT, is_primary=True
    )
    exported = signed_in.get(
        reverse("admin:members_person_import_template", args=["xlsx"]), {"filled": "1", "lang": "en"}
    )
    dataset = XLSXFormat().create_dataset(exported.content)
    row = dict(zip(dataset.headers, dataset[0], strict=True))
    assert (row["Full name"], row["Organisation"], row["Role"], row["Primary contact"]) == (
        "Nguyễn Thị Hồng Nhung",
        greenhub.name_vi,
        "focal point",
        "Yes",
    )


def test_the_organisation_resource_reads_its_columns_in_either_language():
    names, ignored = OrganisationResource.match_headings(
        ["STT", "ten to chuc (tieng viet)", "Kind", "Ghi chú"]
    )
    assert names == [None, "name_vi", "kind", None]
    assert ignored == ["STT", "Ghi chú"]


def test_a_province_by_code_name_or_english_name(places):
    from members.resources import province_widget

    widget = province_widget()
    assert widget.clean("Thành phố Hà Nội") == Province.objects.get(code="ha-noi")
    assert widget.clean("da nang") == Province.objects.get(code="da-nang")
    assert widget.clean("quang-nam").successor.code == "da-nang"
    with pytest.raises(ValueError):
        widget.clean("Sài Gòn")


def test_a_workbook_with_blank_lines_keeps_the_sheets_row_numbers(signed_in, places):
    data = workbook_bytes(
        [HEADINGS, ["Trung tâm A", "", "", "ngo", "", "", "", ""], [], ["", "", "", "ngo", "", "", "", ""]]
    )
    response = signed_in.post(
        reverse("admin:members_organisation_import"), {"import_file": _upload(data), "resource": "0"}
    )
    assert statuses(response) == {2: "new", 4: "error"}
