"""Beat's schedules for the reporting cycles, editable in the admin, and the cycles' permissions
for the secretariat's roles.

Every morning beat opens the planned cycles whose day has come and sends the day's reminders.
On 1 January and 1 July it opens the six-month cycle of the half-year just ended; the annual
cycle's schedule is there, switched off, for a network that reports once a year instead.
"""

import json

from django.contrib.auth.management import create_permissions
from django.db import migrations

# name, task, kwargs, (minute, hour, day of month, months), enabled
SCHEDULES = [
    ("Mở chu kỳ báo cáo 6 tháng", "cycles.tasks.schedule_cycle", {"kind": "six_month"}, ("0", "6", "1", "1,7"), True),
    ("Mở chu kỳ báo cáo năm", "cycles.tasks.schedule_cycle", {"kind": "annual"}, ("0", "6", "1", "1"), False),
    ("Mở các chu kỳ báo cáo đã đến ngày", "cycles.tasks.open_planned_cycles", {}, ("30", "6", "*", "*"), True),
    ("Nhắc hạn báo cáo kết quả", "cycles.tasks.send_reminders", {}, ("0", "8", "*", "*"), True),
]

COORDINATORS = "Điều phối viên"
RESULTS_APPROVERS = "Người duyệt kết quả"


def create_schedules(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for name, task, kwargs, (minute, hour, day, months), enabled in SCHEDULES:
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=minute,
            hour=hour,
            day_of_month=day,
            month_of_year=months,
            day_of_week="*",
            timezone="Asia/Ho_Chi_Minh",
        )
        PeriodicTask.objects.get_or_create(
            name=name,
            defaults={"task": task, "crontab": crontab, "kwargs": json.dumps(kwargs), "enabled": enabled},
        )


def remove_schedules(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name__in=[name for name, *_ in SCHEDULES]).delete()


def grant_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the roles need them now.
    config = apps.get_app_config("cycles")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    cycles = Permission.objects.filter(content_type__app_label="cycles")
    for group in Group.objects.filter(name=COORDINATORS):
        group.permissions.add(*cycles)
    for group in Group.objects.filter(name=RESULTS_APPROVERS):
        group.permissions.add(*cycles.filter(codename__startswith="view_"))


class Migration(migrations.Migration):
    dependencies = [
        ("cycles", "0001_initial"),
        ("network_portal", "0003_roles"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [
        migrations.RunPython(create_schedules, remove_schedules),
        migrations.RunPython(grant_roles, migrations.RunPython.noop),
    ]
