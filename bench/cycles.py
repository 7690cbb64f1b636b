"""Reporting cycles at national scale: opening a six-month cycle that covers every active
initiative, the coordinators' dashboard of it, and the reminder run, with their time, queries and
peak memory.

Run it against a database that holds the national-scale dataset (``bench_dataset``):

    export PYTHONPATH=$PWD DJANGO_SETTINGS_MODULE=bench.settings \\
        DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench REDIS_URL=redis://127.0.0.1:6379/3 \\
        PORTAL_VAR_DIR=$PWD/var/bench
    .venv/bin/python bench/cycles.py --out bench/results/cycles.md

Options: ``--requests 9`` (requests per dashboard page; their median is reported), ``--workers 4``
(gunicorn workers), ``--seed 2026`` (which organisations get editors), ``--editor-share 0.25``
(the share of the organisations leading no initiative in the cycle that have an editor),
``--every-initiative`` (the cycle also chooses every initiative one by one, whatever its dates:
the most a cycle can cover, where the busiest half-year holds less than half of them),
``--keep`` (leave the cycle, its periods, the proposals, the mails and the editors in the
database to look at; by default everything the run made is removed), ``--remove`` (remove what
an earlier run left, and stop).

What it does, each step in a fresh process (this script with ``--child``) so that its peak
resident memory, read by the parent with ``os.wait4``, is its own:

1. *prepare*: picks the half-year in which the most initiatives run (of those no cycle covers
   yet), makes a planned six-month cycle covering every active initiative (``all_active``), due
   on the 15th of the month after it; gives the organisations member editors (one approved
   editor for every organisation accountable for an initiative in the cycle, since an initiative
   reports through its lead, and for ``--editor-share`` of the others; a second editor for one in
   seven of them; one editor in twenty has turned reminders off, one in five reads the portal in
   English); links each "people trained" indicator whose lead organisation hosted trainings in
   the half-year to up to three of them, so the figures proposed from attendance are part of the
   opening; and makes a coordinator account and three results approvers (who get the approvals
   digest).
2. *open*: ``cycles.services.cycle_open`` as the coordinator, timed, its queries counted and
   their database time summed.
3. *dashboard*: every page of the dashboard through the test client once to count its queries,
   then under gunicorn with the production settings and nothing cached
   (``PORTAL_PAGE_CACHE_SECONDS=0``), signed in as the coordinator by a session cookie, one
   request at a time: the median (p50) and the slowest of ``--requests`` requests, after one
   per worker to warm up. The member's own list of what is due is requested as the editor whose
   organisation owes most. The slowest queries of each page are listed under the table.
4. *remind*: ``cycles.reminders.reminders_send`` on the cycle's due date, when every editor
   still owing something gets a digest, then again (its mails removed first) with only the
   editors of 100 of the organisations owing active: the same initiatives owed, far fewer
   people. The queries of the two runs show what grows with the people mailed and what with the
   initiatives owed.
5. *remove*: everything made above, by its marks: the cycle's name starts with ``[bench]``, the
   accounts' user names with ``bench-cycles-``; periods created by the opening are those with a
   history row written after the cycle was made, the proposals those from attendance written
   after it, the mails the digests written after it.

The mails are written as the worker writes them (an ``OutgoingMail`` row each, handed to the
broker once committed); the steps that write run with a filesystem broker in a temporary folder
that no worker reads, so no mail leaves and the run's messages go with the folder.
"""

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
if __name__ == "__main__":
    # Run as a file, this script's folder would come first on the path and its name would hide
    # the ``cycles`` app.
    sys.path[:] = [str(BASE_DIR)] + [
        p for p in sys.path[1:] if Path(p or ".").resolve() != BASE_DIR / "bench"
    ]

MARK = "[bench]"
USER_PREFIX = "bench-cycles-"
EDITOR_PREFIX = f"{USER_PREFIX}editor-"
COORDINATOR = f"{USER_PREFIX}coordinator"
APPROVER_PREFIX = f"{USER_PREFIX}approver-"
APPROVERS = 3
SECOND_EDITOR_SHARE = 1 / 7
REMINDERS_OFF_SHARE = 0.05
ENGLISH_SHARE = 0.2
TRAININGS_PER_INDICATOR = 3
FEW_ORGANISATIONS = 100  # the second reminder run: the editors of this many organisations only
PORT = 8766


