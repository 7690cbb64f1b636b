"""/api/v1/reports/: the public reports library, each report with the link to download it."""

import pytest

from reports.models import PublishedReport

from .conftest import SECRETS

pytestmark = pytest.mark.django_db

LIST = "/api/v1/reports/"


def test_published_reports_are_listed_with_a_link_that_downloads_them(portal, client, get_json):
    (row,) = get_json(LIST)["results"]
    assert row["slug"] == "bao-cao-thuong-nien-2022"
    assert row["kind"] == "annual" and row["year"] == 2022 and row["format"] == "pdf" and row["size"] == 8
    assert row["download_url"] == "http://testserver/vi/reports/bao-cao-thuong-nien-2022/download/"
    download = client.get(row["download_url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4"


def test_a_report_of_an_unpublished_pillar_shows_no_pillar(portal, get_json):
    assert get_json(LIST)["results"][0]["pillar"] is None


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"kind": "annual"}, ["ban-tin-quy", "bao-cao-thuong-nien-2022"]),
        ({"kind": "newsletter"}, []),
        ({"year": "2022"}, ["bao-cao-thuong-nien-2022"]),
        ({"pillar": "gender-inclusion"}, ["ban-tin-quy"]),
        # A value naming nothing is ignored, as in the library.
        ({"kind": "khong-co", "year": "nam-nay"}, ["ban-tin-quy", "bao-cao-thuong-nien-2022"]),
    ],
)
def test_the_filters_of_the_library_apply(portal, listed, params, expected):
    PublishedReport.objects.create(
        slug="ban-tin-quy",
        title="Báo cáo Trụ cột",
        kind="annual",
        year=2023,
        pillar=portal.pillar,
        file=portal.report.file,
    )
    assert listed(LIST, **params) == expected


def test_no_answer_holds_who_published_or_unpublished_reports(portal, client):
    text = client.get(LIST).content.decode()
    for secret in [*SECRETS, "published_by", "bao-cao-chua-cong-bo"]:
        assert secret not in text
