"""The knowledge hub's permissions for the secretariat's roles: coordinators keep the hub and
review members' proposals; report staff may view it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATORS = "Điều phối viên"
REPORT_STAFF = "Cán bộ báo cáo"


def grant_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the roles need them now.
    config = apps.get_app_config("hub")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    hub = Permission.objects.filter(content_type__app_label="hub")
    for group in Group.objects.filter(name=COORDINATORS):
        group.permissions.add(*hub)
    for group in Group.objects.filter(name=REPORT_STAFF):
        group.permissions.add(*hub.filter(codename__startswith="view_"))


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0001_initial"),
        ("network_portal", "0003_roles"),
    ]
    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