# -- the steps, each run in a child process (or in-process by the tests) ---------------------------


class QueryCounter:
    """Counts the queries run inside it and sums their time in the database."""

    def __init__(self):
        self.queries = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - began
            self.queries += 1

    def __enter__(self) -> "QueryCounter":
        from django.db import connection

        self._wrapper = connection.execute_wrapper(self)
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self._wrapper.__exit__(*exc)


def busiest_half():
    """(start, end, initiatives) of the half-year in which most initiatives run (those a cycle
    covering every active initiative asks to report) among those no cycle covers yet: a period
    has one cycle at most."""
    from datetime import date

    from django.db.models import Max, Min

    from cycles.models import ReportingCycle
    from initiatives.models import Initiative
    from initiatives.selectors.rounds import initiatives_in_scope

    covered = set(ReportingCycle.objects.values_list("period_start", "period_end"))
    span = Initiative.objects.aggregate(first=Min("start"), last=Max("end"))
    if span["first"] is None:
        raise RuntimeError("No initiative has dates: is the dataset loaded?")
    halves = []
    for year in range(span["first"].year, span["last"].year + 1):
        for start, end in ((date(year, 1, 1), date(year, 6, 30)), (date(year, 7, 1), date(year, 12, 31))):
            if (start, end) in covered:
                continue
            scope = initiatives_in_scope(
                start=start, end=end, all_active=True, pillar_ids=[], programme_ids=[], initiative_ids=[]
            )
            halves.append((scope.count(), start, end))
    count, start, end = max(halves)
    return start, end, count


