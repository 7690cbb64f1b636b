"""The mail log in the admin: what was sent to whom, what failed and why, and sending again."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .mail import mail_resend
from .models import OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "to_email", "subject", "kind", "status", "attempts", "sent_at"]
    list_filter = ["status", "kind", "language"]
    search_fields = ["to_email", "subject"]
    date_hierarchy = "created_at"
    list_select_related = ["recipient"]
    actions = ["resend"]
    fields = [
        "recipient",
        "to_email",
        "language",
        "kind",
        "subject",
        "status",
        "attempts",
        "sent_at",
        "error",
        "body_text",
        "created_at",
        "updated_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Send the failed mails again"), permissions=["view"])
    def resend(self, request, queryset):
        sent = sum(mail_resend(mail=mail) for mail in queryset.filter(status=OutgoingMail.Status.FAILED))
        self.message_user(
            request,
            ngettext("%(count)d mail will be sent again.", "%(count)d mails will be sent again.", sent)
            % {"count": sent},
            messages.SUCCESS,
        )
