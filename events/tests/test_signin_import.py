"""Importing a sign-in sheet: a real workbook or CSV, a row-by-row preview against the directory,
and an all-or-nothing commit."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from events.headcounts import event_headcount
from events.models import Event, Participation, SignInImport
from events.services import signin_import_commit
from events.signin.review import SignInRowsInvalid
from events.signin.sheet import MAX_ROWS, parse_sheet
from events.tests.factories import EventFactory, ParticipationFactory
from members.matching import Match
from members.models import Person
from members.tests.factories import AffiliationFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

HEADINGS = [
    "STT",
    "Họ và tên",
    "Giới tính",
    "Tổ chức",
    "Chức vụ",
    "Email",
    "Điện thoại",
    "Hình thức",
    "Ghi chú",
]
SHEET = [
    [
        1,
        "Trần Văn Minh",
        "Nam",
        "ISPONRE",
        "Nghiên cứu viên",
        "Minh.Tran@isponre.test",
        None,
        "Trực tiếp",
        "",
    ],
    [2, "Nguyen Thi Hong Nhung", "nữ", "GreenHub", "Điều phối dự án", None, None, "trực tiếp", ""],
    [
        3,
        "Lê Thị Thu Hà",
        "Nữ",
        "Liên minh Không rác thải Việt Nam",
        "Tình nguyện viên",
        "ha.le@zwa.test",
        912345678,
        "trực tuyến",
        "đến muộn",
    ],
    [4, None, "X", "Keep Hanoi Clean", "Trưởng nhóm", "khong-phai-email", None, "Trực tiếp", ""],
]


def xlsx(rows, headings=HEADINGS, name="danh-sach-dai-bieu.xlsx") -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["DANH SÁCH ĐẠI BIỂU THAM DỰ HỘI THẢO"])
    sheet.append(["Hà Nội, ngày 08/11/2024"])
    sheet.append([])
    sheet.append(headings)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(
        name,
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@pytest.fixture
def directory():
    isponre = OrganisationFactory(
        name_vi="Viện Chiến lược, Chính sách tài nguyên và môi trường", acronym="ISPONRE", slug="isponre"
    )
    greenhub = OrganisationFactory(
        name_vi="Trung tâm Hỗ trợ Phát triển Xanh", acronym="GreenHub", slug="greenhub"
    )
    minh = PersonFactory(
        full_name="Trần Văn Minh",
        gender=Person.Gender.MALE,
        email="minh.tran@isponre.test",
        phone="",
        position="",
    )
    AffiliationFactory(person=minh, organisation=isponre)
    nhung = PersonFactory(
        full_name="Nguyễn Thị Hồng Nhung", gender=Person.Gender.FEMALE, email="nhung@greenhub.test", phone=""
    )
    AffiliationFactory(person=nhung, organisation=greenhub)
    return {"isponre": isponre, "greenhub": greenhub, "minh": minh, "nhung": nhung}


@pytest.fixture
def event():
    return EventFactory(
        title_vi="Hội thảo tham vấn chiến lược Mạng lưới Hành động Nhựa và Sức khỏe",
        format=Event.Format.HYBRID,
        headcount_total=17,
    )


@pytest.fixture
def signed_in(client, coordinator):
    client.force_login(coordinator)
    return client


def upload_url(event) -> str:
    return f"/en/admin/events/event/{event.pk}/signin-import/"


def upload(client, event, file):
    return client.post(upload_url(event), {"file": file})


def preview_rows(response) -> dict[int, dict]:
    """The preview's rows by spreadsheet line."""
    return {item["review"].line: item for item in response.context["rows"]}


def posted(response, **changes) -> dict:
    """The preview form as shown, with some fields changed (``row3_action="skip"``)."""
    data = {}
    for item in response.context["rows"]:
        review = item["review"]
        for cell in item["cells"]:
            data[cell["id"]] = cell["value"]
        data[f"row-{review.index}-action"] = review.action
    for key, value in changes.items():
        if not key.startswith("line"):
            data[key] = value
            continue
        line, name = key.removeprefix("line").split("_", 1)
        index = next(
            item["review"].index for item in response.context["rows"] if item["review"].line == int(line)
        )
        data[f"row-{index}-{name}"] = value
    return data


