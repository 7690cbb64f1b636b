"""The technical groups' permissions for the coordinators: they keep the groups' members, the
subscribers and the newsletter issues, and send the issues. Deliveries are written by sending
alone: coordinators read them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATORS = "Điều phối viên"


def grant_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the role needs them now.
    config = apps.get_app_config("groups")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=COORDINATORS):
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="groups").exclude(
                codename__in=["add_delivery", "change_delivery", "delete_delivery"]
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("groups", "0001_initial"),
        ("network_portal", "0003_roles"),
    ]
    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
