"""Count the database queries of every page and every report on the demo network, to compare two
versions of the portal: a change that moves code between apps must not make any page or report
ask more.

On a database holding the demo network (``manage.py load_demo``), built afresh for each version:

    export PORTAL_VAR_DIR=/tmp/queries-var
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo
    .venv/bin/python bench/queries.py --out /tmp/after.json
    .venv/bin/python bench/queries.py --compare /tmp/before.json /tmp/after.json

Each page is asked for with the page cache emptied, as an anonymous visitor, the CECR member
editor or a coordinator; each admin list and change page of every registered model as the
coordinator; each report kind in each format is built the way the worker builds it. The script
adds the two accounts it needs and the report runs it builds to the database it is given.
"""

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def measure() -> dict[str, list]:
    from django.apps import apps
    from django.contrib import admin
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from events.models import Event
    from initiatives.models import Initiative
    from members.models import EditorRequest, Organisation
    from reports import services as report_services
    from reports.models import ReportRun

    User = get_user_model()
    coordinator, _ = User.objects.get_or_create(
        username="queries-coordinator",
        defaults={"email": "queries-coordinator@npap.local", "is_staff": True, "is_superuser": True},
    )
    editor, _ = User.objects.get_or_create(
        username="queries-editor", defaults={"email": "queries-editor@npap.local"}
    )
    cecr = Organisation.objects.get(slug="cecr")
    EditorRequest.objects.get_or_create(user=editor, organisation=cecr, defaults={"status": "approved"})
    organisation = Organisation.objects.filter(is_published=True).order_by("pk").first()
    event = Event.objects.filter(is_published=True).order_by("pk").first()
    initiative = (
        Initiative.objects.filter(is_published=True, partners__organisation=cecr).order_by("pk").first()
    )

    def count(client: Client, url: str) -> list:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        return [status, len(queries)]

    anonymous, member, staff = Client(), Client(), Client()
    member.force_login(editor)
    staff.force_login(coordinator)
    counted: dict[str, list] = {}
    for url in [
        "/vi/",
        "/en/",
        "/vi/members/",
        "/vi/members/?province=ha-noi&kind=ngo",
        f"/vi/members/{organisation.slug}/",
        "/vi/events/",
        "/vi/events/?when=past&year=2024&pillar=innovation",
        "/vi/events/calendar/2024/11/",
        f"/vi/events/{event.slug}/",
        f"/vi/events/{event.slug}.ics",
        "/vi/events/feed.ics",
        "/vi/initiatives/",
        "/vi/initiatives/?q=nhua",
        f"/vi/initiatives/{initiative.slug}/",
        "/vi/initiatives/results/",
        "/vi/initiatives/results/?province=ha-noi",
        "/vi/pillars/",
        "/vi/pillars/innovation/",
        "/vi/reports/",
    ]:
        counted[f"anonymous {url}"] = count(anonymous, url)
    for url in [
        "/vi/members/mine/",
        f"/vi/members/{cecr.slug}/edit/",
        "/vi/initiatives/report/",
        f"/vi/initiatives/report/{initiative.slug}/",
    ]:
        counted[f"editor {url}"] = count(member, url)
    for url in ["/vi/initiatives/report/approvals/", "/vi/reports/runs/", "/vi/admin/"]:
        counted[f"coordinator {url}"] = count(staff, url)
    # Admin pages are named by model, not app: a model moved to another app is the same page.
    for model in admin.site._registry:
        opts = model._meta
        counted[f"coordinator admin list {opts.model_name}"] = count(
            staff, reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        )
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            counted[f"coordinator admin change {opts.model_name}"] = count(
                staff, reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk])
            )
    app_of_pillar = "vocabulary" if apps.is_installed("vocabulary") else "initiatives"
    pillar = apps.get_model(app_of_pillar, "Pillar").objects.order_by("pk").first()
    for kind in ReportRun.Kind.values:
        for fmt in ReportRun.Format.values:
            run = ReportRun.objects.create(
                kind=kind,
                period_start=date(2022, 1, 1),
                period_end=date(2022, 12, 31),
                formats=[fmt],
                requested_by=coordinator,
                language="vi",
                pillar=pillar if kind == ReportRun.Kind.PILLAR else None,
            )
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                report_services.report_run_build(run_id=run.pk)
            run.refresh_from_db()
            counted[f"report {kind} {fmt}"] = [run.status, len(queries)]
    return counted


def compare(before: dict[str, list], after: dict[str, list]) -> int:
    """Print every page and report that asks more queries (or answers otherwise); the number of them."""
    worse = 0
    for name, (status, queries) in before.items():
        if name not in after:
            print(f"gone     {name}")
            continue
        now_status, now_queries = after[name]
        if now_status != status or now_queries > queries:
            worse += 1
            print(f"worse    {name}: {status}/{queries} → {now_status}/{now_queries}")
        elif now_queries < queries:
            print(f"fewer    {name}: {queries} → {now_queries}")
    same = sum(1 for name in before if name in after and after[name] == before[name])
    print(f"{same} of {len(before)} unchanged, {worse} worse, {len(set(after) - set(before))} new")
    return worse


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="write the counts here as JSON")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    options = parser.parse_args()
    if options.compare:
        before, after = (json.loads(path.read_text()) for path in options.compare)
        sys.exit(1 if compare(before, after) else 0)
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network_portal.settings")
    import django

    django.setup()
    counted = measure()
    text = json.dumps(counted, indent=1, ensure_ascii=False)
    if options.out:
        options.out.write_text(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
