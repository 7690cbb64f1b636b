"""The demo network carries CECR's real figures, and the home page adds them up correctly."""

from io import StringIO

import pytest
from django.core.management import call_command

from initiatives.models import IndicatorUpdate, Initiative, UpdateDisaggregation

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once_and_the_home_page_shows_true_totals(client):
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    assert Initiative.objects.filter(is_published=True).count() == 6
    html = client.get("/vi/").content.decode()
    assert "51.150 kg" in html  # 35,000 (ASPPIRe) + 16,150 (Hoàn Kiếm)
    assert "16.000 hộ" in html  # 9,000 + 7,000 households sorting at source
    assert "63 trường" in html  # 39 Green Schools + 24 Nam Từ Liêm schools
    assert "150 người" in html and "Nữ: 150" in html
    # Splits by sex only where the report gives one: the 300 and the 150 women.
    assert sorted(UpdateDisaggregation.objects.values_list("value", flat=True)) == [150, 300]
    assert not IndicatorUpdate.objects.exclude(status=IndicatorUpdate.Status.APPROVED).exists()


def test_the_demo_initiative_pages_render_in_both_languages(client):
    call_command("load_demo", stdout=StringIO())
    for slug in Initiative.objects.values_list("slug", flat=True):
        assert client.get(f"/vi/initiatives/{slug}/").status_code == 200
        assert client.get(f"/en/initiatives/{slug}/").status_code == 200
    cawacon = client.get("/vi/initiatives/cawacon/").content.decode()
    assert "100 % (5/5)" in cawacon
