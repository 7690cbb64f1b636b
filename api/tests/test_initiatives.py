"""/api/v1/initiatives/: the initiatives list, filtered as its page is, and an initiative with its
results framework, whose actuals count approved updates only."""

import pytest

from initiatives.models import IndicatorUpdate

from .conftest import SECRETS

pytestmark = pytest.mark.django_db

LIST = "/api/v1/initiatives/"


@pytest.fixture
def second(portal):
    from initiatives.tests.factories import InitiativeFactory

    return InitiativeFactory(
        slug="truong-hoc-xanh",
        title_vi="Mô hình trường học xanh",
        title_en="Green Schools",
        status="completed",
        start=None,
        end=None,
        provinces=[portal.hanoi],
    )


def test_the_list_shows_published_initiatives_by_vietnamese_title(portal, second, listed):
    assert listed(LIST) == ["truong-hoc-xanh", "asppire"]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"q": "phu nu"}, ["asppire"]),
        ({"q": "truong hoc"}, ["truong-hoc-xanh"]),
        ({"pillar": "gender-inclusion"}, ["asppire"]),
        ({"status": "completed"}, ["truong-hoc-xanh"]),
        ({"province": "da-nang"}, ["asppire"]),
        ({"province": "ha-noi"}, ["truong-hoc-xanh"]),
        ({"organisation": "greenhub"}, ["asppire"]),
        # An initiative without dates runs in every year.
        ({"year": "2022"}, ["truong-hoc-xanh", "asppire"]),
        ({"year": "2030"}, ["truong-hoc-xanh"]),
    ],
)
def test_the_filters_of_the_initiatives_list_apply(portal, second, listed, params, expected):
    assert listed(LIST, **params) == expected


def test_a_filter_value_that_names_nothing_public_is_refused(client, portal):
    for params in ({"organisation": "chua-cong-bo-org"}, {"status": "draft"}, {"province": "quang-nam"}):
        assert client.get(LIST, params).status_code == 400, params


def test_a_row_shows_its_published_pillars_current_provinces_and_leads(portal, get_json):
    (row,) = get_json(LIST)["results"]
    assert [p["code"] for p in row["pillars"]] == ["gender-inclusion"]
    # Quảng Nam merged into Đà Nẵng: one province, once.
    assert row["provinces"] == [{"code": "da-nang", "name_vi": "Đà Nẵng", "name_en": "Da Nang"}]
    assert [lead["slug"] for lead in row["leads"]] == ["cecr"]


def test_an_initiative_answers_with_targets_and_approved_actuals_by_sex(portal, get_json):
    answer = get_json(f"{LIST}asppire/")
    assert [(p["organisation"]["slug"], p["role"]) for p in answer["partners"]] == [
        ("cecr", "accountable"),
        ("greenhub", "funder"),
    ]
    assert answer["partners"][1]["funding_amount"] == "1500000.00"
    (result,) = answer["results"]
    (indicator,) = result["indicators"]
    assert indicator["target_value"] == "40000.00"
    assert indicator["network_indicator"] == "plastic-collected"
    (period,) = indicator["periods"]
    assert period["start"] == "2022-01-01" and period["end"] == "2022-12-31"
    assert period["target_value"] == "30000.00"
    # The update waiting for approval (9,999 kg) does not count.
    assert period["actual"] == {
        "value": "35000.00",
        "numerator": None,
        "denominator": None,
        "percentage": None,
        "reports": 1,
    }
    assert period["disaggregations"] == [
        {
            "dimension": "sex",
            "code": "female",
            "name_vi": "Nữ",
            "name_en": "Female",
            "actual": "21000.00",
            "target": "20000.00",
        }
    ]
    assert period["narratives"] == [
        {"reported_on": "2022-12-31", "text": "Thu gom 35.000 kg rác thải nhựa giá trị thấp."}
    ]


def test_an_approval_shows_in_the_actual_at_once(portal, get_json):
    assert (
        get_json(f"{LIST}asppire/")["results"][0]["indicators"][0]["periods"][0]["actual"]["value"]
        == "35000.00"
    )
    update = IndicatorUpdate.objects.get(status=IndicatorUpdate.Status.SUBMITTED)
    update.status = IndicatorUpdate.Status.APPROVED
    update.save()
    assert (
        get_json(f"{LIST}asppire/")["results"][0]["indicators"][0]["periods"][0]["actual"]["value"]
        == "44999.00"
    )


def test_no_answer_holds_evidence_review_notes_submitters_or_unapproved_figures(portal, client):
    for url in (LIST, f"{LIST}asppire/"):
        text = client.get(url).content.decode()
        for secret in [*SECRETS, "9999", "evidence", "review", "submitted", "HIDDEN", "chua-cong-bo"]:
            assert secret not in text, (url, secret)


def test_an_unpublished_or_unknown_initiative_is_not_found(portal, client):
    for slug in ("sang-kien-chua-cong-bo", "khong-co"):
        assert client.get(f"{LIST}{slug}/").status_code == 404
