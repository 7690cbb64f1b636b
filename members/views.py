"""Public directory pages and the pages member editors use."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.accounts import reminders_enabled, reminders_off_user, reminders_set
from core.facets import Facet, capitalised, facets_of
from core.http import found, list_context, page_of
from core.mail import account_language, account_language_remember
from core.page_cache import cached_value, filter_key, public_page
from vocabulary.selectors import pillar_choices, province_choices

from . import exports, selectors, services
from .forms import AccountSettingsForm, EditorRequestForm, OrganisationProfileForm
from .models import EditorRequest, Membership, Organisation
from .profile import mine_sections, profile_sections

PAGE_SIZE = 24


def _facets(request: HttpRequest, filterset) -> list[Facet]:
    counts = cached_value(
        "organisation-facets",
        lambda: selectors.organisation_facets(filters=request.GET.dict()),
        parts=filter_key(request),
    )
    select = facets_of(filterset.form, counts)
    return [
        select("kind", _("Kind"), _("All kinds"), capitalised(Organisation.Kind.choices)),
        select("pillar", _("Pillar"), _("All pillars"), pillar_choices()),
        select("province", _("Province"), _("All provinces"), province_choices()),
        select("status", _("Membership status"), _("Any status"), capitalised(Membership.Status.choices)),
    ]


@public_page
def organisation_list(request: HttpRequest) -> HttpResponse:
    filterset, organisations = selectors.organisation_list(filters=request.GET.dict())
    context = list_context(request, filterset, organisations, PAGE_SIZE)
    context["facets"] = _facets(request, filterset)
    return render(request, "members/organisation_list.html", context)


def organisation_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The public directory as CSV or Excel, with the list's filters and no private fields."""
    _filterset, organisations = selectors.organisation_list(filters=request.GET.dict())
    return exports.directory_response(organisations, fmt=fmt, private=False)


@public_page
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = found(selectors.organisation_get_public(slug=slug))
    can_edit = (
        request.user.is_authenticated
        and selectors.organisation_get_editable(user=request.user, slug=slug) is not None
    )
    return render(
        request,
        "members/organisation_detail.html",
        {
            "organisation": organisation,
            "people": selectors.organisation_public_people(organisation=organisation),
            "membership": selectors.current_membership(organisation),
            "membership_status": selectors.membership_status_label(organisation),
            "can_edit": can_edit,
            **profile_sections(organisation),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    # Another organisation's page does not exist as far as this account is concerned.
    organisation = found(selectors.organisation_get_editable(user=request.user, slug=slug))
    form = OrganisationProfileForm(request.POST or None, request.FILES or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            services.organisation_logo_store(
                organisation=organisation, clean=form.logo_upload(), cleared=form.logo_cleared()
            )
        messages.success(request, _("The profile has been saved."))
        return redirect(organisation.get_absolute_url() if organisation.is_published else "members:mine")
    return render(request, "members/organisation_form.html", {"organisation": organisation, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def editor_request_create(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = found(selectors.organisation_get_public(slug=slug))
    form = EditorRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        editor_request = services.editor_request_create(
            user=request.user,
            organisation=organisation,
            position=form.cleaned_data["position"],
            message=form.cleaned_data["message"],
        )
        if editor_request.status == EditorRequest.Status.APPROVED:
            messages.info(request, _("You can already edit this organisation's profile."))
        else:
            messages.success(request, _("Your request has been sent. A coordinator will review it."))
        return redirect("members:mine")
    return render(request, "members/editorrequest_form.html", {"organisation": organisation, "form": form})


@login_required
def my_organisations(request: HttpRequest) -> HttpResponse:
    # Coordinators may edit every organisation; the list is for a member's own ones.
    editable = (
        selectors.organisations_editable_by(user=request.user).order_by("name", "pk")
        if not request.user.has_perm("members.change_organisation")
        else Organisation.objects.none()
    )
    page, query_string = page_of(request, editable, PAGE_SIZE)
    return render(
        request,
        "members/my_organisations.html",
        {
            "page": page,
            "query_string": query_string,
            "requests": selectors.editor_requests_of(user=request.user),
            "sections": mine_sections(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request: HttpRequest) -> HttpResponse:
    user = request.user
    initial = {"language": account_language(user), "reminders": reminders_enabled(user)}
    form = AccountSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        account_language_remember(user=user, language=form.cleaned_data["language"])
        reminders_set(user=user, enabled=form.cleaned_data["reminders"])
        messages.success(request, _("Your settings have been saved."))
        return redirect("members:account_settings")
    return render(request, "members/account_settings.html", {"form": form})


@require_http_methods(["GET", "POST"])
def reminders_off(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every reminder: one button turns reminders off, without signing in."""
    user = found(reminders_off_user(token))
    done = request.method == "POST"
    if done:
        reminders_set(user=user, enabled=False)
    return render(request, "members/reminders_off.html", {"email": user.email, "done": done})
