"""The secretariat's roles: groups created by a migration, each a set of permissions.

Views and services check permissions, never ``is_staff``: a secretariat hands out a role by
putting an account in a group, and can make a role of its own from the same permissions.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet

COORDINATORS = "Điều phối viên"
RESULTS_APPROVERS = "Người duyệt kết quả"
REPORT_STAFF = "Cán bộ báo cáo"

# What each role may do, named by the permission that guards it.
APPROVE_RESULTS = "initiatives.approve_indicatorupdate"
CORRECT_RESULTS = "initiatives.correct_indicatorupdate"
DECIDE_EDITOR_REQUESTS = "members.decide_editorrequest"
COMMIT_SIGNIN_IMPORTS = "events.commit_signinimport"
BUILD_REPORTS = "reports.add_reportrun"


def users_with_perm(perm: str) -> QuerySet:
    """Active accounts holding ``perm`` directly, through a group, or as superusers."""
    app_label, codename = perm.split(".", 1)
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True) | Q(user_permissions__in=permission) | Q(groups__permissions__in=permission)
        )
        .distinct()
    )
