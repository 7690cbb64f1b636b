"""Creates the secretariat's roles as groups with their permissions (core.roles).

Permissions are normally created after all migrations have run; they are created here first so
the groups can be given them on a fresh database.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from core.roles import ROLE_PERMISSIONS, roles_install


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    roles_install(apps)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(ROLE_PERMISSIONS)).delete()


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
