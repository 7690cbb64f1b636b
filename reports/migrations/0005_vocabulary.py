"""Pillars are the shared vocabulary's now."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0004_history_and_permissions"),
        ("vocabulary", "0001_initial"),
    ]

    operations = [
        # The tables stay as they are: only Django's picture of which app holds the model moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="historicalpublishedreport",
                    name="pillar",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="vocabulary.pillar",
                        verbose_name="pillar",
                    ),
                ),
                migrations.AlterField(
                    model_name="publishedreport",
                    name="pillar",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="vocabulary.pillar",
                        verbose_name="pillar",
                    ),
                ),
                migrations.AlterField(
                    model_name="reportrun",
                    name="pillar",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="vocabulary.pillar",
                        verbose_name="pillar",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
