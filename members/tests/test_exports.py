"""Directory exports: public ones carry no private fields; coordinators' ones do."""

import csv
import io

import pytest
from openpyxl import load_workbook

from members.tests.factories import AffiliationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    greenhub = OrganisationFactory(name_vi="Trung tâm Hỗ trợ Phát triển Xanh", acronym="GreenHub")
    AffiliationFactory(
        organisation=greenhub,
        person__full_name="Trần Văn Minh",
        person__email="minh@greenhub.test",
        person__phone="0912345678",
    )
    OrganisationFactory(name_vi="Tổ chức chưa công bố", is_published=False)
    return greenhub


def read_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())  # Excel needs the BOM to read UTF-8
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_public_csv_export_has_vietnamese_and_no_private_fields(client, directory):
    response = client.get("/vi/members/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = read_csv(response)
    assert rows[0][:4] == ["Tên (tiếng Việt)", "Tên (tiếng Anh)", "Tên viết tắt", "Loại hình"]
    assert [row[0] for row in rows[1:]] == ["Trung tâm Hỗ trợ Phát triển Xanh"]
    text = "\n".join(",".join(row) for row in rows)
    assert "minh@greenhub.test" not in text and "0912345678" not in text and "Trần Văn Minh" not in text
    assert "Tổ chức chưa công bố" not in text


def test_public_excel_export_follows_the_filters(client, directory):
    OrganisationFactory(name_vi="Công ty TNHH Dow Việt Nam", kind="business")
    response = client.get("/vi/members/export.xlsx", {"kind": "business"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["Công ty TNHH Dow Việt Nam"]
    assert sheet.freeze_panes == "A2"


def test_an_unknown_export_format_is_not_found(client, directory):
    assert client.get("/vi/members/export.pdf").status_code == 404


def test_coordinators_export_from_the_admin_includes_contacts(client, directory, coordinator):
    client.force_login(coordinator)
    response = client.post(
        "/vi/admin/members/organisation/",
        {"action": "export_csv", "_selected_action": [directory.pk]},
    )
    rows = read_csv(response)
    assert rows[0][-3:] == ["Đầu mối liên hệ", "Email", "Điện thoại"]
    assert rows[1][-3:] == ["Trần Văn Minh", "minh@greenhub.test", "0912345678"]
