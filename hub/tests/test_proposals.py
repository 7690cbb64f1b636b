"""A member editor proposes a resource for their organisation; it stays hidden until a
coordinator accepts and publishes it; another organisation's proposals answer 404."""

import pytest
from django.contrib.auth.models import Group

from core.models import OutgoingMail
from core.roles import COORDINATORS, roles_install
from members.tests.factories import EditorRequestFactory, OrganisationFactory, UserFactory

from ..models import Resource
from .factories import ResourceFactory

pytestmark = pytest.mark.django_db

FORM = {
    "kind": Resource.Kind.GOOD_PRACTICE,
    "title_vi": "Mô hình trường học xanh",
    "summary_vi": "39 trường tham gia, 27 sáng kiến của học sinh.",
    "year": "2023",
    "language": "vi",
    "url": "http://cecr.vn/",
}


@pytest.fixture
def editor():
    return EditorRequestFactory(organisation=OrganisationFactory(slug="cecr")).user


@pytest.fixture
def coordinator():
    user = UserFactory(email="dieuphoi@npap.test", is_staff=True)
    # A test that emptied the database before this one took the roles with it.
    roles_install()
    user.groups.add(Group.objects.get(name=COORDINATORS))
    return user


def test_an_editor_proposes_a_resource_which_stays_hidden(client, editor, coordinator):
    client.force_login(editor)
    assert "Đề xuất tài liệu cho" in client.get("/vi/members/mine/").content.decode()
    response = client.post("/vi/hub/propose/cecr/", FORM)
    resource = Resource.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/vi/hub/mine/{resource.pk}/"
    assert resource.review_status == Resource.Review.PROPOSED
    assert not resource.is_published
    assert resource.proposing_organisation.slug == "cecr"
    assert resource.organisation_roles.get().organisation.slug == "cecr"
    assert OutgoingMail.objects.filter(to_email="dieuphoi@npap.test", kind="hub-proposal").exists()
    assert "Mô hình trường học xanh" in client.get(f"/vi/hub/mine/{resource.pk}/").content.decode()

    client.logout()
    assert "Mô hình trường học xanh" not in client.get("/vi/hub/").content.decode()
    assert client.get(f"/vi/hub/{resource.slug}/").status_code == 404
    assert client.get(f"/vi/hub/{resource.slug}/download/").status_code == 404


def test_accepted_and_published_proposals_become_public(client, editor, coordinator):
    client.force_login(editor)
    client.post("/vi/hub/propose/cecr/", FORM)
    resource = Resource.objects.get()
    client.force_login(coordinator)
    changelist = "/vi/admin/hub/resource/"
    client.post(changelist, {"action": "publish", "_selected_action": [resource.pk]})
    resource.refresh_from_db()
    assert not resource.is_published  # not accepted yet
    client.post(changelist, {"action": "accept", "_selected_action": [resource.pk]})
    client.post(changelist, {"action": "publish", "_selected_action": [resource.pk]})
    resource.refresh_from_db()
    assert resource.review_status == Resource.Review.ACCEPTED and resource.is_published
    client.logout()
    assert "Mô hình trường học xanh" in client.get("/vi/hub/").content.decode()


def test_an_editor_cannot_propose_for_another_organisation(client, editor):
    OrganisationFactory(slug="isponre")
    client.force_login(editor)
    assert client.get("/vi/hub/propose/isponre/").status_code == 404
    assert client.post("/vi/hub/propose/isponre/", FORM).status_code == 404
    assert not Resource.objects.exists()


def test_another_organisations_proposal_answers_404(client, editor):
    other = OrganisationFactory(slug="isponre")
    theirs = ResourceFactory(
        is_published=False,
        review_status=Resource.Review.PROPOSED,
        proposing_organisation=other,
        proposed_by=UserFactory(),
    )
    client.force_login(editor)
    assert client.get(f"/vi/hub/mine/{theirs.pk}/").status_code == 404
    assert theirs.title not in client.get("/vi/members/mine/").content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client):
    OrganisationFactory(slug="cecr")
    response = client.get("/vi/hub/propose/cecr/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_proposal_needs_a_file_or_a_link(client, editor):
    client.force_login(editor)
    response = client.post("/vi/hub/propose/cecr/", {**FORM, "url": ""})
    assert response.status_code == 200
    assert not Resource.objects.exists()
