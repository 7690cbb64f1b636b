"""Staff pages to request, follow and publish reports; the public reports library."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import roles
from core.http import found, page_of
from core.page_cache import public_page
from core.private_files import private_file_response
from vocabulary.models import Pillar

from . import selectors, services
from .forms import PublishForm, ReportRequestForm
from .models import ReportRun


def report_staff_required(view):
    """Signed-in report staff (the right to build reports); anyone else signed in gets 403."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm(roles.BUILD_REPORTS):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@report_staff_required
@require_http_methods(["GET", "POST"])
def run_list(request: HttpRequest) -> HttpResponse:
    form = ReportRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            run = services.report_run_request(
                kind=data["kind"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                language=data["language"],
                formats=data["formats"],
                pillar=data.get("pillar"),
                requested_by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The report has been requested; it is built in the background."))
            return redirect(run)
    return render(
        request, "reports/reportrun_list.html", {"form": form, "runs": selectors.report_runs_recent()}
    )


@report_staff_required
@require_GET
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = found(selectors.report_run_get(pk=pk))
    return render(request, "reports/reportrun_detail.html", {"run": run})


@never_cache
@report_staff_required
@require_GET
def run_status(request: HttpRequest, pk: int) -> JsonResponse:
    run = found(selectors.report_run_get(pk=pk))
    return JsonResponse(
        {
            "status": run.status,
            "status_label": run.get_status_display(),
            "progress": run.progress,
            "note": run.progress_note,
            "queue_note": run.dispatch_note,
            "finished": run.is_finished,
        }
    )


@report_staff_required
@require_POST
def run_retry(request: HttpRequest, pk: int) -> HttpResponse:
    run = found(selectors.report_run_get(pk=pk))
    try:
        services.report_run_retry(run=run)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The report will be built again."))
    return redirect(run)


@require_GET
def file_download(request: HttpRequest, pk: int) -> HttpResponse:
    """A built file, for report staff and whoever may see report runs. Like every private file,
    it does not exist for anyone else: 404, signed in or not."""
    user = request.user
    if not (user.has_perm(roles.BUILD_REPORTS) or user.has_perm("reports.view_reportrun")):
        raise Http404
    report_file = found(selectors.report_file_get(pk=pk))
    return private_file_response(report_file.file, name=report_file.download_name)


@report_staff_required
@require_http_methods(["GET", "POST"])
def file_publish(request: HttpRequest, pk: int) -> HttpResponse:
    report_file = selectors.report_file_get(pk=pk)
    if report_file is None or report_file.run.status != ReportRun.Status.SUCCEEDED:
        raise Http404
    form = PublishForm(request.POST or None, request.FILES or None, initial={"title": str(report_file.run)})
    if request.method == "POST" and form.is_valid():
        published = services.report_publish(
            report_file=report_file,
            title=form.cleaned_data["title"],
            summary=form.cleaned_data["summary"],
            cover=form.cover_upload(),
            published_by=request.user,
        )
        messages.success(request, _("The report is now in the public library."))
        return redirect(published)
    return render(request, "reports/publishedreport_form.html", {"form": form, "report_file": report_file})


# -- Public library --------------------------------------------------------------------------


@require_GET
@public_page
def library(request: HttpRequest) -> HttpResponse:
    filters = request.GET.dict()
    page, query_string = page_of(request, selectors.published_reports(filters=filters), 20)
    return render(
        request,
        "reports/publishedreport_list.html",
        {
            "page": page,
            "kinds": ReportRun.Kind.choices,
            "pillars": Pillar.objects.published(),
            "years": selectors.published_report_years(),
            "current": filters,
            "query_string": query_string,
        },
    )


@require_GET
@public_page
def published_detail(request: HttpRequest, slug: str) -> HttpResponse:
    report = found(selectors.published_report_get(slug=slug))
    return render(request, "reports/publishedreport_detail.html", {"report": report})


@require_GET
def published_download(request: HttpRequest, slug: str) -> HttpResponse:
    # A published report is open to all, but its file stays in private storage: the same answer
    # as any allowed private download (X-Accel-Redirect behind nginx).
    report = found(selectors.published_report_get(slug=slug))
    return private_file_response(report.file.file, name=report.file.download_name)
