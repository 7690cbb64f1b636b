"""``manage.py bench_approvals``: a results approver's burst of approvals, for ``bench/burst.py``.

Approves submitted updates of published initiatives one by one through the approval service
(``indicator_update_approve``, as the approval queue does), spaced in time, so that each one
changes the network's totals and moves the page cache's versions on while the server is under
load. It changes the data for good, the updates stay approved: run it on a benchmark database.
"""

import json
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, CommandParser

from core import roles
from core.models import OutgoingMail
from initiatives.models import IndicatorUpdate, Initiative
from initiatives.services import indicator_update_approve

APPROVER = "bench-web-approver"


class Command(BaseCommand):
    help = (
        "Approve --count submitted updates of published initiatives, --interval seconds apart, "
        "through the approval service; print one JSON line per approval. The updates stay approved."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--count", type=int, default=20)
        parser.add_argument(
            "--interval", type=float, default=3.0, help="seconds from one approval to the next"
        )
        parser.add_argument(
            "--start-in",
            type=float,
            default=0.0,
            help="seconds from the line saying it is ready to the first approval",
        )

    def handle(self, *args, count: int, interval: float, start_in: float, **options) -> None:
        if count < 1 or interval < 0 or start_in < 0:
            raise CommandError("--count must be at least 1, --interval and --start-in not negative.")
        reviewer, _created = get_user_model().objects.get_or_create(
            username=APPROVER, defaults={"email": f"{APPROVER}@bench.invalid"}
        )
        reviewer.groups.add(Group.objects.get(name=roles.RESULTS_APPROVERS))
        waiting = list(
            IndicatorUpdate.objects.filter(
                status=IndicatorUpdate.Status.SUBMITTED,
                period__indicator__result__initiative__in=Initiative.objects.published(),
            )
            .order_by("pk")
            .values_list("pk", flat=True)[:count]
        )
        if len(waiting) < count:
            raise CommandError(
                f"Only {len(waiting)} submitted updates of published initiatives are left; "
                "regenerate the dataset (bench_dataset --reset) for more."
            )
        # The reporters' notices are written as usual; no one is to receive them.
        mark = OutgoingMail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        self.stdout.write(json.dumps({"ready": time.time(), "updates": len(waiting)}))
        self.stdout.flush()
        began = time.monotonic() + start_in
        for number, pk in enumerate(waiting):
            time.sleep(max(0.0, began + number * interval - time.monotonic()))
            start = time.perf_counter()
            indicator_update_approve(update=IndicatorUpdate.objects.get(pk=pk), reviewer=reviewer)
            seconds = time.perf_counter() - start
            self.stdout.write(json.dumps({"update": pk, "clock": time.time(), "seconds": round(seconds, 3)}))
            self.stdout.flush()
        OutgoingMail.objects.filter(pk__gt=mark, kind="update-approved").delete()
