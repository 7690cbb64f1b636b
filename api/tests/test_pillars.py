"""/api/v1/pillars/: the published pillars with their technical groups."""

import pytest

pytestmark = pytest.mark.django_db


def test_pillars_are_listed_with_their_technical_groups_and_published_leads(portal, get_json):
    answer = get_json("/api/v1/pillars/")
    assert [p["code"] for p in answer["results"]] == ["gender-inclusion"]
    groups = answer["results"][0]["technical_groups"]
    assert [(g["name_vi"], g["lead_organisation"] and g["lead_organisation"]["slug"]) for g in groups] == [
        ("Nhóm kỹ thuật giới", None),
        ("Nhóm truyền thông", "greenhub"),
    ]


def test_an_unpublished_pillar_and_lead_never_appear(portal, client):
    text = client.get("/api/v1/pillars/").content.decode()
    assert "chua-cong-bo" not in text and "HIDDEN" not in text