def prepare(*, seed: int, editor_share: float, every_initiative: bool = False) -> dict:
    """The planned cycle, the editors, the coordinator and the attendance links (see the module's
    docstring). Refuses to run over what an earlier run left."""
    import random
    from collections import defaultdict
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.utils import timezone

    from bench import vocabulary as words
    from bench.dataset import EMAIL_DOMAIN
    from core import roles
    from core.models import AccountSettings
    from cycles.models import ReportingCycle
    from events.models import EventOrganiser
    from initiatives.models import Indicator, Initiative, InitiativePartner
    from initiatives.selectors.rounds import initiatives_in_scope
    from members.models import EditorRequest, Organisation

    User = get_user_model()
    if (
        ReportingCycle.objects.filter(name_vi__startswith=MARK).exists()
        or User.objects.filter(username__startswith=USER_PREFIX).exists()
    ):
        raise RuntimeError("An earlier run left its cycle or accounts: run with --remove first.")
    start, end, _count = busiest_half()
    rng = random.Random(seed)
    half = 1 if start.month == 1 else 2
    opens = end + timedelta(days=1)
    with transaction.atomic():
        cycle = ReportingCycle(
            name_vi=f"{MARK} Kỳ báo cáo 6 tháng {'đầu' if half == 1 else 'cuối'} năm {start.year}",
            name_en=f"{MARK} Six-month reporting, {'first' if half == 1 else 'second'} half of {start.year}",
            kind=ReportingCycle.Kind.SIX_MONTH,
            period_start=start,
            period_end=end,
            opens_on=opens,
            due_on=opens.replace(day=15),
            all_active=True,
        )
        cycle.full_clean()
        cycle.save()
        chosen_ids = []
        if every_initiative:
            chosen_ids = list(Initiative.objects.values_list("pk", flat=True))
            cycle.initiatives.set(chosen_ids)
        in_scope = initiatives_in_scope(
            start=start, end=end, all_active=True, pillar_ids=[], programme_ids=[], initiative_ids=chosen_ids
        )
        initiatives = in_scope.count()

        # Editors: every lead of an initiative in the cycle, a share of the other organisations,
        # leaving out those that have an approved editor already.
        leads = set(
            InitiativePartner.objects.filter(
                initiative__in=in_scope.values("pk"), role=InitiativePartner.Role.ACCOUNTABLE
            ).values_list("organisation_id", flat=True)
        )
        edited = set(
            EditorRequest.objects.filter(status=EditorRequest.Status.APPROVED).values_list(
                "organisation_id", flat=True
            )
        )
        chosen = []
        for pk in Organisation.objects.order_by("pk").values_list("pk", flat=True):
            draw = rng.random()
            if pk not in edited and (pk in leads or draw < editor_share):
                chosen.append((pk, 2 if rng.random() < SECOND_EDITOR_SHARE else 1))
        password = make_password(None)  # no one signs in with these accounts
        accounts = [
            User(
                username=f"{EDITOR_PREFIX}{number}",
                email=f"cycles-editor-{number}@{EMAIL_DOMAIN}",
                password=password,
                is_active=True,
            )
            for number in range(sum(n for _pk, n in chosen))
        ]
        User.objects.bulk_create(accounts, batch_size=2000)
        owners = [pk for pk, n in chosen for _ in range(n)]
        now = timezone.now()
        EditorRequest.objects.bulk_create(
            [
                EditorRequest(
                    user=user,
                    organisation_id=organisation_id,
                    position="Cán bộ dự án",
                    status=EditorRequest.Status.APPROVED,
                    decided_at=now,
                )
                for user, organisation_id in zip(accounts, owners, strict=True)
            ],
            batch_size=2000,
        )
        choices = []
        for user in accounts:
            off, english = rng.random() < REMINDERS_OFF_SHARE, rng.random() < ENGLISH_SHARE
            if off or english:
                choices.append(
                    AccountSettings(user=user, reminders=not off, language="en" if english else "vi")
                )
        AccountSettings.objects.bulk_create(choices, batch_size=2000)
        coordinator = User.objects.create(
            username=COORDINATOR, email=f"cycles-coordinator@{EMAIL_DOMAIN}", password=password
        )
        coordinator.groups.add(Group.objects.get(name=roles.COORDINATORS))
        # The secretariat's results approvers, who get the approvals digest.
        approvers = Group.objects.get(name=roles.RESULTS_APPROVERS)
        for number in range(APPROVERS):
            approver = User.objects.create(
                username=f"{APPROVER_PREFIX}{number}",
                email=f"cycles-approver-{number}@{EMAIL_DOMAIN}",
                password=password,
            )
            approver.groups.add(approvers)

        # "People trained" indicators count the trainings their lead hosted in the half-year.
        trainings = defaultdict(list)
        for organisation_id, event_id in (
            EventOrganiser.objects.filter(
                event__event_type__code="training", event__start_date__range=(start, end)
            )
            .order_by("event_id", "organisation_id")
            .values_list("organisation_id", "event_id")
        ):
            trainings[organisation_id].append(event_id)
        lead_of = dict(
            InitiativePartner.objects.filter(
                initiative__in=in_scope.values("pk"), role=InitiativePartner.Role.ACCOUNTABLE
            ).values_list("initiative_id", "organisation_id")
        )
        people_trained = words.INDICATORS["people_trained"]["title"][0]
        through = Indicator.attendance_events.through
        links = []
        linked = 0
        for indicator_id, initiative_id in (
            Indicator.objects.filter(result__initiative__in=in_scope.values("pk"), title_vi=people_trained)
            .exclude(attendance_events__isnull=False)
            .order_by("pk")
            .values_list("pk", "result__initiative_id")
        ):
            hosted = trainings.get(lead_of.get(initiative_id), [])
            if hosted:
                events = rng.sample(hosted, min(TRAININGS_PER_INDICATOR, len(hosted)))
                links += [through(indicator_id=indicator_id, event_id=event_id) for event_id in events]
                linked += 1
        through.objects.bulk_create(links, batch_size=2000)
    return {
        "cycle": cycle.pk,
        "name": cycle.name_en,
        "period_start": start.isoformat(),
        "period_end": end.isoformat(),
        "due_on": cycle.due_on.isoformat(),
        "initiatives": initiatives,
        "every_initiative": every_initiative,
        "organisations": Organisation.objects.count(),
        "leads": len(leads),
        "organisations_given_editors": len(chosen),
        "editors": len(accounts),
        "reminders_off": sum(1 for row in choices if not row.reminders),
        "english": sum(1 for row in choices if row.language == "en"),
        "indicators_linked": linked,
        "training_links": len(links),
    }


