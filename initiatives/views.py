"""Public pages of pillars, initiatives and results, and the pages member editors report with."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from core import roles
from core.facets import Facet, capitalised, facets_of
from core.forms import form_add_service_errors
from core.http import found, list_context, page_of
from core.page_cache import cached_value, filter_key, public_page
from core.private_files import private_file_response
from events.selectors import pillar_events
from vocabulary.models import Province
from vocabulary.selectors import pillar_choices

from . import selectors, services
from .approval_cycles import cycle_choices
from .filters import InitiativeFilter
from .forms import (
    MAX_APPROVED_TOGETHER,
    ApprovalConfirmForm,
    ApprovalSelectionForm,
    IndicatorUpdateForm,
    MapScopeForm,
    ResultsScopeForm,
    ReviewForm,
)
from .models import IndicatorUpdate, Initiative, Period
from .province_map import LAYERS, map_of, map_scope
from .selectors.approvals import (
    approval_initiative,
    approval_organisation_choices,
    approval_queue_filtered,
    approvals_as_reviewed,
    approvals_chosen,
)
from .selectors.reporting import initiatives_reportable_list

PAGE_SIZE = 20


# --- public ----------------------------------------------------------------------------------


def _facets(request: HttpRequest, filterset: InitiativeFilter) -> list[Facet]:
    counts = cached_value(
        "initiative-facets",
        lambda: selectors.initiative_facets(filters=request.GET.dict()),
        parts=filter_key(request),
    )
    selected_organisation = request.GET.get("organisation", "")[:80]
    choices = cached_value(
        "initiative-choices",
        lambda: selectors.initiative_filter_choices(selected_organisation=selected_organisation),
        parts=selected_organisation,
    )
    select = facets_of(filterset.form, counts)
    return [
        select("pillar", _("Pillar"), _("All pillars"), choices["pillar"]),
        select("status", _("Status"), _("Any status"), capitalised(Initiative.Status.choices)),
        select("province", _("Province"), _("All provinces"), choices["province"]),
        select("organisation", _("Organisation"), _("All organisations"), choices["organisation"]),
        select("year", _("Year"), _("Any year"), choices["year"]),
    ]


@require_GET
@public_page
def initiative_list(request: HttpRequest) -> HttpResponse:
    filterset, initiatives = selectors.initiative_list(filters=request.GET.dict())
    context = list_context(request, filterset, initiatives, PAGE_SIZE)
    context["facets"] = _facets(request, filterset)
    context["province_map"] = map_of(map_scope(request))
    return render(request, "initiatives/initiative_list.html", context)


@require_GET
@public_page
def initiative_detail(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = found(selectors.initiative_get_public(slug=slug))
    can_report = (
        request.user.is_authenticated
        and selectors.initiative_get_reportable(user=request.user, slug=slug) is not None
    )
    return render(
        request,
        "initiatives/initiative_detail.html",
        {
            "initiative": initiative,
            "results": selectors.initiative_results(initiative=initiative),
            "can_report": can_report,
        },
    )


@require_GET
@public_page
def pillar_list(request: HttpRequest) -> HttpResponse:
    return render(request, "initiatives/pillar_list.html", {"pillars": selectors.pillar_list_public()})


@require_GET
@public_page
def pillar_detail(request: HttpRequest, code: str) -> HttpResponse:
    pillar = found(selectors.pillar_get_public(code=code))
    participations, participation_total = selectors.pillar_organisations(pillar=pillar)
    return render(
        request,
        "initiatives/pillar_detail.html",
        {
            "pillar": pillar,
            "participations": participations,
            "participation_total": participation_total,
            "totals": cached_value(
                "pillar-totals",
                lambda: selectors.network_totals(pillar=pillar),
                parts=pillar.pk,
                results=True,
            ),
            "initiatives": selectors.pillar_initiatives(pillar=pillar),
            "pillar_events": pillar_events(pillar=pillar),
        },
    )


@require_GET
@public_page
def network_results(request: HttpRequest) -> HttpResponse:
    """The network's totals per year, for the whole network or one province or pillar."""
    provinces = list(Province.objects.current())
    pillars = list(selectors.pillar_list_public())
    province = next((p for p in provinces if p.code == request.GET.get("province")), None)
    pillar = next((p for p in pillars if p.code == request.GET.get("pillar")), None)
    # The same rows give the pickers' options: no second read of provinces or pillars.
    select = facets_of(ResultsScopeForm(request.GET), counts={})
    return render(
        request,
        "initiatives/network_results.html",
        {
            "totals": cached_value(
                "network-totals",
                lambda: selectors.network_totals(pillar=pillar, province=province),
                parts=(pillar and pillar.pk, province and province.pk),
                results=True,
            ),
            "facets": [
                select(
                    "province", _("Province"), _("The whole network"), [(p.code, p.name) for p in provinces]
                ),
                select("pillar", _("Pillar"), _("All pillars"), [(p.code, p.name) for p in pillars]),
            ],
            "province": province,
            "pillar": pillar,
            "province_map": map_of(map_scope(request)),
        },
    )


