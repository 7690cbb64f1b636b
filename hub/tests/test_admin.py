"""Coordinators keep the hub in the admin: search ignores diacritics, history is kept, and the
results chosen for a model must be those of its initiatives."""

import pytest
from django.contrib.auth.models import Group

from core.roles import COORDINATORS, roles_install
from initiatives.tests.factories import InitiativeFactory, ResultFactory
from members.tests.factories import UserFactory

from ..forms import ResourceAdminForm
from ..models import Resource
from .factories import ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client):
    user = UserFactory(is_staff=True)
    # A test that emptied the database before this one took the roles with it.
    roles_install()
    user.groups.add(Group.objects.get(name=COORDINATORS))
    client.force_login(user)
    return user


def test_coordinators_search_without_diacritics(client, coordinator):
    ResourceFactory(title_vi="Mô hình kinh tế tuần hoàn tại Hoàn Kiếm")
    ResourceFactory(title_vi="Hướng dẫn truyền thông")
    html = client.get("/vi/admin/hub/resource/", {"q": "hoan kiem"}).content.decode()
    assert "Mô hình kinh tế tuần hoàn tại Hoàn Kiếm" in html
    assert "Hướng dẫn truyền thông" not in html


def test_coordinators_open_the_add_form_and_the_history(client, coordinator):
    resource = ResourceFactory()
    assert client.get("/vi/admin/hub/resource/add/").status_code == 200
    assert client.get(f"/vi/admin/hub/resource/{resource.pk}/change/").status_code == 200
    assert client.get(f"/vi/admin/hub/resource/{resource.pk}/history/").status_code == 200


def test_members_without_the_role_cannot_open_the_admin(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get("/vi/admin/hub/resource/").status_code == 403


def test_a_models_results_must_be_of_its_initiatives():
    mine, other = InitiativeFactory(), InitiativeFactory()
    form = ResourceAdminForm(
        data={
            "kind": Resource.Kind.GOOD_PRACTICE,
            "title_vi": "Mô hình",
            "slug": "mo-hinh",
            "year": "2022",
            "language": "vi",
            "url": "http://cecr.vn/",
            "review_status": Resource.Review.ACCEPTED,
            "initiatives": [mine.pk],
            "results": [ResultFactory(initiative=other).pk],
        }
    )
    assert not form.is_valid()
    assert "results" in form.errors
