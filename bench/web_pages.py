"""The pages ``bench/web.py`` loads, and the accounts it loads the signed-in ones as.

Run as ``python -m bench.web_pages`` in a child process, so the runner stays free of Django and
its connections; it prints one JSON object: the rows (group, name, path, who), the ``Cookie``
header of each account's session, and notes on what was picked.

The pages are picked from the data: the busiest published organisation, event, initiative and
pillar, the hub's resource with the most links. Two accounts sign in by a session made here
(``Client.force_login``, stored in the database, so the server reads it like any other):

* ``bench-web-editor``, an approved member editor of the published organisation that reports
  the most initiatives (of those owing something in an open cycle, if any organisation does),
  for "My organisations", the report index, the report page of its initiative with the most
  updates and the list of what is due;
* ``bench-web-coordinator``, staff, in the coordinators' and results approvers' groups (not a
  superuser, so the permission checks run as for a real coordinator), for the approval queue,
  the dashboard of the cycle with the most periods due, and the admin's changelists.

The accounts are kept between runs (made again if missing); their sessions are new each run.
"""

import json

USER_PREFIX = "bench-web-"
EDITOR = f"{USER_PREFIX}editor"
COORDINATOR = f"{USER_PREFIX}coordinator"

ADMIN_CHANGELISTS = (
    ("admin events", "events/event"),
    ("admin indicator updates", "initiatives/indicatorupdate"),
    ("admin participations", "events/participation"),
    ("admin organisations", "members/organisation"),
    ("admin initiatives", "initiatives/initiative"),
    ("admin people", "members/person"),
)


def _busiest():
    from django.db.models import Count

    from events.models import Event
    from hub.models import Resource
    from initiatives.models import Initiative
    from members.models import Organisation
    from vocabulary.models import Pillar

    return {
        "organisation": Organisation.objects.published()
        .annotate(n=Count("event_roles"))
        .order_by("-n", "pk")
        .first(),
        "event": Event.objects.published().annotate(n=Count("participations")).order_by("-n", "pk").first(),
        "initiative": Initiative.objects.published()
        .annotate(n=Count("results__indicators__periods__updates"))
        .order_by("-n", "pk")
        .first(),
        "pillar": Pillar.objects.published().annotate(n=Count("initiatives")).order_by("-n", "pk").first(),
        "resource": Resource.objects.public()
        .annotate(
            n=Count("initiatives", distinct=True)
            + Count("events", distinct=True)
            + Count("organisation_roles", distinct=True)
        )
        .order_by("-n", "pk")
        .first(),
    }


def _editor_organisation():
    """(organisation, its initiative with the most updates): the published organisation that
    reports the most initiatives (``n``), preferring those owing something in an open cycle."""
    from django.db.models import Count, Q

    from cycles.models import DuePeriod, ReportingCycle
    from initiatives.models import Initiative
    from initiatives.selectors.rounds import REPORTING_ROLES
    from members.models import Organisation

    reporting = Q(initiative_partnerships__role__in=REPORTING_ROLES)
    organisations = Organisation.objects.published().filter(reporting)
    owing = DuePeriod.objects.filter(cycle__status=ReportingCycle.Status.OPEN).values("initiative")
    for candidates in (organisations.filter(initiative_partnerships__initiative__in=owing), organisations):
        organisation = (
            candidates.annotate(
                n=Count("initiative_partnerships__initiative", filter=reporting, distinct=True)
            )
            .order_by("-n", "pk")
            .first()
        )
        if organisation:
            break
    else:
        raise RuntimeError("No published organisation reports an initiative: load a dataset first.")
    initiative = (
        Initiative.objects.filter(partners__organisation=organisation, partners__role__in=REPORTING_ROLES)
        .annotate(n=Count("results__indicators__periods__updates"))
        .order_by("-n", "pk")
        .first()
    )
    return organisation, initiative


def _accounts(organisation) -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from core import roles
    from members.models import EditorRequest

    users = get_user_model().objects
    editor, _ = users.get_or_create(username=EDITOR, defaults={"email": f"{EDITOR}@bench.invalid"})
    EditorRequest.objects.filter(user=editor).exclude(organisation=organisation).delete()
    EditorRequest.objects.update_or_create(
        user=editor, organisation=organisation, defaults={"status": EditorRequest.Status.APPROVED}
    )
    coordinator, _ = users.get_or_create(
        username=COORDINATOR, defaults={"email": f"{COORDINATOR}@bench.invalid", "is_staff": True}
    )
    coordinator.groups.add(*Group.objects.filter(name__in=[roles.COORDINATORS, roles.RESULTS_APPROVERS]))
    return {"editor": editor, "coordinator": coordinator}


