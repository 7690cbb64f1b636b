"""The mail models now belong to the core library (core/migrations/0001)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("network_portal", "0005_mail_roles_and_sweep"),
        ("core", "0001_initial"),
    ]

    operations = [
        # The tables stay as they are: only Django's picture of which app holds the model moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name="AccountSettings",
                ),
                migrations.DeleteModel(
                    name="OutgoingMail",
                ),
            ],
            database_operations=[],
        ),
    ]
