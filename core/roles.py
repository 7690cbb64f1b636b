"""The secretariat's roles: groups created by a migration, each a set of permissions.

Views and services check permissions, never ``is_staff``: a secretariat hands out a role by
putting an account in a group, and can make a role of its own from the same permissions.
"""

from django.apps import apps as installed_apps
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

# Coordinators keep the network's content: every permission of these apps but the results
# decisions, which belong to results approvers.
COORDINATOR_APPS = ("vocabulary", "members", "events", "initiatives", "cycles", "hub", "groups")
# A newsletter's deliveries are written by sending alone: coordinators read them.
COORDINATOR_EXCLUDED = {
    "approve_indicatorupdate",
    "correct_indicatorupdate",
    "add_delivery",
    "change_delivery",
    "delete_delivery",
}
ROLE_PERMISSIONS: dict[str, list[str]] = {
    COORDINATORS: [
        "reports.view_publishedreport",
        "reports.change_publishedreport",
        "auth.view_user",
        "core.view_outgoingmail",
        "core.view_importrecord",
    ],
    RESULTS_APPROVERS: [
        APPROVE_RESULTS,
        CORRECT_RESULTS,
        "initiatives.change_indicatorupdate",
        "initiatives.view_indicatorupdate",
        "initiatives.view_updateevidence",
        "initiatives.view_updatedisaggregation",
        "initiatives.view_updatecorrection",
        "initiatives.add_updatecorrection",
        "initiatives.view_initiative",
        "initiatives.view_result",
        "initiatives.view_indicator",
        "initiatives.view_period",
        "cycles.view_reportingcycle",
        "cycles.view_dueperiod",
    ],
    REPORT_STAFF: [
        BUILD_REPORTS,
        "reports.view_reportrun",
        "reports.change_reportrun",
        "reports.view_reportfile",
        "reports.add_publishedreport",
        "reports.change_publishedreport",
        "reports.view_publishedreport",
        "django_celery_beat.view_periodictask",
        "django_celery_beat.change_periodictask",
        "django_celery_beat.view_crontabschedule",
        "django_celery_beat.change_crontabschedule",
        "hub.view_resource",
        "hub.view_resourceorganisation",
    ],
}


def roles_install(apps=installed_apps) -> None:
    """Create the roles that are missing, with their permissions. A role that exists is left as
    the secretariat has shaped it. ``apps`` is a migration's app registry when run from one."""
    Group = apps.get_model("auth", "Group")
    PermissionModel = apps.get_model("auth", "Permission")
    for name, granted in ROLE_PERMISSIONS.items():
        group, created = Group.objects.get_or_create(name=name)
        if not created:
            continue
        query = Q(pk__in=[])
        for perm in granted:
            app_label, codename = perm.split(".", 1)
            query |= Q(content_type__app_label=app_label, codename=codename)
        if name == COORDINATORS:
            query |= Q(content_type__app_label__in=COORDINATOR_APPS) & ~Q(codename__in=COORDINATOR_EXCLUDED)
        group.permissions.add(*PermissionModel.objects.filter(query))


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
