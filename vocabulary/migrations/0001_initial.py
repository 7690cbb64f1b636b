"""Pillars, technical groups and provinces move here from initiatives and members, keeping their tables."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


def content_types_follow(apps, schema_editor, moves):
    """Point the content types (and so the permissions and the admin's log) of the moved models
    at their new app, so the roles keep what they were given."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for old_app, new_app, model in moves:
        if ContentType.objects.filter(app_label=old_app, model=model).exists():
            ContentType.objects.filter(app_label=new_app, model=model).delete()
            ContentType.objects.filter(app_label=old_app, model=model).update(app_label=new_app)


MOVES = [
    ("members", "vocabulary", "province"),
    ("initiatives", "vocabulary", "pillar"),
    ("initiatives", "vocabulary", "technicalgroup"),
]


def forwards(apps, schema_editor):
    content_types_follow(apps, schema_editor, MOVES)


def backwards(apps, schema_editor):
    content_types_follow(apps, schema_editor, [(new, old, model) for old, new, model in MOVES])


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("members", "0004_history_and_permissions"),
        ("initiatives", "0007_move_private_files"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        # The tables stay as they are: only Django's picture of which app holds the model moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Pillar",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
                        ("code", models.SlugField(max_length=40, unique=True, verbose_name="code")),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        ("name_vi", models.CharField(max_length=200, null=True, verbose_name="name")),
                        ("name_en", models.CharField(max_length=200, null=True, verbose_name="name")),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        (
                            "description_vi",
                            models.TextField(blank=True, null=True, verbose_name="description"),
                        ),
                        (
                            "description_en",
                            models.TextField(blank=True, null=True, verbose_name="description"),
                        ),
                        ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                        (
                            "colour",
                            models.CharField(
                                default="#1f6f5c",
                                max_length=7,
                                validators=[
                                    django.core.validators.RegexValidator(
                                        "^#[0-9a-fA-F]{6}$", "Enter a colour as #RRGGBB."
                                    )
                                ],
                                verbose_name="colour",
                            ),
                        ),
                        ("is_published", models.BooleanField(default=True, verbose_name="published")),
                    ],
                    options={
                        "verbose_name": "pillar",
                        "verbose_name_plural": "pillars",
                        "db_table": "initiatives_pillar",
                        "ordering": ["order", "code"],
                    },
                ),
                migrations.CreateModel(
                    name="Province",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("code", models.SlugField(max_length=40, unique=True, verbose_name="code")),
                        ("name", models.CharField(max_length=100, verbose_name="name")),
                        ("name_vi", models.CharField(max_length=100, null=True, verbose_name="name")),
                        ("name_en", models.CharField(max_length=100, null=True, verbose_name="name")),
                        (
                            "kind",
                            models.CharField(
                                choices=[("city", "centrally-run city"), ("province", "province")],
                                default="province",
                                max_length=10,
                                verbose_name="kind",
                            ),
                        ),
                        ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                        (
                            "successor",
                            models.ForeignKey(
                                blank=True,
                                help_text="For a former province: the current province it became part of.",
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="predecessors",
                                to="vocabulary.province",
                                verbose_name="merged into",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "province",
                        "verbose_name_plural": "provinces",
                        "db_table": "members_province",
                        "ordering": ["order", "code"],
                    },
                ),
                migrations.CreateModel(
                    name="TechnicalGroup",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        ("name_vi", models.CharField(max_length=200, null=True, verbose_name="name")),
                        ("name_en", models.CharField(max_length=200, null=True, verbose_name="name")),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        (
                            "description_vi",
                            models.TextField(blank=True, null=True, verbose_name="description"),
                        ),
                        (
                            "description_en",
                            models.TextField(blank=True, null=True, verbose_name="description"),
                        ),
                        ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                        (
                            "lead_organisation",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="led_technical_groups",
                                to="members.organisation",
                                verbose_name="lead organisation",
                            ),
                        ),
                        (
                            "pillar",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="technical_groups",
                                to="vocabulary.pillar",
                                verbose_name="pillar",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "technical group",
                        "verbose_name_plural": "technical groups",
                        "db_table": "initiatives_technicalgroup",
                        "ordering": ["pillar__order", "order", "pk"],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