def _cycle(cycle_id: int):
    from cycles.models import ReportingCycle

    return ReportingCycle.objects.get(pk=cycle_id)


def open_cycle(*, cycle_id: int) -> dict:
    """``cycle_open`` as the coordinator: time, queries, what it wrote."""
    from django.contrib.auth import get_user_model

    from cycles import services
    from cycles.models import DuePeriod
    from initiatives.models import IndicatorUpdate, Period

    cycle = _cycle(cycle_id)
    coordinator = get_user_model().objects.get(username=COORDINATOR)
    periods = Period.objects.count()
    proposals = IndicatorUpdate.objects.filter(source=IndicatorUpdate.Source.ATTENDANCE).count()
    with QueryCounter() as counted:
        began = time.perf_counter()
        services.cycle_open(cycle=cycle, user=coordinator)
        seconds = time.perf_counter() - began
    due = DuePeriod.objects.filter(cycle=cycle)
    return {
        "seconds": seconds,
        "queries": counted.queries,
        "db_seconds": counted.seconds,
        "due_periods": due.count(),
        "initiatives_due": due.values("initiative").distinct().count(),
        "periods_created": Period.objects.count() - periods,
        "proposals": IndicatorUpdate.objects.filter(source=IndicatorUpdate.Source.ATTENDANCE).count()
        - proposals,
    }


def dashboard_pages(cycle_id: int) -> list[tuple[str, str, str]]:
    """(name, path, who) of the pages measured: ``who`` is ``coordinator`` or ``editor``."""
    from django.urls import reverse
    from django.utils.http import urlencode
    from django.utils.translation import override

    with override("vi"):
        board = reverse("cycles:dashboard", kwargs={"pk": cycle_id})
        export = reverse("cycles:export", kwargs={"pk": cycle_id, "fmt": "xlsx"})
        return [
            ("dashboard, by initiative", board, "coordinator"),
            ("… searched", f"{board}?{urlencode({'q': 'Đà Nẵng'})}", "coordinator"),
            ("… one status", f"{board}?standing=approved", "coordinator"),
            (
                "… searched and one status",
                f"{board}?{urlencode({'q': 'Đà Nẵng', 'standing': 'approved'})}",
                "coordinator",
            ),
            ("… one pillar, page 20", f"{board}?pillar=awareness&page=20", "coordinator"),
            ("… by organisation", f"{board}?by=organisation", "coordinator"),
            ("… by pillar", f"{board}?by=pillar", "coordinator"),
            ("Excel export", export, "coordinator"),
            ("CSV export", export.replace("export.xlsx", "export.csv"), "coordinator"),
            ("list of cycles", reverse("cycles:list"), "coordinator"),
            ("a member's list of what is due", reverse("cycles:due"), "editor"),
        ]


