"""The log of spreadsheet imports, which coordinators read in the admin."""

import core.models
from django.contrib.auth.management import create_permissions
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


COORDINATORS = "Điều phối viên"


def grant_coordinators(apps, schema_editor):
    # On a fresh database the role may not exist yet: core.roles gives it this permission when
    # it is created. Here the role an existing portal already has is given it.
    config = apps.get_app_config("core")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.filter(content_type__app_label="core", codename="view_importrecord")
    for group in apps.get_model("auth", "Group").objects.filter(name=COORDINATORS):
        group.permissions.add(*view)


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0002_reminders'),
        ('auth', '0012_alter_user_first_name_max_length'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ImportRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('resource', models.CharField(max_length=200, verbose_name='import format')),
                ('file', models.FileField(max_length=200, storage=core.models.import_file_storage, upload_to='', verbose_name='file')),
                ('original_name', models.CharField(max_length=255, verbose_name='file name')),
                ('status', models.CharField(choices=[('previewed', 'checked, not imported'), ('refused', 'not imported: rows to correct'), ('imported', 'imported')], db_index=True, default='previewed', max_length=10, verbose_name='status')),
                ('rows', models.PositiveIntegerField(default=0, verbose_name='rows')),
                ('new', models.PositiveIntegerField(default=0, verbose_name='new')),
                ('updated', models.PositiveIntegerField(default=0, verbose_name='updated')),
                ('skipped', models.PositiveIntegerField(default=0, verbose_name='unchanged')),
                ('errors', models.PositiveIntegerField(default=0, verbose_name='with errors')),
                ('duplicates', models.PositiveIntegerField(default=0, verbose_name='possible duplicates')),
                ('imported_at', models.DateTimeField(blank=True, null=True, verbose_name='imported at')),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contenttypes.contenttype', verbose_name='imported into')),
                ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
            ],
            options={
                'verbose_name': 'spreadsheet import',
                'verbose_name_plural': 'spreadsheet imports',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.RunPython(grant_coordinators, migrations.RunPython.noop),
    ]
