"""The admin's lists of large tables: counted by PostgreSQL's estimate when nothing narrows them,
exactly otherwise, and saying "about" when the number is an estimate."""

import pytest
from django.db import connection

from core import admin_paginator
from core.admin_paginator import EstimatedCountPaginator, is_whole_table
from members.models import Organisation

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/members/organisation/"


@pytest.fixture
def organisations():
    return Organisation.objects.bulk_create(
        Organisation(
            name=f"Trung tâm Môi trường {n}", slug=f"trung-tam-{n}", kind="ngo" if n % 2 else "business"
        )
        for n in range(30)
    )


@pytest.fixture
def signed_in(client, coordinator):
    client.force_login(coordinator)
    return client


def test_only_a_list_of_the_whole_table_is_whole():
    everyone = Organisation.objects.select_related("province").order_by("name")
    assert is_whole_table(everyone)
    assert not is_whole_table(everyone.filter(kind="ngo"))
    assert not is_whole_table(everyone.filter(pillar_participations__role="lead").distinct())
    assert not is_whole_table(everyone[:10])


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite keeps no estimate")
def test_without_postgresql_the_rows_are_counted(organisations):
    paginator = EstimatedCountPaginator(Organisation.objects.order_by("pk"), 10)
    assert paginator.count == 30
    assert not paginator.count_is_estimate
    assert [o.pk for o in paginator.page(3).object_list] == [o.pk for o in organisations[20:]]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the estimate is PostgreSQL's")
def test_postgresql_estimates_the_rows_of_a_whole_table_and_counts_a_filtered_list(
    organisations, monkeypatch
):
    monkeypatch.setattr(admin_paginator, "ESTIMATE_FROM", 10)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {connection.ops.quote_name(Organisation._meta.db_table)}")
    whole = EstimatedCountPaginator(Organisation.objects.order_by("pk"), 10)
    assert whole.count_is_estimate
    assert whole.count == 30
    filtered = EstimatedCountPaginator(Organisation.objects.filter(kind="ngo").order_by("pk"), 10)
    assert not filtered.count_is_estimate
    assert filtered.count == 15


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the estimate is PostgreSQL's")
def test_a_small_table_is_counted_exactly_on_postgresql(organisations):
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {connection.ops.quote_name(Organisation._meta.db_table)}")
    paginator = EstimatedCountPaginator(Organisation.objects.order_by("pk"), 10)
    assert not paginator.count_is_estimate
    assert paginator.count == 30


@pytest.fixture
def estimated(monkeypatch):
    """PostgreSQL's estimate of every table, whatever the database: ``estimated(n)``."""

    def estimate(rows: int) -> None:
        monkeypatch.setattr(admin_paginator, "estimated_table_rows", lambda queryset: rows)

    return estimate


def test_an_estimated_list_says_about_and_rounds_the_number(signed_in, organisations, estimated):
    estimated(123_456)
    response = signed_in.get(ADMIN)
    assert response.context["cl"].result_count == 123_000
    page = response.content.decode()
    assert "about 123,000 organisations" in page
    assert "Select all organisations (about 123,000)" in page
    # Counted once: no second count for a total.
    assert response.context["cl"].full_result_count is None


def test_a_filtered_list_of_a_large_table_is_counted_exactly(signed_in, organisations, estimated):
    estimated(123_456)
    response = signed_in.get(ADMIN, {"kind__exact": "ngo"})
    assert response.context["cl"].result_count == 15
    assert "about" not in response.content.decode().split('class="paginator"')[1]


def test_a_page_past_the_last_row_of_an_estimate_goes_back_to_the_list(
    signed_in, organisations, estimated, monkeypatch
):
    from members.admin import OrganisationAdmin

    monkeypatch.setattr(admin_paginator, "ESTIMATE_FROM", 10)
    monkeypatch.setattr(OrganisationAdmin, "list_per_page", 10)
    estimated(20)  # the table has 30 rows: a third page the estimate does not know of
    third = signed_in.get(ADMIN, {"p": "3"})
    assert third.status_code == 200
    assert len(third.context["cl"].result_list) == 10
    past = signed_in.get(ADMIN, {"p": "4"})
    assert past.status_code == 302 and past["Location"].endswith("?e=1")