def busiest_editor(cycle_id: int):
    """The editor whose organisations owe the most initiatives in the cycle."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count

    from cycles.models import DuePeriod
    from initiatives.models import InitiativePartner
    from initiatives.selectors.rounds import REPORTING_ROLES

    owed = DuePeriod.objects.filter(cycle_id=cycle_id).values("initiative")
    organisations = (
        InitiativePartner.objects.filter(initiative__in=owed, role__in=REPORTING_ROLES)
        .values("organisation")
        .annotate(n=Count("initiative", distinct=True))
        .order_by("-n", "organisation")
    )
    for row in organisations[:50]:
        user = (
            get_user_model()
            .objects.filter(
                username__startswith=EDITOR_PREFIX,
                editor_requests__organisation=row["organisation"],
                editor_requests__status="approved",
            )
            .order_by("pk")
            .first()
        )
        if user:
            return user, row["n"]
    raise RuntimeError("No editor of an organisation with initiatives due.")


def count_pages(*, cycle_id: int, host: str = "testserver") -> dict:
    """Each page once through the test client, after one request to warm up: status, queries,
    the time here, and the slowest queries. Also the session cookies of the two accounts, for
    the requests to gunicorn."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from cycles import selectors

    clients = {"coordinator": Client(HTTP_HOST=host), "editor": Client(HTTP_HOST=host)}
    editor, owed = busiest_editor(cycle_id)
    clients["coordinator"].force_login(get_user_model().objects.get(username=COORDINATOR))
    clients["editor"].force_login(editor)
    pages = []
    for name, path, who in dashboard_pages(cycle_id):
        client = clients[who]
        _content(client.get(path))  # warm up
        with CaptureQueriesContext(connection) as captured:
            began = time.perf_counter()
            response = client.get(path)
            body = _content(response)
            seconds = time.perf_counter() - began
        slowest = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))[:3]
        pages.append(
            {
                "name": name,
                "path": path,
                "who": who,
                "status": response.status_code,
                "bytes": len(body),
                "queries": len(captured),
                "seconds": seconds,
                "slowest": [{"ms": float(q["time"]) * 1000, "sql": q["sql"][:300]} for q in slowest],
            }
        )
    standings = Counter(selectors.cycle_standings(cycle=_cycle(cycle_id)).values())
    return {
        "pages": pages,
        "standings": {str(value).replace("_", " "): n for value, n in standings.most_common()},
        "editor_owes": owed,
        "cookies": {
            who: client.cookies[settings.SESSION_COOKIE_NAME].value for who, client in clients.items()
        },
    }


def _content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def remind(*, cycle_id: int, only_organisations: int | None = None) -> dict:
    """``reminders_send`` on the cycle's due date; with ``only_organisations``, only the editors
    of that many of the organisations owing something (the other editors made inactive for the
    run, then active again). Mails an earlier measurement wrote are removed first, so each run
    writes its own."""
    from django.contrib.auth import get_user_model

    from core.models import OutgoingMail
    from cycles import reminders
    from cycles.models import DuePeriod
    from initiatives.selectors.rounds import PeriodState, period_state, reporting_partners
    from members.models import EditorRequest

    cycle = _cycle(cycle_id)
    _remove_mails(cycle)
    owed = set(
        DuePeriod.objects.filter(cycle=cycle)
        .annotate(state=period_state())
        .filter(state__lt=PeriodState.SUBMITTED)
        .values_list("initiative_id", flat=True)
    )
    owing = {organisation for _initiative, organisation in reporting_partners(initiative_ids=owed)}
    editors = get_user_model().objects.filter(username__startswith=EDITOR_PREFIX)
    if only_organisations:
        with_editors = set(
            EditorRequest.objects.filter(user__in=editors).values_list("organisation_id", flat=True)
        )
        kept = sorted(owing & with_editors)[:only_organisations]
        editors.exclude(editor_requests__organisation__in=kept).update(is_active=False)
    try:
        mark = OutgoingMail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        with QueryCounter() as counted:
            began = time.perf_counter()
            sent = reminders.reminders_send(today=cycle.due_on)
            seconds = time.perf_counter() - began
        written = OutgoingMail.objects.filter(pk__gt=mark)
        return {
            "seconds": seconds,
            "queries": counted.queries,
            "db_seconds": counted.seconds,
            "initiatives_owed": len(owed),
            "organisations_owing": len(owing),
            "editors_active": editors.filter(is_active=True).count(),
            "editor_digests": written.filter(kind="cycle-reminder").count(),
            "approver_digests": written.filter(kind="approvals-digest").count(),
            "sent": sent,
        }
    finally:
        editors.update(is_active=True)


def _remove_mails(cycle) -> int:
    from core.models import OutgoingMail

    deleted, _ = OutgoingMail.objects.filter(
        kind__in=["cycle-reminder", "approvals-digest"], created_at__gte=cycle.created_at
    ).delete()
    return deleted