def _session_cookies(accounts: dict) -> dict[str, str]:
    from django.conf import settings
    from django.test import Client

    cookies = {}
    for who, user in accounts.items():
        client = Client()
        client.force_login(user)
        cookies[who] = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    return cookies


def prepare() -> dict:
    from django.db.models import Count

    from cycles.models import ReportingCycle
    from initiatives.models import IndicatorUpdate

    found = _busiest()
    organisation, report_initiative = _editor_organisation()
    accounts = _accounts(organisation)
    cycle = ReportingCycle.objects.annotate(n=Count("due_periods")).order_by("-n", "-pk").first()
    initiative = found["initiative"].slug
    rows = [
        ("public", "home", "/vi/", "anonymous"),
        ("public", "member directory", "/vi/members/", "anonymous"),
        ("public", "events list", "/vi/events/", "anonymous"),
        ("public", "events calendar", "/vi/events/calendar/2024/11/", "anonymous"),
        ("public", "initiatives list", "/vi/initiatives/", "anonymous"),
        ("public", "pillar page", f"/vi/pillars/{found['pillar'].code}/", "anonymous"),
        ("public", "an organisation", f"/vi/members/{found['organisation'].slug}/", "anonymous"),
        ("public", "an event", f"/vi/events/{found['event'].slug}/", "anonymous"),
        ("public", "an initiative", f"/vi/initiatives/{initiative}/", "anonymous"),
        ("public", "reports library", "/vi/reports/", "anonymous"),
        ("hub", "hub", "/vi/hub/", "anonymous"),
        *(
            [("hub", "a hub resource", f"/vi/hub/{found['resource'].slug}/", "anonymous")]
            if found["resource"]
            else []
        ),
        ("api", "API organisations", "/api/v1/organisations/", "anonymous"),
        ("api", "API pillars", "/api/v1/pillars/", "anonymous"),
        ("api", "API events", "/api/v1/events/", "anonymous"),
        ("api", "API initiatives", "/api/v1/initiatives/", "anonymous"),
        ("api", "API totals", "/api/v1/totals/", "anonymous"),
        ("api", "API reports", "/api/v1/reports/", "anonymous"),
        ("api", "API an initiative", f"/api/v1/initiatives/{initiative}/", "anonymous"),
        ("member", "my organisations", "/vi/members/mine/", "editor"),
        ("member", "report index", "/vi/initiatives/report/", "editor"),
        (
            "member",
            "an initiative's report page",
            f"/vi/initiatives/report/{report_initiative.slug}/",
            "editor",
        ),
        ("member", "what is due", "/vi/cycles/due/", "editor"),
        ("coordinator", "approval queue", "/vi/initiatives/report/approvals/", "coordinator"),
        *(
            [
                ("coordinator", "a cycle dashboard", f"/vi/cycles/{cycle.pk}/", "coordinator"),
                (
                    "coordinator",
                    "dashboard by organisation",
                    f"/vi/cycles/{cycle.pk}/?by=organisation",
                    "coordinator",
                ),
                ("coordinator", "dashboard by pillar", f"/vi/cycles/{cycle.pk}/?by=pillar", "coordinator"),
            ]
            if cycle
            else []
        ),
        *[("admin", name, f"/vi/admin/{model}/", "coordinator") for name, model in ADMIN_CHANGELISTS],
    ]
    return {
        "rows": [dict(zip(("group", "name", "path", "who"), row, strict=True)) for row in rows],
        "cookies": _session_cookies(accounts),
        "notes": {
            "editor_organisation": organisation.slug,
            "editor_initiatives": organisation.n,
            "cycle": f"{cycle.name_en or cycle.name_vi} ({cycle.n:,} periods due)" if cycle else "none",
            "submitted_updates": IndicatorUpdate.objects.filter(
                status=IndicatorUpdate.Status.SUBMITTED
            ).count(),
        },
    }


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(prepare()), flush=True)
