"""Public pages are cached for anonymous visitors and forgotten the moment content changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from core import page_cache
from events.models import Event
from events.tests.factories import EventFactory
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_a_second_anonymous_visit_is_served_without_the_database(client, django_assert_num_queries):
    OrganisationFactory(name_vi="Trung tâm Hỗ trợ Phát triển Xanh", is_published=True)
    first = client.get("/vi/members/")
    assert "Trung tâm Hỗ trợ Phát triển Xanh" in first.content.decode()
    with django_assert_num_queries(0):
        second = client.get("/vi/members/")
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == "text/html; charset=utf-8"
    assert second["Content-Language"] == "vi"


def test_each_language_and_query_has_its_own_page(client):
    OrganisationFactory(name_vi="Viện Chiến lược", name_en="Institute of Strategy", is_published=True)
    assert "Viện Chiến lược" in client.get("/vi/members/").content.decode()
    assert "Institute of Strategy" in client.get("/en/members/").content.decode()
    assert "Viện Chiến lược" not in client.get("/vi/members/?q=greenhub").content.decode()


def test_a_coordinators_edit_in_the_admin_shows_at_once(client, coordinator):
    organisation = OrganisationFactory(name_vi="Trung tâm Cũ", is_published=True)
    assert "Trung tâm Cũ" in client.get(organisation.get_absolute_url()).content.decode()

    organisation.name_vi = "Trung tâm Mới"
    organisation.save()

    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "Trung tâm Mới" in page and "Trung tâm Cũ" not in page


def test_an_admin_bulk_publish_shows_at_once(client, coordinator):
    event = EventFactory(title_vi="Hội thảo tham vấn về nhựa", is_published=False)
    assert "Hội thảo tham vấn về nhựa" not in client.get("/vi/events/").content.decode()

    staff = client.__class__()
    staff.force_login(coordinator)
    response = staff.post(
        reverse("admin:events_event_changelist"),
        {"action": "publish", "_selected_action": [event.pk]},
    )
    assert response.status_code == 302
    # The action updates rows without saving models: no save signal fired.
    assert Event.objects.get(pk=event.pk).is_published

    assert "Hội thảo tham vấn về nhựa" in client.get("/vi/events/").content.decode()


def test_signed_in_visitors_never_get_the_anonymous_page(client, editor_of):
    organisation = OrganisationFactory(is_published=True)
    anonymous_page = client.get(organisation.get_absolute_url()).content.decode()
    assert "Sign out" not in anonymous_page and "Đăng xuất" not in anonymous_page

    client.force_login(editor_of(organisation))
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "Đăng xuất" in page
    assert reverse("members:edit", kwargs={"slug": organisation.slug}) in page


def test_a_message_waiting_for_a_visitor_is_not_lost_to_the_cache(client, django_user_model):
    # The home page is in the cache when someone signs out and lands on it.
    client.__class__().get("/vi/")
    user = django_user_model.objects.create_user("thanhvien", "thanhvien@npap.test", "Mat-khau-2026")
    client.force_login(user)
    page = client.post("/vi/accounts/logout/", follow=True).content.decode()
    assert "Bạn đã đăng xuất." in page
    assert "Bạn đã đăng xuất." not in client.get("/vi/").content.decode()


def test_pages_that_set_cookies_or_tokens_are_not_shared(rf):
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    calls = []

    @page_cache.public_page
    def with_token(request):
        calls.append(1)
        return HttpResponse(get_token(request))

    def anonymous(path):
        from django.contrib.auth.models import AnonymousUser
        from django.contrib.messages.storage.fallback import FallbackStorage
        from django.contrib.sessions.backends.db import SessionStore

        request = rf.get(path)
        request.user = AnonymousUser()
        request.session = SessionStore()
        request._messages = FallbackStorage(request)
        return request

    # Through the middleware that stores what the view marks as shareable.
    served = page_cache.PageCacheMiddleware(with_token)
    first = served(anonymous("/vi/x/")).content
    second = served(anonymous("/vi/x/")).content
    assert len(calls) == 2 and first != second


def test_an_unreachable_cache_still_serves_pages(client):
    OrganisationFactory(name_vi="Quỹ Vì Tầm Vóc Việt", is_published=True)
    closed_port = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    with override_settings(CACHES=closed_port):
        response = client.get("/vi/members/")
        page_cache.content_changed()  # not raised into the request
    assert response.status_code == 200
    assert "Quỹ Vì Tầm Vóc Việt" in response.content.decode()


def test_the_page_cache_can_be_turned_off(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    OrganisationFactory(is_published=True)
    client.get("/vi/members/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/vi/members/")
    assert len(queries) > 0


@pytest.fixture
def collected(db):
    from decimal import Decimal

    from initiatives.tests.factories import IndicatorFactory, IndicatorUpdateFactory, NetworkIndicatorFactory

    indicator = IndicatorFactory(network_indicator=NetworkIndicatorFactory())
    IndicatorUpdateFactory(period__indicator=indicator, value=Decimal(35000))
    return IndicatorUpdateFactory(
        period__indicator=indicator, value=Decimal(16150), status="submitted", submitted_by=None
    )


def test_an_approved_update_changes_the_home_page_totals_at_once(client, coordinator, collected):
    from initiatives.services import indicator_update_approve

    assert "35.000 kg" in client.get("/vi/").content.decode()
    indicator_update_approve(update=collected, reviewer=coordinator)
    assert "51.150 kg" in client.get("/vi/").content.decode()


def test_editing_an_event_rebuilds_the_page_but_not_the_results_totals(client, collected):
    event = EventFactory()
    with CaptureQueriesContext(connection) as first:
        client.get("/vi/")
    event.title_vi = "Hội thảo đã đổi tên"
    event.save()
    with CaptureQueriesContext(connection) as after_edit:
        page = client.get("/vi/").content.decode()
    assert "35.000 kg" in page
    # The page was built again (its events), the totals were not summed again.
    assert 0 < len(after_edit) < len(first)


def test_signed_in_visitors_get_the_filter_counts_from_the_cache_until_content_changes(client, editor_of):
    organisation = OrganisationFactory(is_published=True)
    EventFactory(province__code="ha-noi")
    client.force_login(editor_of(organisation))
    with CaptureQueriesContext(connection) as first:
        client.get("/vi/events/", {"province": "ha-noi"})
    with CaptureQueriesContext(connection) as second:
        page = client.get("/vi/events/", {"province": "ha-noi", "page": "1"})
    assert len(second) < len(first)
    assert "(1)" in page.content.decode()

    EventFactory(province=page.context["filter"].form.cleaned_data["province"])
    counts = client.get("/vi/events/", {"province": "ha-noi"}).context["facets"]
    assert counts["province"]["ha-noi"] == 2
