"""Fills the organisers' kept event counts from the events already there, and creates beat's
nightly check of those counts in django-celery-beat, where coordinators can edit it.

At 02:45 each night the check compares every kept count with a recount of the events' organisers,
logs the organisations that differ and writes them again.
"""

import json

from django.db import migrations

CHECK = ("Kiểm tra số sự kiện của các đơn vị tổ chức", "events.tasks.check_organiser_counts")


def fill_counts(apps, schema_editor):
    from events.organiser_counts import organiser_counts_rebuild

    organiser_counts_rebuild(
        links=apps.get_model("events", "EventOrganiser"), counts=apps.get_model("events", "OrganiserEventCount")
    )


def empty_counts(apps, schema_editor):
    apps.get_model("events", "OrganiserEventCount").objects.all().delete()


def create_schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = CrontabSchedule.objects.get_or_create(
        minute="45", hour="2", day_of_month="*", month_of_year="*", day_of_week="*", timezone="Asia/Ho_Chi_Minh"
    )
    name, task = CHECK
    PeriodicTask.objects.get_or_create(
        name=name, defaults={"task": task, "crontab": crontab, "kwargs": json.dumps({})}
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=CHECK[0]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0011_organiser_event_counts"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [
        migrations.RunPython(fill_counts, empty_counts),
        migrations.RunPython(create_schedule, remove_schedule),
    ]
