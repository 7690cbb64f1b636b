"""Creates the ``portal_fold`` SQL function that accent-insensitive search relies on.

SQLite gets the same function from Python on every connection (see ``apps.py``).
"""

from django.db import migrations

from core.search import postgresql_function_sql


def create_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(postgresql_function_sql())


def drop_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS portal_fold(text);")


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [migrations.RunPython(create_function, drop_function)]
