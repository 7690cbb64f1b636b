"""What each activity says, read back from the parsed file: identifiers, organisations and their
roles, statuses and dates, places, sectors, results with their disaggregations, and nothing that
is not public."""

import datetime

import pytest
from django.utils import timezone

from initiatives.models import Initiative

from .conftest import REPORTING_REF, activity_of, read_stream

pytestmark = pytest.mark.django_db

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _texts(element, path: str) -> dict[str, str]:
    """The narratives under ``path`` by language ("" for the activity's default)."""
    return {n.get(XML_LANG, ""): n.text for n in element.xpath(f"{path}/narrative")}


def _result(activity, title_vi: str):
    found = activity.xpath("result[title/narrative[@xml:lang='vi'] = $title]", title=title_vi)
    assert len(found) == 1, title_vi
    return found[0]


def _period(result, start: str):
    return result.xpath("indicator/period[period-start/@iso-date = $start]", start=start)[0]


def _actuals(period) -> dict[str, str]:
    """Actual values by the sex they are of ("" for the whole)."""
    return {a.xpath("string(dimension/@value)"): a.get("value") for a in period.findall("actual")}


def test_identifiers_come_from_the_first_accountable_partner_with_one_or_the_publisher(
    fetch_activities, network
):
    root = fetch_activities()
    full = activity_of(root, network.full)
    # The first accountable partner has no IATI identifier; the second has.
    assert full.findtext("iati-identifier") == f"VN-MST-0101234567-{network.full.pk}"
    assert (
        activity_of(root, network.planned).findtext("iati-identifier")
        == f"{REPORTING_REF}-{network.planned.pk}"
    )
    # An identifier the initiative already has in IATI is kept as it is.
    assert activity_of(root, network.cancelled).findtext("iati-identifier") == "XM-DAC-70001-VNM-0042"


def test_the_publisher_is_a_secondary_reporter_unless_it_is_accountable_itself(fetch_activities, network):
    root = fetch_activities()
    for activity in root.findall("iati-activity"):
        reporting = activity.find("reporting-org")
        assert reporting.get("ref") == REPORTING_REF and reporting.get("type") == "10"
        assert _texts(activity, "reporting-org") == {
            "vi": "Ban thư ký Chương trình đối tác hành động quốc gia về nhựa",
            "en": "National Plastic Action Partnership secretariat",
        }
    assert activity_of(root, network.completed).find("reporting-org").get("secondary-reporter") == "0"
    assert activity_of(root, network.full).find("reporting-org").get("secondary-reporter") == "1"


def test_partners_are_named_with_their_iati_role_type_and_identifier(fetch_activities, network):
    full = activity_of(fetch_activities(), network.full)
    organisations = [
        (org.get("role"), org.get("ref"), org.get("type"), org.xpath("string(narrative[@xml:lang='vi'])"))
        for org in full.findall("participating-org")
    ]
    assert organisations == [
        ("1", "GB-CHC-202918", "60", network.funder.name_vi),  # funder, foundation
        ("1", None, None, organisations[1][3]),  # an international organisation: no type fits
        ("2", None, "24", "Trung tâm Nghiên cứu Môi trường và Cộng đồng"),  # lead NGO in Vietnam
        ("2", "VN-MST-0101234567", "80", network.lead.name_vi),  # research institute
        ("4", None, "24", organisations[4][3]),  # implementing community group
        ("4", "XM-DAC-70001", "70", organisations[5][3]),  # the portal's "partner": a business
        ("4", None, None, organisations[6][3]),  # an alliance gathers every type
    ]


def test_without_a_published_partner_the_publisher_answers_for_the_activity(fetch_activities, network):
    planned = activity_of(fetch_activities(), network.planned)
    (organisation,) = planned.findall("participating-org")
    assert (organisation.get("ref"), organisation.get("role")) == (REPORTING_REF, "2")


