"""Public pages given random and hostile query strings answer 200, 400 or 404, never 500.

Hypothesis builds the query strings from the parameters each page knows and from values that
have broken pages elsewhere: huge and negative numbers, unicode digits, NUL bytes, SQL, very
long text, impossible dates, repeated keys and list syntax. Each test builds its small set of
data once; the examples then run against it.
"""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

KEYS = [
    "q",
    "page",
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
    "blank",
    "worker",
    "lang",
    "next",
]
HOSTILE = [
    "",
    "0",
    "-1",
    "-0",
    "1e309",
    "1e999999999",
    "-1e999999999",
    "NaN",
    "Infinity",
    "9" * 400,
    str(2**63),
    str(-(2**63) - 1),
    "0x10",
    "1_000",
    "²⁰²⁴",
    "٢٠٢٤",
    "２０２４",
    "2024\x00",
    "\x00",
    "\ud800",
    "gender-inclusion\x00' OR 1=1 --",
    "' OR '1'='1",
    "1; DROP TABLE members_organisation; --",
    "%",
    "%00",
    "%zz",
    "\\",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "Đà Nẵng",
    "nhựa " * 300,
    "x" * 5000,
    "2024-02-30",
    "30/02/2024",
    "0000-00-00",
    "9999-99-99",
    "upcoming",
    "past",
    "gender-inclusion",
    "ha-noi",
    "greenhub",
    "ngo",
    "annual",
    "online",
    "consultation-workshop",
]
values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60), st.integers().map(str))
keys = st.one_of(
    st.sampled_from(KEYS),
    st.sampled_from(KEYS).map(lambda key: key + "[]"),
    st.text(min_size=1, max_size=12),
)


def encode(pairs: list[tuple[str, str]]) -> str:
    # Lone surrogates cannot be encoded as UTF-8; a browser would send the replacement character.
    return "&".join(
        f"{quote(key.encode('utf-8', 'replace'))}={quote(value.encode('utf-8', 'replace'))}"
        for key, value in pairs
    )


raw_junk = st.sampled_from(["%", "%zz=1", "&&&", "=", "page=%FF%FE", "q=%C0%AF", "a=1&a=2&a=3", ";;", "q"])
query_strings = st.one_of(
    st.lists(st.tuples(keys, values), max_size=8).map(encode),
    st.tuples(st.lists(st.tuples(keys, values), max_size=4).map(encode), raw_junk).map("&".join),
)

PAGES = [
    "/vi/",
    "/vi/members/",
    "/vi/members/export.csv",
    "/vi/members/export.xlsx",
    "/vi/members/greenhub/",
    "/vi/events/",
    "/vi/events/calendar/",
    "/vi/events/calendar/2024/11/",
    "/vi/events/hoi-thao-tham-van/",
    "/vi/events/feed.ics",
    "/vi/events/feed/gender-inclusion.ics",
    "/vi/events/hoi-thao-tham-van.ics",
    "/vi/initiatives/",
    "/vi/initiatives/results/",
    "/vi/map/",
    "/vi/pillars/",
    "/vi/pillars/gender-inclusion/",
    "/vi/reports/",
    "/vi/reports/bao-cao-thuong-nien-2022/",
    "/en/events/",
    "/en/members/",
    "/healthz",
]
FINE = {200, 400, 404}


def answer(client, url: str) -> int:
    response = client.get(url)
    if response.streaming:
        # A streamed export fails while it is read, not when the view returns.
        b"".join(response.streaming_content)
    return response.status_code


