"""Who may open what, checked on every URL the portal has.

The URL patterns are walked from the root resolver, so a page added later is checked without
anyone remembering to list it here: anything not named public, signed-in or a private file below
is taken to be staff-only, and must send visitors to sign in and refuse member editors. Each URL's parameters
are filled with real objects made by the apps' factories.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.forms.models import model_to_dict
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils import translation

from members.models import Person
from members.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

# Pages anyone may open without signing in.
PUBLIC = {
    "healthz",
    "language_switch",
    # For crawlers: the sitemap of published pages, its files, and robots.txt.
    "sitemap",
    "sitemap_section",
    "robots_txt",
    "media",
    "home",
    "account_login",
    "account_logout",
    "account_signup",
    "account_inactive",
    "account_email_verification_sent",
    "account_confirm_email",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
    "account_confirm_login_code",
    "members:list",
    "members:export",
    "members:detail",
    "events:list",
    "events:calendar",
    "events:calendar_month",
    "events:feed",
    "events:pillar_feed",
    "events:ical",
    "events:detail",
    "initiatives:list",
    "initiatives:results",
    "initiatives:detail",
    "initiatives:pillar_list",
    "initiatives:pillar_detail",
    "initiatives:map",
    "reports:library",
    "reports:published_detail",
    "reports:published_download",
    "iati:activities",
    "iati:organisation",
    # The public API and its documentation: read-only, public content only.
    "api:organisation_list",
    "api:organisation_detail",
    "api:pillar_list",
    "api:event_list",
    "api:event_detail",
    "api:initiative_list",
    "api:initiative_detail",
    "api:totals",
    "api:report_list",
    "api:schema",
    "api:docs",
    # A signed link in every reminder: it answers only with a valid signature, 404 otherwise.
    "members:reminders_off",
    # The knowledge hub; its download counts and answers 404 for what is not public.
    "hub:list",
    "hub:feed_rss",
    "hub:feed_atom",
    "hub:detail",
    "hub:download",
    # The technical groups' pages, newsletters and feeds, and subscribing. The confirmation and
    # unsubscribe links answer only with a valid signature (400 otherwise).
    "groups:list",
    "groups:detail",
    "groups:issue",
    "groups:feed",
    "groups:group_feed",
    "groups:subscribe",
    "groups:subscribe_sent",
    "groups:confirm",
    "groups:unsubscribe",
}
# Pages for any signed-in account; those about an organisation's objects only for its editors.
SIGNED_IN = {
    "account_email",
    "account_change_password",
    "account_set_password",
    "account_reauthenticate",
    "members:mine",
    "members:account_settings",
    "cycles:due",
    "members:join",
    "members:edit",
    "initiatives:report_index",
    "initiatives:report_initiative",
    "initiatives:report_update_create",
    "initiatives:report_update_edit",
    "hub:propose",
    "hub:proposal_detail",
}
# Private files (built reports, evidence, documents that are not public) do not exist for whoever
# may not have them, anonymous visitors included: 404, never the sign-in page.
# tests/hardening/test_private_files.py fetches each kind as every role.
PRIVATE_FILES = {
    "reports:file_download",
    "events:document_download",
    "initiatives:evidence_download",
    "initiatives:document_download",
}
# Everything else is for staff: the whole admin, the approval queue, the report runs.


@dataclass(frozen=True)
class Route:
    """One URL pattern: the chain of patterns leading to it, its full name and its admin model."""

    chain: tuple
    name: str
    callback: object

    @property
    def label(self) -> str:
        with translation.override("vi"):
            return "".join(str(pattern) for pattern in self.chain)

    @property
    def admin_model(self):
        match = re.match(r"^vi/admin/(\w+)/(\w+)/", self.label)
        if match is None:
            return None
        try:
            return apps.get_model(match[1], match[2])
        except LookupError:
            return None


def _walk(patterns, chain=(), namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else entry.namespace
            yield from _walk(entry.url_patterns, (*chain, entry.pattern), inner or namespace)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else (entry.name or "")
            yield Route(chain=(*chain, entry.pattern), name=name, callback=entry.callback)


def all_routes() -> list[Route]:
    with translation.override("vi"):
        return list(_walk(get_resolver().url_patterns))


def is_public(route: Route) -> bool:
    return route.name in PUBLIC


def is_staff_only(route: Route) -> bool:
    return route.name not in PUBLIC and route.name not in SIGNED_IN and route.name not in PRIVATE_FILES


GROUP = re.compile(r"\((?:\?P<(?P<name>\w+)>)?[^()]*\)")


def fill(route: Route, value) -> str:
    """The URL of ``route`` with each parameter given by ``value(name, position)``."""
    parts, position = [], 0
    for pattern in route.chain:
        if isinstance(pattern, LocalePrefixPattern):
            parts.append("vi/")
        elif isinstance(pattern, RoutePattern):
            parts.append(
                re.sub(r"<(?:[^>:]+:)?(\w+)>", lambda m: str(value(m[1], None)), str(pattern._route))
            )
        elif isinstance(pattern, RegexPattern):

            def group(match):
                nonlocal position
                position += 1
                return str(value(match["name"], position))

            parts.append(GROUP.sub(group, pattern._regex.lstrip("^").rstrip("$")))
        else:
            raise AssertionError(f"Teach the test to fill {pattern!r}")
    url = "/" + "".join(parts)
    with translation.override("vi"):
        match = resolve(urlsplit(url).path)
    assert match.func == route.callback, f"{url} does not lead back to {route.label}"
    return url


def as_dict(obj) -> dict:
    # Translated fields read in the active language, which the requests switch.
    with translation.override("vi"):
        return model_to_dict(obj, exclude=["last_login"])


def world_objects(world) -> dict:
    """One object of every model the admin lists; the account is not the one signed in."""
    objects = {type(world.other_editor): world.other_editor}
    for model in admin.site._registry:
        obj = objects.get(model) or model._default_manager.order_by("pk").first()
        assert obj is not None, f"Add a {model.__name__} to the world in conftest.py"
        objects[model] = obj
    return objects


def values_for(world, objects, *, other: bool = False):
    """A filler for URL parameters: the editor's own objects, or another organisation's."""
    org = world.org_b if other else world.org_a
    initiative = world.initiative_b if other else world.initiative_a
    period = world.period_b if other else world.period_a
    update = world.update_b if other else world.update_a

    def value_for(route: Route):
        model = route.admin_model
        target = objects.get(model) if model else None

        def value(name, position):
            slugs = {
                "members": org.slug,
                "events": world.event.slug,
                "initiatives": initiative.slug,
                "reports": world.published.slug,
                # The API's details by slug: an organisation's answers, the others are not found.
                "api": org.slug,
                "hub": world.resource.slug,
            }
            if name == "object_id" or (name is None and position == 1 and target is not None):
                return target.pk if target is not None else objects[type(world.org_a)].pk
            if name is None and position == 2 and target is not None:
                return target.history.order_by("-history_id").first().history_id
            fixed = {
                "content_type_id": ContentType.objects.get_for_model(world.org_a).pk,
                "id": world.other_editor.pk,
                "import_id": world.signin_import.pk,
                "app_label": "members",
                "url": "khong-co-trang-nay/",
                "path": "logos/khong-co.png",
                "key": "khong-hop-le",
                "uidb36": "2x",
                "fmt": "csv",
                "year": 2024,
                "month": 11,
                "period_id": period.pk,
                "update_id": update.pk,
                "token": "khong-hop-le",
                "section": "events",
            }
            if name in fixed:
                return fixed[name]
            if name == "code":
                return "en" if route.name == "language_switch" else world.pillar.code
            if name == "slug":
                return slugs[route.name.split(":")[0]]
            if name == "organisation":
                return org.slug
            if name == "group":
                return world.group.pk
            if name == "pk" and (
                route.name == "groups:issue" or route.name.startswith("admin:groups_issue_")
            ):
                return world.issue.pk
            if name == "pk" and route.name.startswith("groups:"):
                return world.group.pk
            if name == "pk":
                if route.name == "hub:proposal_detail":
                    return (world.proposal_b if other else world.proposal_a).pk
                if route.name.startswith("cycles:"):
                    return world.cycle.pk
                return world.report_file.pk if "file" in route.name else world.run.pk
            raise AssertionError(f"Teach the test how to fill {name!r} in {route.label}")

        return value

    return value_for


def vi_reverse(name: str) -> str:
    # Requests switch the active language (/en/ pages, the language switch); URLs here are /vi/.
    with translation.override("vi"):
        return reverse(name)


def sends_to_sign_in(response, url: str) -> bool:
    if response.status_code != 302:
        return False
    location = urlsplit(response["Location"])
    login_pages = {vi_reverse("account_login"), vi_reverse("admin:login")}
    if url == vi_reverse("admin:logout"):
        # Signing out without being signed in just leads to the admin's front door.
        return location.path == vi_reverse("admin:index")
    return location.path in login_pages and parse_qs(location.query).get("next") == [url]


def test_the_lists_of_public_and_signed_in_pages_name_real_pages():
    names = {route.name for route in all_routes()}
    assert (PUBLIC | SIGNED_IN | PRIVATE_FILES) - names == set()
    assert all(route.name or route.admin_model or "admin/" in route.label for route in all_routes()), (
        "Every page outside the admin needs a name to be classified here"
    )


def test_the_walk_finds_the_admin_and_the_staff_pages():
    staff = {route.name for route in all_routes() if is_staff_only(route)}
    for name in [
        "admin:index",
        "admin:members_person_changelist",
        "admin:members_organisation_simple_history",
        "admin:events_event_signin_upload",
        "admin:events_event_signin_preview",
        "admin:events_event_attendance_sheet",
        "initiatives:approval_queue",
        "reports:run_list",
        "cycles:list",
        "cycles:dashboard",
        "cycles:export",
    ]:
        assert name in staff
    for model in admin.site._registry:
        opts = model._meta
        for action in ("changelist", "add", "change", "delete", "history"):
            assert f"admin:{opts.app_label}_{opts.model_name}_{action}" in staff


def test_visitors_are_sent_to_sign_in_from_every_private_page(client, world):
    fill_value = values_for(world, world_objects(world))
    refused = []
    for route in all_routes():
        if is_public(route) or route.name in PRIVATE_FILES:
            continue
        url = fill(route, fill_value(route))
        for method in (client.get, client.post):
            response = method(url)
            if not sends_to_sign_in(response, url):
                refused.append(f"{method.__name__.upper()} {url}: {response.status_code}")
    assert refused == [], "Open to anonymous visitors:\n" + "\n".join(refused)


def test_public_pages_answer_visitors_without_a_server_error(client, world):
    fill_value = values_for(world, world_objects(world))
    for route in all_routes():
        if is_public(route):
            url = fill(route, fill_value(route))
            assert client.get(url).status_code < 500, url


def _refuses(client, response) -> bool:
    """403 or 404. The admin sends a signed-in account that is not staff to its login page
    (from the sign-out page by way of its index), and the login page refuses it with 403."""
    for _hop in range(3):
        if response.status_code != 302:
            break
        location = urlsplit(response["Location"]).path
        if location not in (vi_reverse("admin:login"), vi_reverse("admin:index")):
            return False
        response = client.get(response["Location"])
    return response.status_code in (403, 404)


def test_a_member_editor_is_refused_by_every_staff_page(client, world):
    objects = world_objects(world)
    snapshot = {model: as_dict(obj) for model, obj in objects.items()}
    fill_value = values_for(world, objects)
    client.force_login(world.editor)
    opened = []
    for route in all_routes():
        if not is_staff_only(route):
            continue
        url = fill(route, fill_value(route))
        for method in (client.get, client.post):
            response = method(url)
            if not _refuses(client, response):
                opened.append(f"{method.__name__.upper()} {url}: {response.status_code}")
    assert opened == [], "Open to a member editor:\n" + "\n".join(opened)
    # Nothing was changed or deleted by the refused posts.
    for model, obj in objects.items():
        assert as_dict(model._default_manager.get(pk=obj.pk)) == snapshot[model], model


def test_coordinators_open_every_staff_page_without_a_server_error(client, world, coordinator):
    fill_value = values_for(world, world_objects(world))
    client.force_login(coordinator)
    for route in all_routes():
        if is_staff_only(route) and route.name != "admin:logout":
            url = fill(route, fill_value(route))
            assert client.get(url).status_code < 500, url


def test_no_admin_action_runs_for_a_visitor_or_a_member_editor(client, world):
    objects = world_objects(world)
    second_person = PersonFactory()
    for signed_in in (False, True):
        if signed_in:
            client.force_login(world.editor)
        for model, model_admin in admin.site._registry.items():
            opts = model._meta
            url = vi_reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            selected = [objects[model].pk] + ([second_person.pk] if model is Person else [])
            for action in ["delete_selected", *(model_admin.actions or [])]:
                name = action if isinstance(action, str) else action.__name__
                before = as_dict(objects[model])
                response = client.post(
                    url, {"action": name, "_selected_action": selected, "post": "yes", "keep": selected[0]}
                )
                assert response.status_code == 302, (url, name)
                assert as_dict(model._default_manager.get(pk=objects[model].pk)) == before, name
    assert Person.objects.filter(pk=second_person.pk).exists(), "people were merged"


@pytest.mark.parametrize("other", [False, True], ids=["own", "another organisation's"])
def test_a_member_editor_reaches_only_their_own_organisations_pages(client, world, other):
    fill_value = values_for(world, world_objects(world), other=other)
    client.force_login(world.editor)
    with_objects = [
        route
        for route in all_routes()
        if route.name in SIGNED_IN and set(re.findall(r"<(?:\w+:)?(\w+)>", route.label)) - {"fmt"}
    ]
    assert {route.name for route in with_objects} >= {
        "members:edit",
        "initiatives:report_initiative",
        "initiatives:report_update_create",
        "initiatives:report_update_edit",
    }
    for route in with_objects:
        if route.name == "members:join":
            continue  # any published organisation may be asked to be joined
        url = fill(route, fill_value(route))
        if other:
            assert client.get(url).status_code == 404, url
            # A page that only shows (GET) refuses a post whatever it is about.
            posted = client.post(url, {"name_vi": "Đổi tên trái phép", "value": "1"})
            assert posted.status_code in (404, 405), url
        else:
            assert client.get(url).status_code == 200, url
    world.org_b.refresh_from_db()
    assert world.org_b.name_vi != "Đổi tên trái phép"


# Staff pages guarded by a permission of their own rather than by their admin model's.
ROUTE_PERMISSIONS = {
    "initiatives:approval_queue": ["initiatives.approve_indicatorupdate"],
    "initiatives:approval_review": ["initiatives.approve_indicatorupdate"],
    "reports:run_list": ["reports.add_reportrun"],
    "reports:run_detail": ["reports.add_reportrun"],
    "reports:run_status": ["reports.add_reportrun"],
    "reports:run_retry": ["reports.add_reportrun"],
    "reports:file_publish": ["reports.add_reportrun"],
    "admin:events_event_signin_upload": ["members.add_person", "events.add_participation"],
    "admin:events_event_signin_preview": ["members.add_person", "events.add_participation"],
    "admin:auth_user_password_change": ["auth.change_user"],
    "admin:initiatives_indicatorupdate_correct": ["initiatives.correct_indicatorupdate"],
    "cycles:list": ["cycles.view_reportingcycle"],
    "cycles:dashboard": ["cycles.view_reportingcycle"],
    "cycles:export": ["cycles.view_reportingcycle"],
    "admin:groups_issue_send": ["groups.send_issue"],
    # Importing from a spreadsheet (core.imports) needs the model's add and change permissions.
    **{
        f"admin:{app}_{model}_{page}": [f"{app}.add_{model}", f"{app}.change_{model}"]
        for app, model in [
            ("members", "organisation"),
            ("members", "person"),
            ("initiatives", "initiative"),
            ("initiatives", "result"),
            ("initiatives", "indicator"),
            ("initiatives", "period"),
            ("initiatives", "indicatorupdate"),
        ]
        for page in ("import", "process_import", "import_template")
    },
}
# Pages that answer any staff account the same way: the admin's search helper (it needs a query
# naming a field) and its catch-all for unknown addresses.
NO_ROLE = {"admin:autocomplete", ""}
ROLES = ["Điều phối viên", "Người duyệt kết quả", "Cán bộ báo cáo"]


def expected_open(route: Route, user) -> bool:
    """Whether ``user`` may open ``route``: its own permissions, else its admin model's."""
    if route.name in ROUTE_PERMISSIONS:
        return user.has_perms(ROUTE_PERMISSIONS[route.name])
    model = route.admin_model
    if model is not None:
        opts = model._meta
        if route.name.endswith("_add"):
            return user.has_perm(f"{opts.app_label}.add_{opts.model_name}")
        if route.name.endswith("_delete"):
            return user.has_perm(f"{opts.app_label}.delete_{opts.model_name}")
        return user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(
            f"{opts.app_label}.change_{opts.model_name}"
        )
    # The admin's own pages (index, app lists, password change) are for any staff account.
    return True


@pytest.mark.parametrize("role", ROLES)
def test_each_role_opens_its_own_staff_pages_and_is_refused_the_others(client, world, staff_in, role):
    user = staff_in(role)
    fill_value = values_for(world, world_objects(world))
    client.force_login(user)
    wrong = []
    for route in all_routes():
        if not is_staff_only(route) or route.name in NO_ROLE | {
            "admin:logout",
            "admin:app_list",
        }:
            continue
        url = fill(route, fill_value(route))
        response = client.get(url)
        # /admin/<app>/<model>/<id>/ only redirects to the change page, which does the checking.
        if response.status_code == 302 and urlsplit(response["Location"]).path == url + "change/":
            response = client.get(response["Location"])
        assert response.status_code < 500, url
        if expected_open(route, user):
            if response.status_code >= 400 and response.status_code != 405:  # 405: a POST-only page
                wrong.append(f"refused {url}: {response.status_code}")
        elif not _refuses(client, response):
            wrong.append(f"opened {url}: {response.status_code}")
    assert wrong == [], f"{role}:\n" + "\n".join(wrong)