@require_GET
@public_page
def province_map(request: HttpRequest) -> HttpResponse:
    """Initiatives, events and members by province, for a pillar and a year."""
    scope = map_scope(request)
    select = facets_of(MapScopeForm(request.GET), counts={})
    return render(
        request,
        "initiatives/province_map.html",
        {
            "province_map": map_of(scope),
            "scope": scope,
            "facets": [
                select("pillar", _("Pillar"), _("All pillars"), scope.pillars),
                select("year", _("Year"), _("Any year"), [(str(y), str(y)) for y in scope.years]),
                select("layer", _("Shade by"), _("Initiatives"), [(k, label) for k, label, _u in LAYERS[1:]]),
            ],
        },
    )


# --- member reporting ------------------------------------------------------------------------


def _reportable(request: HttpRequest, slug: str) -> Initiative:
    # Another organisation's initiative does not exist as far as this account is concerned.
    return found(selectors.initiative_get_reportable(user=request.user, slug=slug))


REPORT_PAGE_SIZE = 20


@login_required
@require_GET
def report_index(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")[:200]
    initiatives = initiatives_reportable_list(user=request.user, q=q)
    page, query_string = page_of(request, initiatives, REPORT_PAGE_SIZE)
    return render(
        request, "initiatives/report_index.html", {"page": page, "query_string": query_string, "q": q}
    )


@login_required
@require_GET
def report_initiative(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _reportable(request, slug)
    q = request.GET.get("q", "")[:200]
    indicators = selectors.initiative_reporting_view(initiative=initiative, q=q)
    page, query_string = page_of(request, indicators, REPORT_PAGE_SIZE)
    return render(
        request,
        "initiatives/report_initiative.html",
        {"initiative": initiative, "page": page, "query_string": query_string, "q": q},
    )


def _update_form(
    request: HttpRequest, initiative: Initiative, period: Period, update: IndicatorUpdate | None
) -> HttpResponse:
    if period.locked:
        messages.error(request, services.locked_message())
        return redirect("initiatives:report_initiative", slug=initiative.slug)
    form = IndicatorUpdateForm(
        request.POST or None,
        request.FILES or None,
        period=period,
        sex_values=selectors.sex_values(),
        update=update,
    )
    if request.method == "POST" and form.is_valid():
        submit = request.POST.get("action") != "draft"
        try:
            services.indicator_update_save(
                period=period,
                user=request.user,
                organisation=selectors.reporting_organisation(user=request.user, initiative=initiative),
                reported_on=form.cleaned_data["reported_on"],
                value=form.cleaned_data.get("value"),
                numerator=form.cleaned_data.get("numerator"),
                denominator=form.cleaned_data.get("denominator"),
                narrative=form.cleaned_data.get("narrative", ""),
                disaggregations=form.disaggregations(),
                evidence=form.evidence_files(),
                submit=submit,
                update=update,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            if submit:
                messages.success(request, _("Your update has been sent to the coordinators for approval."))
            else:
                messages.success(request, _("Your draft has been saved."))
            return redirect("initiatives:report_initiative", slug=initiative.slug)
    return render(
        request,
        "initiatives/indicatorupdate_form.html",
        {
            "initiative": initiative,
            "period": period,
            "indicator": period.indicator,
            "form": form,
            "update": update,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_update_create(request: HttpRequest, slug: str, period_id: int) -> HttpResponse:
    initiative = _reportable(request, slug)
    period = found(selectors.period_get_reportable(initiative=initiative, period_id=period_id))
    return _update_form(request, initiative, period, None)


@login_required
@require_http_methods(["GET", "POST"])
def report_update_edit(request: HttpRequest, slug: str, update_id: int) -> HttpResponse:
    initiative = _reportable(request, slug)
    update = found(selectors.update_get_editable(initiative=initiative, update_id=update_id))
    if update.status not in services.EDITABLE:
        messages.error(request, _("Only drafts and updates returned for revision can be changed."))
        return redirect("initiatives:report_initiative", slug=initiative.slug)
    return _update_form(request, initiative, update.period, update)


QUEUE_PAGE_SIZE = 50
# The parameters of the queue's address kept when an approver comes back to it.
QUEUE_PARAMETERS = ("q", "pillar", "organisation", "initiative", "cycle", "page")


def _queue_url(params) -> str:
    """The queue's address with the filters and page of ``params`` (a QueryDict), and nothing
    else: the address to come back to is built here, never taken as given."""
    kept = QueryDict(mutable=True)
    for name in QUEUE_PARAMETERS:
        value = params.get(name, "")
        if value:
            kept[name] = value[:200]
    query = kept.urlencode()
    return reverse("initiatives:approval_queue") + (f"?{query}" if query else "")


def _query_without(request: HttpRequest, name: str) -> str:
    query = request.GET.copy()
    for dropped in (name, "page"):
        query.pop(dropped, None)
    return query.urlencode()


def _approvers_only(request: HttpRequest) -> None:
    # To anyone else the queue and its review do not exist.
    if not request.user.has_perm(roles.APPROVE_RESULTS):
        raise Http404


def _decide_one(request: HttpRequest) -> HttpResponse:
    """Approve or return the one update of a row's form, then back to the same page."""
    form = ReviewForm(request.POST)
    back = _queue_url(request.GET)
    if not form.is_valid():
        messages.error(request, _("Choose whether to approve or return the update."))
        return redirect(back)
    update = selectors.approval_queue().filter(pk=form.cleaned_data["update"]).first()
    if update is None:
        messages.error(request, _("This update is no longer waiting for approval."))
        return redirect(back)
    approve = form.cleaned_data["decision"] == "approve"
    decide = services.indicator_update_approve if approve else services.indicator_update_return
    try:
        decide(update=update, reviewer=request.user, note=form.cleaned_data["note"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The update has been approved and now counts in the totals.")
            if approve
            else _("The update has been returned to its reporter."),
        )
    return redirect(back)


@login_required
@require_http_methods(["GET", "POST"])
def approval_queue(request: HttpRequest) -> HttpResponse:
    """Results approvers approve submitted updates or return them with a note, one by one, or
    tick several to review and approve together."""
    _approvers_only(request)
    if request.method == "POST":
        return _decide_one(request)
    filterset, updates = approval_queue_filtered(filters=request.GET.dict())
    page, query_string = page_of(request, updates, QUEUE_PAGE_SIZE)
    organisation = filterset.form["organisation"].value() or ""
    select = facets_of(filterset.form, {})
    facets = [
        select("pillar", _("Pillar"), _("All pillars"), pillar_choices()),
        select(
            "organisation",
            _("Reported for"),
            _("All organisations"),
            approval_organisation_choices(selected=organisation[:100]),
        ),
    ]
    cycles = cycle_choices()
    if cycles:
        facets.append(select("cycle", _("Reporting cycle"), _("All cycles"), cycles))
    initiative_slug = filterset.form["initiative"].value() or ""
    return render(
        request,
        "initiatives/approval_queue.html",
        {
            "filter": filterset,
            "facets": facets,
            "page": page,
            "query_string": query_string,
            "here": request.GET.urlencode(),
            "initiative_slug": initiative_slug,
            "initiative": approval_initiative(slug=initiative_slug[:100]),
            # A row's initiative or organisation narrows the queue to it, keeping the rest.
            "without_initiative": _query_without(request, "initiative"),
            "without_organisation": _query_without(request, "organisation"),
            "max_together": MAX_APPROVED_TOGETHER,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def approval_review(request: HttpRequest) -> HttpResponse:
    """The updates an approver ticked, listed as they will be approved; nothing is approved
    until the approver confirms with a POST of exactly the versions listed."""
    _approvers_only(request)
    back = _queue_url(QueryDict(request.GET.get("back", "")[:2000]))
    if request.method == "POST":
        form = ApprovalConfirmForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors["update"]))
            return redirect(back)
        tokens = form.cleaned_data["update"]
        approved = 0
        for update in approvals_as_reviewed(tokens=tokens):
            try:
                services.indicator_update_approve(update=update, reviewer=request.user)
            except ValidationError:
                continue  # decided by someone else a moment ago
            approved += 1
        if approved:
            messages.success(
                request,
                ngettext(
                    "%(count)d update has been approved and now counts in the totals.",
                    "%(count)d updates have been approved and now count in the totals.",
                    approved,
                )
                % {"count": approved},
            )
        skipped = len(tokens) - approved
        if skipped:
            messages.warning(request, _skipped_message(skipped))
        return redirect(back)
    chosen = request.GET.copy()
    if chosen.get("scope") == "page":
        # "Review all on this page": every row the approver was shown, ticked or not.
        chosen.setlist("update", chosen.getlist("on_page"))
    form = ApprovalSelectionForm(chosen)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["update"]))
        return redirect(back)
    ids = form.ids()
    updates = approvals_chosen(ids=ids)
    if not updates:
        messages.warning(request, _skipped_message(len(ids)))
        return redirect(back)
    return render(
        request,
        "initiatives/approval_review.html",
        {
            "updates": updates,
            "skipped": len(ids) - len(updates),
            "back": back,
            "back_query": request.GET.get("back", "")[:2000],
        },
    )


def _skipped_message(count: int) -> str:
    return ngettext(
        "%(count)d of the chosen updates is no longer waiting for approval, or has changed since "
        "it was reviewed; it was left as it is.",
        "%(count)d of the chosen updates are no longer waiting for approval, or have changed since "
        "they were reviewed; they were left as they are.",
        count,
    ) % {"count": count}


# --- private files ---------------------------------------------------------------------------
# To anyone who may not download a file, it does not exist: 404, signed in or not.


@require_GET
def evidence_download(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = found(selectors.evidence_get_downloadable(user=request.user, pk=pk))
    name = evidence.original_name or evidence.file.name.rsplit("/", 1)[-1]
    return private_file_response(evidence.file, name=name)


@require_GET
def document_download(request: HttpRequest, pk: int) -> HttpResponse:
    document = found(selectors.initiative_document_get_private(user=request.user, pk=pk))
    return private_file_response(document.file, name=document.title)
