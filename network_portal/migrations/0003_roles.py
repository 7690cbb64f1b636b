"""Creates the secretariat's roles as groups with their permissions.

Permissions are normally created after all migrations have run; they are created here first so
the groups can be given them on a fresh database.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_APPS = ("members", "events", "initiatives")
# Results are decided by results approvers, not by every coordinator.
NOT_FOR_COORDINATORS = {"approve_indicatorupdate", "correct_indicatorupdate"}

RESULTS_APPROVERS = [
    ("initiatives", codename)
    for codename in (
        "approve_indicatorupdate",
        "correct_indicatorupdate",
        "change_indicatorupdate",
        "view_indicatorupdate",
        "view_updateevidence",
        "view_updatedisaggregation",
        "view_updatecorrection",
        "add_updatecorrection",
        "view_initiative",
        "view_result",
        "view_indicator",
        "view_period",
    )
]
REPORT_STAFF = [
    ("reports", codename)
    for codename in (
        "add_reportrun",
        "view_reportrun",
        "change_reportrun",
        "view_reportfile",
        "add_publishedreport",
        "change_publishedreport",
        "view_publishedreport",
    )
] + [
    ("django_celery_beat", codename)
    for codename in ("view_periodictask", "change_periodictask", "view_crontabschedule", "change_crontabschedule")
]
COORDINATOR_EXTRA = [
    ("reports", "view_publishedreport"),
    ("reports", "change_publishedreport"),
    ("auth", "view_user"),
]


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(pairs):
        found = []
        for app_label, codename in pairs:
            found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        return found

    coordinators = Permission.objects.filter(content_type__app_label__in=CONTENT_APPS).exclude(
        codename__in=NOT_FOR_COORDINATORS
    )
    roles = {
        "Điều phối viên": list(coordinators) + permissions(COORDINATOR_EXTRA),
        "Người duyệt kết quả": permissions(RESULTS_APPROVERS),
        "Cán bộ báo cáo": permissions(REPORT_STAFF),
    }
    for name, granted in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*granted)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Điều phối viên", "Người duyệt kết quả", "Cán bộ báo cáo"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("network_portal", "0002_portal_fold_unaccent"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("members", "0004_history_and_permissions"),
        ("events", "0005_history_and_permissions"),
        ("initiatives", "0005_history_and_permissions"),
        ("reports", "0004_history_and_permissions"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
