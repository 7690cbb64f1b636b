import xml.etree.ElementTree as ET

import pytest

from initiatives.tests.factories import PillarFactory

from .factories import IssueFactory, SentIssueFactory, TechnicalGroupFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_a_sent_issue_is_a_public_page_and_a_draft_is_not(client, group):
    sent = SentIssueFactory(group=group, title_vi="Bản tin quý IV/2022", editorial_vi="Lời ngỏ của nhóm.")
    draft = IssueFactory(group=group, year=2023, quarter=1)
    page = client.get(f"/vi/groups/{group.pk}/newsletters/{sent.pk}/")
    assert page.status_code == 200 and "Lời ngỏ của nhóm." in page.content.decode()
    assert client.get(f"/vi/groups/{group.pk}/newsletters/{draft.pk}/").status_code == 404


def test_an_issue_being_sent_is_not_public_yet(client, group):
    sending = IssueFactory(group=group, status="sending")
    assert client.get(f"/vi/groups/{group.pk}/newsletters/{sending.pk}/").status_code == 404


def test_an_issue_answers_only_under_its_own_group(client, group):
    sent = SentIssueFactory(group=group)
    other = TechnicalGroupFactory()
    assert client.get(f"/vi/groups/{other.pk}/newsletters/{sent.pk}/").status_code == 404


def test_an_issue_of_an_unpublished_pillars_group_is_not_public(client):
    hidden = SentIssueFactory(group=TechnicalGroupFactory(pillar=PillarFactory(is_published=False)))
    assert client.get(f"/vi/groups/{hidden.group_id}/newsletters/{hidden.pk}/").status_code == 404


def _entries(client, url: str) -> list[tuple[str, str]]:
    response = client.get(url)
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return [
        (entry.find(f"{ATOM}title").text, entry.find(f"{ATOM}link").get("href"))
        for entry in root.findall(f"{ATOM}entry")
    ]


def test_the_feeds_list_the_sent_issues_only(client, group):
    sent = SentIssueFactory(group=group, title_vi="Bản tin đã gửi")
    IssueFactory(group=group, year=2023, quarter=1, title_vi="Bản nháp")
    other = SentIssueFactory(title_vi="Bản tin của nhóm khác")
    entries = _entries(client, f"/vi/groups/{group.pk}/newsletters/feed/")
    assert [title for title, _link in entries] == ["Bản tin đã gửi"]
    assert entries[0][1].endswith(sent.get_absolute_url())
    everything = [title for title, _link in _entries(client, "/vi/groups/newsletters/feed/")]
    assert sorted(everything) == sorted(["Bản tin đã gửi", other.title_vi])
