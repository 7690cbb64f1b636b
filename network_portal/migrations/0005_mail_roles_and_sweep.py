"""Coordinators read the mail log and send failed mails again; beat sends what the broker missed."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SWEEP = "Gửi lại thư chưa được gửi"


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("network_portal")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    coordinators, _ = Group.objects.get_or_create(name="Điều phối viên")
    coordinators.permissions.add(
        Permission.objects.get(content_type__app_label="network_portal", codename="view_outgoingmail")
    )
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_five, _ = IntervalSchedule.objects.get_or_create(every=5, period="minutes")
    PeriodicTask.objects.get_or_create(
        name=SWEEP, defaults={"task": "network_portal.tasks.sweep_mail", "interval": every_five}
    )


def backwards(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=SWEEP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("network_portal", "0004_mail"),
        ("network_portal", "0003_roles"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