def test_a_workbook_is_previewed_row_by_row_against_the_directory(signed_in, directory, event):
    response = upload(signed_in, event, xlsx(SHEET))
    assert response.status_code == 302
    signin_import = SignInImport.objects.get()
    assert response["Location"] == f"{upload_url(event)}{signin_import.pk}/"
    assert signin_import.ignored_columns == ["Ghi chú"]

    response = signed_in.get(response["Location"])
    assert response.status_code == 200
    rows = preview_rows(response)
    assert sorted(rows) == [5, 6, 7, 8]  # spreadsheet lines under the title and the headings

    minh = rows[5]["review"]
    assert minh.match == Match.MATCHED and minh.person == directory["minh"]
    assert minh.organisation == directory["isponre"] and not minh.errors

    nhung = rows[6]["review"]
    assert nhung.match == Match.DUPLICATE
    assert [c.person for c in nhung.candidates] == [directory["nhung"]]
    assert nhung.person == directory["nhung"]  # the same name but for tone marks is suggested

    ha = rows[7]["review"]
    assert ha.match == Match.NEW and ha.action == "new" and ha.organisation is None
    assert ha.row["phone"] == "0912345678" and ha.row["mode"] == "online"

    bad = rows[8]["review"]
    assert set(bad.errors) == {"full_name", "gender", "email"}
    assert bad.errors["gender"] == ["Unknown gender “X”: choose female, male, other or not disclosed."]
    html = response.content.decode()
    for message in [
        "The full name is missing.",
        "Unknown gender “X”",
        "“khong-phai-email” is not a valid email address.",
        "Not in the directory; kept as written.",
    ]:
        assert message in html


def test_an_import_with_a_bad_row_writes_nothing_and_keeps_what_was_typed(signed_in, directory, event):
    preview = signed_in.get(upload(signed_in, event, xlsx(SHEET))["Location"])
    people, participations = Person.objects.count(), Participation.objects.count()

    data = posted(preview, line7_position="Điều phối viên tình nguyện", _commit="Import")
    response = signed_in.post(preview.request["PATH_INFO"], data)
    assert response.status_code == 200
    assert Person.objects.count() == people and Participation.objects.count() == participations
    assert SignInImport.objects.get().status == SignInImport.Status.PREVIEW
    rows = preview_rows(response)
    assert rows[8]["review"].blocking
    # The sheet's own unrecognised value stays on screen with its error until it is replaced.
    assert rows[8]["review"].errors["gender"] == [
        "Unknown gender “X”: choose female, male, other or not disclosed."
    ]
    assert '<option value="X" selected>' in response.content.decode()
    assert rows[7]["review"].row["position"] == "Điều phối viên tình nguyện"
    assert 'value="Điều phối viên tình nguyện"' in response.content.decode()
    assert "1 row needs correcting or skipping; nothing was imported." in response.content.decode()
    # Typed corrections survive a reload of the preview.
    again = preview_rows(signed_in.get(preview.request["PATH_INFO"]))
    assert again[7]["review"].row["position"] == "Điều phối viên tình nguyện"


def test_after_skipping_the_bad_row_everyone_is_recorded_as_attended(signed_in, directory, event):
    preview = signed_in.get(upload(signed_in, event, xlsx(SHEET))["Location"])
    people = Person.objects.count()

    response = signed_in.post(
        preview.request["PATH_INFO"], posted(preview, line8_action="skip", _commit="Import")
    )
    assert response.status_code == 302
    assert response["Location"] == f"/en/admin/events/event/{event.pk}/change/"
    assert Person.objects.count() == people + 1  # only Lê Thị Thu Hà is new
    attended = Participation.objects.filter(event=event, status=Participation.Status.ATTENDED)
    assert {p.person.full_name for p in attended} == {
        "Trần Văn Minh",
        "Nguyễn Thị Hồng Nhung",
        "Lê Thị Thu Hà",
    }
    ha = attended.get(person__full_name="Lê Thị Thu Hà")
    assert ha.organisation is None and ha.organisation_name == "Liên minh Không rác thải Việt Nam"
    assert ha.mode == Participation.Mode.ONLINE and ha.person.phone == "0912345678"
    nhung = attended.get(person=directory["nhung"])
    assert nhung.organisation == directory["greenhub"]
    directory["minh"].refresh_from_db()
    assert directory["minh"].position == "Nghiên cứu viên"  # empty before, filled from the sheet
    assert SignInImport.objects.get().status == SignInImport.Status.COMMITTED

    headcount = event_headcount(event)
    assert headcount.from_attendance
    assert (headcount.total, headcount.women, headcount.men, headcount.online) == (3, 2, 1, 1)

    # A second commit of the same sheet is refused rather than counting people twice.
    again = signed_in.post(preview.request["PATH_INFO"], posted(preview, _commit="Import"), follow=True)
    assert "already been imported" in again.content.decode()
    assert Participation.objects.filter(event=event).count() == 3


