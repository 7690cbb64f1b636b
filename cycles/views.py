"""The coordinators' cycle dashboard and its export, and the member editor's list of what is due."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.facets import facets_of
from core.http import found, page_of
from core.tabular import table_response
from vocabulary.selectors import pillar_choices

from . import selectors
from .models import ReportingCycle

VIEW_CYCLES = "cycles.view_reportingcycle"
ROWS_PER_PAGE = 50
GROUPINGS = ("initiative", "organisation", "pillar")


def cycles_staff_required(view):
    """Cycles are the secretariat's: visitors are sent to sign in; to any other account they do
    not exist, whatever the method."""

    @wraps(view)
    @login_required
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.has_perm(VIEW_CYCLES):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def _cycle(pk: int) -> ReportingCycle:
    return found(selectors.cycle_get(pk=pk))


@cycles_staff_required
@require_GET
def cycle_list(request: HttpRequest) -> HttpResponse:
    cycles = list(selectors.cycles_listed()[:50])
    return render(
        request,
        "cycles/reportingcycle_list.html",
        {"cycles": cycles, "summaries": selectors.cycles_completeness(cycles=cycles)},
    )


@cycles_staff_required
@require_GET
def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = _cycle(pk)
    board = selectors.cycle_dashboard(cycle=cycle, filters=request.GET.dict())
    grouping = request.GET.get("by") if request.GET.get("by") in GROUPINGS else "initiative"
    # Counting by organisation or pillar names every initiative: only done when asked for.
    rows = {"initiative": "initiatives", "organisation": "organisations", "pillar": "pillars"}[grouping]
    page, query_string = page_of(request, getattr(board, rows), ROWS_PER_PAGE)
    if grouping == "initiative":
        # Only the rows shown are named; the totals above count every initiative.
        selectors.rows_named(page.object_list)
    # The tabs keep the filters chosen: counted by organisation, it is the same initiatives.
    filters = request.GET.copy()
    for name in ("by", "page"):
        filters.pop(name, None)
    select = facets_of(board.filter.form, {})
    return render(
        request,
        "cycles/reportingcycle_dashboard.html",
        {
            "cycle": cycle,
            "board": board,
            "grouping": grouping,
            "page": page,
            "query_string": query_string,
            "filter_query": filters.urlencode(),
            "facets": [
                select("pillar", _("Pillar"), _("All pillars"), pillar_choices()),
                select("standing", _("Status"), _("Any status"), ReportingCycle.Standing.choices),
            ],
            "standing_counts": [
                (value, label, board.overall.by_standing.get(value, 0))
                for value, label in ReportingCycle.Standing.choices
            ],
        },
    )


@cycles_staff_required
@require_GET
def dashboard_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The dashboard's initiatives, with its filters, as Excel or CSV."""
    cycle = _cycle(pk)
    board = selectors.cycle_dashboard(cycle=cycle, filters=request.GET.dict())
    headers = [
        _("Initiative"),
        _("Reporting organisations"),
        _("Pillars"),
        _("Status"),
        _("Periods due"),
        _("Approved"),
        _("Submitted"),
        _("Returned"),
        _("Draft"),
        _("Link"),
    ]
    rows = (
        [
            str(row.label),
            "; ".join(organisation.name for organisation in row.organisations),
            "; ".join(pillar.name for pillar in row.pillars),
            capfirst(str(ReportingCycle.Standing(row.standing).label)),
            row.progress.due,
            row.progress.approved,
            row.progress.submitted,
            row.progress.returned,
            row.progress.draft,
            request.build_absolute_uri(row.url),
        ]
        for row in selectors.rows_named(board.initiatives)
    )
    return table_response(
        fmt=fmt,
        headers=headers,
        rows=rows,
        filename=f"npap-cycle-{cycle.pk}-{cycle.period_end:%Y%m%d}",
        sheet=_("Reporting cycle"),
    )


DUE_PAGE_SIZE = 20


@login_required
@require_GET
def due(request: HttpRequest) -> HttpResponse:
    """What the organisations the member edits have to report, linked to the forms."""
    q = request.GET.get("q", "")[:200]
    page = selectors.due_page(user=request.user, number=request.GET.get("page"), size=DUE_PAGE_SIZE, q=q)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "cycles/due_list.html", {"page": page, "query_string": query.urlencode(), "q": q})
