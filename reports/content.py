"""What each kind of report says: a :class:`Document` built from the portal's data.

Every figure comes from the selectors of the app that owns it, with the same rules as the
public pages: unpublished items are never counted.
"""

from collections.abc import Callable, Iterator
from datetime import date

from django.db.models import Q
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from members.models import Membership, Organisation

from .documents import Document, Section, Table
from .models import ReportRun

# Narrative formats show at most this many rows of a table; Excel and CSV carry them all.
NARRATIVE_ROW_LIMIT = 2000


def period_subtitle(run: ReportRun) -> str:
    start = date_format(run.period_start, "SHORT_DATE_FORMAT")
    end = date_format(run.period_end, "SHORT_DATE_FORMAT")
    text = _("Period: %(start)s – %(end)s") % {"start": start, "end": end}
    if run.pillar_id:
        text += " · " + _("Pillar: %(pillar)s") % {"pillar": run.pillar.name}
    return text


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period of the same length just before (for comparisons)."""
    length = end - start
    previous_end = start.fromordinal(start.toordinal() - 1)
    return previous_end - length, previous_end


# -- Sections shared by the narrative reports ------------------------------------------------


def _published_members(run: ReportRun):
    organisations = Organisation.objects.published()
    if run.pillar_id:
        organisations = organisations.filter(pillar_participations__pillar=run.pillar_id).distinct()
    return organisations


def section_members(run: ReportRun) -> Section:
    organisations = _published_members(run)
    joined = (
        Membership.objects.filter(organisation__in=organisations)
        .filter(
            Q(joined_on__range=(run.period_start, run.period_end))
            | Q(joined_on__isnull=True, start__range=(run.period_start, run.period_end))
        )
        .select_related("organisation", "membership_type")
        .order_by("joined_on", "start", "organisation__name_vi")
    )
    rows = [
        [
            m.organisation.name,
            m.organisation.get_kind_display(),
            m.membership_type.name,
            m.joined_on or m.start,
        ]
        for m in joined
    ]
    total = organisations.filter(memberships__status=Membership.Status.ACTIVE).distinct().count()
    paragraphs = [
        _("The network has %(total)s active member organisations; %(new)s joined during the period.")
        % {"total": total, "new": len(rows)}
    ]
    by_kind = {}
    for kind in organisations.values_list("kind", flat=True):
        by_kind[kind] = by_kind.get(kind, 0) + 1
    kinds = Table(
        name=_("Members by kind"),
        columns=[_("Kind"), _("Organisations")],
        rows=[
            [str(label).capitalize(), by_kind[value]]
            for value, label in Organisation.Kind.choices
            if value in by_kind
        ],
        chart_label_column=0,
        chart_value_columns=[1],
    )
    new = Table(
        name=_("New members"),
        columns=[_("Organisation"), _("Kind"), _("Membership type"), _("Joined on")],
        rows=rows,
    )
    return Section(title=_("Members"), paragraphs=paragraphs, tables=[kinds, new])


# Other apps add sections here (events, results), keyed by name, so a kind lists what it needs.
SECTION_BUILDERS: dict[str, Callable[[ReportRun], Section]] = {"members": section_members}

NARRATIVE_SECTIONS = {
    ReportRun.Kind.SIX_MONTH: ["members"],
    ReportRun.Kind.ANNUAL: ["members"],
    ReportRun.Kind.PILLAR: ["members"],
    ReportRun.Kind.NEWSLETTER: ["members"],
}


def narrative_titles() -> dict[str, str]:
    return {
        ReportRun.Kind.SIX_MONTH: _("Six-month report of the NPAP working group"),
        ReportRun.Kind.ANNUAL: _("Annual synthesis report of the NPAP working group"),
        ReportRun.Kind.PILLAR: _("Pillar activity report"),
        ReportRun.Kind.NEWSLETTER: _("Quarterly technical-group newsletter"),
    }


def build_narrative(run: ReportRun) -> Document:
    title = narrative_titles()[run.kind]
    if run.pillar_id and run.kind in (ReportRun.Kind.PILLAR, ReportRun.Kind.NEWSLETTER):
        title = f"{title}: {run.pillar.name}"
    document = Document(title=title, subtitle=period_subtitle(run), language=run.language)
    for name in NARRATIVE_SECTIONS[run.kind]:
        builder = SECTION_BUILDERS.get(name)
        if builder is not None:
            document.sections.append(builder(run))
    return document


# -- Exports ---------------------------------------------------------------------------------


def _directory_rows(run: ReportRun) -> Iterator[list]:
    organisations = (
        _published_members(run)
        .select_related("province", "province__successor")
        .prefetch_related("pillar_participations__pillar", "memberships__membership_type")
        .order_by("name_vi", "pk")
    )
    for organisation in organisations.iterator(chunk_size=1000):
        memberships = sorted(
            organisation.memberships.all(), key=lambda m: (m.start or date.min, m.pk), reverse=True
        )
        current = memberships[0] if memberships else None
        yield [
            organisation.name_vi,
            organisation.name_en or "",
            organisation.acronym,
            organisation.get_kind_display(),
            organisation.province.current.name if organisation.province else "",
            "; ".join(
                p.pillar.name for p in organisation.pillar_participations.all() if p.pillar.is_published
            ),
            current.membership_type.name if current else "",
            current.get_status_display() if current else "",
            organisation.website,
        ]


def build_member_directory(run: ReportRun) -> Document:
    table = Table(
        name=_("Member directory"),
        columns=[
            _("Name (Vietnamese)"),
            _("Name (English)"),
            _("Acronym"),
            _("Kind"),
            _("Province"),
            _("Pillars"),
            _("Membership type"),
            _("Membership status"),
            _("Website"),
        ],
        rows=_directory_rows(run),
    )
    return Document(
        title=_("Member directory of the network"),
        subtitle=period_subtitle(run),
        language=run.language,
        sections=[Section(title=_("Member directory"), tables=[table])],
    )


BUILDERS: dict[str, Callable[[ReportRun], Document]] = {
    ReportRun.Kind.SIX_MONTH: build_narrative,
    ReportRun.Kind.ANNUAL: build_narrative,
    ReportRun.Kind.PILLAR: build_narrative,
    ReportRun.Kind.NEWSLETTER: build_narrative,
    ReportRun.Kind.MEMBER_DIRECTORY: build_member_directory,
}


def build_document(run: ReportRun) -> Document:
    with translation.override(run.language):
        return BUILDERS[run.kind](run)