def remove() -> dict[str, int]:
    """Everything the runs made, by its marks (see the module's docstring), history rows
    included; the demo's cycle and the dataset stay as they were."""
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.models import Session
    from django.db import transaction
    from django.db.models import Min

    from bench.dataset import PREFIX
    from core.models import AccountSettings
    from cycles.models import DuePeriod, ReportingCycle
    from initiatives.models import Indicator, IndicatorUpdate, Period, UpdateDisaggregation
    from members.models import EditorRequest

    def wipe(queryset) -> int:
        # One DELETE: the ORM's would load each row and tell the page cache about it.
        return queryset._raw_delete(queryset.db)

    removed: dict[str, int] = {}
    with transaction.atomic():
        cycles = ReportingCycle.objects.filter(name_vi__startswith=MARK)
        since = cycles.aggregate(first=Min("created_at"))["first"]
        if since is not None:
            removed["mails"] = sum(_remove_mails(cycle) for cycle in cycles)
            due = DuePeriod.objects.filter(cycle__in=cycles)
            proposals = list(
                IndicatorUpdate.objects.filter(
                    period__in=due.values("period"),
                    source=IndicatorUpdate.Source.ATTENDANCE,
                    created_at__gte=since,
                ).values_list("pk", flat=True)
            )
            # The dataset writes no history: a period whose creation has a history row written
            # after the cycle was made is one the opening created.
            periods = list(
                Period.objects.filter(
                    pk__in=Period.history.filter(history_type="+", history_date__gte=since).values("id")
                )
                .filter(pk__in=due.values("period"))
                .values_list("pk", flat=True)
            )
            removed["periods due"] = wipe(due)
            wipe(UpdateDisaggregation.objects.filter(update__in=proposals))
            removed["figures proposed"] = wipe(IndicatorUpdate.objects.filter(pk__in=proposals))
            removed["periods created"] = wipe(Period.objects.filter(pk__in=periods))
            wipe(IndicatorUpdate.history.filter(id__in=proposals))
            wipe(Period.history.filter(id__in=periods))
            cycle_ids = list(cycles.values_list("pk", flat=True))
            removed["cycles"] = cycles.delete()[1].get(ReportingCycle._meta.label, 0)
            # With the history of its chosen pillars and initiatives.
            ReportingCycle.history.filter(id__in=cycle_ids).delete()
        # The dataset links no indicator to events: every link of a generated indicator is ours.
        removed["attendance links"] = wipe(
            Indicator.attendance_events.through.objects.filter(
                indicator__result__initiative__slug__startswith=PREFIX
            )
        )
        accounts = get_user_model().objects.filter(username__startswith=USER_PREFIX)
        wipe(EditorRequest.objects.filter(user__in=accounts))
        wipe(AccountSettings.objects.filter(user__in=accounts))
        ids = {str(pk) for pk in accounts.values_list("pk", flat=True)}
        if ids:
            Session.objects.filter(
                pk__in=[s.pk for s in Session.objects.all() if _session_user(s.session_data) in ids]
            ).delete()
        removed["accounts"] = accounts.delete()[1].get(get_user_model()._meta.label, 0)
    return {what: count for what, count in removed.items() if count}


def _session_user(data: str) -> str | None:
    """The account a stored session signs in, read without checking its signature: a session an
    earlier run made under another secret key could not be decoded otherwise."""
    import zlib

    from django.core import signing

    payload = data.rsplit(":", 2)[0]
    try:
        raw = signing.b64_decode(payload.lstrip(".").encode())
        return json.loads(zlib.decompress(raw) if payload.startswith(".") else raw).get("_auth_user_id")
    except (ValueError, zlib.error):
        return None


# -- child: one step ---------------------------------------------------------------------------------


def child(step: str, arguments: list[str]) -> None:
    import django

    django.setup()
    if step == "prepare":
        result = prepare(
            seed=int(arguments[0]), editor_share=float(arguments[1]), every_initiative=arguments[2] == "every"
        )
    elif step == "open":
        result = open_cycle(cycle_id=int(arguments[0]))
    elif step == "count":
        result = count_pages(cycle_id=int(arguments[0]), host=arguments[1])
    elif step == "remind":
        result = remind(cycle_id=int(arguments[0]), only_organisations=int(arguments[1]) or None)
    elif step == "remove":
        result = remove()
    else:
        raise SystemExit(f"unknown step {step}")
    print(json.dumps(result), flush=True)


# -- parent: one fresh process per step, the dashboard under gunicorn -------------------------------


