"""A resource's page, the counted download or visit, a good-practice model's story and results."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from initiatives.tests.factories import (
    IndicatorFactory,
    IndicatorUpdateFactory,
    InitiativeFactory,
    PeriodFactory,
    ResultFactory,
)

from ..models import Resource
from .factories import ResourceFactory

pytestmark = pytest.mark.django_db


def test_unpublished_and_proposed_resources_answer_404(client):
    draft = ResourceFactory(is_published=False)
    proposed = ResourceFactory(is_published=False, review_status=Resource.Review.PROPOSED)
    for resource in (draft, proposed):
        assert client.get(f"/vi/hub/{resource.slug}/").status_code == 404
        assert client.get(f"/vi/hub/{resource.slug}/download/").status_code == 404
    draft.refresh_from_db()
    assert draft.download_count == 0


def test_a_link_is_visited_through_the_counting_address(client):
    resource = ResourceFactory(url="https://monre.gov.vn/quyet-dinh-538")
    response = client.get(f"/vi/hub/{resource.slug}/download/")
    assert response.status_code == 302
    assert response["Location"] == "https://monre.gov.vn/quyet-dinh-538"
    client.get(f"/vi/hub/{resource.slug}/download/")
    resource.refresh_from_db()
    assert resource.download_count == 2


def test_a_file_is_downloaded_and_counted(client, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    resource = ResourceFactory(url="", file=ContentFile(b"%PDF-1.4 model", name="ban-tom-tat.pdf"))
    response = client.get(f"/vi/hub/{resource.slug}/download/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 model"
    resource.refresh_from_db()
    assert resource.download_count == 1
    page = client.get(f"/vi/hub/{resource.slug}/").content.decode()
    assert "1 lượt tải hoặc truy cập" in page


def test_a_good_practice_model_tells_its_story_and_its_approved_results(client):
    initiative = InitiativeFactory(title_vi="Mô hình kinh tế tuần hoàn tại Hoàn Kiếm")
    result = ResultFactory(initiative=initiative, title_vi="Rác thải nhựa giá trị thấp được thu gom")
    indicator = IndicatorFactory(result=result, title_vi="Khối lượng thu gom", unit_vi="kg")
    period = PeriodFactory(indicator=indicator, start=date(2022, 3, 21), end=date(2022, 6, 30))
    IndicatorUpdateFactory(period=period, reported_on=date(2022, 6, 30), value=Decimal(16150))
    hidden = InitiativeFactory(title_vi="Sáng kiến chưa công bố", is_published=False)
    model = ResourceFactory(
        kind=Resource.Kind.GOOD_PRACTICE,
        title_vi="Mô hình kinh tế tuần hoàn rác thải nhựa giá trị thấp",
        problem_vi="Rác thải nhựa giá trị thấp bị chôn lấp.",
        approach_vi="Thử nghiệm ở 30 hộ dân rồi nhân rộng ra 6 phường.",
        replication_vi="Dựa vào các nhóm nòng cốt.",
    )
    model.initiatives.set([initiative, hidden])
    model.results.set([result])
    html = client.get(f"/vi/hub/{model.slug}/").content.decode()
    assert "Thử nghiệm ở 30 hộ dân rồi nhân rộng ra 6 phường." in html
    assert "Dựa vào các nhóm nòng cốt." in html
    assert "Rác thải nhựa giá trị thấp được thu gom" in html
    assert "16.150" in html
    assert initiative.get_absolute_url() in html
    assert "Sáng kiến chưa công bố" not in html


def test_the_english_page_falls_back_to_vietnamese(client):
    resource = ResourceFactory(title_vi="Hướng dẫn chỉ có tiếng Việt", title_en="")
    assert "Hướng dẫn chỉ có tiếng Việt" in client.get(f"/en/hub/{resource.slug}/").content.decode()
