"""Pillars and provinces are the shared vocabulary's now."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0007_move_private_documents"),
        ("vocabulary", "0001_initial"),
    ]

    operations = [
        # The tables stay as they are: only Django's picture of which app holds the model moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="event",
                    name="pillars",
                    field=models.ManyToManyField(
                        blank=True, related_name="events", to="vocabulary.pillar", verbose_name="pillars"
                    ),
                ),
                migrations.AlterField(
                    model_name="event",
                    name="province",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="events",
                        to="vocabulary.province",
                        verbose_name="province",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalevent",
                    name="province",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="vocabulary.province",
                        verbose_name="province",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
