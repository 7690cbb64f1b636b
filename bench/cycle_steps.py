"""The steps of ``bench/cycles.py``, each run in a fresh process (``python -m bench.cycle_steps
STEP ARGUMENTS…``, which prints the step's result as JSON) or in-process by the tests: preparing
the planned cycle and its editors, opening it, counting the dashboard's queries, the reminder
run, and removing what the runs made. ``bench/cycles.py`` says what each step does."""

import json
import sys
import time
from collections import Counter

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


class QueryCounter:
    """Times what runs inside it, counts its queries and sums their time in the database."""

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
        self._began = time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        self.elapsed = time.perf_counter() - self._began
        self._wrapper.__exit__(*exc)

    @property
    def measures(self) -> dict:
        return {"seconds": self.elapsed, "queries": self.queries, "db_seconds": self.seconds}


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
        services.cycle_open(cycle=cycle, user=coordinator)
    due = DuePeriod.objects.filter(cycle=cycle)
    return {
        **counted.measures,
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
    remove_mails(cycle)
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
            sent = reminders.reminders_send(today=cycle.due_on)
        written = OutgoingMail.objects.filter(pk__gt=mark)
        return {
            **counted.measures,
            "initiatives_owed": len(owed),
            "organisations_owing": len(owing),
            "editors_active": editors.filter(is_active=True).count(),
            "editor_digests": written.filter(kind="cycle-reminder").count(),
            "approver_digests": written.filter(kind="approvals-digest").count(),
            "sent": sent,
        }
    finally:
        editors.update(is_active=True)


def remove_mails(cycle) -> int:
    from core.models import OutgoingMail

    deleted, _ = OutgoingMail.objects.filter(
        kind__in=["cycle-reminder", "approvals-digest"], created_at__gte=cycle.created_at
    ).delete()
    return deleted


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
    else:
        raise SystemExit(f"unknown step {step}")
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    child(sys.argv[1], sys.argv[2:])
