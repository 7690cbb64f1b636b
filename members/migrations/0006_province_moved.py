"""Provinces moved to the shared vocabulary (vocabulary/migrations/0001)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0008_vocabulary"),
        ("reports", "0005_vocabulary"),
        ("members", "0005_vocabulary"),
        ("initiatives", "0008_vocabulary"),
    ]

    operations = [
        # The tables stay as they are: only Django's picture of which app holds the model moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name="Province",
                ),
            ],
            database_operations=[],
        ),
    ]
