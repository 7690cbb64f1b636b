"""Pillars and provinces are the shared vocabulary's now."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0004_history_and_permissions"),
        ("vocabulary", "0001_initial"),
    ]

    operations = [
        # The tables stay as they are: only Django's picture of which app holds the model moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="historicalorganisation",
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
                migrations.AlterField(
                    model_name="organisation",
                    name="province",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="organisations",
                        to="vocabulary.province",
                        verbose_name="province",
                    ),
                ),
                migrations.AlterField(
                    model_name="organisation",
                    name="pillars",
                    field=models.ManyToManyField(
                        related_name="organisations",
                        through="members.PillarParticipation",
                        to="vocabulary.pillar",
                        verbose_name="pillars",
                    ),
                ),
                migrations.AlterField(
                    model_name="pillarparticipation",
                    name="pillar",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="participations",
                        to="vocabulary.pillar",
                        verbose_name="pillar",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
