"""Demo data: the reporting loop on the demo network. CECR's initiatives report in an open
six-month cycle for the second half of 2026, due 15/01/2027, and the indicators that count
people trained are linked to the trainings the seeds record (document 002), so their figures
are proposed from attendance whenever a cycle covers a training."""

from datetime import date

from django.db import transaction

from events.models import Event
from initiatives.models import Indicator, Initiative
from members.models import Organisation

from . import services
from .models import ReportingCycle

# (initiative, indicator counting people trained) → the training events it counts.
TRAININGS = [
    ("asppire", "Ve chai và phụ nữ được tập huấn", ["hoi-thao-tap-huan-mo-hinh-asppire"]),
    (
        "green-schools-hoan-kiem",
        "Giáo viên được tập huấn về bảo tồn nguồn nước",
        ["tap-huan-truong-hoc-xanh-hoan-kiem"],
    ),
    ("nam-tu-liem-schools", "Giáo viên được tập huấn", ["tap-huan-giao-duc-moi-truong-thcs-nam-tu-liem"]),
]

CYCLE = {
    "name_vi": "Kỳ báo cáo 6 tháng cuối năm 2026",
    "name_en": "Six-month reporting, second half of 2026",
    "kind": ReportingCycle.Kind.SIX_MONTH,
    "period_start": date(2026, 7, 1),
    "period_end": date(2026, 12, 31),
    "opens_on": date(2026, 12, 1),
    "due_on": date(2027, 1, 15),
}


def link_trainings() -> int:
    linked = 0
    for initiative_slug, indicator_title, event_slugs in TRAININGS:
        indicator = Indicator.objects.filter(
            result__initiative__slug=initiative_slug, title_vi=indicator_title
        ).first()
        if indicator is not None and not indicator.attendance_events.exists():
            indicator.attendance_events.set(Event.objects.filter(slug__in=event_slugs))
            linked += 1
    return linked


@transaction.atomic
def load() -> dict[str, int]:
    """Runs after the events' demo: it links indicators to events. A cycle for the period that
    exists already, opened or not, is left as it is."""
    linked = link_trainings()
    cecr = Organisation.objects.filter(slug="cecr").first()
    if (
        cecr is None
        or ReportingCycle.objects.filter(
            period_start=CYCLE["period_start"], period_end=CYCLE["period_end"]
        ).exists()
    ):
        return {"linked indicators": linked, "cycles": 0}
    cycle = ReportingCycle(**CYCLE)
    cycle.full_clean()
    cycle.save()
    cycle.initiatives.set(Initiative.objects.filter(partners__organisation=cecr).distinct())
    services.cycle_open(cycle=cycle)
    return {"linked indicators": linked, "cycles": 1}