def test_a_corrected_row_is_imported_and_a_registered_person_becomes_attended(signed_in, directory, event):
    registered = ParticipationFactory(
        event=event, person=directory["minh"], status=Participation.Status.REGISTERED, organisation=None
    )
    preview = signed_in.get(upload(signed_in, event, xlsx(SHEET))["Location"])
    data = posted(
        preview,
        line8_full_name="Phạm Văn Đức",
        line8_gender="male",
        line8_email="duc.pham@keephanoiclean.test",
        _commit="Import",
    )
    response = signed_in.post(preview.request["PATH_INFO"], data)
    assert response.status_code == 302
    assert Participation.objects.filter(event=event).count() == 4
    registered.refresh_from_db()
    assert registered.status == Participation.Status.ATTENDED
    assert registered.organisation == directory["isponre"]
    duc = Person.objects.get(full_name="Phạm Văn Đức")
    assert duc.gender == Person.Gender.MALE and duc.email == "duc.pham@keephanoiclean.test"


def test_choosing_a_new_person_for_a_possible_duplicate_creates_one(signed_in, directory, event):
    preview = signed_in.get(upload(signed_in, event, xlsx(SHEET[:2]))["Location"])
    response = signed_in.post(
        preview.request["PATH_INFO"], posted(preview, line6_action="new", _commit="Import")
    )
    assert response.status_code == 302
    assert Person.objects.filter(full_name="Nguyen Thi Hong Nhung").exists()


def test_the_same_person_twice_on_a_sheet_is_an_error_not_two_participations(directory, event, coordinator):
    rows = parse_sheet(
        xlsx([SHEET[0], [5, "Trần V. Minh", "Nam", "ISPONRE", "", "minh.tran@isponre.test"]])
    ).rows
    signin_import = SignInImport.objects.create(event=event, rows=rows)
    with pytest.raises(SignInRowsInvalid) as refused:
        signin_import_commit(signin_import=signin_import, rows=rows, user=coordinator)
    errors = [review.errors for review in refused.value.reviews]
    assert errors[0] == {}
    assert "Row 5 is already this person; skip one of the two rows." in errors[1]["action"]
    assert not Participation.objects.exists()


def test_a_csv_with_a_byte_order_mark_and_semicolons_is_read(signed_in, directory, event):
    text = (
        "Full name;Gender;Organisation;Position;Email;Phone;Role;Attendance\n"
        "Nguyễn Thị Hồng Nhung;female;Trung tâm Hỗ trợ Phát triển Xanh;Điều phối dự án;;;speaker;in person\n"
        "Đỗ Quang Huy;Male;Dow Việt Nam;Giám đốc bền vững;huy.do@dow.test;+84 98 765 4321;;online\n"
    )
    file = SimpleUploadedFile("dang-ky.csv", b"\xef\xbb\xbf" + text.encode("utf-8"), content_type="text/csv")
    response = upload(signed_in, event, file)
    assert response.status_code == 302
    rows = preview_rows(signed_in.get(response["Location"]))
    nhung, huy = rows[2]["review"], rows[3]["review"]
    assert nhung.row["full_name"] == "Nguyễn Thị Hồng Nhung" and nhung.row["role"] == "speaker"
    assert nhung.match == Match.DUPLICATE and nhung.organisation == directory["greenhub"]
    assert huy.row["gender"] == "male" and huy.row["mode"] == "online" and huy.row["role"] == "participant"
    assert huy.match == Match.NEW and not huy.errors


