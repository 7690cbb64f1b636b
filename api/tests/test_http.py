"""How the API answers over HTTP: kept answers renewed by every change of public content, ETags
and conditional requests, the limit on requests per client, CORS for reading from any site, and
nothing but reading."""

import pytest
from django.test import Client

from core.tests.test_early_page_cache import answered_early
from members.models import Organisation

pytestmark = pytest.mark.django_db

LIST = "/api/v1/organisations/"
DETAIL = "/api/v1/organisations/greenhub/"


@pytest.fixture
def tiny_rate(settings):
    """Three requests a minute per client."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"}}


def test_every_answer_carries_an_etag_and_asks_to_be_revalidated(portal, client):
    response = client.get(LIST)
    assert response["ETag"].startswith('"') and len(response["ETag"]) > 20
    assert response["Cache-Control"] == "no-cache"


def test_a_client_holding_the_current_copy_gets_304_without_a_body(portal, client):
    etag = client.get(DETAIL)["ETag"]
    response = client.get(DETAIL, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert client.get(DETAIL, headers={"If-None-Match": '"another"'}).status_code == 200


def test_a_kept_answer_is_served_without_asking_the_database(portal, client, django_assert_num_queries):
    first = client.get(LIST)
    with django_assert_num_queries(0):
        again = client.get(LIST)
        unchanged = client.get(LIST, headers={"If-None-Match": first["ETag"]})
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert unchanged.status_code == 304


def test_an_edit_shows_at_once_and_the_old_etag_no_longer_matches(portal, client):
    before = client.get(DETAIL)
    organisation = Organisation.objects.get(slug="greenhub")
    organisation.name_en = "GreenHub Vietnam"
    organisation.save()
    after = client.get(DETAIL, headers={"If-None-Match": before["ETag"]})
    assert after.status_code == 200
    assert after.json()["name_en"] == "GreenHub Vietnam"
    assert after["ETag"] != before["ETag"]


def test_unpublishing_removes_a_row_from_the_kept_list_and_its_detail_at_once(portal, client, listed):
    assert listed(LIST) == ["greenhub", "cecr"]
    assert client.get(DETAIL).status_code == 200
    organisation = Organisation.objects.get(slug="greenhub")
    organisation.is_published = False
    organisation.save()
    assert listed(LIST) == ["cecr"]
    assert client.get(DETAIL).status_code == 404


def test_a_head_request_answers_the_headers_of_the_answer_without_it(portal, client):
    got = client.get(DETAIL)
    head = client.head(DETAIL)
    assert head.status_code == 200
    assert head["ETag"] == got["ETag"]
    assert head.content == b""


def test_etags_and_304_hold_with_the_cache_turned_off(portal, client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    etag = client.get(DETAIL)["ETag"]
    assert client.get(DETAIL, headers={"If-None-Match": etag}).status_code == 304


def test_a_client_over_the_rate_is_refused_with_429_until_it_may_retry(portal, tiny_rate):
    client = Client(REMOTE_ADDR="203.0.113.7")
    statuses = [client.get(url).status_code for url in (LIST, LIST, DETAIL, LIST)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get("/api/v1/events/")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert set(refused.json()) == {"detail"}
    # Another client still gets its answers.
    assert Client(REMOTE_ADDR="203.0.113.8").get(LIST).status_code == 200


def test_a_client_cannot_escape_the_limit_by_naming_another_address(portal, tiny_rate):
    client = Client(REMOTE_ADDR="203.0.113.7")
    statuses = [
        client.get(LIST, headers={"X-Forwarded-For": f"198.51.100.{n}"}).status_code for n in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]


def test_behind_a_trusted_proxy_each_visitor_has_a_limit_of_their_own(portal, tiny_rate, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    for visitor in ("198.51.100.1", "198.51.100.2"):
        # What the visitor wrote before the proxy's own entry is theirs and does not count.
        forwarded = {"X-Forwarded-For": f"192.0.2.99, {visitor}"}
        statuses = [proxy.get(LIST, headers=forwarded).status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429], visitor


def test_another_site_may_read_the_api_from_a_browser(portal, client):
    response = client.get(LIST, headers={"Origin": "https://partner.example.org"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "etag" in response["Access-Control-Expose-Headers"].lower()
    assert "Access-Control-Allow-Credentials" not in response


def test_a_preflight_from_another_site_is_allowed_to_get_and_nothing_else(portal, client):
    response = client.options(
        LIST,
        headers={
            "Origin": "https://partner.example.org",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "accept",
        },
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    methods = {method.strip() for method in response["Access-Control-Allow-Methods"].split(",")}
    assert "GET" in methods and not methods & {"POST", "PUT", "PATCH", "DELETE"}
    assert "accept" in response["Access-Control-Allow-Headers"].lower()


def test_the_public_pages_are_not_opened_to_other_sites(portal, client):
    response = client.get("/vi/members/", headers={"Origin": "https://partner.example.org"})
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_only_reads(portal, client, method):
    response = getattr(client, method)(DETAIL, data={"name_vi": "Đổi tên"}, content_type="application/json")
    assert response.status_code == 405
    assert Organisation.objects.get(slug="greenhub").name_vi == "Trung tâm Hỗ trợ Phát triển Xanh"


def test_a_signed_in_coordinator_gets_the_same_public_answer(portal, client, coordinator):
    anonymous = client.get(DETAIL).json()
    client.force_login(coordinator)
    assert client.get(DETAIL).json() == anonymous
    assert client.get("/api/v1/organisations/chua-cong-bo-org/").status_code == 404


@pytest.mark.parametrize(
    "headers", [{}, {"Origin": "https://partner.example.org"}, {"Accept-Language": "en"}]
)
def test_a_kept_answer_is_answered_early_with_the_headers_and_body_it_was_built_with(
    portal, client, headers, django_assert_num_queries
):
    built = client.get(LIST, headers=headers)
    assert built.status_code == 200 and not answered_early(built)
    with django_assert_num_queries(0):
        early = client.get(LIST, headers=headers)
    assert answered_early(early)
    assert early.content == built.content
    # CSP, frame, language, vary, CORS (for another site only), ETag and revalidation.
    assert dict(early.headers) == dict(built.headers)
    assert ("Access-Control-Allow-Origin" in early) == ("Origin" in headers)
    assert early["Content-Language"] == headers.get("Accept-Language", "vi")


def test_an_edit_is_answered_at_once_and_not_from_the_early_copy(portal, client):
    client.get(DETAIL)
    assert answered_early(client.get(DETAIL))
    organisation = Organisation.objects.get(slug="greenhub")
    organisation.name_en = "GreenHub Vietnam"
    organisation.save()
    after = client.get(DETAIL)
    assert not answered_early(after)
    assert after.json()["name_en"] == "GreenHub Vietnam"


def test_early_answers_count_against_the_rate_and_the_refusal_says_when_to_retry(portal, tiny_rate):
    client = Client(REMOTE_ADDR="203.0.113.7")
    answers = [client.get(LIST) for _ in range(4)]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert [answered_early(answer) for answer in answers] == [False, True, True, False]
    assert int(answers[-1]["Retry-After"]) > 0
    # Another client is answered early as before.
    assert answered_early(Client(REMOTE_ADDR="203.0.113.8").get(LIST))


def test_conditional_requests_and_errors_are_not_answered_early(portal, client):
    etag = client.get(LIST)["ETag"]
    unchanged = client.get(LIST, headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and not answered_early(unchanged)
    for _ in range(2):
        refused = client.get(LIST, {"pillar": "no-such-pillar"})
    assert refused.status_code == 400 and not answered_early(refused)
