"""Removing the generated dataset, and nothing else: rows are recognised by their marks (slug
prefix, e-mail domain, report file folder) and deleted table by table, children first."""

from __future__ import annotations

from collections import Counter
from typing import IO

from django.db import models, transaction

from cycles import models as cycles
from events import models as events
from events.organiser_counts import organiser_counts_rebuild
from initiatives import models as initiatives
from members import models as members
from reports import models as reports
from vocabulary.models import TechnicalGroup

from .common import EMAIL_DOMAIN, PREFIX, REPORT_FILE
from .writer import Output, forget_cached_pages


def _wipe(model: type[models.Model], condition: models.Q) -> int:
    queryset = model._base_manager.filter(condition)
    # One DELETE statement: the ORM's delete would load every row and send a signal for each
    # (history rows, page-cache bumps), which takes hours at this size.
    return queryset._raw_delete(queryset.db)


def reset(*, stdout: IO[str] | None = None) -> dict[str, int]:
    """Remove every generated row (and the sample report file), leaving all else as it was.

    Rows that are not generated but point at generated ones (a coordinator's event with a
    generated organisation as participant's employer, say) lose that link the way the model
    says they should (``SET_NULL``) or go with it (``CASCADE``)."""
    out = Output(stdout)
    deleted: Counter[str] = Counter()
    initiative = models.Q(slug__startswith=PREFIX)
    event = models.Q(slug__startswith=PREFIX)
    organisation = models.Q(slug__startswith=PREFIX)
    person = models.Q(email__endswith=f"@{EMAIL_DOMAIN}")

    def under(path: str, condition: models.Q) -> models.Q:
        return models.Q(*[(f"{path}__{key}", value) for key, value in condition.children])

    def wipe(model: type[models.Model], condition: models.Q) -> None:
        count = _wipe(model, condition)
        if count:
            deleted[model._meta.label] += count

    def unlink(model: type[models.Model], field_name: str, condition: models.Q) -> None:
        model._base_manager.filter(under(field_name, condition)).update(**{field_name: None})

    with transaction.atomic():
        out.say("Removing the generated dataset…")
        in_update = under("update__period__indicator__result__initiative", initiative)
        in_initiative = under("period__indicator__result__initiative", initiative)
        # A reporting cycle opened over generated initiatives (bench/cycles.py --keep, or beat's
        # six-month cycle) keeps its periods due and chosen initiatives; the cycle itself stays.
        wipe(cycles.DuePeriod, under("initiative", initiative))
        for field_name in ("initiatives", "programmes"):
            wipe(getattr(cycles.ReportingCycle, field_name).through, under("initiative", initiative))
        wipe(
            initiatives.Indicator.attendance_events.through,
            under("indicator__result__initiative", initiative) | under("event", event),
        )
        wipe(initiatives.YearFigure, under("initiative", initiative))
        wipe(initiatives.UpdateDisaggregation, in_update)
        wipe(initiatives.UpdateEvidence, in_update)
        wipe(initiatives.IndicatorUpdate, in_initiative)
        wipe(initiatives.PeriodTarget, in_initiative)
        wipe(initiatives.Period, under("indicator__result__initiative", initiative))
        wipe(initiatives.Indicator, under("result__initiative", initiative))
        wipe(initiatives.Result, under("initiative", initiative))
        wipe(
            initiatives.InitiativePartner,
            under("initiative", initiative) | under("organisation", organisation),
        )
        for model in (
            initiatives.Initiative.provinces.through,
            initiatives.Initiative.pillars.through,
            initiatives.InitiativeDocument,
            initiatives.InitiativePhoto,
        ):
            wipe(model, under("initiative", initiative))
        unlink(initiatives.Initiative, "parent", initiative)
        wipe(initiatives.Initiative, initiative)
        out.say("initiatives removed")

        wipe(events.Participation, under("event", event) | under("person", person))
        unlink(events.Participation, "organisation", organisation)
        wipe(events.AgendaItem, under("event", event))
        unlink(events.AgendaItem, "presenter", person)
        unlink(events.AgendaItem, "presenter_organisation", organisation)
        for model in (
            events.AgendaSession,
            events.EventDocument,
            events.EventPhoto,
            events.SignInImport,
            events.Event.pillars.through,
        ):
            wipe(model, under("event", event))
        wipe(events.EventOrganiser, under("event", event) | under("organisation", organisation))
        wipe(events.Event, event)
        # Raw deletes fire no receivers: the organisers' kept counts are written again from what is left.
        organiser_counts_rebuild()
        out.say("events removed")

        wipe(members.Affiliation, under("person", person) | under("organisation", organisation))
        for model in (members.Membership, members.PillarParticipation, members.EditorRequest):
            wipe(model, under("organisation", organisation))
        unlink(TechnicalGroup, "lead_organisation", organisation)
        unlink(initiatives.IndicatorUpdate, "organisation", organisation)
        unlink(members.Organisation, "parent", organisation)
        wipe(members.Person, person)
        wipe(members.Organisation, organisation)
        out.say("organisations and people removed")

        sample_files = reports.ReportFile.objects.filter(file__startswith="reports/bench/")
        runs = list(sample_files.values_list("run_id", flat=True))
        wipe(reports.PublishedReport, models.Q(slug__startswith=PREFIX) | models.Q(file__run_id__in=runs))
        wipe(reports.ReportFile, models.Q(run_id__in=runs))
        wipe(reports.ReportRun, models.Q(pk__in=runs))
        if reports.private_storage.exists(REPORT_FILE):
            transaction.on_commit(lambda: reports.private_storage.delete(REPORT_FILE))
        transaction.on_commit(forget_cached_pages)
    out.say(f"Removed {sum(deleted.values()):,} rows.")
    return dict(sorted(deleted.items()))
