"""The mail log and account settings move here from the project package, keeping their tables."""

import django.db.models.deletion
from django.conf import settings
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
    ("network_portal", "core", "accountsettings"),
    ("network_portal", "core", "outgoingmail"),
]
# The mail tasks moved with the mail: beat's sweep must name the task where it is now.
TASKS = [("network_portal.tasks.sweep_mail", "core.tasks.sweep_mail")]


def forwards(apps, schema_editor):
    content_types_follow(apps, schema_editor, MOVES)
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for old, new in TASKS:
        PeriodicTask.objects.filter(task=old).update(task=new)


def backwards(apps, schema_editor):
    content_types_follow(apps, schema_editor, [(new, old, model) for old, new, model in MOVES])
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for old, new in TASKS:
        PeriodicTask.objects.filter(task=new).update(task=old)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("network_portal", "0005_mail_roles_and_sweep"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The tables stay as they are: only Django's picture of which app holds the model moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AccountSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                choices=[("vi", "Vietnamese"), ("en", "English")],
                                default="vi",
                                max_length=5,
                                verbose_name="language",
                            ),
                        ),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="portal_settings",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="account",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "network_portal_accountsettings",
                        "verbose_name": "account settings",
                        "verbose_name_plural": "account settings",
                    },
                ),
                migrations.CreateModel(
                    name="OutgoingMail",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
                        ("to_email", models.EmailField(max_length=254, verbose_name="email address")),
                        (
                            "language",
                            models.CharField(
                                choices=[("vi", "Vietnamese"), ("en", "English")],
                                default="vi",
                                max_length=5,
                                verbose_name="language",
                            ),
                        ),
                        ("kind", models.CharField(db_index=True, max_length=40, verbose_name="kind")),
                        ("key", models.CharField(max_length=200, unique=True, verbose_name="key")),
                        ("subject", models.CharField(max_length=255, verbose_name="subject")),
                        ("body_text", models.TextField(verbose_name="text")),
                        ("body_html", models.TextField(blank=True, verbose_name="HTML")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "waiting to be sent"),
                                    ("sending", "being sent"),
                                    ("sent", "sent"),
                                    ("failed", "failed"),
                                ],
                                db_index=True,
                                default="pending",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="attempts")),
                        ("error", models.TextField(blank=True, verbose_name="error")),
                        ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="sent at")),
                        (
                            "recipient",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="recipient",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "network_portal_outgoingmail",
                        "verbose_name": "outgoing mail",
                        "verbose_name_plural": "outgoing mail",
                        "ordering": ["-created_at"],
                        "indexes": [
                            models.Index(
                                fields=["status", "created_at"], name="network_por_status_05febf_idx"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
