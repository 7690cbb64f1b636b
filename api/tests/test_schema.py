"""The OpenAPI schema at /api/v1/openapi.json, the documentation page that reads it, and a
schemathesis run of every operation against the portal with the demo network loaded."""

import re

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db

SCHEMA = "/api/v1/openapi.json"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def test_the_schema_is_valid_openapi_3_and_lists_every_endpoint(client):
    response = client.get(SCHEMA)
    assert response.status_code == 200
    schema = response.json()
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v1/organisations/",
        "/api/v1/organisations/{slug}/",
        "/api/v1/pillars/",
        "/api/v1/events/",
        "/api/v1/events/{slug}/",
        "/api/v1/initiatives/",
        "/api/v1/initiatives/{slug}/",
        "/api/v1/totals/",
        "/api/v1/reports/",
    }
    assert all(set(operations) == {"get"} for operations in schema["paths"].values())


def test_the_schema_says_decimals_are_strings_with_two_decimals(client):
    figure = client.get(SCHEMA).json()["components"]["schemas"]["Figure"]["properties"]["value"]
    assert figure["type"] == "string" and figure["format"] == "decimal"
    assert "35000.00" in figure["description"]


def test_the_schema_lists_the_filters_of_the_public_pages(client):
    paths = client.get(SCHEMA).json()["paths"]

    def names(path: str) -> set[str]:
        return {p["name"] for p in paths[path]["get"]["parameters"] if p["in"] == "query"}

    assert names("/api/v1/organisations/") == {
        "q",
        "kind",
        "pillar",
        "province",
        "status",
        "cursor",
        "page_size",
    }
    assert names("/api/v1/events/") >= {
        "q",
        "when",
        "year",
        "type",
        "pillar",
        "format",
        "province",
        "organiser",
    }
    assert names("/api/v1/initiatives/") >= {"q", "pillar", "status", "province", "organisation", "year"}
    assert names("/api/v1/totals/") == {"province", "pillar"}
    assert names("/api/v1/reports/") >= {"kind", "pillar", "year"}


def test_the_schema_speaks_the_language_asked_for(client):
    vietnamese = client.get(SCHEMA, {"lang": "vi"}).json()
    english = client.get(SCHEMA, {"lang": "en"}).json()
    summary = [
        vietnamese["paths"]["/api/v1/events/"]["get"]["summary"],
        english["paths"]["/api/v1/events/"]["get"]["summary"],
    ]
    assert summary == ["Sự kiện", "Events"]


def test_the_docs_page_loads_its_script_and_styles_from_our_origin_with_nothing_inline(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<style" not in html and "style=" not in html
    sources = re.findall(r'<script[^>]*src="([^"]+)"', html)
    assert len(re.findall(r"<script", html)) == len(sources) == 3
    assert all(src.startswith("/") and not src.startswith("//") for src in sources)
    assert all(href.startswith("/") for href in re.findall(r'<link[^>]*href="([^"]+)"', html))
    script = client.get(sources[-1].replace("&amp;", "&"))
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/v1/openapi.json" in script.content.decode()
    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.fixture
def wsgi_app():
    """The portal as a WSGI application, answering within the test's transaction: the start or
    the end of a request must not close the database connection the test holds (as Django's test
    client arranges for its own requests)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield WSGIHandler()
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def demo_network(settings):
    call_command("load_demo", verbosity=0)
    # Schemathesis asks far more often than any client may.
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute"}}


def test_every_operation_answers_as_its_schema_says_and_never_with_a_server_error(demo_network, wsgi_app):
    schema = schemathesis.openapi.from_wsgi(SCHEMA, wsgi_app)
    # Random slugs are mostly unknown (404); real ones reach the detail answers too.
    known = {
        "/api/v1/organisations/{slug}/": ["cecr", "greenhub", "isponre"],
        "/api/v1/events/{slug}/": [
            "hoi-thao-tham-van-chien-luoc-mang-luoi-nhua-va-suc-khoe",
            "hoi-thao-tap-huan-mo-hinh-asppire",
        ],
        "/api/v1/initiatives/{slug}/": ["asppire", "cawacon"],
    }
    strategies = [schema.as_strategy()]
    for path, values in known.items():
        operation = schema[path]["GET"]
        strategies += [operation.as_strategy(path_parameters={"slug": slug}) for slug in values]
    negative = schema.as_strategy(generation_mode=schemathesis.GenerationMode.NEGATIVE)
    run = settings(
        max_examples=250,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )

    answered: dict[str, set[int]] = {}

    @run
    @given(case=st.one_of(strategies))
    def conforms(case):
        response = case.call_and_validate(checks=CHECKS)
        answered.setdefault(case.operation.path, set()).add(response.status_code)

    # Requests the schema does not allow may be refused anywhere on the way (an address no route
    # takes is Django's 404 page): they must just never break anything.
    @run
    @given(case=negative)
    def survives(case):
        case.call_and_validate(checks=[not_a_server_error])

    conforms()
    survives()
    # The run reached every operation's data, not only its refusals.
    assert {path for path, statuses in answered.items() if 200 in statuses} == set(known) | {
        "/api/v1/organisations/",
        "/api/v1/pillars/",
        "/api/v1/events/",
        "/api/v1/initiatives/",
        "/api/v1/totals/",
        "/api/v1/reports/",
    }, answered
