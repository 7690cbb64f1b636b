"""The coordinators' admin: who belongs to each technical group, the subscribers, and the
newsletter issues, which start from the quarter's draft, are previewed in the browser and as
the mail, and are sent after a confirmation."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.defaultfilters import floatformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import LargeTableAdminMixin
from core.http import found
from core.mail import absolute_url

from . import mailing, selectors, services
from .models import Delivery, GroupMembership, Issue, Subscriber

SEND = "groups.send_issue"


@admin.register(GroupMembership)
class GroupMembershipAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "group", "role", "joined_on"]
    list_filter = ["group", "role"]
    list_select_related = ["organisation", "group"]
    search_fields = ["organisation__name_vi", "organisation__name_en", "organisation__acronym"]
    autocomplete_fields = ["organisation"]


@admin.register(Subscriber)
class SubscriberAdmin(LargeTableAdminMixin, admin.ModelAdmin):
    list_display = ["email", "language", "confirmed_at", "unsubscribed_at"]
    list_filter = [
        "language",
        ("confirmed_at", admin.EmptyFieldListFilter),
        ("unsubscribed_at", admin.EmptyFieldListFilter),
    ]
    search_fields = ["email"]
    filter_horizontal = ["groups", "pillars"]
    readonly_fields = ["confirmed_at", "unsubscribed_at", "created_at"]


class IssueFilter(admin.RelatedFieldListFilter):
    """The issues, named with their group read in the same query."""

    def field_choices(self, field, request, model_admin):
        return [(issue.pk, str(issue)) for issue in Issue.objects.select_related("group")]


@admin.register(Delivery)
class DeliveryAdmin(LargeTableAdminMixin, admin.ModelAdmin):
    list_display = ["to_email", "issue", "status", "attempts", "sent_at"]
    list_filter = ["status", ("issue", IssueFilter)]
    list_select_related = ["issue__group"]
    # The latest issue first, by the column and its index, not by the issue's own order (year,
    # quarter, group), which would sort every delivery of every issue.
    ordering = ["-issue_id", "to_email"]
    search_fields = ["to_email"]
    readonly_fields = [f.name for f in Delivery._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class IssueForm(forms.ModelForm):
    class Meta:
        model = Issue
        fields = [
            "group",
            "year",
            "quarter",
            "title_vi",
            "title_en",
            "editorial_vi",
            "editorial_en",
            "events",
            "resources",
            "results",
        ]
        widgets = {
            "events": forms.CheckboxSelectMultiple,
            "results": forms.CheckboxSelectMultiple,
            "resources": forms.CheckboxSelectMultiple,
        }


@admin.register(Issue)
class IssueAdmin(SimpleHistoryAdmin, TranslationAdmin):
    form = IssueForm
    list_display = ["heading", "group", "year_shown", "quarter", "status", "sent_at", "delivery_counts"]
    list_filter = ["status", "group", "year"]
    actions = ["requeue_failed"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Issue]:
        return (
            super()
            .get_queryset(request)
            .select_related("group")
            .annotate(
                delivered=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.SENT)),
                failed=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.FAILED)),
            )
        )

    def get_fieldsets(self, request: HttpRequest, obj: Issue | None = None):
        if obj is None:
            # The items come from the quarter's draft once the group and quarter are known.
            return [
                (
                    None,
                    {
                        "fields": ["group", "year", "quarter"],
                        "description": _(
                            "Saving starts the issue from the quarter's draft: every event and approved "
                            "result of the group's pillar in the quarter, which you then keep or drop."
                        ),
                    },
                )
            ]
        return [
            (None, {"fields": ["tools", "group", "year_shown", "quarter", "status", "sent_at"]}),
            (_("Editorial note"), {"fields": ["title_vi", "title_en", "editorial_vi", "editorial_en"]}),
            (_("Items of the issue"), {"fields": ["events", "resources", "results"]}),
        ]

    def get_readonly_fields(self, request: HttpRequest, obj: Issue | None = None):
        fixed = ["tools", "year_shown", "status", "sent_at"]
        if obj is not None and obj.status != Issue.Status.DRAFT:
            # What readers received stays as they received it.
            return [*fixed, *IssueForm.Meta.fields]
        if obj is not None:
            return [*fixed, "group", "year", "quarter"]
        return fixed

    def formfield_for_manytomany(self, db_field, request: HttpRequest, **kwargs):
        issue = getattr(request, "_issue", None)
        candidates = {
            "events": selectors.issue_candidate_events,
            "results": selectors.issue_candidate_results,
            "resources": selectors.issue_candidate_resources,
        }
        if issue is not None and db_field.name in candidates:
            # The quarter's candidates, and whatever was picked before (should it have moved since).
            offered = candidates[db_field.name](issue=issue)
            chosen = getattr(issue, db_field.name).all()
            queryset = offered.model.objects.filter(
                Q(pk__in=offered.values("pk")) | Q(pk__in=chosen.values("pk"))
            )
            if db_field.name == "results":
                queryset = queryset.select_related("period__indicator__result__initiative")
            kwargs["queryset"] = queryset
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "results":
            field.label_from_instance = _result_label
        return field

    def formfield_for_dbfield(self, db_field, request: HttpRequest, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("events", "resources", "results") and field is not None:
            # Items are picked from what the other apps published, never created from here.
            field.widget.can_add_related = False
        return field

    def get_object(self, request: HttpRequest, object_id: str, from_field=None):
        issue = super().get_object(request, object_id, from_field)
        request._issue = issue
        return issue

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        if not change:
            services.issue_draft_fill(issue=form.instance)

    @admin.display(description=_("year"))
    def year_shown(self, issue: Issue) -> str:
        return str(issue.year)  # a year, not a number with a thousands separator

    @admin.display(description=_("sent"))
    def delivery_counts(self, issue: Issue) -> str:
        if issue.status == Issue.Status.DRAFT:
            return "—"
        return _("%(sent)s sent, %(failed)s failed") % {"sent": issue.delivered, "failed": issue.failed}

    @admin.display(description=_("preview and send"))
    def tools(self, issue: Issue) -> str:
        if issue.pk is None:
            return "—"
        links = [
            (reverse("admin:groups_issue_preview", args=[issue.pk]), _("Preview in the browser")),
            (reverse("admin:groups_issue_mail", args=[issue.pk]), _("Preview the mail (HTML)")),
            (reverse("admin:groups_issue_mail_text", args=[issue.pk]), _("Preview the mail (text)")),
        ]
        if issue.status == Issue.Status.DRAFT:
            links.append((reverse("admin:groups_issue_send", args=[issue.pk]), _("Send to the readers…")))
        else:
            links.append(
                (
                    reverse("admin:groups_delivery_changelist") + f"?issue__id__exact={issue.pk}",
                    _("Deliveries"),
                )
            )
        return format_html(
            " · ".join(['<a href="{}">{}</a>'] * len(links)), *[part for link in links for part in link]
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/preview/", view(self.preview_view), name="groups_issue_preview"),
            path("<int:pk>/mail/", view(self.mail_view), name="groups_issue_mail"),
            path("<int:pk>/mail.txt", view(self.mail_text_view), name="groups_issue_mail_text"),
            path("<int:pk>/send/", view(self.send_view), name="groups_issue_send"),
            *super().get_urls(),
        ]

    def _issue(self, request: HttpRequest, pk: int) -> Issue:
        if not self.has_view_permission(request):
            raise PermissionDenied
        return found(selectors.issue_with_items(pk=pk))

    def preview_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        issue = self._issue(request, pk)
        return TemplateResponse(
            request, "groups/issue_detail.html", {**selectors.issue_contents(issue), "preview": True}
        )

    def _mail_parts(self, request: HttpRequest, pk: int) -> tuple[str, str, str]:
        issue = self._issue(request, pk)
        # The preview's unsubscribe link goes nowhere: no reader is named yet.
        return mailing.issue_mail_parts(
            issue=issue, language=get_language(), unsubscribe_url=absolute_url(reverse("groups:list"))
        )

    def mail_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        _subject, _text, html = self._mail_parts(request, pk)
        response = HttpResponse(html)
        # A mail's styles are inline by necessity: this page alone allows inline styles, and
        # nothing else (no script, no frame, no form).
        response["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'"
        )
        response._csp_exempt = True
        return response

    def mail_text_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        subject, text, _html = self._mail_parts(request, pk)
        return HttpResponse(f"{subject}\n\n{text}", content_type="text/plain; charset=utf-8")

    def send_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        if not request.user.has_perm(SEND):
            raise PermissionDenied
        issue = self._issue(request, pk)
        change_url = reverse("admin:groups_issue_change", args=[issue.pk])
        if request.method == "POST":
            try:
                count = services.issue_send(issue=issue, user=request.user)
            except services.NotSendable:
                self.message_user(request, _("This issue has been sent already."), messages.WARNING)
                return redirect(change_url)
            self.message_user(
                request,
                ngettext(
                    "The issue is being sent to %(count)d reader.",
                    "The issue is being sent to %(count)d readers.",
                    count,
                )
                % {"count": count},
                messages.SUCCESS,
            )
            return redirect(change_url)
        return TemplateResponse(
            request,
            "admin/groups/issue/send_confirmation.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "issue": issue,
                "readers": selectors.subscribers_of(issue=issue).count(),
                "change_url": change_url,
                "title": _("Send this issue?"),
            },
        )

    @admin.action(description=_("Send the failed deliveries again"), permissions=["send"])
    def requeue_failed(self, request: HttpRequest, queryset: QuerySet[Issue]) -> None:
        count = sum(services.issue_requeue_failed(issue=issue) for issue in queryset)
        self.message_user(
            request,
            ngettext("%(count)d delivery queued again.", "%(count)d deliveries queued again.", count)
            % {"count": count},
        )

    def has_send_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(SEND)


def _result_label(update) -> str:
    indicator = update.period.indicator
    value = floatformat(update.value, "-2g") if update.value is not None else "—"
    return (
        f"{indicator.title}: {value} {indicator.unit} ({date_format(update.reported_on, 'SHORT_DATE_FORMAT')})"
        f" · {indicator.result.initiative}"
    )