@pytest.mark.parametrize(
    ("status", "start", "end", "expected_status", "expected_dates"),
    [
        (
            Initiative.Status.PLANNED,
            "2099-01-01",
            "2099-12-31",
            "1",
            [("1", "2099-01-01"), ("3", "2099-12-31")],
        ),
        (
            Initiative.Status.ONGOING,
            "2020-01-01",
            "2099-12-31",
            "2",
            [("2", "2020-01-01"), ("3", "2099-12-31")],
        ),
        # Ongoing but not begun yet: the start is still a plan.
        (
            Initiative.Status.ONGOING,
            "2099-01-01",
            "2099-12-31",
            "2",
            [("1", "2099-01-01"), ("3", "2099-12-31")],
        ),
        (
            Initiative.Status.COMPLETED,
            "2019-01-01",
            "2020-01-01",
            "4",
            [("2", "2019-01-01"), ("4", "2020-01-01")],
        ),
        (
            Initiative.Status.CANCELLED,
            "2020-01-01",
            "2021-12-31",
            "5",
            [("1", "2020-01-01"), ("3", "2021-12-31")],
        ),
    ],
)
def test_statuses_and_dates_map_to_iati_codes(
    fetch_activities, network, status, start, end, expected_status, expected_dates
):
    Initiative.objects.filter(pk=network.cancelled.pk).update(
        status=status, start=datetime.date.fromisoformat(start), end=datetime.date.fromisoformat(end)
    )
    activity = activity_of(fetch_activities(), network.cancelled)
    assert activity.find("activity-status").get("code") == expected_status
    assert [(d.get("type"), d.get("iso-date")) for d in activity.findall("activity-date")] == expected_dates


def test_an_initiative_without_dates_says_which_date_it_gives(fetch_activities, network):
    undated = activity_of(fetch_activities(), network.undated)
    (day,) = undated.findall("activity-date")
    assert day.get("type") == "1"
    assert day.get("iso-date") == timezone.localdate(network.undated.created_at).isoformat()
    assert set(_texts(undated, "activity-date")) == {"vi", "en"}
    # Nor a summary: the title stands as the description the schema needs.
    assert _texts(undated, "description[@type='1']") == _texts(undated, "title")


def test_provinces_are_locations_as_they_are_today(fetch_activities, network):
    root = fetch_activities()
    full = activity_of(root, network.full)
    # Hà Nội, Đà Nẵng and Quảng Nam, which merged into Đà Nẵng: two places today.
    assert [loc.get("ref") for loc in full.findall("location")] == ["da-nang", "ha-noi"]
    assert full.find("activity-scope").get("code") == "5"
    assert full.find("recipient-country").get("code") == "VN"
    da_nang = full.find("location")
    assert _texts(da_nang, "name") == {"vi": "Đà Nẵng", "en": "Da Nang"}
    assert da_nang.find("location-reach").get("code") == "1"
    assert da_nang.find("location-class").get("code") == "1"
    assert da_nang.find("feature-designation").get("code") == "ADM1"
    # Districts and wards qualify the one province they can belong to, and no other.
    assert full.find("location/description") is None
    completed = activity_of(root, network.completed)
    assert [loc.get("ref") for loc in completed.findall("location")] == ["da-nang"]
    assert _texts(completed, "location/description") == {"": "Thành phố Hội An"}
    assert completed.find("activity-scope").get("code") == "6"
    assert activity_of(root, network.planned).find("location") is None


def test_sectors_share_the_activity_between_its_pillars_in_each_vocabulary(fetch_activities, network):
    root = fetch_activities()
    full = activity_of(root, network.full)
    dac = {s.get("code"): s.get("percentage") for s in full.xpath("sector[@vocabulary='1']")}
    # Three published pillars (the unpublished one is left out); innovation has no DAC code of
    # its own and counts as waste management.
    assert dac == {"41081": "33.34", "14050": "33.33", "41010": "33.33"}
    pillars = {s.get("code"): s.get("percentage") for s in full.xpath("sector[@vocabulary='99']")}
    assert pillars == {"awareness": "33.34", "innovation": "33.33", "policy": "33.33"}
    for vocabulary in ("1", "99"):
        assert (
            sum(float(s.get("percentage")) for s in full.xpath("sector[@vocabulary=$v]", v=vocabulary)) == 100
        )
    policy = full.xpath("sector[@code='policy']")[0]
    assert policy.get("vocabulary-uri") == "https://npap.example.vn/vi/pillars/"
    assert _texts(policy, ".") == {"vi": "Chính sách", "en": "Policy"}
    planned = activity_of(root, network.planned)
    assert [(s.get("vocabulary"), s.get("code"), s.get("percentage")) for s in planned.findall("sector")] == [
        ("1", "14050", "100")
    ]


