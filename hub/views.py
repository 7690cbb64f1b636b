"""Pages of the knowledge hub: the public list and a resource's page, the counted download or
visit, the feeds, and a member editor's proposal of a resource for their organisation."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from core.facets import Facet, capitalised, facets_of
from core.forms import form_add_service_errors
from core.http import found, list_context
from core.page_cache import cached_value, filter_key, public_page
from core.private_files import private_file_response
from vocabulary.selectors import pillar_choices, province_choices

from . import selectors, services
from .feeds import ResourceAtomFeed, ResourceFeed
from .filters import KIND_CHOICES, ResourceFilter
from .forms import ProposalForm

PAGE_SIZE = 20


def _filters(request: HttpRequest, filterset: ResourceFilter) -> list[Facet]:
    """The list's filters with how many entries each option would show."""

    def options() -> tuple[dict, dict]:
        counts = selectors.hub_facets(filterset=filterset)
        choices = {
            "year": [(year, str(year)) for year in selectors.hub_years()],
            "pillar": pillar_choices(),
            "group": selectors.group_choices(),
            "province": province_choices(),
        }
        return counts, choices

    # The same for every page of the list, and for everyone, until content changes.
    counts, choices = cached_value("hub-filters", options, parts=filter_key(request))
    select = facets_of(filterset.form, counts)
    return [
        select("kind", _("Kind"), _("All kinds"), capitalised(KIND_CHOICES)),
        select("pillar", _("Pillar"), _("All pillars"), choices["pillar"]),
        select("group", _("Technical group"), _("All groups"), choices["group"]),
        select("year", _("Year"), _("Any year"), choices["year"]),
        select("language", _("Language"), _("Any language"), settings.LANGUAGES),
        select("province", _("Province"), _("All provinces"), choices["province"]),
    ]


@require_safe
@public_page
def resource_list(request: HttpRequest) -> HttpResponse:
    filterset, rows = selectors.hub_list(filters=request.GET.dict())
    context = list_context(request, filterset, rows, PAGE_SIZE)
    context["entries"] = selectors.hub_entries(context["page"].object_list)
    context["filter_facets"] = _filters(request, filterset)
    return render(request, "hub/resource_list.html", context)


@require_safe
@public_page
def resource_detail(request: HttpRequest, slug: str) -> HttpResponse:
    resource = found(selectors.resource_get_public(slug=slug))
    return render(
        request,
        "hub/resource_detail.html",
        {
            "resource": resource,
            "model_results": selectors.model_results(resource=resource) if resource.is_good_practice else [],
        },
    )


@require_safe
def resource_download(request: HttpRequest, slug: str) -> HttpResponse:
    """The file, or a redirect to the link, counted once per download or visit. A resource that
    is not public does not exist here either."""
    resource = found(selectors.resource_get_downloadable(slug=slug))
    if request.method == "GET":
        services.resource_download_record(resource=resource)
    if resource.file:
        return private_file_response(resource.file, name=resource.title)
    return redirect(resource.url)


resource_feed_rss = require_safe(public_page(ResourceFeed()))
resource_feed_atom = require_safe(public_page(ResourceAtomFeed()))


@login_required
@require_http_methods(["GET", "POST"])
def proposal_create(request: HttpRequest, organisation: str) -> HttpResponse:
    chosen = found(selectors.organisation_get_proposable(user=request.user, slug=organisation))
    form = ProposalForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            resource = services.resource_propose(
                user=request.user,
                organisation=chosen,
                kind=data["kind"],
                title_vi=data["title_vi"],
                title_en=data["title_en"],
                summary_vi=data["summary_vi"],
                summary_en=data["summary_en"],
                year=data["year"],
                language=data["language"],
                url=data["url"],
                file=data["file"] or None,
                cover=form.cover_upload(),
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(
                request, _("Thank you. A coordinator will review the resource before it is published.")
            )
            return redirect("hub:proposal_detail", pk=resource.pk)
    return render(request, "hub/resource_form.html", {"form": form, "organisation": chosen})


@login_required
@require_safe
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    resource = found(selectors.proposal_get(user=request.user, pk=pk))
    return render(request, "hub/proposal_detail.html", {"resource": resource})
