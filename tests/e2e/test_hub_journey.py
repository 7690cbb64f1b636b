"""Browser journey: a visitor searches the knowledge hub without diacritics, opens the
good-practice model, reads its story and downloads its document; the count goes up. The list
and the model's page have no serious accessibility violations."""

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import Page, expect

from hub.models import Resource
from hub.tests.factories import ResourceFactory
from tests.e2e.accessibility import serious_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Mô hình kinh tế tuần hoàn rác thải nhựa giá trị thấp tại quận Hoàn Kiếm"


@pytest.fixture
def model(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    ResourceFactory(title_vi="Hướng dẫn truyền thông về nhựa", kind=Resource.Kind.GUIDELINE)
    return ResourceFactory(
        kind=Resource.Kind.GOOD_PRACTICE,
        title_vi=TITLE,
        url="",
        file=ContentFile(b"%PDF-1.4 mo hinh", name="mo-hinh.pdf"),
        problem_vi="Rác thải nhựa giá trị thấp không được thu mua nên bị chôn lấp.",
        approach_vi="Thử nghiệm ở 30 hộ dân phường Hàng Đào, nhân rộng ra 6 phường.",
    )


def test_a_visitor_finds_the_model_without_diacritics_and_downloads_it(live_server, page: Page, model):
    page.goto(f"{live_server.url}/vi/hub/")
    assert serious_violations(page) == []
    page.get_by_label("Tìm kiếm").fill("mo hinh kinh te tuan hoan")
    page.get_by_role("button", name="Lọc").click()
    expect(page.get_by_role("status")).to_have_text("1 tài liệu")
    expect(page.get_by_text("Hướng dẫn truyền thông về nhựa")).to_have_count(0)
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("Thử nghiệm ở 30 hộ dân phường Hàng Đào, nhân rộng ra 6 phường.")).to_be_visible()
    assert serious_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải tài liệu").click()
    assert download.value.suggested_filename.endswith(".pdf")
    model.refresh_from_db()
    assert model.download_count == 1
