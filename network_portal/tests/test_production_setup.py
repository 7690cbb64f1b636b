"""The README's production steps on an empty database leave a portal members can report in."""

import json
from collections import Counter
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from events.reference import EVENT_TYPES
from initiatives.models import IndicatorUpdate
from initiatives.tests.factories import IndicatorFactory, InitiativePartnerFactory, PeriodFactory
from members.tests.factories import OrganisationFactory
from network_portal.tests.test_settings import PRODUCTION_ENV, run_with
from vocabulary.provinces_data import FORMER_PROVINCES

REFERENCE_MODELS = [
    "vocabulary.province",
    "members.membershiptype",
    "vocabulary.pillar",
    "initiatives.dimension",
    "initiatives.dimensionvalue",
    "events.eventtype",
]


def test_the_production_steps_give_an_empty_database_its_reference_data_once(tmp_path):
    env = {**PRODUCTION_ENV, "DJANGO_LOG_LEVEL": "ERROR", "PORTAL_VAR_DIR": str(tmp_path)}

    def manage(*args: str) -> str:
        result = run_with(env, "manage.py", *args)
        assert result.returncode == 0, f"manage.py {' '.join(args)}\n{result.stdout}{result.stderr}"
        return result.stdout

    def reference_rows() -> list[dict]:
        return json.loads(manage("dumpdata", *REFERENCE_MODELS, "--indent", "0"))

    manage("migrate", "--noinput")
    assert (tmp_path / "portal.sqlite3").exists(), "the production steps must use the fresh database"
    assert reference_rows() == [], "a freshly migrated database holds no reference data"
    manage("setup_reference")
    manage("compilemessages_portal")
    manage("collectstatic", "--noinput", "-v", "0")
    manage("check", "--deploy", "--fail-level", "WARNING")

    rows = reference_rows()
    counts = Counter(row["model"] for row in rows)
    provinces = {row["pk"]: row["fields"] for row in rows if row["model"] == "vocabulary.province"}
    current = {pk for pk, fields in provinces.items() if fields["successor"] is None}
    former = [fields for fields in provinces.values() if fields["successor"] is not None]
    assert len(current) == 34
    assert len(former) == len(FORMER_PROVINCES) == 30
    assert all(fields["successor"] in current for fields in former)
    quang_nam = next(fields for fields in former if fields["code"] == "quang-nam")
    assert provinces[quang_nam["successor"]]["name_vi"] == "Đà Nẵng"
    assert counts["vocabulary.pillar"] == 6
    assert counts["events.eventtype"] == len(EVENT_TYPES) == 9
    assert {row["fields"]["code"] for row in rows if row["model"] == "members.membershiptype"} == {
        "founding-member",
        "member",
        "observer",
        "secretariat",
        "partner",
    }
    (sex,) = [row for row in rows if row["model"] == "initiatives.dimension"]
    assert (sex["fields"]["code"], sex["fields"]["name_vi"]) == ("sex", "Giới tính")
    sex_values = {
        row["fields"]["code"]: row["fields"]["name_vi"]
        for row in rows
        if row["model"] == "initiatives.dimensionvalue" and row["fields"]["dimension"] == sex["pk"]
    }
    assert sex_values == {"female": "Nữ", "male": "Nam", "other": "Khác"}

    again = manage("setup_reference")
    assert reference_rows() == rows, "a second run must change nothing"
    assert "provinces: 0 new" in again and "pillars: 0 new" in again and "event types: 0 new" in again


@pytest.mark.django_db
def test_after_setup_reference_a_member_editor_reports_an_update_split_by_sex(
    client, editor_of, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("setup_reference", stdout=StringIO())
    organisation = OrganisationFactory(slug="cecr", acronym="CECR")
    initiative = InitiativePartnerFactory(organisation=organisation).initiative
    indicator = IndicatorFactory(
        result__initiative=initiative, title_vi="Người được tập huấn", unit_vi="người"
    )
    period = PeriodFactory(indicator=indicator)
    client.force_login(editor_of(organisation))
    # The Vietnamese form, whatever language an earlier test left active.
    with translation.override("vi"):
        url = reverse(
            "initiatives:report_update_create", kwargs={"slug": initiative.slug, "period_id": period.pk}
        )

    page = client.get(url)
    form = page.context["form"]
    offered = {form.dimension_values[name].code: form[name].label for name in form.sex_fields}
    assert offered == {"female": "Nữ", "male": "Nam", "other": "Khác"}
    html = page.content.decode()
    assert "Theo giới tính (không bắt buộc)" in html
    assert all(f'name="{name}"' in html for name in form.sex_fields)
    data = {"reported_on": "2022-06-30", "value": "40", "narrative": "", "action": "submit"}
    by_code = {form.dimension_values[name].code: name for name in form.sex_fields}
    data |= {by_code["female"]: "28", by_code["male"]: "11", by_code["other"]: "1"}
    response = client.post(url, data)

    assert response.status_code == 302
    update = IndicatorUpdate.objects.get(period=period)
    assert update.value == Decimal(40) and update.organisation == organisation
    assert {d.dimension_value.code: d.value for d in update.disaggregations.all()} == {
        "female": Decimal(28),
        "male": Decimal(11),
        "other": Decimal(1),
    }
