"""/api/v1/organisations/: the member directory, filtered as its page is, without anyone's
contact details."""

import base64

import pytest

from members.tests.factories import OrganisationFactory

from .conftest import SECRETS

pytestmark = pytest.mark.django_db

LIST = "/api/v1/organisations/"


def test_the_list_shows_published_organisations_by_vietnamese_name(portal, listed):
    assert listed(LIST) == ["greenhub", "cecr"]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"q": "xanh"}, ["greenhub"]),
        # Without diacritics and with đ typed as d.
        ({"q": "trung tam nghien cuu moi truong"}, ["cecr"]),
        ({"q": "CECR"}, ["cecr"]),
        ({"kind": "research"}, ["cecr"]),
        ({"pillar": "gender-inclusion"}, ["greenhub"]),
        # CECR is recorded in Quảng Nam, which merged into Đà Nẵng.
        ({"province": "da-nang"}, ["greenhub", "cecr"]),
        ({"province": "ha-noi"}, []),
        ({"status": "active"}, ["greenhub"]),
        ({"status": "lapsed"}, ["cecr"]),
    ],
)
def test_the_filters_of_the_directory_apply(portal, listed, params, expected):
    assert listed(LIST, **params) == expected


@pytest.mark.parametrize(
    "params", [{"kind": "pirate"}, {"pillar": "chua-cong-bo"}, {"province": "quang-nam"}, {"q": "x" * 201}]
)
def test_a_filter_value_that_names_nothing_public_is_refused_with_the_reason(client, portal, params):
    response = client.get(LIST, params)
    assert response.status_code == 400
    assert set(response.json()) == set(params)


def test_an_organisation_answers_with_its_public_profile(portal, get_json):
    answer = get_json(f"{LIST}greenhub/")
    assert answer["name_vi"] == "Trung tâm Hỗ trợ Phát triển Xanh"
    assert answer["name_en"] == "Green Development Support Centre"
    assert answer["province"] == {"code": "da-nang", "name_vi": "Đà Nẵng", "name_en": "Da Nang"}
    assert answer["membership_status"] == "active"
    assert answer["membership"]["membership_type"]["code"] == "member"
    assert [p["pillar"]["code"] for p in answer["pillars"]] == ["gender-inclusion"]
    assert answer["people"] == [
        {"full_name": "Nguyễn Thị Lan", "position": "Cán bộ dự án", "role": "focal_point", "is_primary": True}
    ]


def test_a_former_province_shows_as_the_province_it_merged_into(portal, get_json):
    assert get_json(f"{LIST}cecr/")["province"]["code"] == "da-nang"


def test_no_answer_holds_contact_details_or_unpublished_rows(portal, client):
    for url in (LIST, f"{LIST}greenhub/", f"{LIST}cecr/"):
        text = client.get(url).content.decode()
        for secret in [*SECRETS, "email", "phone", "Trần Văn Kín", "chua-cong-bo", "HIDDEN"]:
            assert secret not in text, (url, secret)


def test_an_unpublished_parent_is_null(portal, get_json):
    assert get_json(f"{LIST}greenhub/")["parent"] is None


def test_an_unpublished_or_unknown_organisation_is_not_found(portal, client):
    for slug in ("chua-cong-bo-org", "khong-co"):
        response = client.get(f"{LIST}{slug}/")
        assert response.status_code == 404
        assert set(response.json()) == {"detail"}


def test_pages_follow_each_other_without_gaps_or_repeats(portal, listed):
    OrganisationFactory.create_batch(7, name_vi="Trung tâm Tái chế Nhựa")
    everyone = listed(LIST)
    assert len(everyone) == 9 == len(set(everyone))
    assert listed(LIST, page_size=2) == everyone


def cursor(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize("forged", ["p=nh%00a", "p=" + "x" * 300, "o=abc&p=a", "zzz"])
def test_a_forged_cursor_is_not_found_rather_than_a_server_error(portal, client, forged):
    response = client.get(LIST, {"cursor": forged if forged == "zzz" else cursor(forged)})
    assert response.status_code == 404
    assert set(response.json()) == {"detail"}


def test_a_cursor_at_any_name_is_a_place_in_the_list(portal, listed):
    assert listed(LIST, cursor=cursor("p=Trung+t%C3%A2m+I")) == ["cecr"]