def test_results_carry_targets_and_approved_actuals_split_by_sex(fetch_activities, network):
    full = activity_of(fetch_activities(), network.full)
    quantity = _result(full, network.quantity.title_vi)
    assert quantity.get("type") == "1"
    indicator = quantity.find("indicator")
    assert (indicator.get("measure"), indicator.get("ascending")) == ("1", "1")
    assert _texts(indicator, "title") == {
        "vi": "Khối lượng rác thải nhựa thu gom (kg)",
        "en": "Plastic waste collected (kg)",
    }
    assert indicator.find("reference").attrib == {"vocabulary": "99", "code": "plastic-collected"}
    assert indicator.find("baseline").attrib == {"year": "2019", "value": "0"}
    year = _period(quantity, "2020-01-01")
    assert year.find("period-end").get("iso-date") == "2020-12-31"
    targets = {t.xpath("string(dimension/@value)"): t.get("value") for t in year.findall("target")}
    assert targets == {"": "1000", "female": "600", "male": "400"}
    assert year.xpath("target/dimension/@name") == ["sex", "sex"]
    # 300 + 400.50 approved; the submitted 5,000 and the returned 7,000 do not count.
    assert _actuals(year) == {"": "700.5", "female": "450", "male": "250"}
    assert _texts(year, "actual/comment") == {"": "Đợt thu gom đầu tiên ở phường Hàng Đào."}
    later = _period(quantity, "2099-01-01")
    assert [t.get("value") for t in later.findall("target")] == ["2000"]
    assert later.find("actual") is None


def test_a_cumulative_indicator_reports_its_latest_running_total(fetch_activities, network):
    full = activity_of(fetch_activities(), network.full)
    cumulative = _result(full, network.cumulative.title_vi)
    assert cumulative.get("type") == "2"
    # No English title for this result: Vietnamese only.
    assert _texts(cumulative, "title") == {"vi": network.cumulative.title_vi}
    # The English title has no unit in English: none is borrowed from Vietnamese.
    assert _texts(cumulative, "indicator/title") == {
        "vi": "Hộ gia đình phân loại rác tại nguồn (hộ)",
        "en": "Households sorting at source",
    }
    assert _actuals(_period(cumulative, "2020-01-01")) == {"": "12000", "female": "7000", "male": "5000"}


def test_a_percentage_divides_summed_numerators_by_summed_denominators(fetch_activities, network):
    full = activity_of(fetch_activities(), network.full)
    percentage = _result(full, network.percentage.title_vi)
    indicator = percentage.find("indicator")
    assert (indicator.get("measure"), indicator.get("ascending")) == ("2", "0")
    period = _period(percentage, "2020-01-01")
    # 4/5 and 1/20 make 5/25 = 20 %, not the 42.5 % that averaging would give; the split by
    # sex breaks down the numerator and is not written as a percentage.
    assert [(a.get("value"), a.find("dimension")) for a in period.findall("actual")] == [("20", None)]
    assert [(t.get("value"), t.find("dimension")) for t in period.findall("target")] == [("30", None)]


def test_a_qualitative_indicator_tells_its_approved_narratives(fetch_activities, network):
    full = activity_of(fetch_activities(), network.full)
    qualitative = _result(full, network.qualitative.title_vi)
    assert qualitative.get("type") == "3"
    indicator = qualitative.find("indicator")
    assert indicator.get("measure") == "5" and indicator.get("ascending") is None
    assert indicator.find("baseline") is None
    (actual,) = _period(qualitative, "2020-01-01").findall("actual")
    assert actual.get("value") is None
    assert _texts(actual, "comment") == {"": "Quận đã ban hành kế hoạch giảm rác nhựa."}
    assert _period(qualitative, "2099-01-01").find("actual") is None