def test_a_comma_separated_file_without_a_byte_order_mark_is_read_too():
    text = "Họ và tên,Giới tính,Email\nVũ Thị Mai,Nữ,mai.vu@ccbo.test\n"
    sheet = parse_sheet(SimpleUploadedFile("ds.csv", text.encode("utf-8")))
    assert sheet.rows[0]["full_name"] == "Vũ Thị Mai" and sheet.rows[0]["gender"] == "female"


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (
            SimpleUploadedFile("lon.xlsx", b"PK\x03\x04" + b"0" * (5 * 1024 * 1024 + 1)),
            "sign-in sheets may be at most 5.0",
        ),
        (SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100), "This is not a spreadsheet"),
        (SimpleUploadedFile("danh-sach.csv", b"%PDF-1.7\n\x00\x01binary"), "This is not a spreadsheet"),
        (SimpleUploadedFile("cu.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"0" * 100), "Old Excel files"),
        (SimpleUploadedFile("sai.xlsx", b"PK\x03\x04 broken zip"), "This is not a spreadsheet"),
        (SimpleUploadedFile("ansi.csv", b"Ho\xf2 v\xe0 t\xean\nMai\n"), "UTF-8"),
        (
            SimpleUploadedFile("ds.csv", "Tên tổ chức;Email\nGreenHub;a@b.vn\n".encode()),
            "No column with the full name",
        ),
    ],
)
def test_a_file_that_cannot_be_used_is_a_clear_error(signed_in, event, file, message):
    response = upload(signed_in, event, file)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])
    assert not SignInImport.objects.exists()


def test_too_many_rows_are_refused(event):
    from django.core.exceptions import ValidationError

    rows = [[i, f"Đại biểu {i}", "Nữ"] for i in range(MAX_ROWS + 1)]
    with pytest.raises(ValidationError, match="more than 1000 people"):
        parse_sheet(xlsx(rows, headings=["STT", "Họ và tên", "Giới tính"]))


def test_discarding_a_sheet_imports_nothing(signed_in, directory, event):
    preview = signed_in.get(upload(signed_in, event, xlsx(SHEET))["Location"])
    response = signed_in.post(preview.request["PATH_INFO"], posted(preview, _discard="Discard"))
    assert response.status_code == 302
    assert not SignInImport.objects.exists() and not Participation.objects.exists()


def test_an_import_of_another_events_sheet_is_not_found(signed_in, event):
    signin_import = SignInImport.objects.create(event=EventFactory(), rows=[])
    assert signed_in.get(f"{upload_url(event)}{signin_import.pk}/").status_code == 404


def test_a_long_sheet_is_reviewed_a_page_at_a_time_without_losing_corrections(signed_in, event):
    rows = [
        [i, f"Đại biểu số {i}", "Nữ", "Keep Hanoi Clean", "", f"daibieu{i}@khc.test"] for i in range(1, 61)
    ]
    rows[55][2] = "không rõ"  # row 56 of the list, on the second page
    preview = signed_in.get(upload(signed_in, event, xlsx(rows, headings=HEADINGS[:6]))["Location"])
    assert len(preview.context["rows"]) == 50
    assert [line for line, page in preview.context["errors_elsewhere"]] == [5 + 55]

    # Going to the second page keeps a correction made on the first.
    data = posted(preview, line5_position="Trưởng nhóm", _page="2")
    second = signed_in.post(preview.request["PATH_INFO"], data, follow=True)
    assert len(second.context["rows"]) == 10
    assert SignInImport.objects.get().rows[0]["position"] == "Trưởng nhóm"

    response = signed_in.post(
        preview.request["PATH_INFO"], posted(second, line60_gender="undisclosed", _commit="Import")
    )
    assert response.status_code == 302
    assert Participation.objects.filter(event=event).count() == 60
    assert Person.objects.get(full_name="Đại biểu số 1").position == "Trưởng nhóm"
