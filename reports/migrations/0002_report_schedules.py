"""Creates the report schedules in django-celery-beat, where coordinators can edit them.

Scheduled drafts are built on the 10th of the month after the period ends, so that results
logged late are still counted.
"""

import json

from django.db import migrations

SCHEDULES = [
    # name, task, kwargs, crontab (minute, hour, day of month, months)
    ("Bản tin quý của các Nhóm kỹ thuật", "reports.tasks.schedule_report", {"kind": "newsletter"}, ("0", "6", "10", "1,4,7,10")),
    ("Báo cáo 6 tháng đầu năm", "reports.tasks.schedule_report", {"kind": "six_month"}, ("0", "6", "10", "7")),
    ("Báo cáo tổng hợp thường niên", "reports.tasks.schedule_report", {"kind": "annual"}, ("0", "6", "10", "1")),
]


def create_schedules(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for name, task, kwargs, (minute, hour, day, months) in SCHEDULES:
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=minute, hour=hour, day_of_month=day, month_of_year=months, day_of_week="*", timezone="Asia/Ho_Chi_Minh"
        )
        PeriodicTask.objects.get_or_create(name=name, defaults={"task": task, "crontab": crontab, "kwargs": json.dumps(kwargs)})
    every_five, _ = IntervalSchedule.objects.get_or_create(every=5, period="minutes")
    PeriodicTask.objects.get_or_create(
        name="Khởi động lại báo cáo bị gián đoạn",
        defaults={"task": "reports.tasks.sweep_report_runs", "interval": every_five},
    )


def remove_schedules(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    names = [name for name, *_ in SCHEDULES] + ["Khởi động lại báo cáo bị gián đoạn"]
    PeriodicTask.objects.filter(name__in=names).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(create_schedules, remove_schedules)]
