"""Pillars and provinces are the shared vocabulary's now."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0007_move_private_files"),
        ("vocabulary", "0001_initial"),
    ]

    operations = [
        # The tables stay as they are: only Django's picture of which app holds the model moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="initiative",
                    name="pillars",
                    field=models.ManyToManyField(
                        blank=True, related_name="initiatives", to="vocabulary.pillar", verbose_name="pillars"
                    ),
                ),
                migrations.AlterField(
                    model_name="initiative",
                    name="provinces",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="initiatives",
                        to="vocabulary.province",
                        verbose_name="provinces",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