def test_a_result_without_indicators_is_left_out(fetch_activities, network):
    full = activity_of(fetch_activities(), network.full)
    assert not full.xpath("result[title/narrative = 'Kết quả chưa có chỉ số']")
    assert len(full.findall("result")) == 4


def test_programmes_and_their_initiatives_point_at_each_other(fetch_activities, network):
    root = fetch_activities()
    full = activity_of(root, network.full)
    children = {
        activity_of(root, i).findtext("iati-identifier") for i in (network.planned, network.completed)
    }
    # The unpublished initiative of the programme is not named.
    assert {r.get("ref") for r in full.xpath("related-activity[@type='2']")} == children
    assert full.get("hierarchy") is None
    planned = activity_of(root, network.planned)
    assert planned.get("hierarchy") == "2"
    assert [(r.get("ref"), r.get("type")) for r in planned.findall("related-activity")] == [
        (full.findtext("iati-identifier"), "1")
    ]


def test_each_activity_links_its_pages_in_both_languages(fetch_activities, network):
    planned = activity_of(fetch_activities(), network.planned)
    links = [
        (
            link.get("url"),
            link.get("format"),
            link.find("category").get("code"),
            link.find("language").get("code"),
        )
        for link in planned.findall("document-link")
    ]
    assert links == [
        ("https://npap.example.vn/vi/initiatives/du-kien/", "text/html", "A12", "vi"),
        ("https://npap.example.vn/en/initiatives/du-kien/", "text/html", "A12", "en"),
    ]
    # No English title: the English page's link is titled in Vietnamese, and says so.
    assert _texts(planned, "document-link[language/@code='en']/title") == {
        "vi": "Sáng kiến dự kiến ở trường học"
    }


def test_titles_and_descriptions_are_written_in_each_language_the_initiative_has(fetch_activities, network):
    root = fetch_activities()
    full = activity_of(root, network.full)
    assert full.get(XML_LANG) == "vi"
    assert _texts(full, "title") == {"vi": network.full.title_vi, "en": network.full.title_en}
    assert _texts(full, "description[@type='2']") == {
        "vi": "Giảm 20% rác thải nhựa.",
        "en": "Cut plastic waste by 20%.",
    }
    planned = activity_of(root, network.planned)
    assert _texts(planned, "title") == {"vi": "Sáng kiến dự kiến ở trường học"}
    assert _texts(planned, "description") == {"vi": "Chỉ có tiếng Việt."}


def test_vietnamese_text_arrives_intact_in_utf8(client, network):
    body = read_stream(client.get("/iati/activities.xml"))
    assert body.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert "Mô hình thu gom rác thải nhựa tại Đà Nẵng và Hà Nội".encode() in body
    assert "Đợt thu gom đầu tiên ở phường Hàng Đào.".encode() in body
    # A control character pasted into the summary is dropped rather than breaking the file.
    assert b"\x0b" not in body
    assert "phân loại tại nguồn.</narrative>".encode() in body


def test_nothing_unpublished_or_private_is_in_the_file(client, network):
    body = read_stream(client.get("/iati/activities.xml")).decode()
    for hidden in [
        network.unpublished.title_vi,
        network.unpublished.slug,
        network.private_organisation.name_vi,
        "XM-DAC-55555",  # the unpublished organisation's identifier
        "Trụ cột ẩn",
        "99810",  # the unpublished pillar's DAC code
        "Bản nháp nội bộ chưa duyệt.",  # a draft update's narrative
    ]:
        assert hidden not in body, hidden


def test_the_reporting_organisation_comes_from_the_settings(settings, fetch_activities, network):
    settings.IATI_REPORTING_ORG = {
        "ref": "XM-DAC-12345",
        "type": "21",
        "name_vi": "Tổ chức báo cáo",
        "name_en": "Publisher",
    }
    planned = activity_of(fetch_activities(), network.planned)
    assert planned.find("reporting-org").attrib == {
        "ref": "XM-DAC-12345",
        "type": "21",
        "secondary-reporter": "1",
    }
    assert planned.findtext("iati-identifier") == f"XM-DAC-12345-{network.planned.pk}"
