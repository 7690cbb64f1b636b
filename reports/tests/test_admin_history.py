"""The published reports' history in the admin: who published or withdrew a report, and when."""

import pytest
from django.core.files.base import ContentFile

from core import roles
from reports.models import PublishedReport, ReportFile, ReportRun
from reports.tests.factories import ReportRunFactory

pytestmark = pytest.mark.django_db

ADMIN = "/vi/admin/reports/publishedreport/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def published():
    run = ReportRunFactory(status=ReportRun.Status.SUCCEEDED, formats=["csv"])
    report_file = ReportFile(run=run, format="csv", size=4)
    report_file.file.save("run.csv", ContentFile(b"a,b\n"), save=True)
    return PublishedReport.objects.create(
        slug="bao-cao-thuong-nien-2024",
        title="Báo cáo thường niên 2024",
        kind=run.kind,
        year=2024,
        file=report_file,
    )


@pytest.mark.parametrize("role", [roles.COORDINATORS, roles.REPORT_STAFF])
def test_withdrawing_a_report_from_the_list_is_recorded_with_who_did_it(client, staff_in, published, role):
    user = staff_in(role)
    client.force_login(user)
    response = client.post(
        ADMIN,
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
            "form-0-id": str(published.pk),
            "form-0-is_published": "",
            "_save": "Lưu",
        },
    )
    assert response.status_code == 302
    published.refresh_from_db()
    assert not published.is_published
    latest = published.history.first()
    assert not latest.is_published and latest.history_user == user

    page = client.get(f"{ADMIN}{published.pk}/history/")
    assert page.status_code == 200
    assert user.email in page.content.decode()
    assert client.get(f"{ADMIN}{published.pk}/history/{latest.history_id}/").status_code == 200
