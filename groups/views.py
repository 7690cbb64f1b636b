"""Public pages of the technical groups: the list, a group's page, its newsletters' archive and
feeds; subscribing, confirming and unsubscribing. Thin: reads are selectors, writes services."""

from allauth.core.internal import ratelimit
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from core.http import found
from core.page_cache import public_page

from . import selectors, services
from .forms import SubscribeForm
from .tokens import InvalidToken, unsubscribe_read


@require_safe
@public_page
def group_list(request: HttpRequest) -> HttpResponse:
    return render(request, "groups/technicalgroup_list.html", {"groups": selectors.group_list_public()})


@require_safe
@public_page
def group_detail(request: HttpRequest, pk: int) -> HttpResponse:
    group = found(selectors.group_get_public(pk=pk))
    memberships = selectors.group_members_public(group=group)
    lead = selectors.group_lead_public(group)
    return render(
        request,
        "groups/technicalgroup_detail.html",
        {
            "group": group,
            # The lead is named apart only when the members' list does not show it already.
            "lead": lead if lead and all(m.organisation_id != lead.pk for m in memberships) else None,
            "memberships": memberships,
            "events": selectors.group_events(group=group),
            "results": selectors.group_results(group=group),
            "resources": selectors.group_resources(group=group),
            "issues": selectors.group_issues_sent(group=group),
        },
    )


@require_safe
@public_page
def issue_detail(request: HttpRequest, group: int, pk: int) -> HttpResponse:
    issue = found(selectors.issue_get_public(group=group, pk=pk))
    return render(request, "groups/issue_detail.html", selectors.issue_contents(issue))


def _limited(request: HttpRequest, email: str) -> bool:
    """The subscription form is limited per visitor's address and per mailbox, the way
    allauth limits the sign-up and password forms, so it cannot be used to flood a mailbox."""
    usage = ratelimit.consume(
        request,
        app="groups",
        action="subscribe",
        config={"subscribe": settings.NEWSLETTER_SUBSCRIBE_RATE},
        key=email.strip().lower(),
    )
    return usage is None


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if form.is_valid():
            if _limited(request, form.cleaned_data["email"]):
                form.add_error(None, _("Too many requests from here. Please try again in an hour."))
                return render(request, "groups/subscribe_form.html", {"form": form}, status=429)
            services.subscription_request(
                email=form.cleaned_data["email"],
                groups=list(form.cleaned_data["groups"]),
                pillars=list(form.cleaned_data["pillars"]),
                language=form.cleaned_data["language"],
            )
            return redirect("groups:subscribe_sent")
    else:
        initial = {"language": get_language() or settings.LANGUAGE_CODE}
        if request.GET.get("group", "").isdigit():
            initial["groups"] = [int(request.GET["group"])]
        form = SubscribeForm(initial=initial)
    return render(request, "groups/subscribe_form.html", {"form": form})


@require_safe
def subscribe_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "groups/subscribe_sent.html")


@require_safe
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber = services.subscription_confirm(token=token)
    except InvalidToken:
        return render(request, "groups/subscription_invalid.html", status=400)
    return render(
        request,
        "groups/subscription_confirmed.html",
        {
            "subscriber": subscriber,
            "groups": subscriber.groups.select_related("pillar"),
            "pillars": subscriber.pillars.all(),
        },
    )


# The List-Unsubscribe-Post header makes mail clients POST here without a page or a CSRF
# token (RFC 8058); the signed address in the link is what authorises it.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        try:
            subscriber = services.subscription_cancel(token=token)
        except InvalidToken:
            return render(request, "groups/subscription_invalid.html", status=400)
        return render(request, "groups/unsubscribed.html", {"subscriber": subscriber})
    try:
        unsubscribe_read(token)
    except InvalidToken:
        return render(request, "groups/subscription_invalid.html", status=400)
    # A GET only asks: mail scanners open every link in a mail, and must not unsubscribe anyone.
    return render(request, "groups/unsubscribe_confirm.html", {"token": token})
