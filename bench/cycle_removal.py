"""Removing what ``bench/cycles.py`` made: the cycles marked ``[bench]`` with their periods due,
the periods and proposals their opening created, the mails, the attendance links and the
accounts, history rows included. Run in a fresh process (``python -m bench.cycle_removal``,
which prints what it removed as JSON) or in-process by the tests."""

import json
import zlib

from bench.cycle_steps import MARK, USER_PREFIX, remove_mails


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
            removed["mails"] = sum(remove_mails(cycle) for cycle in cycles)
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

    from django.core import signing

    payload = data.rsplit(":", 2)[0]
    try:
        raw = signing.b64_decode(payload.lstrip(".").encode())
        return json.loads(zlib.decompress(raw) if payload.startswith(".") else raw).get("_auth_user_id")
    except (ValueError, zlib.error):
        return None


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(remove()), flush=True)
