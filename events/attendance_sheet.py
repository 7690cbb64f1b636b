"""The printable attendance sheet: the people expected at an event, blank lines for those who
turn up unannounced, and a column to sign, to lay on the registration desk.

What delegates write on it comes back as the sign-in sheet the coordinator imports afterwards.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.pdf import render_pdf
from core.search import fold

from .models import Event, Participation

BLANK_ROWS = 15
MAX_BLANK_ROWS = 300
LISTED_STATUSES = [
    Participation.Status.INVITED,
    Participation.Status.REGISTERED,
    Participation.Status.ATTENDED,
]


@dataclass(frozen=True)
class SheetLine:
    number: int
    full_name: str = ""
    organisation: str = ""
    position: str = ""
    gender: str = ""


@dataclass(frozen=True)
class Sheet:
    event: Event
    place: str
    lines: list[SheetLine]


def _sheet(event: Event, blank_rows: int) -> Sheet:
    participations = (
        Participation.objects.filter(event=event, status__in=LISTED_STATUSES)
        .select_related("person", "organisation")
        .order_by("person__full_name", "pk")
    )
    lines = [
        SheetLine(
            number=number,
            full_name=participation.person.full_name,
            organisation=str(participation.organisation or participation.organisation_name or ""),
            position=participation.person.position,
            gender=""
            if participation.person.gender == participation.person.Gender.UNDISCLOSED
            else participation.person.get_gender_display(),
        )
        for number, participation in enumerate(participations, start=1)
    ]
    lines += [SheetLine(number=number) for number in range(len(lines) + 1, len(lines) + blank_rows + 1)]
    where = event.province.name if event.province else event.country
    # A venue often already names its city ("Hà Nội"); the province is then not repeated.
    parts = [event.venue] if event.venue else []
    if where and where not in event.venue:
        parts.append(where)
    return Sheet(event=event, place=", ".join(parts), lines=lines)


def attendance_sheet_pdf(*, events: Iterable[Event], blank_rows: int = BLANK_ROWS) -> bytes:
    """One PDF with a sheet per event, each starting on a new page."""
    blank_rows = max(0, min(blank_rows, MAX_BLANK_ROWS))
    events = Event.objects.filter(pk__in=[event.pk for event in events]).select_related(
        "province__successor", "event_type"
    )
    sheets = [_sheet(event, blank_rows) for event in events.order_by("start_date", "pk")]
    return render_pdf("events/attendance_sheet_pdf.html", {"sheets": sheets})


def attendance_sheet_response(*, events: list[Event], blank_rows: int = BLANK_ROWS) -> HttpResponse:
    pdf = attendance_sheet_pdf(events=events, blank_rows=blank_rows)
    stem = slugify(events[0].slug) if len(events) == 1 else "events"
    response = HttpResponse(pdf, content_type="application/pdf")
    # Folded first: slugify alone would drop the đ of "điểm danh" rather than write d.
    filename = f"{slugify(fold(_('attendance sheet')))}-{stem}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