@pytest.mark.parametrize("page", PAGES)
def test_hostile_query_strings_never_break_a_public_page(client, world, page):
    @settings(
        max_examples=50,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(query=query_strings)
    def check(query):
        status = answer(client, f"{page}?{query}")
        assert status in FINE, f"{page}?{query} answered {status}"

    check()


FILTERS = ["q", "page", "year", "pillar", "province", "kind", "status", "when", "organisation", "organiser"]


@pytest.mark.parametrize(
    "page", ["/vi/members/", "/vi/events/", "/vi/initiatives/", "/vi/initiatives/results/", "/vi/reports/"]
)
def test_every_hostile_value_of_every_filter_is_handled(client, world, page):
    # Filters are checked one by one, so giving every filter the value at once tries each of them.
    for value in HOSTILE:
        for query in (encode([(key, value) for key in FILTERS]), encode([("year", value), ("year", "2024")])):
            status = answer(client, f"{page}?{query}")
            assert status in FINE, f"{page}?{query[:200]} answered {status}"


def test_calendar_months_far_out_of_range_are_not_found(client, world):
    @settings(
        max_examples=80,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(year=st.integers(min_value=0, max_value=10**30), month=st.integers(min_value=0, max_value=10**6))
    def check(year, month):
        status = answer(client, f"/vi/events/calendar/{year}/{month}/")
        assert status in (200, 404), (year, month, status)

    check()
    assert answer(client, "/vi/events/calendar/2024/11/") == 200
    assert answer(client, "/vi/events/calendar/2024/13/") == 404
    assert answer(client, f"/vi/events/calendar/{'9' * 5000}/1/") == 404


@pytest.mark.parametrize(
    "path",
    ["/media/logos/a%00b.png", "/vi/members/%00/", "/vi/events/%00.ics", "/vi/reports/%00/download/"],
)
def test_a_nul_character_in_the_path_is_a_bad_request(client, world, path):
    assert client.get(path).status_code == 400


def test_a_parameter_with_a_nul_character_is_ignored(client, world):
    everyone = client.get("/vi/members/").context["page"].paginator.count
    response = client.get("/vi/members/?q=nh%00a&pillar=%00&kind=ngo&kind=%00")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == everyone
    assert response.context["filter"].data == {"kind": "ngo"}


# Staff pages too: a mistyped or tampered address in the admin must not turn into a server error.
ADMIN_HOSTILE = ["²⁰²⁴", "9" * 5000, str(2**70), "-1", "' OR '1'='1", "x" * 3000, "2024-02-30"]


def test_admin_lists_and_the_attendance_sheet_handle_hostile_parameters(client, world, coordinator):
    from django.contrib import admin
    from django.contrib.admin import SimpleListFilter

    client.force_login(coordinator)
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in ("members", "events", "initiatives", "reports"):
            continue
        url = f"/vi/admin/{model._meta.app_label}/{model._meta.model_name}/"
        changelist = client.get(url).context["cl"]
        # The portal's own filters and search; the admin's field filters are Django's, tested there.
        keys = {
            key
            for spec in changelist.filter_specs
            if isinstance(spec, SimpleListFilter)
            for key in spec.expected_parameters()
        }
        for key in sorted(keys | ({"q"} if model_admin.search_fields else set())):
            for value in ADMIN_HOSTILE:
                status = answer(client, f"{url}?{encode([(key, value)])}")
                assert status in (200, 302, 400, 404), f"{url}?{key}={value[:20]} answered {status}"
    sheet = f"/vi/admin/events/event/{world.event.pk}/attendance-sheet/"
    for value in ("²⁰²⁴", "9" * 5000, "-1"):  # each answer is a PDF rendered while waiting
        assert answer(client, f"{sheet}?{encode([('blank', value)])}") in (200, 400), value


def test_admin_date_drilldown_handles_out_of_range_years(client, world, coordinator):
    from django.contrib import admin

    client.force_login(coordinator)
    for model, model_admin in admin.site._registry.items():
        if model_admin.date_hierarchy:
            url = f"/vi/admin/{model._meta.app_label}/{model._meta.model_name}/"
            for year in ("9999", str(2**70)):
                status = answer(client, f"{url}?{model_admin.date_hierarchy}__year={year}")
                assert status in (200, 302, 400, 404), f"{url} answered {status} for year {year}"


def test_a_real_year_still_drills_down_the_admins_dates(client, world, coordinator):
    client.force_login(coordinator)
    response = client.get("/vi/admin/events/event/", {"start_date__year": "1999"})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 0