def run_step(step: str, *arguments, env: dict[str, str]) -> tuple[dict, int]:
    """(the child's result, its peak RSS in kB)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.cycles", "--child", step, *map(str, arguments)],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    output = process.stdout.read()
    process.stdout.close()
    # wait4 gives this child's own resource usage; RUSAGE_CHILDREN would mix every child's peak.
    _pid, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"step {step} failed")
    return json.loads(output.strip().splitlines()[-1]), usage.ru_maxrss


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, cookie: str) -> tuple[float, int]:
    """(seconds until the whole answer is read, its size); a redirect (to sign in) is an error."""
    opener = urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(url, headers={"Cookie": f"sessionid={cookie}"})
    began = time.perf_counter()
    try:
        with opener.open(request, timeout=300) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"{url} answered {error.code}") from None
    return time.perf_counter() - began, len(body)


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


class Report:
    """The Markdown the run prints as it goes and writes to ``--out`` at the end."""

    def __init__(self):
        self.lines: list[str] = []

    def say(self, *lines: str) -> None:
        print("\n".join(lines), flush=True)
        self.lines.extend(lines)


def measure_opening(report: Report, prepared: dict, env: dict[str, str]) -> None:
    report.say(
        f"Cycle: {prepared['name']} ({prepared['period_start']}–{prepared['period_end']}, due "
        f"{prepared['due_on']}), every active initiative"
        f"{', and every initiative chosen one by one' if prepared['every_initiative'] else ''}: "
        f"{prepared['initiatives']:,} initiatives. "
        f"Editors: {prepared['editors']:,} accounts for {prepared['organisations_given_editors']:,} of "
        f"{prepared['organisations']:,} organisations ({prepared['leads']:,} lead an initiative of the "
        f"cycle); {prepared['reminders_off']:,} turned reminders off, {prepared['english']:,} read in "
        f"English. {prepared['indicators_linked']:,} indicators of people trained count the attendance "
        f"of {prepared['training_links']:,} trainings.",
        "",
    )
    opened, peak = run_step("open", prepared["cycle"], env=env)
    report.say(
        "| step | wall s | queries | of which in the database s | peak RSS MB | what it wrote |",
        "|---|---:|---:|---:|---:|---|",
        f"| `cycle_open` | {opened['seconds']:.1f} | {opened['queries']:,} | {opened['db_seconds']:.1f} "
        f"| {peak / 1024:.0f} | {opened['due_periods']:,} periods due of {opened['initiatives_due']:,} "
        f"initiatives, {opened['periods_created']:,} periods created, {opened['proposals']:,} figures "
        "proposed from attendance |",
        "",
    )


def measure_pages(report: Report, cycle: int, *, workers: int, requests: int) -> None:
    from bench import web

    web.PORT = PORT  # beside a bench/web.py run, not on its port
    serving = dict(web.server_env(cached=False), PYTHONPATH=str(BASE_DIR))
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=BASE_DIR,
        env=serving,
        check=True,
    )
    counted, _peak = run_step("count", cycle, "127.0.0.1", env=serving)
    report.say(
        f"gunicorn {workers} workers, production settings, nothing cached; one request at a time, "
        f"{requests} after one per worker to warm up. The member is the editor whose organisation owes "
        f"{counted['editor_owes']} initiatives. Where the initiatives stand: "
        + ", ".join(f"{label} {n:,}" for label, n in counted["standings"].items())
        + ".",
        "",
        "| page | p50 ms | slowest ms | queries | size | test client ms |",
        "|---|---:|---:|---:|---|---:|",
    )
    with web.Server(serving, workers=workers, threads=1):
        for page in counted["pages"]:
            if page["status"] != 200:
                raise RuntimeError(f"{page['path']} answered {page['status']}")
            url = f"http://127.0.0.1:{PORT}{page['path']}"
            cookie = counted["cookies"][page["who"]]
            for _ in range(workers):  # each worker's first build of a page is slower
                fetch(url, cookie)
            times = [fetch(url, cookie)[0] * 1000 for _ in range(requests)]
            report.say(
                f"| {page['name']} (`{page['path']}`) | {statistics.median(times):.0f} | {max(times):.0f} "
                f"| {page['queries']} | {_size(page['bytes'])} | {page['seconds'] * 1000:.0f} |"
            )
    report.say("", "The slowest queries of each page (test client, ms):", "")
    for page in counted["pages"]:
        report.say(
            f"- {page['name']}: "
            + "; ".join(f"{q['ms']:.0f} `{q['sql'][:90]}…`" for q in page["slowest"][:2])
        )
    report.say("")


def measure_reminders(report: Report, cycle: int, env: dict[str, str]) -> None:
    report.say(
        "| reminder run on the due date | wall s | queries | of which in the database s | peak RSS MB "
        "| initiatives owed | organisations owing | editors active | editor digests | approver digests |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    )
    runs = []
    for label, only in (
        ("every editor", 0),
        (f"editors of {FEW_ORGANISATIONS} organisations", FEW_ORGANISATIONS),
    ):
        run, peak = run_step("remind", cycle, only, env=env)
        run["mails"] = run["editor_digests"] + run["approver_digests"]
        runs.append(run)
        report.say(
            f"| {label} | {run['seconds']:.1f} | {run['queries']:,} | {run['db_seconds']:.1f} "
            f"| {peak / 1024:.0f} | {run['initiatives_owed']:,} | {run['organisations_owing']:,} "
            f"| {run['editors_active']:,} | {run['editor_digests']:,} | {run['approver_digests']:,} |"
        )
    many, few = runs
    if many["mails"] != few["mails"]:
        per_mail = (many["queries"] - few["queries"]) / (many["mails"] - few["mails"])
        report.say(
            "",
            f"Queries = {many['queries'] - per_mail * many['mails']:.0f} + {per_mail:.2f} × mails written, "
            f"with the same {many['initiatives_owed']:,} initiatives owed whether {many['mails']:,} or "
            f"{few['mails']:,} people are mailed.",
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--requests", type=int, default=9, help="requests per page, after one per worker to warm up"
    )
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--seed", type=int, default=2026, help="which organisations get editors")
    parser.add_argument("--editor-share", type=float, default=0.25)
    parser.add_argument(
        "--every-initiative",
        action="store_true",
        help="the cycle also chooses every initiative, whatever its dates",
    )
    parser.add_argument("--keep", action="store_true", help="keep what the run made after measuring")
    parser.add_argument("--remove", action="store_true", help="remove what an earlier run left, and stop")
    parser.add_argument("--out", type=Path, help="also write the Markdown tables to this file")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1:])
        return
    if not os.environ.get("DATABASE_URL") or not os.environ.get("DJANGO_SETTINGS_MODULE"):
        sys.exit("Set DATABASE_URL (the national-scale dataset) and DJANGO_SETTINGS_MODULE; see --help.")

    # One secret for every process, so the session a child makes signs the coordinator in on the
    # server too.
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    env = dict(os.environ, PYTHONPATH=str(BASE_DIR))
    if args.remove:
        removed, _peak = run_step("remove", env=env)
        print(json.dumps(removed))
        return
    report = Report()
    report.say(f"{os.cpu_count()} cores; load average before: {_load()}", "")
    with tempfile.TemporaryDirectory(prefix="bench-cycles-") as scratch:
        # The steps that write hand their messages to a queue no worker reads.
        writing = dict(env, CELERY_BROKER_URL="filesystem://localhost/", PORTAL_VAR_DIR=scratch)
        prepared, _peak = run_step(
            "prepare",
            args.seed,
            args.editor_share,
            "every" if args.every_initiative else "active",
            env=writing,
        )
        try:
            measure_opening(report, prepared, writing)
            measure_pages(report, prepared["cycle"], workers=args.workers, requests=args.requests)
            measure_reminders(report, prepared["cycle"], writing)
        finally:
            if args.keep:
                report.say("", "Kept: remove it with `bench/cycles.py --remove`.")
            else:
                removed, _peak = run_step("remove", env=writing)
                report.say("", "Removed: " + ", ".join(f"{n:,} {what}" for what, n in removed.items()) + ".")
    report.say("", f"Load average after: {_load()}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("\n".join(report.lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
