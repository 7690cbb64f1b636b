"""The API given random and hostile query strings, the public pages' own (huge and negative
numbers, unicode digits, NUL bytes, SQL, very long text, repeated keys, forged cursors): 200, 400
or 404, never a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hardening.test_hostile_params import HOSTILE, encode, query_strings

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/organisations/",
    "/api/v1/organisations/greenhub/",
    "/api/v1/pillars/",
    "/api/v1/events/",
    "/api/v1/events/hoi-thao-nhua-da-nang/",
    "/api/v1/initiatives/",
    "/api/v1/initiatives/asppire/",
    "/api/v1/totals/",
    "/api/v1/reports/",
]
FILTERS = [
    "q",
    "kind",
    "pillar",
    "province",
    "status",
    "when",
    "year",
    "type",
    "format",
    "organiser",
    "organisation",
]
PAGING = ["cursor", "page_size"]
FINE = {200, 400, 404}


@pytest.fixture
def unlimited(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute"}}


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_hostile_query_strings_never_break_an_endpoint(client, portal, unlimited, endpoint):
    paging = st.lists(st.tuples(st.sampled_from(PAGING), st.sampled_from(HOSTILE)), max_size=2).map(encode)

    @settings(
        max_examples=40,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(query=query_strings, extra=paging)
    def check(query, extra):
        status = client.get(f"{endpoint}?{query}&{extra}").status_code
        assert status in FINE, f"{endpoint}?{query}&{extra} answered {status}"

    check()


@pytest.mark.parametrize("endpoint", [e for e in ENDPOINTS if e.count("/") == 4])
def test_every_hostile_value_of_every_filter_is_handled(client, portal, unlimited, endpoint):
    for value in HOSTILE:
        for query in (
            encode([(key, value) for key in [*FILTERS, *PAGING]]),
            encode([("year", value), ("year", "2024")]),
        ):
            status = client.get(f"{endpoint}?{query}").status_code
            assert status in FINE, f"{endpoint}?{query[:200]} answered {status}"
