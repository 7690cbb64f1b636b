import pytest

from initiatives.tests.factories import PillarFactory
from network_portal.tests.test_sitemap import sitemap_urls

from .factories import IssueFactory, SentIssueFactory, TechnicalGroupFactory

pytestmark = pytest.mark.django_db


def test_the_sitemap_lists_public_groups_and_sent_issues_in_both_languages(client, group):
    sent = SentIssueFactory(group=group)
    draft = IssueFactory(group=group, year=2023, quarter=1)
    hidden = TechnicalGroupFactory(pillar=PillarFactory(is_published=False))
    urls = sitemap_urls(client)
    assert urls[f"/vi/groups/{group.pk}/"]["en"] == f"/en/groups/{group.pk}/"
    assert f"/en/groups/{group.pk}/newsletters/{sent.pk}/" in urls
    assert not any(f"/newsletters/{draft.pk}/" in url for url in urls)
    assert not any(f"/groups/{hidden.pk}/" in url for url in urls)
