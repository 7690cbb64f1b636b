"""Fills the network's kept yearly figures from the approved updates already there, and creates
beat's nightly check of those figures in django-celery-beat, where coordinators can edit it.

At 02:30 each night the check compares every kept figure with a recomputation from the approved
updates, logs the indicators that differ and writes them again.
"""

import json

from django.db import migrations

CHECK = ("Kiểm tra số liệu tổng hợp của mạng lưới", "initiatives.tasks.check_results_figures")


def fill_figures(apps, schema_editor):
    from initiatives.figures import Tables, year_figures_rebuild

    year_figures_rebuild(tables=Tables.of(apps))


def empty_figures(apps, schema_editor):
    apps.get_model("initiatives", "YearFigure").objects.all().delete()


def create_schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = CrontabSchedule.objects.get_or_create(
        minute="30", hour="2", day_of_month="*", month_of_year="*", day_of_week="*", timezone="Asia/Ho_Chi_Minh"
    )
    name, task = CHECK
    PeriodicTask.objects.get_or_create(
        name=name, defaults={"task": task, "crontab": crontab, "kwargs": json.dumps({})}
    )


def remove_schedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name=CHECK[0]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0012_year_figures"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [
        migrations.RunPython(fill_figures, empty_figures),
        migrations.RunPython(create_schedule, remove_schedule),
    ]
